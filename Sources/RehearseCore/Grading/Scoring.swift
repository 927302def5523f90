/// The exact scoring rule, documented in Rubrics/README.md: the one place the arithmetic lives. Every
/// output (grade, explain, export, regrade) prints the `ScoreBreakdown` this computes.
public enum Scoring {
    /// A concept first earned in the answer to a follow-up earns this share of its weight.
    public static let followUpCredit = 0.7

    /// The credit of a mention that names a concept without explaining it, under a rubric's
    /// `grading: {named_only: ...}`: `Explanation.namedOnlyCredit` by default, the full weight when the
    /// question expects one-line answers (`full`: a bare mention is the answer).
    public static func namedOnlyCredit(_ rule: NamedOnlyCredit) -> Double {
        switch rule {
        case .partial: Explanation.namedOnlyCredit
        case .full: 1
        }
    }

    /// Each concept's credit (1 earned, `Explanation.namedOnlyCredit` named only, × `followUpCredit` when
    /// first earned in a follow-up, 0 when missed, rejected or contradicted by a misconception that fired);
    /// penalties: each misconception that fired, and each required concept the answer turned down and
    /// never earned ("I wouldn't bother with a canary"), which costs its weight: rejecting a required
    /// practice is a wrong claim, not an omission.
    /// share = (Σ weight × credit − Σ penalties) ÷ Σ weight, clamped to 0…1; score = curve(share), rounded.
    public static func breakdown(
        concepts: [ConceptResult], misconceptions: [MisconceptionResult], curve: ScoringCurve = .calibrated
    ) -> ScoreBreakdown {
        let lines = concepts.map { ScoreBreakdown.Line(concept: $0) }
        let rejected = concepts.filter { $0.required && !$0.matched && $0.rejectedBy != nil }
        let penalties =
            misconceptions.map { ScoreBreakdown.Penalty(id: $0.id, penalty: $0.penalty) }
            + rejected.map { ScoreBreakdown.Penalty(id: "rejects \($0.id)", penalty: $0.weight) }
        let total = lines.reduce(0) { $0 + $1.weight }
        let earned = lines.reduce(0) { $0 + $1.earned }
        let penalty = penalties.reduce(0) { $0 + $1.penalty }
        let share = total > 0 ? min(1, max(0, (earned - penalty) / total)) : 0
        return ScoreBreakdown(
            lines: lines, penalties: penalties, totalWeight: total, earnedWeight: earned, penaltyWeight: penalty,
            share: share, curve: curve, score: total > 0 ? Int((100 * curve.apply(share)).rounded()) : 0)
    }

    public static func score(
        concepts: [ConceptResult], misconceptions: [MisconceptionResult], curve: ScoringCurve = .calibrated
    ) -> Int {
        breakdown(concepts: concepts, misconceptions: misconceptions, curve: curve).score
    }
}

/// How a score was worked out: what each concept earned, what each misconception cost, the share and
/// the curve that turned it into the score.
public struct ScoreBreakdown: Codable, Sendable, Hashable {
    public struct Line: Codable, Sendable, Hashable {
        public var conceptID: String
        public var weight: Double
        public var credit: Double
        /// weight × credit.
        public var earned: Double
        /// Why the credit is what it is: earned, named only, via follow-up, rejected, contradicted, missing.
        public var reason: String

        init(concept: ConceptResult) {
            conceptID = concept.id
            weight = concept.weight
            credit = concept.credit
            earned = concept.weight * concept.credit
            reason =
                if let misconception = concept.contradictedBy {
                    "contradicted by \(misconception)"
                } else if !concept.matched {
                    concept.negatedMention == nil ? "missing" : "rejected"
                } else {
                    [concept.isNamedOnly ? "named only" : "earned", concept.isViaFollowUp ? "in the follow-up" : nil]
                        .compactMap { $0 }.joined(separator: ", ")
                }
        }
    }

    public struct Penalty: Codable, Sendable, Hashable {
        public var id: String
        public var penalty: Double
    }

    public var lines: [Line]
    public var penalties: [Penalty]
    public var totalWeight: Double
    public var earnedWeight: Double
    public var penaltyWeight: Double
    /// (earned − penalties) ÷ total, clamped to 0…1.
    public var share: Double
    public var curve: ScoringCurve
    public var score: Int
}

/// How the share of weight an answer earned becomes its score.
public enum ScoringCurve: String, Codable, Sendable, CaseIterable {
    /// The default: calibrated against human grades of interview answers, so a grader's 5 of 5 lands at
    /// 80 or more, a 3 around 50–65 and a 1 at 25 or less. Piecewise linear through `calibrationKnots`.
    case calibrated
    /// The score is the share itself: half the weight, 50.
    case linear
    /// The square root of the share: half the weight, 71.
    case sqrt

    /// (share, score ÷ 100) points the calibrated curve runs through, documented in Rubrics/README.md.
    public static let calibrationKnots: [(share: Double, score: Double)] = [
        (0, 0), (0.3, 0.15), (0.5, 0.5), (0.75, 0.85), (1, 1),
    ]

    public func apply(_ share: Double) -> Double {
        switch self {
        case .linear: return share
        case .sqrt: return share.squareRoot()
        case .calibrated:
            let knots = Self.calibrationKnots
            for (low, high) in zip(knots, knots.dropFirst()) where share <= high.share {
                let t = (share - low.share) / (high.share - low.share)
                return low.score + t * (high.score - low.score)
            }
            return 1
        }
    }
}

/// What a mention that only names a concept earns: `grading: {named_only: partial|full}` in a question file.
public enum NamedOnlyCredit: String, Codable, Sendable, CaseIterable {
    /// The default: part of the concept's weight, so a list of the right terms is not an answer.
    case partial
    /// The whole weight: for short-answer questions whose answers are one line, where naming the
    /// right term is the answer.
    case full

    public static let `default` = NamedOnlyCredit.partial
}

/// Whether the stance check turns a concept's mention down: `grading: {negation: counts|ignored}` in a
/// question file. Misconceptions always heed it: "it is not true that accuracy is enough" is no wrong claim.
public enum NegationRule: String, Codable, Sendable, CaseIterable {
    /// The default: "we never rolled back", "skip the canary", "drift checks are overkill" earn nothing.
    case counts
    /// For short factual answers, where "not" is part of the right answer ("a stack does not need to
    /// be searched") and a grader marks the content named.
    case ignored

    public static let `default` = NegationRule.counts
}

/// The `grading:` rules of a question file that differ from the defaults, in the order a file writes
/// them: what a draft writes and what `rubric explain` names.
public struct GradingRules: Codable, Sendable, Hashable {
    public var namedOnly: NamedOnlyCredit
    public var negation: NegationRule

    enum CodingKeys: String, CodingKey {
        case namedOnly = "named_only"
        case negation
    }

    public init(namedOnly: NamedOnlyCredit? = nil, negation: NegationRule? = nil) {
        self.namedOnly = namedOnly ?? .default
        self.negation = negation ?? .default
    }

    /// Whether the stance check turns a concept's negated mention down (`NegationRule.counts`).
    public var turnsNegatedMentionsDown: Bool { negation == .counts }

    /// `key: value` and what the rule does, for each rule not at its default.
    public var nonDefault: [(yaml: String, effect: String)] {
        [
            namedOnly == .default
                ? nil
                : ("named_only: \(namedOnly.rawValue)", "a term named without an explanation earns its whole weight"),
            negation == .default
                ? nil
                : ("negation: \(negation.rawValue)", "a mention earns its concept even when the answer turns it down"),
        ].compactMap { $0 }
    }
}
