import Foundation

/// `rehearse rubric explain`: why an answer scored as it did. The answer with each concept's evidence
/// marked in place, each concept with the pattern that fired or the patterns that were tried, and the
/// score worked out line by line, so a coach can check the rule in Rubrics/README.md by hand.
public struct GradeExplanation {
    public var grade: Grade
    public var question: Question
    /// The answer exactly as graded: evidence offsets are UTF-8 byte offsets into it.
    public var answer: String

    public init(grade: Grade, question: Question, answer: String) {
        self.grade = grade
        self.question = question
        self.answer = answer
    }

    public func render(style: TextStyle = .plain) -> String {
        var sections = [[style.bold(question.id) + " · \(question.domain) · \(question.kind.rawValue)"]]
        if let choice = grade.choice {
            sections.append([style.bold("Answer")] + indented(answer.trimmingTrailingWhitespace.terminalSafe))
            sections += choiceSections(choice, style: style)
        } else {
            let legend = style.usesColor ? ", evidence highlighted:" : ", evidence in [concept: words]:"
            sections.append([style.bold("Answer") + legend] + indented(markedAnswer(style: style)))
            sections.append(conceptLines(style: style))
            sections.append(misconceptionLines(style: style))
            sections.append(scoreLines(style: style))
        }
        return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    // MARK: The answer, marked

    private struct Mark {
        var range: Range<Int>
        var labels: [String]
        var isMisconception: Bool
    }

    /// Earned concepts and triggered misconceptions, overlapping ones merged into one mark.
    private var marks: [Mark] {
        let concepts = grade.concepts.compactMap { concept in
            concept.evidence.map { Mark(range: $0.start..<$0.end, labels: [concept.id], isMisconception: false) }
        }
        let misconceptions = grade.misconceptions.map {
            Mark(range: $0.evidence.start..<$0.evidence.end, labels: ["!" + $0.id], isMisconception: true)
        }
        var merged: [Mark] = []
        for mark in (concepts + misconceptions).sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            if let last = merged.last, mark.range.lowerBound < last.range.upperBound {
                merged[merged.count - 1].range =
                    last.range.lowerBound..<max(last.range.upperBound, mark.range.upperBound)
                merged[merged.count - 1].labels += mark.labels
                merged[merged.count - 1].isMisconception = last.isMisconception || mark.isMisconception
            } else {
                merged.append(mark)
            }
        }
        return merged
    }

