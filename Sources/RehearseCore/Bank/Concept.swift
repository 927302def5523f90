/// An idea an answer should show, recognised by PCRE2 patterns. Defined once in Rubrics/concepts/ and
/// referenced by id, or defined in place in one question's rubric.
public struct Concept: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    /// A short statement of the idea, shown in feedback: "Detects drift by watching input distributions".
    public var label: String
    /// Tried in order; the first that matches (and is not negated) earns the concept.
    public var patterns: [String]
    /// Why the idea matters, shown when an answer misses it.
    public var why: String
    /// The question an interviewer asks when an answer misses this concept.
    public var followUp: String?
    /// `false` when the coach turned typo tolerance off (`typos: false`): the patterns then see the
    /// answer exactly as written. nil means on.
    public var typos: Bool?

    public init(id: String, label: String, patterns: [String], why: String, followUp: String? = nil, typos: Bool? = nil)
    {
        self.id = id
        self.label = label
        self.patterns = patterns
        self.why = why
        self.followUp = followUp
        self.typos = typos
    }

    public var toleratesTypos: Bool { typos ?? true }
}

/// A concept as one question's rubric uses it: with its weight there and whether it is required.
public struct RubricConcept: Codable, Sendable, Hashable {
    public var concept: Concept
    public var weight: Double
    public var required: Bool
    /// Where the question's rubric lists it, for diagnostics; nil when built in code.
    public var location: SourceLocation?

    public init(concept: Concept, weight: Double = 1, required: Bool = false, location: SourceLocation? = nil) {
        self.concept = concept
        self.weight = weight
        self.required = required
        self.location = location
    }

    public var id: String { concept.id }
}

/// A wrong idea that costs points when an answer states it. Defined once in Rubrics/misconceptions/ and
/// referenced by id, or defined in place in one question's rubric.
public struct Misconception: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var label: String
    public var patterns: [String]
    /// Subtracted from the matched weight, in the same units as concept weights.
    public var penalty: Double
    public var why: String
    /// Concepts the wrong claim contradicts: when it fires, they earn nothing, whatever else matched.
    public var contradicts: [String]
    /// Where it is defined, for diagnostics; nil when built in code.
    public var location: SourceLocation?

    public init(
        id: String, label: String, patterns: [String], penalty: Double, why: String, contradicts: [String] = [],
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.label = label
        self.patterns = patterns
        self.penalty = penalty
        self.why = why
        self.contradicts = contradicts
        self.location = location
    }

    /// This misconception with only the contradicted concepts that a question uses.
    func contradicting(only conceptIDs: Set<String>) -> Misconception {
        var copy = self
        copy.contradicts = contradicts.filter(conceptIDs.contains)
        return copy
    }
}

/// How a question's concepts and misconceptions turn an answer into a score.
public struct Rubric: Codable, Sendable, Hashable {
    public var concepts: [RubricConcept]
    public var misconceptions: [Misconception]
    /// `scoring:` in the question file; nil means calibrated.
    public var scoring: ScoringCurve?
    /// `grading: {named_only: ...}` in the question file; nil means partial.
    public var namedOnly: NamedOnlyCredit?
    /// `grading: {negation: ...}` in the question file; nil means counts.
    public var negation: NegationRule?

    public init(
        concepts: [RubricConcept] = [], misconceptions: [Misconception] = [], scoring: ScoringCurve? = nil,
        namedOnly: NamedOnlyCredit? = nil, negation: NegationRule? = nil
    ) {
        self.concepts = concepts
        self.misconceptions = misconceptions
        self.scoring = scoring
        self.namedOnly = namedOnly
        self.negation = negation
    }

    public var curve: ScoringCurve { scoring ?? .calibrated }

    public var namedOnlyCredit: Double { Scoring.namedOnlyCredit(grading.namedOnly) }

    public var grading: GradingRules { GradingRules(namedOnly: namedOnly, negation: negation) }

    /// Whether a negated mention of a concept is turned down (`NegationRule`).
    public var negationTurnsConceptsDown: Bool { grading.turnsNegatedMentionsDown }

    public var totalWeight: Double { concepts.reduce(0) { $0 + $1.weight } }
}
