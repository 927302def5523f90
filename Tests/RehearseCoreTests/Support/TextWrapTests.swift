import Testing

@testable import RehearseCore

@Suite("Wrapping text for the terminal")
struct TextWrapTests {
    @Test("Long lines break between words, never inside one")
    func breaksBetweenWords() {
        let text = "You have just deployed a churn-prediction model behind a REST API. Walk me through monitoring."
        let wrapped = TextWrap.wrap(text, width: 40)
        for line in wrapped.split(separator: "\n") { #expect(line.count <= 40, "\(line)") }
        #expect(wrapped.replacingOccurrences(of: "\n", with: " ") == text)
    }

    @Test("Continuation lines hang at the line's own indentation")
    func hangingIndent() {
        let wrapped = TextWrap.wrap(
            "      \"I'd track latency, error rates and the prediction distribution in Prometheus\"", width: 40)
        let lines = wrapped.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.hasPrefix("      ") && !$0.hasPrefix("       ") })
    }

    @Test("A marked item hangs under its text")
    func markedItem() {
        let lines = TextWrap.wrap(
            "  ✓ Detects drift by comparing live inputs with the training data [drift-detection]", width: 40
        )
        .split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("    ") && !$0.hasPrefix("     ") })
    }

    @Test("An indentation inside a colour code still hangs")
    func indentInsideColour() {
        let dimmed = "\u{1B}[2m      Why it matters: A dashboard nobody is looking at catches nothing at all.\u{1B}[0m"
        let lines = TextWrap.wrap(dimmed, width: 50).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix("      ") && !lines[1].hasPrefix("       "))
    }

    @Test("Colour codes take no width, short lines and blank lines are left alone")
    func colourAndShortLines() {
        let coloured = "\u{1B}[32m  ✓ \u{1B}[0mTracks the model's live performance metrics"
        #expect(TextWrap.visibleWidth(coloured) == 47)
        #expect(TextWrap.wrap(coloured, width: 47) == coloured)
        #expect(TextWrap.wrap("short\n\nlines", width: 30) == "short\n\nlines")
    }
}
