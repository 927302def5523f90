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
                let how =
                    if let misconception = result.contradictedBy {
                        "matched by pattern \(number) of \(patterns.count), but cancelled by misconception '\(misconception)'"
                    } else {
                        (result.isNamedOnly ? "named only, by pattern " : "earned by pattern ")
                            + "\(number) of \(patterns.count)" + (result.isViaFollowUp ? ", in the follow-up" : "")
                    }
                lines.append(
                    (result.matched ? style.green("  ✓ ") : style.red("  ✗ ")) + "\(result.id) (\(tag)): \(how)")
                lines.append("      \(evidence.pattern)")
                lines.append("      matched \"\(evidence.quote.terminalSafe)\"")
            } else {
                let marker = result.required ? style.red("  ✗ ") : style.yellow("  ✗ ")
                lines.append(marker + "\(result.id) (\(tag)): not earned; tried \(count(patterns.count, "pattern"))")
                lines += patterns.enumerated().map { "      \($0.offset + 1). \($0.element)" }
                if let negated = result.negatedMention {
                    let cue = result.rejectedBy.map { " (by \"\($0)\")" } ?? ""
                    lines.append(
                        "      matched \"\(negated.quote.terminalSafe)\", but rejected\(cue): \"\(negated.context.terminalSafe)\""
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

    /// The grader's own breakdown, line by line: what is printed is what was computed.
    private func scoreLines(style: TextStyle) -> [String] {
        guard let breakdown = grade.breakdown else { return [style.bold("Score"), "  \(grade.score)/100"] }
        var lines = [style.bold("Score")]
        for line in breakdown.lines {
            let credit = line.credit == 1 || line.credit == 0 ? "" : " × \(decimal(line.credit, places: 2))"
            lines.append(
                "  \(line.conceptID.padding(toLength: 28, withPad: " ", startingAt: 0)) \(line.weight.formatted)\(credit) = \(decimal(line.earned, places: 2))  (\(line.reason))"
            )
        }
        lines.append(
            "  earned weight   \(decimal(breakdown.earnedWeight, places: 2)) of \(breakdown.totalWeight.formatted)")
        lines.append("  penalties       " + sum(breakdown.penalties.map { ($0.penalty, $0.id) }))
        guard breakdown.totalWeight > 0 else { return lines + ["  no weight to divide by: the score is 0"] }
        let raw = (breakdown.earnedWeight - breakdown.penaltyWeight) / breakdown.totalWeight
        var share =
            "  share           (\(decimal(breakdown.earnedWeight, places: 2)) − \(breakdown.penaltyWeight.formatted)) ÷ \(breakdown.totalWeight.formatted) = \(decimal(raw, places: 4))"
        if raw < 0 { share += ", clamped to 0" } else if raw > 1 { share += ", clamped to 1" }
        lines.append(share)
        lines.append(
            "  curve           \(breakdown.curve.rawValue)(\(decimal(breakdown.share, places: 4))) × 100 = \(decimal(100 * breakdown.curve.apply(breakdown.share), places: 2))"
        )
        lines.append(
            "  rounded         "
                + style.band(grade.band, "\(grade.score)/100 (\(grade.band.rawValue), \(bandRange(grade.band)))"))
        if let rules = gradingRules { lines.append("  grading         \(rules), as the question file sets") }
        for caveat in grade.caveats ?? [] { lines.append("  note: \(caveat)") }
        return lines
    }

    /// The question's `grading:` rules that differ from the defaults, which change what earns a concept.
    private var gradingRules: String? {
        let rules = question.rubric.grading.nonDefault.map { "\($0.yaml) (\($0.effect))" }
        return rules.isEmpty ? nil : rules.joined(separator: "; ")
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
        let next = Band.thresholds.first { $0.from > band.lowerBound }?.from
        return "\(band.lowerBound)–\(next.map { $0 - 1 } ?? 100)"
    }

    private func decimal(_ value: Double, places: Int) -> String { String(format: "%.\(places)f", value) }

    private func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    private func indented(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
    }
}
