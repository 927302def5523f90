import Foundation

/// Renders a grade for people (text, Markdown) and for scripts (JSON).
public struct GradeReport {
    public var grade: Grade
    public var question: Question

    public init(grade: Grade, question: Question) {
        self.grade = grade
        self.question = question
    }

    public func render(_ format: OutputFormat, style: TextStyle = .plain) -> String {
        switch format {
        case .text: text(style: style)
        case .markdown: markdown()
        case .json: json()
        }
    }

    // MARK: Text

    public func text(style: TextStyle) -> String {
        var lines = [
            "\(style.bold(question.id)) · \(question.domain) · \(question.kind.rawValue)",
            "Score \(style.band(grade.band, "\(grade.score)/100 (\(grade.band.rawValue))"))",
        ]
        if let choice = grade.choice {
            lines += choiceLines(choice, style: style)
        } else {
            lines += conceptLines(style: style)
        }
        for misconception in grade.misconceptions {
            lines.append(style.red("  ! \(misconception.label) (−\(misconception.penalty.formatted))"))
            lines.append("      \"\(misconception.evidence.context.terminalSafe)\"")
            lines.append(style.dim("      \(misconception.why)"))
        }
        if !grade.signals.isEmpty {
            lines.append("Notes:")
            lines += grade.signals.map { "  - \($0.advice)" }
        }
        if let caveats = grade.caveats {
            lines.append("This grade may be off:")
            lines += caveats.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func conceptLines(style: TextStyle) -> [String] {
        var lines = ["Covered:"]
        let covered = grade.concepts.filter(\.matched)
        if covered.isEmpty { lines.append("  (nothing yet)") }
        for concept in covered {
            let marker = concept.isNamedOnly ? style.yellow("  ~ ") : style.green("  ✓ ")
            lines.append(
                marker + "\(concept.label) " + style.dim("[\(concept.id), weight \(concept.weight.formatted)]"))
            if let evidence = concept.evidence {
                lines.append("      \"\(evidence.context.terminalSafe)\"")
                for correction in evidence.corrections ?? [] {
                    let kind = correction.spelling == true ? "the spelling " : ""
                    lines.append(style.dim("      read \"\(correction.read)\" as \(kind)\"\(correction.takenAs)\""))
                }
            }
            if concept.isNamedOnly {
                lines.append(
                    style.yellow(
                        "      Named, not explained (\(Int((concept.credit * 100).rounded()))% credit): say what you would do with it, and why."
                    ))
            } else if concept.isViaFollowUp {
                lines.append(
                    style.dim(
                        "      Earned in your follow-up answer (\(Int((concept.credit * 100).rounded()))% credit): say it the first time."
                    ))
            }
        }
        let missing = grade.concepts.filter { !$0.matched }
        if !missing.isEmpty { lines.append("Missing:") }
        for concept in missing.sorted(by: { $0.required && !$1.required }) {
            let marker = concept.required ? style.red("  ✗ ") : style.yellow("  ○ ")
            let tag = concept.required ? "required, " : ""
            lines.append(
                marker + "\(concept.label) " + style.dim("[\(concept.id), \(tag)weight \(concept.weight.formatted)]"))
            if let misconception = concept.contradictedBy,
                let claim = grade.misconceptions.first(where: { $0.id == misconception })
            {
                lines.append("      contradicted by what you also said (\(claim.label)), so not counted")
            } else if let negated = concept.negatedMention {
                let cue = concept.rejectedBy.map { " (\"\($0)\")" } ?? ""
                lines.append("      turned down\(cue), so not counted: \"\(negated.context.terminalSafe)\"")
            }
            lines.append(style.dim("      Why it matters: \(concept.why)"))
        }
        return lines
    }

    private func choiceLines(_ choice: ChoiceResult, style: TextStyle) -> [String] {
        var lines = ["You chose \(choice.chosen ?? "nothing"); the answer is \(choice.correct)."]
        for option in question.options {
            let mark = option.correct ? style.green("✓") : (option.letter == choice.chosen ? style.red("✗") : " ")
            lines.append("  \(mark) \(option.letter)) \(option.text)")
            lines.append(style.dim("      \(option.why)"))
        }
        return lines
    }

    // MARK: Markdown

    public func markdown() -> String {
        var out = "## \(question.id)\n\n"
        out +=
            "**Score:** \(grade.score)/100 (\(grade.band.rawValue)) · \(question.domain) · \(question.kind.rawValue)\n\n"
        if let choice = grade.choice {
            out += "Chosen: **\(choice.chosen ?? "none")**; correct: **\(choice.correct)**.\n\n"
            for option in question.options {
                out +=
                    "- **\(option.letter)** \(Markdown.escape(option.text))\(option.correct ? " ✓" : "")  \n  \(Markdown.escape(option.why))\n"
            }
            return out
        }
        out += "| Concept | Weight | Required | Matched | Evidence |\n| --- | --- | --- | --- | --- |\n"
        for concept in grade.concepts {
            let evidence = concept.evidence.map { "“\(Markdown.escape($0.context))”" } ?? "—"
            out +=
                "| \(Markdown.escape(concept.label)) | \(concept.weight.formatted) | \(concept.required ? "yes" : "no") | \(concept.matched ? "✓" : "✗") | \(evidence) |\n"
        }
        let missing = grade.concepts.filter { !$0.matched }
        if !missing.isEmpty {
            out += "\n**Missing**\n\n"
            out +=
                missing.map { "- **\(Markdown.escape($0.label))**: \(Markdown.escape($0.why))" }.joined(separator: "\n")
                + "\n"
        }
        if !grade.misconceptions.isEmpty {
            out += "\n**Misconceptions**\n\n"
            out +=
                grade.misconceptions.map {
                    "- **\(Markdown.escape($0.label))** (−\($0.penalty.formatted)): \(Markdown.escape($0.why))"
                }.joined(separator: "\n") + "\n"
        }
        if !grade.signals.isEmpty {
            out += "\n**Notes**\n\n" + grade.signals.map { "- \($0.advice)" }.joined(separator: "\n") + "\n"
        }
        if let caveats = grade.caveats {
            out +=
                "\n**This grade may be off**\n\n" + caveats.map { "- \(Markdown.escape($0))" }.joined(separator: "\n")
                + "\n"
        }
        return out
    }

    // MARK: JSON

    /// The stable JSON shape documented in Rubrics/README.md.
    struct JSONShape: Encodable {
        struct Concept: Encodable {
            struct ReadAs: Encodable {
                var read: String, takenAs: String
                enum CodingKeys: String, CodingKey { case read, takenAs = "taken_as" }
            }
            var id: String, label: String, weight: Double, required: Bool, matched: Bool
            var credit: Double
            var namedOnly: Bool
            var readAs: [ReadAs]
            var evidence: String?
            var quote: String?
            var pattern: String?
            var negated: String?
            var rejectedBy: String?
            var contradictedBy: String?
            var viaFollowUp: Bool

            // Scripts rely on every key being present: absent evidence is `null`, not a missing key.
            enum CodingKeys: String, CodingKey {
                case id, label, weight, required, matched, credit, namedOnly = "named_only", readAs = "read_as",
                    evidence, quote, pattern, negated, rejectedBy = "rejected_by", contradictedBy = "contradicted_by",
                    viaFollowUp = "via_follow_up"
            }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(id, forKey: .id)
                try container.encode(label, forKey: .label)
                try container.encode(weight, forKey: .weight)
                try container.encode(required, forKey: .required)
                try container.encode(matched, forKey: .matched)
                try container.encode(credit, forKey: .credit)
                try container.encode(namedOnly, forKey: .namedOnly)
                try container.encode(readAs, forKey: .readAs)
                try container.encode(evidence, forKey: .evidence)
                try container.encode(quote, forKey: .quote)
                try container.encode(pattern, forKey: .pattern)
                try container.encode(negated, forKey: .negated)
                try container.encode(rejectedBy, forKey: .rejectedBy)
                try container.encode(contradictedBy, forKey: .contradictedBy)
                try container.encode(viaFollowUp, forKey: .viaFollowUp)
            }
        }
        struct Misconception: Encodable {
            var id: String, label: String, penalty: Double, evidence: String
        }
        var questionId: String
        var domain: String
        var kind: String
        var score: Int
        var band: String
        var concepts: [Concept]
        var missing: [String]
        var missingRequired: [String]
        var misconceptions: [Misconception]
        var signals: [String]
        var chosen: String?
        var correct: String?
        var breakdown: Breakdown?
        var caveats: [String]

        /// The `ScoreBreakdown`, under the snake_case keys the encoder would give it.
        struct Breakdown: Encodable {
            struct Line: Encodable {
                var conceptID: String, weight: Double, credit: Double, earned: Double, reason: String
                enum CodingKeys: String, CodingKey {
                    case conceptID = "concept_id", weight, credit, earned, reason
                }
            }
            var lines: [Line]
            var penalties: [ScoreBreakdown.Penalty]
            var totalWeight: Double, earnedWeight: Double, penaltyWeight: Double, share: Double
            var curve: ScoringCurve
            var score: Int

            enum CodingKeys: String, CodingKey {
                case lines, penalties, totalWeight = "total_weight", earnedWeight = "earned_weight",
                    penaltyWeight = "penalty_weight", share, curve, score
            }

            init(_ breakdown: ScoreBreakdown) {
                lines = breakdown.lines.map {
                    Line(
                        conceptID: $0.conceptID, weight: $0.weight, credit: $0.credit, earned: $0.earned,
                        reason: $0.reason)
                }
                penalties = breakdown.penalties
                totalWeight = breakdown.totalWeight
                earnedWeight = breakdown.earnedWeight
                penaltyWeight = breakdown.penaltyWeight
                share = breakdown.share
                curve = breakdown.curve
                score = breakdown.score
            }
        }

        // Every key written as it appears, so the encoder converts none: converting them cost a third
        // of the encoding, on every key of every grade of a batch.
        enum CodingKeys: String, CodingKey {
            case questionId = "question_id", domain, kind, score, band, concepts, missing,
                missingRequired = "missing_required", misconceptions, signals, chosen, correct, breakdown, caveats
        }
    }

    /// `compact`: on one line, for JSON Lines (`grade --batch`).
    public func json(compact: Bool = false) -> String {
        let shape = JSONShape(
            questionId: grade.questionID, domain: question.domain, kind: question.kind.rawValue, score: grade.score,
            band: grade.band.rawValue,
            concepts: grade.concepts.map {
                .init(
                    id: $0.id, label: $0.label, weight: $0.weight, required: $0.required, matched: $0.matched,
                    credit: $0.credit, namedOnly: $0.isNamedOnly,
                    readAs: ($0.evidence?.corrections ?? []).map { .init(read: $0.read, takenAs: $0.takenAs) },
                    evidence: $0.evidence?.context, quote: $0.evidence?.quote, pattern: $0.evidence?.pattern,
                    negated: $0.negatedMention?.context, rejectedBy: $0.rejectedBy, contradictedBy: $0.contradictedBy,
                    viaFollowUp: $0.isViaFollowUp)
            },
            missing: grade.missing, missingRequired: grade.missingRequired.map(\.id),
            misconceptions: grade.misconceptions.map {
                .init(id: $0.id, label: $0.label, penalty: $0.penalty, evidence: $0.evidence.context)
            },
            signals: grade.signals.map(\.rawValue), chosen: grade.choice?.chosen, correct: grade.choice?.correct,
            breakdown: grade.breakdown.map(JSONShape.Breakdown.init), caveats: grade.caveats ?? [])
        return JSONOutput.encode(shape, compact: compact, keysAsWritten: true)
    }
}

/// Pretty, key-sorted, snake_case JSON, the same for every command's `--format json`; `compact` puts
/// it on one line, without the final newline (for JSON Lines).
public enum JSONOutput {
    /// `keysAsWritten`: the value's coding keys are snake_case already, so none is converted.
    public static func encode(_ value: some Encodable, compact: Bool = false, keysAsWritten: Bool = false) -> String {
        let encoder = encoders[(compact ? 1 : 0) + (keysAsWritten ? 2 : 0)]
        guard let data = try? encoder.encode(value) else { return compact ? "{}" : "{}\n" }
        return String(decoding: data, as: UTF8.self) + (compact ? "" : "\n")
    }

