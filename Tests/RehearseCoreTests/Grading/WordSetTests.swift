import Testing

@testable import RehearseCore

/// `WordSet` and `WordKeyed` rule words out before hashing; they must answer exactly as `Set<String>` and
/// `Dictionary` do, or a stance rule would change a grade.
@Suite("Word sets that filter before hashing")
struct WordSetTests {
    static let probes = [
        "not", "no", "never", "nope", "k", "K", "\u{212A}", "n\u{2019}t", "can't", "cannot", "", " ", "no-one",
        "caf\u{E9}", "cafe\u{301}", "nó", "n", "nothing", "nothingness", String(repeating: "a", count: 40), "NOT",
        "don't", "do", "1", "one", ";", "\u{37E}", "`", "\u{1FEF}", "why bother",
        String(repeating: "b", count: 31), String(repeating: "b", count: 32),
    ]

    @Test("A set of plain words answers as Set<String> for every probe")
    func plainSet() {
        let words: Set<String> = [
            "not", "never", "no", "cannot", "no-one", "don't", "1", "why bother", "k",
            String(repeating: "b", count: 31),
        ]
        let filtered = WordSet(words)
        for probe in Self.probes { #expect(filtered.contains(probe) == words.contains(probe), "\(probe)") }
    }

    @Test("A set with other words is not filtered, and still answers as Set<String>")
    func otherSet() {
        let words: Set<String> = ["caf\u{E9}", "K", ";", "`", "not", String(repeating: "a", count: 40), ""]
        let filtered = WordSet(words)
        for probe in Self.probes { #expect(filtered.contains(probe) == words.contains(probe), "\(probe)") }
    }

    @Test("WordKeyed looks up as the dictionary does")
    func keyed() {
        let values = ["turn": ["off"], "rid": ["of"], "no-one": ["needs"]]
        let keyed = WordKeyed(values)
        for probe in Self.probes + ["turn", "rid", "turns"] { #expect(keyed[probe] == values[probe], "\(probe)") }
    }
}
