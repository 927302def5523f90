import Foundation
import Testing

@testable import RehearseCore

@Suite("Markdown export")
struct TranscriptMarkdownTests {
    /// An answer full of characters that mean something in Markdown: none of them may turn into markup.
    static let hostileAnswer = """
        I'd retrain the model | every week & **hope** <b>it</b> works, see [docs](http://x) ~~or not~~.
        - not a list
        1. not a list either
        # not a heading
        ===
        """

    static func transcript() throws -> (Transcript, FixtureBank) {
        let bank = try FixtureBank(files: [
            "deployment/release.yaml": FixtureBank.releaseYAML,
            "deployment/pick-again.yaml": FixtureBank.choiceYAML.replacingOccurrences(
                of: "id: pick-strategy", with: "id: pick-again"),
        ])
        let factory = TranscriptFactory(bank: try bank.load())
        let transcript = try factory.transcript(
            startedAt: TranscriptFactory.day(0),
            [
                .init(
                    "drift", hostileAnswer,
                    followUp: ("drift-detection", "I would compare the input distributions with training.")),
                .init(
                    "release", "A canary first, on a tenth of the traffic.",
                    followUp: ("rollback", "I would keep the old version warm.")),
                .init("pick-strategy", "B"),
                .init("pick-again", "", skipped: true),
            ])
        return (transcript, bank)
    }

    @Test("The report matches the golden file (REHEARSE_RECORD=1 re-records it)")
    func golden() throws {
        let (transcript, _) = try Self.transcript()
        let markdown = TranscriptMarkdown(transcript, timeZone: TimeZone(identifier: "UTC")!).render()
        try CoreSnapshot.expect(markdown, matches: "transcript-export.md")
    }

    @Test("cmark-gfm reads the summary and domain tables with one row per answer and per domain")
    func tables() throws {
        let (transcript, _) = try Self.transcript()
        let tree = try CommonMarkTree(TranscriptMarkdown(transcript, timeZone: TimeZone(identifier: "UTC")!).render())
        #expect(try tree.count("/document/table") == 2)
        let summaryRows = try tree.nodes("/document/table[1]/table_row")
        #expect(summaryRows.count == 4)
        let firstRow = try tree.texts("/document/table[1]/table_row[1]/table_cell")
        #expect(
            firstRow == [
                "1", "drift", "monitoring", "\(transcript.entries[0].grade.score)",
                transcript.entries[0].grade.band.rawValue, "1m35s / 3m00s",
            ])
        #expect(try tree.texts("/document/table[1]/table_row[4]/table_cell")[3] == "skipped")
        let domains = try tree.texts("/document/table[2]/table_row/table_cell[1]")
        #expect(domains == ["monitoring", "deployment"])
        // deployment: release 60 (canary, not rollback) and pick-strategy 100, average 80.
        let bar = try tree.texts("/document/table[2]/table_row[2]/table_cell[4]")
        #expect(bar == ["████████░░ 80"])
    }

    @Test("An answer's Markdown characters stay text: no list, heading, emphasis, link or HTML leaks")
    func escaping() throws {
        let (transcript, _) = try Self.transcript()
        let tree = try CommonMarkTree(TranscriptMarkdown(transcript).render())
        #expect(try tree.count("//block_quote//list") == 0)
        #expect(try tree.count("//block_quote//heading") == 0)
        #expect(
            try tree.count("//block_quote//emph | //block_quote//strong | //link | //html_inline | //strikethrough")
                == 0)
        let quoted = try tree.texts("//block_quote/paragraph").joined(separator: "\n")
        #expect(
            quoted.contains(
                "I'd retrain the model | every week & **hope** <b>it</b> works, see [docs](http://x) ~~or not~~."))
        #expect(quoted.contains("- not a list"))
        #expect(quoted.contains("1. not a list either"))
        #expect(quoted.contains("# not a heading"))
    }

    @Test("Each sample answer is folded in a <details> block, and each question has its own section")
    func sections() throws {
        let (transcript, _) = try Self.transcript()
        let tree = try CommonMarkTree(TranscriptMarkdown(transcript).render())
        let html = try tree.texts("/document/html_block").joined()
        #expect(
            html.components(separatedBy: "<details>").count - 1 == 2,
            "drift and release have sample answers; multiple choice has none")
        #expect(html.components(separatedBy: "</details>").count - 1 == 2)
        let headings = try tree.texts("/document/heading[@level='2']")
        #expect(
            headings == [
                "What to work on", "Summary", "Scores by domain", "1. drift", "2. release", "3. pick-strategy",
                "4. pick-again",
            ])
    }

    @Test("A concept earned only after the follow-up says so, and the missing one names the follow-up asked")
    func followUps() throws {
        let (transcript, _) = try Self.transcript()
        let markdown = TranscriptMarkdown(transcript).render()
        #expect(markdown.contains("- Detects drift (after the follow-up): “"))
        #expect(markdown.contains("**Follow-up:** How would you notice the inputs changed?"))
        #expect(
            markdown.contains(
                "- **Rolls back** (required): Every release can go wrong. Follow-up asked: “Tell me more.”"))
    }
}