    /// One encoder per combination of `compact` and `keysAsWritten`, made once.
    private static let encoders: [JSONEncoder] = [false, true].flatMap { keysAsWritten in
        [false, true].map { compact in
            let encoder = JSONEncoder()
            encoder.outputFormatting =
                compact
                ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            if !keysAsWritten { encoder.keyEncodingStrategy = .convertToSnakeCase }
            return encoder
        }
    }
}

/// Escaping for text placed in Markdown, so an answer's own characters never turn into markup.
public enum Markdown {
    /// Characters CommonMark or GFM would read as markup anywhere in a line: emphasis, code, links, HTML,
    /// entities (`&amp;`), strikethrough (`~`), table cells (`|`).
    static let inlineMarkup: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "&", "~"]

    /// One line of text, white space collapsed, safe inside a paragraph, a list item or a table cell.
    public static func escape(_ text: String) -> String {
        if let escaped = escapeASCII(text) { return escaped }
        var out = ""
        for character in text.collapsingWhitespace.terminalSafe {
            if inlineMarkup.contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// `escape` over bytes, for text that is all ASCII (most is): the same output, without walking
    /// Characters (nil when a byte is not ASCII). ASCII white space is tab to carriage return and space.
    private static func escapeASCII(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        var pendingSpace = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            if inlineMarkupBytes.contains(byte) { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let inlineMarkupBytes: Set<UInt8> = Set(inlineMarkup.compactMap(\.asciiValue))

    /// `escape`, and also safe at the start of a line, where "- ", "+ ", "1. " or "===" would start a
    /// list or a heading.
    public static func escapeLine(_ text: String) -> String {
        let escaped = escape(text)
        guard let first = escaped.first else { return escaped }
        if "-+=".contains(first) { return "\\" + escaped }
        let digits = escaped.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9, let marker = escaped.dropFirst(digits.count).first,
            marker == "." || marker == ")"
        {
            return digits + "\\" + escaped.dropFirst(digits.count)
        }
        return escaped
    }

    /// A text bar for charts that render anywhere: `████████░░` for 80 of 100.
    public static func bar(_ value: Double, of maximum: Double = 100, width: Int = 10) -> String {
        let filled = maximum > 0 ? Int((min(max(value, 0), maximum) / maximum * Double(width)).rounded()) : 0
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }
}
