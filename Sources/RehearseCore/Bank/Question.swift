public enum QuestionKind: String, Codable, Sendable, CaseIterable {
    case technical
    case behavioural
    case multipleChoice = "multiple-choice"
}

/// One answer of a multiple-choice question.
public struct ChoiceOption: Codable, Sendable, Hashable {
    /// "A", "B", ...
    public var letter: String
    public var text: String
    public var correct: Bool
    /// Why this option is right or wrong, shown after the candidate answers.
    public var why: String

    public init(letter: String, text: String, correct: Bool, why: String) {
        self.letter = letter
        self.text = text
        self.correct = correct
        self.why = why
    }
}

/// An answer a rubric must grade as its author expects: the rubric's own test.
public struct RubricExample: Codable, Sendable, Hashable {
    /// What kind of answer an example is. Besides strong, partial and weak, the adversarial kinds prove
    /// the rubric cannot be bluffed: each must score `adversarialMaximum` or less.
    public enum Level: String, Codable, Sendable, CaseIterable {
        case strong, partial, weak
        /// Confident, with the right terms, and a wrong or harmful core claim.
        case wrong
        /// Names the practices and says they are unnecessary or would be skipped.
        case negated
        /// Fluent prose or a list of the right terms that says nothing concrete.
        case buzzword
        /// A behavioural story with the shape of STAR and no content.
        case starSkeleton = "star-skeleton"
        /// An answer to another question.
        case offTopic = "off-topic"

        public var isAdversarial: Bool { ![.strong, .partial, .weak].contains(self) }
    }

    /// The highest score an adversarial example (wrong, negated, buzzword, ...) may be allowed.
    public static let adversarialMaximum = 30

    public var level: Level
    public var answer: String
    public var minScore: Int
    public var maxScore: Int
    /// Concept ids the grade must list as missing.
    public var missing: [String]
    /// Concept ids the grade must list as matched.
    public var matched: [String]
    /// Misconception ids that must fire on this answer.
    public var misconceptions: [String]
    /// True when the answer was written from the prompt alone, by someone who had not read the rubric.
    public var blind: Bool
    public var location: SourceLocation

    public init(
        level: Level, answer: String, minScore: Int, maxScore: Int, missing: [String] = [],
        matched: [String] = [], misconceptions: [String] = [], blind: Bool = false, location: SourceLocation
    ) {
        self.level = level
        self.answer = answer
        self.minScore = minScore
        self.maxScore = maxScore
        self.missing = missing
        self.matched = matched
        self.misconceptions = misconceptions
        self.blind = blind
        self.location = location
    }

    /// The least a question's sample answer must score: the bottom of a strong example's range.
    public static let sampleAnswerMinimum = defaultRange(for: .strong).lowerBound

    /// The score range a level means when the example does not set one.
    public static func defaultRange(for level: Level) -> ClosedRange<Int> {
        switch level {
        case .strong: 80...100
        case .partial: 41...79
        case .weak: 0...40
        case .wrong, .negated, .buzzword, .starSkeleton, .offTopic: 0...adversarialMaximum
        }
    }
}

/// A question of the bank with the rubric that grades it: one YAML file under Rubrics/<domain>/.
public struct Question: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var domain: String
    public var kind: QuestionKind
    public var prompt: String
    /// Seconds a candidate should take; shown in feedback, never enforced.
    public var timeLimit: Int
    public var hint: String?
    public var sampleAnswer: String
    public var options: [ChoiceOption]
    public var rubric: Rubric
    public var examples: [RubricExample]
    public var source: SourceLocation
    /// Where `sample_answer:` is written, for its diagnostics; nil when built in code.
    public var sampleAnswerLocation: SourceLocation?
    /// Fingerprint of the rubric file, recorded with every grade.
    public var contentHash: String

    public init(
        id: String, domain: String, kind: QuestionKind, prompt: String, timeLimit: Int = 180,
        hint: String? = nil, sampleAnswer: String, options: [ChoiceOption] = [], rubric: Rubric = Rubric(),
        examples: [RubricExample] = [], source: SourceLocation, contentHash: String = ""
    ) {
        self.id = id
        self.domain = domain
        self.kind = kind
        self.prompt = prompt
        self.timeLimit = timeLimit
        self.hint = hint
        self.sampleAnswer = sampleAnswer
        self.options = options
        self.rubric = rubric
        self.examples = examples
        self.source = source
        self.contentHash = contentHash
    }

    public var correctOption: ChoiceOption? { options.first { $0.correct } }
}
