/// The examples a question must carry before `rubric test` passes it: the kinds of answer that prove a
/// rubric rewards what people know and cannot be bluffed. Documented in Rubrics/README.md.
public struct ExampleRequirements: Sendable {
    /// How many examples of each level, at least.
    public var counts: [(level: RubricExample.Level, count: Int)]
    /// Strong examples written from the prompt alone (`blind: true`), at least.
    public var blindStrong: Int
    /// Misconceptions the rubric lists, at least.
    public var misconceptions: Int

    public init(for question: Question) {
        self.init(for: question.kind, grading: question.rubric.grading)
    }

    /// Under `grading: {negation: ignored}` a refusal earns what it names by design, so the question
    /// needs no negated example.
    public init(for kind: QuestionKind, grading: GradingRules = GradingRules()) {
        switch kind {
        case .multipleChoice:
            counts = [(.strong, 1), (.weak, 1)]
            blindStrong = 0
            misconceptions = 0
        case .technical:
            counts = [(.strong, 3), (.partial, 1), (.weak, 1), (.wrong, 1), (.negated, 1), (.buzzword, 1)]
            blindStrong = 1
            misconceptions = 2
        case .behavioural:
            counts = [
                (.strong, 3), (.partial, 1), (.weak, 1), (.wrong, 1), (.negated, 1), (.buzzword, 1),
                (.starSkeleton, 1),
            ]
            blindStrong = 1
            misconceptions = 0
        }
        if !grading.turnsNegatedMentionsDown { counts.removeAll { $0.level == .negated } }
    }

    public func asks(for level: RubricExample.Level) -> Bool { counts.contains { $0.level == level } }

    /// What the question should still get but can be tested without: a strong example written blind. A
    /// warning, not a failure, so a fresh `rubric draft` passes `rubric test` while saying, truthfully
    /// (`blind: false`), that no one wrote its strong examples blind.
    public func warnings(with question: Question) -> [String] {
        let blind = question.examples.filter { $0.level == .strong && $0.blind }.count
        guard blind < blindStrong else { return [] }
        return [
            "no strong example written from the prompt alone: add one by someone who never saw this rubric and mark it blind: true"
        ]
    }

    /// What the question lacks, one phrase per gap; empty when it has everything.
    public func problems(with question: Question) -> [String] {
        var problems: [String] = []
        for (level, count) in counts {
            let present = question.examples.filter { $0.level == level }.count
            guard present < count else { continue }
            problems.append(
                count == 1
                    ? "no \(level.rawValue) example"
                    : "\(present) \(level.rawValue) example\(present == 1 ? "" : "s") of the \(count) needed, in different words"
            )
        }
        if question.rubric.misconceptions.count < misconceptions {
            problems.append(
                "\(question.rubric.misconceptions.count) misconception\(question.rubric.misconceptions.count == 1 ? "" : "s") of the \(misconceptions) a \(question.kind.rawValue) question needs"
            )
        }
        return problems
    }
}
