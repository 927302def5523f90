import Foundation
import PCRE2

/// `rehearse rubric lint`: every problem in the bank in one run. The loader's diagnostics (YAML, keys
/// and types, invalid or empty-matching patterns, duplicate ids, dangling refs) plus checks that need
/// the patterns run: catastrophic backtracking, concepts no strong example earns, sample answers below
/// 80, and weights that make a required concept worth less than an optional one.
public struct RubricLinter {
    private let loader: BankLoader
    private let limits: MatchLimits

    public init(limits: MatchLimits = .default) {
        self.loader = BankLoader(matchLimits: limits)
        self.limits = limits
    }

    public func lint(_ folder: URL, scope: PathScope = .everything) throws(BankError) -> LintReport {
        let loaded = try loader.loadReportingAll(from: folder)
        let questions = loaded.partial.questions.filter { scope.contains($0.source.file) }
        var diagnostics = loaded.diagnostics + loaded.setAside
        diagnostics += LongestOptionCheck.diagnostics(loaded.partial.questions)
        let grader = Grader(bank: loaded.partial, limits: limits)
        for question in questions where question.kind != .multipleChoice {
            diagnostics += QuestionChecks(question: question, grader: grader).run()
        }
        let inScope = diagnostics.filter { scope.contains($0.location.file) }
        return LintReport(diagnostics: Self.sortedUnique(inScope), questionsChecked: questions.count)
    }

    private static func sortedUnique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }.sorted { $0.location < $1.location }
    }
}

/// The checks of one open question that grade its own answers.
private struct QuestionChecks {
    let question: Question
    let grader: Grader

    static let sampleAnswerMinimum = RubricExample.sampleAnswerMinimum

    func run() -> [Diagnostic] {
        var diagnostics = weightDiagnostics()
        var strongGrades: [Grade] = []
        var fired: Set<String> = []
        for example in question.examples {
            switch grade(example.answer, at: example.location) {
            case let .graded(grade):
                if example.level == .strong { strongGrades.append(grade) }
                fired.formUnion(grade.misconceptions.map(\.id))
            case let .failed(diagnostic): diagnostics.append(diagnostic)
            case .skipped: return diagnostics
            }
        }
        diagnostics += unearnedConceptDiagnostics(strongGrades)
        diagnostics += untestedMisconceptionDiagnostics(fired: fired)
        // A missing sample answer is the loader's error already.
        guard !question.sampleAnswer.isEmpty else { return diagnostics }
        let location = question.sampleAnswerLocation ?? question.source
        switch grade(question.sampleAnswer, at: location) {
        case let .graded(grade) where grade.score < Self.sampleAnswerMinimum:
            diagnostics.append(
                Diagnostic(
                    .error, at: location,
                    "the sample answer of question '\(question.id)' scores \(grade.score), below \(Self.sampleAnswerMinimum); "
                        + "it misses \(grade.missing.joined(separator: ", ")); cover them in the sample answer, or widen their patterns"
                ))
        case let .failed(diagnostic): diagnostics.append(diagnostic)
        default: break
        }
        return diagnostics
    }

    private enum Outcome {
        case graded(Grade)
        case failed(Diagnostic)
        /// A pattern did not compile; the loader has reported it, and grading would say nothing new.
        case skipped
    }

    private func grade(_ answer: String, at location: SourceLocation) -> Outcome {
        do {
            return .graded(try grader.grade(answer, for: question))
        } catch .patternNotCompiled {
            return .skipped
        } catch {
            return .failed(Diagnostic(.error, at: location, error.errorDescription ?? "\(error)"))
        }
    }

    /// A concept that none of the strong examples earns: its patterns miss how a strong answer says it.
    /// An error for a required concept (a strong answer cannot lack it); a warning for an optional one,
    /// which a strong answer may rightly leave out.
    private func unearnedConceptDiagnostics(_ strongGrades: [Grade]) -> [Diagnostic] {
        guard !strongGrades.isEmpty else { return [] }
        return question.rubric.concepts.compactMap { concept in
            let earned = strongGrades.contains { grade in grade.concepts.contains { $0.id == concept.id && $0.matched }
            }
            guard !earned else { return nil }
            let examples =
                strongGrades.count == 1 ? "its strong example" : "any of its \(strongGrades.count) strong examples"
            return Diagnostic(
                concept.required ? .error : .warning, at: concept.location ?? question.source,
                "concept '\(concept.id)' of question '\(question.id)' never fires on \(examples); widen its patterns "
                    + "to the words those answers use ('rehearse rubric explain' shows what was tried), or make a strong "
                    + "example cover it")
        }
    }

    /// A misconception that no example states: nothing shows its pattern fires, and a typo in it (or a
    /// `\b` that double quotes made a backspace) would go unnoticed.
    private func untestedMisconceptionDiagnostics(fired: Set<String>) -> [Diagnostic] {
        question.rubric.misconceptions.filter { !fired.contains($0.id) }.map { misconception in
            Diagnostic(
                .warning, at: misconception.location ?? question.source,
                "misconception '\(misconception.id)' of question '\(question.id)' fires on none of its examples, so "
                    + "nothing shows its patterns work; add an example that states it (a weak one, with its score range)"
            )
        }
    }

    private func weightDiagnostics() -> [Diagnostic] {
        let optional = question.rubric.concepts.filter { !$0.required }
        guard let heaviestOptional = optional.max(by: { $0.weight < $1.weight }) else { return [] }
        return question.rubric.concepts.filter { $0.required && $0.weight < heaviestOptional.weight }.map { concept in
            Diagnostic(
                .warning, at: concept.location ?? question.source,
                "required concept '\(concept.id)' of question '\(question.id)' has weight \(concept.weight.formatted), "
                    + "less than optional concept '\(heaviestOptional.id)' (weight \(heaviestOptional.weight.formatted)); "
                    + "give a required concept at least the weight of every optional one")
        }
    }
}

/// What `rubric lint` found.
public struct LintReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var questionsChecked: Int

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.count - errorCount }
    public var hasErrors: Bool { errorCount > 0 }

    public var summary: String {
        let questions = "\(questionsChecked) question\(questionsChecked == 1 ? "" : "s") checked"
        guard !diagnostics.isEmpty else { return "no problems found (\(questions))" }
        return
            "\(errorCount) error\(errorCount == 1 ? "" : "s"), \(warningCount) warning\(warningCount == 1 ? "" : "s") (\(questions))"
    }

    /// One `file:line:column: severity: message` line per problem, then the summary.
    public func render() -> String {
        (diagnostics.map(\.description) + [summary]).joined(separator: "\n") + "\n"
    }

    private struct Shape: Encodable {
        struct Problem: Encodable {
            var file: String, line: Int, column: Int, severity: String, message: String
        }
        var problems: [Problem]
        var errors: Int, warnings: Int, questionsChecked: Int
    }

    /// The same problems for editors and CI: `{"problems": [{file, line, column, severity, message}], ...}`.
    public func json() -> String {
        JSONOutput.encode(
            Shape(
                problems: diagnostics.map {
                    .init(
                        file: $0.location.file, line: $0.location.line, column: $0.location.column,
                        severity: $0.severity.rawValue, message: $0.message)
                }, errors: errorCount, warnings: warningCount, questionsChecked: questionsChecked))
    }
}
