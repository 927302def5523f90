import Foundation

/// Renders a transcript as a Markdown report, from the transcript alone (never the current bank), so an
/// old session still exports after the rubrics change. The output is CommonMark with GFM tables, and
/// keeps to what GitHub, GitLab and common editors render: tables, text bars, `<details>`.
public struct TranscriptMarkdown {
    public var transcript: Transcript
    /// The zone the report's dates are written in.
    public var timeZone: TimeZone

    public init(_ transcript: Transcript, timeZone: TimeZone = .current) {
        self.transcript = transcript
        self.timeZone = timeZone
    }

    /// Above this many questions (a practice exam, say) each question's section is folded away.
    public static let foldAbove = 10

    public func render() -> String {
        var sections = [header(), WorkOnSection(transcript: transcript).markdown(), summaryTable()]
        if let chart = domainChart() { sections.append(chart) }
        let fold = transcript.entries.count > Self.foldAbove
        sections += transcript.entries.enumerated().map { index, entry in
            // A retry is shown beside the attempt before it.
            let earlier = transcript.entries[..<index].last { $0.questionID == entry.questionID }
            let comparison = earlier.map { AttemptComparison(before: $0, after: entry).markdown() } ?? ""
            return fold
                ? foldedSection(entry, number: index + 1, comparison: comparison)
                : entrySection(entry, number: index + 1, comparison: comparison)
        }
        return sections.joined(separator: "\n")
    }

    private func header() -> String {
        let average =
            transcript.averageScore.map { String(format: "%.0f/100 ", $0) + transcript.averageCovers }
            ?? "no answers yet"
        let title = transcript.plan.drill == true ? "Drill" : "Mock interview"
        return """
            # \(title), \(Self.dateText(transcript.startedAt, in: timeZone))

            \(transcript.answeredSummary) · average \(average) · \(transcript.status.rawValue)

            """
    }

    private func summaryTable() -> String {
        var out =
            "## Summary\n\n| # | Question | Domain | Score | Band | Time |\n| ---: | --- | --- | ---: | --- | ---: |\n"
        for (index, entry) in transcript.entries.enumerated() {
            let score = entry.skipped ? "skipped" : entry.ungraded != nil ? "not graded" : "\(entry.grade.score)"
            let band = entry.skipped || entry.ungraded != nil ? "—" : entry.grade.band.rawValue
            let time = "\(Self.duration(entry.seconds)) / \(Self.duration(Double(entry.timeLimit)))"
            out +=
                "| \(index + 1) | \(Markdown.escape(entry.questionID)) | \(Markdown.escape(entry.domain)) | \(score) | \(band) | \(time) |\n"
        }
        return out
    }

    /// A table with a text bar per domain: renders the same on every Markdown viewer, unlike a chart block.
    private func domainChart() -> String? {
        let answered = transcript.entries.filter { !$0.skipped && $0.ungraded == nil }
        guard !answered.isEmpty else { return nil }
        var domains: [String] = []
        for entry in answered where !domains.contains(entry.domain) { domains.append(entry.domain) }
        var out = "## Scores by domain\n\n| Domain | Answers | Average | Chart |\n| --- | ---: | ---: | --- |\n"
        for domain in domains {
            let scores = answered.filter { $0.domain == domain }.map { Double($0.grade.score) }
            let average = scores.reduce(0, +) / Double(scores.count)
            out +=
                "| \(Markdown.escape(domain)) | \(scores.count) | \(Int(average.rounded())) | `\(Markdown.bar(average)) \(Int(average.rounded()))` |\n"
        }
        return out
    }

    /// The section inside `<details>`, its summary the heading's words and the score.
    private func foldedSection(_ entry: Transcript.Entry, number: Int, comparison: String) -> String {
        let body = entrySection(entry, number: number, heading: false, comparison: comparison)
        return
            "<details>\n<summary>\(number). \(Markdown.escape(entry.questionID)): \(Self.result(of: entry))</summary>\n\n"
            + body + "\n</details>\n"
    }

    private static func result(of entry: Transcript.Entry) -> String {
        entry.skipped
            ? "skipped, counted as 0"
            : entry.ungraded != nil ? "not graded" : "\(entry.grade.score)/100, \(entry.grade.band.rawValue)"
    }

