import Foundation

/// One drafted concept: a shared concept the sample earns, or a key term of the sample answer.
public enum DraftConcept: Sendable, Hashable {
    case ref(String, weight: Double)
    /// `core` is the pattern without its outer `\b`, for the misconceptions drafted from the term.
    case term(id: String, text: String, pattern: String, core: String, weight: Double)

    public var id: String {
        switch self {
        case let .ref(id, _): id
        case let .term(id, _, _, _, _): id
        }
    }

    public var weight: Double {
        switch self {
        case let .ref(_, weight): weight
        case let .term(_, _, _, _, weight): weight
        }
    }

    /// The words a drafted answer uses to name it: the term, or the words that earned the shared concept.
    public var isRef: Bool {
        if case .ref = self { return true }
        return false
    }

    /// The pattern of a term, as written in the file; nil for a ref.
    public var pattern: String? {
        if case let .term(_, _, pattern, _, _) = self { return pattern }
        return nil
    }

    public var text: String? {
        if case let .term(_, text, _, _, _) = self { return text }
        return nil
    }
}

/// A misconception drafted from a key term: the term dismissed, or skipped.
public struct DraftMisconception: Sendable, Hashable {
    public var id: String
    public var label: String
    public var pattern: String
    public var contradicts: String
    public var why: String
}

/// An example drafted from the sample answer, and what `rubric test` must find in it.
public struct DraftExample: Sendable, Hashable {
    public var level: RubricExample.Level
    public var answer: String
    public var blind = false
    public var missing: [String] = []
    public var misconceptions: [String] = []
    /// Printed above the example: what a coach should replace it with.
    public var note: String?
}

/// A drafted question file, printed as YAML for a coach to refine.
public struct RubricDraft: Sendable {
    public var id: String
    public var domain: String
    public var kind: QuestionKind
    public var prompt: String
    public var sampleAnswer: String
    public var concepts: [DraftConcept]
    public var misconceptions: [DraftMisconception] = []
    public var examples: [DraftExample] = []
    public var options: [ChoiceOption] = []
    public var scoring: ScoringCurve
    public var grading = GradingRules()

    /// The rules that differ from the default, as the inside of `grading: {...}`; nil when none does.
    private var gradingYAML: String? {
        let rules = grading.nonDefault.map(\.yaml)
        return rules.isEmpty ? nil : rules.joined(separator: ", ")
    }

    public func yaml() -> String {
        var out = """
            \(RubricScaffold.schemaLine)
            # Drafted by 'rehearse rubric draft' from the sample answer: the shared concepts it earns and its
            # key terms. Merge concepts that are one idea, add the ways people say it, write a 'why' for each,
            # and replace the drafted examples with real answers; 'rehearse rubric test' checks them.
            id: \(id)
            domain: \(domain)
            kind: \(kind.rawValue)

            """
        if kind != .multipleChoice { out += "scoring: \(scoring.rawValue)\n" }
        if kind != .multipleChoice, let grading = gradingYAML { out += "grading: {\(grading)}\n" }
        out += "prompt: \(Self.block(prompt))\n"
        if kind == .multipleChoice {
            out += optionsYAML()
        } else {
            out += "sample_answer: \(Self.block(sampleAnswer))\n" + conceptsYAML() + misconceptionsYAML()
        }
        return out + examplesYAML()
    }

    private func optionsYAML() -> String {
        var out = "options:\n"
        for option in options {
            out += "  - letter: \(option.letter)\n    text: \(Self.quoted(option.text))\n"
            out += "    correct: \(option.correct)\n    why: \(Self.quoted(option.why))\n"
        }
        return out
    }

    private func conceptsYAML() -> String {
        var out = "concepts:\n"
        for concept in concepts {
            switch concept {
            case let .ref(id, weight):
                out += "  - ref: \(id)\n    weight: \(weight.formatted)\n"
            case let .term(id, text, pattern, _, weight):
                out += "  - id: \(id)\n"
                out += "    label: Mentions \(Self.quoted(text))\n"
                out += "    weight: \(weight.formatted)\n"
                out += "    patterns: [\(Self.quoted(pattern))]\n"
                out += "    why: \(Self.quoted("A key term of the sample answer; say why it matters."))\n"
            }
        }
        return out
    }

    private func misconceptionsYAML() -> String {
        guard !misconceptions.isEmpty else { return "" }
        var out = "misconceptions:\n"
        for misconception in misconceptions {
            out += "  - id: \(misconception.id)\n"
            out += "    label: \(Self.quoted(misconception.label))\n"
            out += "    patterns: [\(Self.quoted(misconception.pattern))]\n"
            out += "    penalty: \(RubricDraft.misconceptionPenalty.formatted)\n"
            out += "    contradicts: [\(misconception.contradicts)]\n"
            out += "    why: \(Self.quoted(misconception.why))\n"
        }
        return out
    }

    private func examplesYAML() -> String {
        guard !examples.isEmpty else { return "" }
        var out = "examples:\n"
        for example in examples {
            if let note = example.note { out += "  # \(note)\n" }
            out += "  - level: \(example.level.rawValue)\n"
            if example.level == .strong { out += "    blind: \(example.blind)\n" }
            out += "    answer: \(Self.block(example.answer, indent: 6))\n"
            var expect: [String] = []
            if !example.missing.isEmpty { expect.append("missing: [\(example.missing.joined(separator: ", "))]") }
            if !example.misconceptions.isEmpty {
                expect.append("misconceptions: [\(example.misconceptions.joined(separator: ", "))]")
            }
            if !expect.isEmpty { out += "    expect: {\(expect.joined(separator: ", "))}\n" }
        }
        return out
    }

    /// What a drafted misconception costs, in concept weights.
    static let misconceptionPenalty = 2.0

    /// A literal block scalar, so any text survives without escaping.
    static func block(_ text: String, indent: Int = 2) -> String {
        let padding = String(repeating: " ", count: indent)
        let lines = text.trimmingTrailingWhitespace.split(separator: "\n", omittingEmptySubsequences: false)
        return "|-\n" + lines.map { $0.isEmpty ? "" : padding + $0 }.joined(separator: "\n")
    }

    /// A single-quoted YAML scalar: backslashes stay as written, a quote is doubled.
    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
