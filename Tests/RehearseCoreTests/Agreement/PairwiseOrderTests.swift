import Testing

@testable import RehearseCore

@Suite("Pairwise order in n log n")
struct PairwiseOrderTests {
    /// The definition, pair by pair: what the fast count must reproduce to the last bit.
    static func naive(scores: [Double], marks: [Double]) -> (agreement: Double, pairs: Int)? {
        var agreeing = 0.0, pairs = 0
        for i in scores.indices {
            for j in scores.indices where j > i && marks[i] != marks[j] {
                pairs += 1
                let human = marks[i] < marks[j], rubric = scores[i] < scores[j]
                if scores[i] == scores[j] { agreeing += 0.5 } else if human == rubric { agreeing += 1 }
            }
        }
        return pairs == 0 ? nil : (agreeing / Double(pairs), pairs)
    }

    @Test("Equals the pair-by-pair count on random marks and scores, with many ties", arguments: 0..<40)
    func matchesNaive(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let count = Int.random(in: 0...120, using: &generator)
        // Few distinct values, so that ties in marks, in scores and in both are common.
        let markLevels = Int.random(in: 1...6, using: &generator)
        let scoreLevels = Int.random(in: 1...12, using: &generator)
        let marks = (0..<count).map { _ in Double(Int.random(in: 0..<markLevels, using: &generator)) }
        let scores = (0..<count).map { _ in Double(Int.random(in: 0..<scoreLevels, using: &generator) * 10) }
        let fast = Statistics.pairwiseOrder(scores: scores, marks: marks)
        let slow = Self.naive(scores: scores, marks: marks)
        #expect(fast?.pairs == slow?.pairs)
        #expect(fast?.agreement == slow?.agreement)
    }

    @Test("Inversions: an equal pair is no inversion, a reversed list has every pair inverted")
    func inversions() {
        var reversed: [Double] = [5, 4, 3, 2, 1]
        #expect(Statistics.inversions(&reversed) == 10)
        #expect(reversed == [1, 2, 3, 4, 5])
        var equal: [Double] = [2, 2, 2]
        #expect(Statistics.inversions(&equal) == 0)
    }
}
