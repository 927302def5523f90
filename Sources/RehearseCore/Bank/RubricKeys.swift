/// The keys each part of a rubric file may hold: the single list the loader enforces and the JSON
/// Schemas in Rubrics/schema/ must mirror (a test compares them).
public enum RubricKeys {
    public static let bank = ["domains"]
    public static let domain = ["id", "title", "weight"]
    public static let conceptsFile = ["concepts"]
    public static let sharedConcept = ["id", "label", "patterns", "why", "follow_up", "typos"]
    /// A concept defined in place in a question: a shared concept's keys plus how the question uses it.
    public static let inlineConcept = sharedConcept + ["weight", "required"]
    public static let conceptReference = [
        "ref", "weight", "required", "follow_up", "label", "why", "patterns", "exclude_patterns", "typos",
    ]
    public static let question = [
        "id", "domain", "kind", "prompt", "time_limit", "hint", "sample_answer", "concepts", "misconceptions",
        "options", "examples", "scoring", "grading",
    ]
    /// `grading:` of a question: how the grader credits what an answer says.
    public static let grading = ["named_only", "negation"]
    public static let misconceptionsFile = ["misconceptions"]
    public static let misconception = ["id", "label", "pattern", "patterns", "penalty", "why", "contradicts"]
    /// A shared misconception as a question uses it: may add patterns and override the rest.
    public static let misconceptionReference = ["ref", "label", "patterns", "penalty", "why", "contradicts"]
    public static let option = ["letter", "text", "correct", "why"]
    public static let example = ["level", "answer", "expect", "blind"]
    public static let expectation = ["min_score", "max_score", "missing", "matched", "misconceptions"]
}
