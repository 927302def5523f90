import PCRE2

/// Each question's compiled patterns, looked up in the bank's library once per question rather than
/// once per pattern and answer: a library lookup hashes the pattern's whole source and takes a lock.
/// One `Grader`'s, used on one thread, as `PromptWords` is.
final class QuestionPatterns {
    struct Compiled {
        /// The rubric they were looked up for: a question changed in memory under the same id (drafting,
        /// `rubric test --suggest`) is looked up again.
        fileprivate var rubric: Rubric
        /// Parallel to the rubric's concepts and their patterns; nil where the library has no pattern.
        var concepts: [[Pattern?]]
        /// Parallel to the rubric's misconceptions and their patterns.
        var misconceptions: [[Pattern?]]
    }

    private let library: PatternLibrary
    private var known: [String: Compiled] = [:]

    init(library: PatternLibrary) { self.library = library }

    func of(_ question: Question) -> Compiled {
        if let compiled = known[question.id], compiled.rubric == question.rubric { return compiled }
        let compiled = Compiled(
            rubric: question.rubric,
            concepts: question.rubric.concepts.map { $0.concept.patterns.map { library[$0] } },
            misconceptions: question.rubric.misconceptions.map { $0.patterns.map { library[$0] } })
        known[question.id] = compiled
        return compiled
    }
}
