import Testing

@testable import RehearseCore

/// Grading asks word sets about a word's bytes in place (`WordTable`); every answer must be the one
/// the `Set<String>` it stands for gives, or grades would change.
@Suite struct WordTableTests {
    private func contains(_ table: WordTable, _ word: String) -> Bool {
        var word = word
        return word.withUTF8 { table.contains($0) }
    }

    @Test func answersAsItsSetForASCIIWords() {
        let words: Set<String> = ["a", "vs", "key", "against", "thresholds", "e.g", "it's", "end-to-end"]
        let table = WordTable(words)
        for word in [
            "a", "vs", "key", "against", "thresholds", "e.g", "it's", "end-to-end", "keys", "ke", "b", "agains",
        ] {
            #expect(contains(table, word) == words.contains(word), "\(word)")
        }
    }

    /// String equality is canonical equivalence: "café" written with a combining accent is "café", and
    /// the Kelvin sign is "K". A byte comparison would say no to both.
    @Test func answersAsItsSetForCanonicallyEquivalentWords() {
        #expect(contains(WordTable(["café"]), "cafe\u{301}"))
        #expect(contains(WordTable(["K"]), "\u{212A}"))
        #expect(!contains(WordTable(["k"]), "\u{212A}"))
    }

    @Test func wordsOfBytesAreTheWordsOfTheText() {
        let text =
            "Canary 10% of traffic, e.g. Sagemaker's \u{2019}shadow\u{2019}: roll-back (CI/CD) — naïve 2x\n- done"
        var found: [String] = []
        var bytes = text
        bytes.withUTF8 { Words.forEach(in: $0) { found.append(String(decoding: $0, as: UTF8.self)) } }
        #expect(found == Words.of(text))
    }
}
