import RehearseCore
import Testing

@Suite("Seeded generator")
struct SeededGeneratorTests {
    @Test("matches the SplitMix64 reference output, so a seed means the same draw everywhere")
    func referenceValues() {
        var generator = SeededGenerator(seed: 1_234_567)
        #expect(
            [generator.next(), generator.next(), generator.next()] == [
                6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            ])
    }

    @Test("the same seed shuffles the same way; another seed does not")
    func shuffleIsDeterministic() {
        let items = Array(1...20)
        var first = SeededGenerator(seed: 42), second = SeededGenerator(seed: 42), other = SeededGenerator(seed: 43)
        let shuffled = first.shuffle(items)
        #expect(shuffled == second.shuffle(items))
        #expect(shuffled != other.shuffle(items))
        #expect(shuffled.sorted() == items)
    }

    @Test("index(below:) stays in range and reaches every value")
    func indexCoversRange() {
        var generator = SeededGenerator(seed: 7)
        let drawn = (0..<600).map { _ in generator.index(below: 6) }
        #expect(drawn.allSatisfy { (0..<6).contains($0) })
        #expect(Set(drawn).count == 6)
    }
}
