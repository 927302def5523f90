import Testing

@testable import RehearseCore

@Suite("Collapsing whitespace")
struct CollapsingWhitespaceTests {
    /// What `collapsingWhitespace` means, by Character: its ASCII fast path must give the same.
    static func byCharacter(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("Runs of whitespace become one space, ends trimmed, as splitting by Character does")
    func sameAsCharacters() {
        let pieces = [
            " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "a", "bc", "-", "\u{85}",
            "\u{A0}", "é", "\u{2028}", "e\u{301}", "\u{3000}",
        ]
        // Every sequence of up to three pieces.
        var texts = [""]
        for _ in 0..<3 { texts += texts.flatMap { text in pieces.map { text + $0 } } }
        for text in Set(texts) {
            #expect(text.collapsingWhitespace == Self.byCharacter(text), "\(Array(text.unicodeScalars))")
        }
        #expect("  How do you\n\tship  a model?\r\n".collapsingWhitespace == "How do you ship a model?")
    }
}