    private func markedAnswer(style: TextStyle) -> String {
        let bytes = Array(answer.utf8)
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self).terminalSafe }
        var out = ""
        var position = 0
        for mark in marks where mark.range.upperBound <= bytes.count {
            out += text(position..<mark.range.lowerBound)
            let words = text(mark.range)
            let labels = mark.labels.joined(separator: ", ")
            if style.usesColor {
                out += (mark.isMisconception ? style.red(words) : style.green(words)) + style.dim("⟨\(labels)⟩")
            } else {
                out += "[\(labels): \(words)]"
            }
            position = mark.range.upperBound
        }
        out += text(position..<bytes.count)
        return out.trimmingTrailingWhitespace
    }

    // MARK: Concepts and misconceptions

    private func conceptLines(style: TextStyle) -> [String] {
        var lines = [style.bold("Concepts")]
        for (result, rubricConcept) in zip(grade.concepts, question.rubric.concepts) {
            let patterns = rubricConcept.concept.patterns
            let tag = "weight \(result.weight.formatted)\(result.required ? ", required" : "")"
            if let evidence = result.evidence {
                let number = (patterns.firstIndex(of: evidence.pattern) ?? 0) + 1
                lines.append(
                    style.green("  ✓ ") + "\(result.id) (\(tag)): earned by pattern \(number) of \(patterns.count)")
                lines.append("      \(evidence.pattern)")
                lines.append("      matched \"\(evidence.quote.terminalSafe)\"")
            } else {
                let marker = result.required ? style.red("  ✗ ") : style.yellow("  ✗ ")
                lines.append(marker + "\(result.id) (\(tag)): not earned; tried \(count(patterns.count, "pattern"))")
                lines += patterns.enumerated().map { "      \($0.offset + 1). \($0.element)" }
                if let negated = result.negatedMention {
                    lines.append(
                        "      matched \"\(negated.quote.terminalSafe)\", but negated: \"\(negated.context.terminalSafe)\""
                    )
                }
            }
        }
        return lines
    }

    private func misconceptionLines(style: TextStyle) -> [String] {
        var lines = [style.bold("Misconceptions")]
        if question.rubric.misconceptions.isEmpty { lines.append("  (none in this rubric)") }
        for misconception in question.rubric.misconceptions {
            let tag = "penalty \(misconception.penalty.formatted)"
            if let found = grade.misconceptions.first(where: { $0.id == misconception.id }) {
                lines.append(style.red("  ! ") + "\(misconception.id) (\(tag)): triggered")
                lines.append("      \(found.evidence.pattern)")
                lines.append("      matched \"\(found.evidence.quote.terminalSafe)\"")
            } else {
                lines.append(
                    "  - \(misconception.id) (\(tag)): not triggered; tried \(count(misconception.patterns.count, "pattern"))"
                )
                lines += misconception.patterns.enumerated().map { "      \($0.offset + 1). \($0.element)" }
            }
        }
        return lines
    }

    // MARK: Score

    private func scoreLines(style: TextStyle) -> [String] {
        let earned = grade.concepts.filter(\.matched)
        let earnedWeight = earned.reduce(0) { $0 + $1.weight }
        let penalties = grade.misconceptions.reduce(0) { $0 + $1.penalty }
        let total = grade.concepts.reduce(0) { $0 + $1.weight }
        var lines = [
            style.bold("Score"),
            "  earned weight   " + sum(earned.map { ($0.weight, $0.id) }),
            "  penalties       " + sum(grade.misconceptions.map { ($0.penalty, $0.id) }),
            "  total weight    " + sum(grade.concepts.map { ($0.weight, $0.id) }),
        ]
        guard total > 0 else { return lines + ["  no weight to divide by: the score is 0"] }
        let fraction = (earnedWeight - penalties) / total
        lines.append(
            "  fraction        (\(earnedWeight.formatted) − \(penalties.formatted)) ÷ \(total.formatted) = \(decimal(fraction, places: 4))"
        )
        let percent = 100 * fraction
        var line = "  × 100           \(decimal(percent, places: 2))"
        if percent < 0 { line += ", clamped to 0" } else if percent > 100 { line += ", clamped to 100" }
        lines.append(line)
        lines.append(
            "  rounded         "
                + style.band(grade.band, "\(grade.score)/100 (\(grade.band.rawValue), \(bandRange(grade.band)))"))
        return lines
    }

    private func choiceSections(_ choice: ChoiceResult, style: TextStyle) -> [[String]] {
        let chosen =
            choice.chosen.map { "read the letter \($0) from the answer" } ?? "found no option letter in the answer"
        return [
            [style.bold("Choice"), "  \(chosen); the correct option is \(choice.correct)"],
            [
                style.bold("Score"),
                "  " + style.band(grade.band, "\(grade.score)/100 (\(grade.band.rawValue))")
                    + ": a multiple-choice answer scores 100 for the correct letter, 0 otherwise",
            ],
        ]
    }

    private func sum(_ terms: [(Double, String)]) -> String {
        guard !terms.isEmpty else { return "none = 0" }
        let total = terms.reduce(0) { $0 + $1.0 }
        return terms.map { "\($0.0.formatted) (\($0.1))" }.joined(separator: " + ") + " = \(total.formatted)"
    }

    private func bandRange(_ band: Band) -> String {
        switch band {
        case .weak: "0–40"
        case .partial: "41–59"
        case .solid: "60–79"
        case .strong: "80–100"
        }
    }

    private func decimal(_ value: Double, places: Int) -> String { String(format: "%.\(places)f", value) }

    private func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    private func indented(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
    }
}