    private func entrySection(_ entry: Transcript.Entry, number: Int, heading: Bool = true, comparison: String)
        -> String
    {
        let attempt = entry.attempt.map { ", attempt \($0)" } ?? ""
        var out = heading ? "## \(number). \(Markdown.escape(entry.questionID))\(attempt)\n\n" : ""
        let result = Self.result(of: entry)
        out +=
            "*\(Markdown.escape(entry.domain)) · \(entry.kind.rawValue) · \(result) · \(Self.duration(entry.seconds)) of \(Self.duration(Double(entry.timeLimit)))*\n\n"
        out += comparison + "**Question**\n\n" + Self.quoteBlock(entry.prompt) + "\n\n"
        out += "**Answer**\n\n" + (entry.skipped ? "*(skipped)*" : Self.quoteBlock(entry.answer)) + "\n\n"
        for followUp in entry.followUps {
            out +=
                "**Follow-up:** \(Markdown.escape(followUp.question))\n\n" + Self.quoteBlock(followUp.answer) + "\n\n"
        }
        if let reason = entry.ungraded {
            out += "*Not graded: \(Markdown.escape(reason)) 'rehearse regrade --write' grades it.*\n\n"
        } else if !entry.skipped {
            if let choice = entry.grade.choice {
                out += choiceSection(choice, entry: entry)
            } else {
                out += coveredSection(entry) + missingSection(entry)
            }
            out += misconceptionSection(entry) + notesSection(entry)
        }
        if !entry.sampleAnswer.isEmpty {
            out +=
                "<details>\n<summary>Sample answer</summary>\n\n\(Self.quoteBlock(entry.sampleAnswer))\n\n</details>\n"
        }
        return out
    }

    private func choiceSection(_ choice: ChoiceResult, entry: Transcript.Entry) -> String {
        var out = "Chosen **\(choice.chosen ?? "none")**, correct **\(choice.correct)**.\n\n"
        out += entry.options.map { option in
            "- **\(option.letter)** \(Markdown.escape(option.text))\(option.correct ? " ✓" : "") — \(Markdown.escape(option.why))"
        }.joined(separator: "\n")
        return out + "\n\n"
    }

    private func coveredSection(_ entry: Transcript.Entry) -> String {
        let covered = entry.grade.concepts.filter(\.matched)
        guard !covered.isEmpty else { return "**Covered:** nothing yet.\n\n" }
        return "**Covered**\n\n"
            + covered.map { concept in
                let late =
                    concept.isNamedOnly
                    ? " (named, not explained: \(Int((concept.credit * 100).rounded()))% credit)"
                    : entry.recall(of: concept) == .hard ? " (after the follow-up)" : ""
                let quote = concept.evidence.map { ": “\(Markdown.escape($0.context))”" } ?? ""
                return "- \(Markdown.escape(concept.label))\(late)\(quote)"
            }.joined(separator: "\n") + "\n\n"
    }

    private func missingSection(_ entry: Transcript.Entry) -> String {
        let missing = entry.grade.concepts.filter { !$0.matched }.sorted { $0.required && !$1.required }
        guard !missing.isEmpty else { return "" }
        return "**Missing**\n\n"
            + missing.map { concept in
                var line =
                    "- **\(Markdown.escape(concept.label))**\(concept.required ? " (required)" : ""): \(Markdown.escape(concept.why))"
                if let misconception = concept.contradictedBy {
                    line +=
                        " Contradicted by a wrong claim in the answer (\(Markdown.escape(misconception))), so not counted."
                } else if let negated = concept.negatedMention {
                    line += " Turned down, so not counted: “\(Markdown.escape(negated.context))”."
                }
                if let followUp = entry.followUp(for: concept.id) {
                    line += " Follow-up asked: “\(Markdown.escape(followUp.question))”"
                }
                return line
            }.joined(separator: "\n") + "\n\n"
    }

    private func misconceptionSection(_ entry: Transcript.Entry) -> String {
        guard !entry.grade.misconceptions.isEmpty else { return "" }
        return "**Misconceptions**\n\n"
            + entry.grade.misconceptions.map { misconception in
                "- **\(Markdown.escape(misconception.label))** (−\(misconception.penalty.formatted)): “\(Markdown.escape(misconception.evidence.context))”. \(Markdown.escape(misconception.why))"
            }.joined(separator: "\n") + "\n\n"
    }

    private func notesSection(_ entry: Transcript.Entry) -> String {
        guard !entry.grade.signals.isEmpty else { return "" }
        return "**Notes**\n\n" + entry.grade.signals.map { "- \($0.advice)" }.joined(separator: "\n") + "\n\n"
    }

    /// The text as a block quote, line for line; blank lines stay paragraph breaks.
    static func quoteBlock(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.allSatisfy(\.isWhitespace) ? ">" : "> \(Markdown.escapeLine(String($0)))" }.joined(
                separator: "\n")
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 60 ? "\(total / 60)m\(String(format: "%02d", total % 60))s" : "\(total)s"
    }

    static func dateText(_ date: Date, in timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
