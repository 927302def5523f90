import Testing

@testable import RehearseCore

@Suite("Edit distance")
struct EditDistanceTests {
    static let words = [
        "", "a", "retrain", "retrian", "rtrain", "retraining", "retrianing", "monitor", "montior", "drift",
        "dirft", "pseudonymise", "pseudonymize", "café", "cafe\u{301}", "naïve", "naive", "abcdef", "badcfe",
        "xyz", "kubernetes", "kuberentes", "a\r\nb", "a\nb",
    ]

    @Test("Known distances: a swapped pair counts as one edit")
    func knownDistances() {
        #expect(editDistance("retrain", "retrian") == 1)
        #expect(editDistance("retraining", "retrianing") == 1)
        #expect(editDistance("drift", "dirft") == 1)
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("", "drift") == 5)
    }

    @Test("The bounded distance is the distance up to the limit, and the limit plus one past it")
    func boundedMatchesFull() {
        for a in Self.words {
            for b in Self.words {
                let full = editDistance(a, b)
                for limit in 0...3 {
                    #expect(
                        editDistance(a, b, atMost: limit) == min(full, limit + 1),
                        "\(a.debugDescription) \(b.debugDescription) limit \(limit)")
                }
            }
        }
    }
}
