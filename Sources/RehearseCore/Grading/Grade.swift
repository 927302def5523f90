/// How an answer did, in four bands a candidate can remember.
public enum Band: String, Codable, Sendable, CaseIterable {
    case weak, partial, solid, strong

    /// The lowest score of each band above weak: weak 0–40, partial 41–59, solid 60–79, strong 80–100.
    public static let thresholds: [(band: Band, from: Int)] = [(.partial, 41), (.solid, 60), (.strong, 80)]

    /// The scores where one band ends and the next begins.
    public static var edges: [Int] { thresholds.map(\.from) }

    public init(score: Int) {
        self = Self.thresholds.last { score >= $0.from }?.band ?? .weak
    }

    /// The lowest score of this band.
    public var lowerBound: Int { Self.thresholds.first { $0.band == self }?.from ?? 0 }
}

/// The words of an answer that earned (or would have earned) a concept.
public struct Evidence: Codable, Sendable, Hashable {
    /// Exactly what the pattern matched.
    public var quote: String
    /// The quote with a few words either side, with "…" where the answer goes on.
    public var context: String
    /// UTF-8 byte offsets of the quote in the graded text.
    public var start: Int
    public var end: Int
    /// The pattern that matched.
    public var pattern: String
    /// Words in the quote that were read as other words (typos, British spellings); nil when none.
    public var corrections: [Correction]?

    public init(quote: String, context: String, start: Int, end: Int, pattern: String, corrections: [Correction]? = nil)
    {
        self.quote = quote
        self.context = context
        self.start = start
        self.end = end
        self.pattern = pattern
        self.corrections = corrections
    }
}

public struct ConceptResult: Codable, Sendable, Hashable {
    public var id: String
    public var label: String
    public var weight: Double
    public var required: Bool
    public var matched: Bool
    /// 1 when earned, 0 when not, `Explanation.namedOnlyCredit` when the answer only named it.
    public var credit: Double
    public var evidence: Evidence?
    /// A mention the answer negated or turned down ("I would not roll back", "canaries are overkill"),
    /// which earned nothing.
    public var negatedMention: Evidence?
    public var why: String
    public var followUp: String?
    /// True when the answer named the concept in a bare list or fragment without saying anything about
    /// it, so it earned only part of its weight; nil otherwise.
    public var namedOnly: Bool?
    /// The words that turned the mention down ("not", "overkill"); nil when none did.
    public var rejectedBy: String?
    /// The misconception whose wrong claim cancelled this concept's credit; nil when none did.
    public var contradictedBy: String?
    /// True when the concept was first earned in the answer to a follow-up, for `Scoring.followUpCredit`.
    public var viaFollowUp: Bool?

    public var isNamedOnly: Bool { namedOnly ?? false }
    public var isViaFollowUp: Bool { viaFollowUp ?? false }
}

public struct MisconceptionResult: Codable, Sendable, Hashable {
    public var id: String
    public var label: String
    public var penalty: Double
    public var evidence: Evidence
    public var why: String
}

/// For a multiple-choice question: what was chosen and what was right.
public struct ChoiceResult: Codable, Sendable, Hashable {
    public var chosen: String?
    public var correct: String
}

/// The grade of one answer against one question's rubric.
public struct Grade: Codable, Sendable, Hashable {
    public var questionID: String
    public var score: Int
    public var band: Band
    public var concepts: [ConceptResult]
    /// Ids of the concepts the answer did not earn, required ones first.
    public var missing: [String]
    public var misconceptions: [MisconceptionResult]
    public var signals: [AnswerSignal]
    public var choice: ChoiceResult?
    /// How the score was worked out, line by line: the arithmetic every output prints. Nil in grades
    /// saved before it was recorded.
    public var breakdown: ScoreBreakdown?
    /// Why this grade may be off (a band edge, a single loose match), for the candidate and the coach.
    public var caveats: [String]?

    public var missingRequired: [ConceptResult] { concepts.filter { $0.required && !$0.matched } }
}
