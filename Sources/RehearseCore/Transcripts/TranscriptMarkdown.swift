import Foundation

/// Renders a transcript as a Markdown report, from the transcript alone (never the current bank), so an
/// old session still exports after the rubrics change.
public struct TranscriptMarkdown {
    public var transcript: Transcript

    public init(_ transcript: Transcript) { self.transcript = transcript }

    public func render() -> String {
        ([header(), summaryTable()] + transcript.entries.enumerated().map { entrySection($1, number: $0 + 1) })
            .joined(separator: "\n")
    }

    private func header() -> String {
        let average = transcript.averageScore.map { String(format: "%.0f/100", $0) } ?? "no answers yet"
        return """
            # Mock interview, \(Self.dateText(transcript.startedAt))

            \(transcript.entries.count) of \(transcript.plan.questionIDs.count) questions answered · average \(average) · \(transcript.status.rawValue)

            """
    }

    private func summaryTable() -> String {
        var out = "| # | Question | Domain | Score | Band | Time |\n| ---: | --- | --- | ---: | --- | ---: |\n"
        for (index, entry) in transcript.entries.enumerated() {
            let score = entry.skipped ? "skipped" : "\(entry.grade.score)"
            out += "| \(index + 1) | \(Markdown.escapeCell(entry.questionID)) | \(entry.domain) | \(score) | \(entry.skipped ? "—" : entry.grade.band.rawValue) | \(Self.duration(entry.seconds)) / \(Self.duration(Double(entry.timeLimit))) |\n"
        }
        return out
    }

    private func entrySection(_ entry: Transcript.Entry, number: Int) -> String {
        var out = "## \(number). \(Markdown.escape(entry.questionID))\n\n"
        out += "*\(entry.domain) · \(entry.kind.rawValue) · \(entry.skipped ? "skipped" : "\(entry.grade.score)/100, \(entry.grade.band.rawValue)")*\n\n"
        out += Self.quoteBlock(entry.prompt) + "\n\n"
        out += "**Answer**\n\n" + (entry.skipped ? "*(skipped)*" : Self.quoteBlock(entry.answer)) + "\n\n"
        for followUp in entry.followUps {
            out += "**Follow-up:** \(Markdown.escape(followUp.question))\n\n" + Self.quoteBlock(followUp.answer) + "\n\n"
        }
        if let choice = entry.grade.choice {
            out += "Chosen **\(choice.chosen ?? "none")**, correct **\(choice.correct)**.\n\n"
            out += entry.options.map { "- **\($0.letter)** \(Markdown.escape($0.text))\($0.correct ? " ✓" : ""): \(Markdown.escape($0.why))" }.joined(separator: "\n") + "\n\n"
        }
        let covered = entry.grade.concepts.filter(\.matched)
        if !covered.isEmpty {
            out += "**Covered**\n\n" + covered.map { concept in
                "- \(Markdown.escape(concept.label))" + (concept.evidence.map { ": “\(Markdown.escape($0.context))”" } ?? "")
            }.joined(separator: "\n") + "\n\n"
        }
        let missing = entry.grade.concepts.filter { !$0.matched }
        if !missing.isEmpty {
            out += "**Missing**\n\n" + missing.map { "- \(Markdown.escape($0.label))\($0.required ? " (required)" : ""): \(Markdown.escape($0.why))" }.joined(separator: "\n") + "\n\n"
        }
        if !entry.sampleAnswer.isEmpty {
            out += "<details>\n<summary>Sample answer</summary>\n\n\(Self.quoteBlock(entry.sampleAnswer))\n\n</details>\n"
        }
        return out
    }

    static func quoteBlock(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? ">" : "> \(Markdown.escape(String($0)))" }.joined(separator: "\n")
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 60 ? "\(total / 60)m\(String(format: "%02d", total % 60))s" : "\(total)s"
    }

    static func dateText(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
