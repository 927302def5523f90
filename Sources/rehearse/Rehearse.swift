import ArgumentParser
import RehearseCore

@main
struct Rehearse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "Practise MLOps and ML-engineering interviews in the terminal, graded against coach-written rubrics.",
        discussion: """
            Sit a mock interview with 'rehearse practice' (five mixed questions), or drill your weakest concepts with 'rehearse drill'. 'rehearse sessions' lists your sessions, 'rehearse progress' shows how you are doing, and 'rehearse bank path' says which bank and transcript folder are in use. Grade one answer with 'rehearse grade --question handle-data-drift'; 'rehearse bank list' shows the questions.

            Coaches: 'rehearse rubric lint' checks the rubric files, 'rehearse rubric test' proves them, 'rehearse rubric explain' shows why an answer scored as it did, and 'rehearse rubric new' starts a question.

            Exit codes: 0 success; 1 a check failed (rubric test, lint, --min-r); 64 wrong arguments or an unknown id; 65 invalid rubric, answer or transcript; 66 a file or folder is missing; 73 cannot write output; 129, 130, 143 an interview stopped by a hang-up, Ctrl-C or SIGTERM (every answer saved).
            """,
        version: RehearseCore.version,
        subcommands: [
            PracticeCommand.self, DrillCommand.self, GradeCommand.self, BankCommand.self, RubricCommand.self,
            ExportCommand.self, RegradeCommand.self, ProgressCommand.self, SessionsCommand.self,
        ]
    )
}

extension OutputFormat: ExpressibleByArgument {}
extension QuestionKind: ExpressibleByArgument {
    /// Forgiving: `behavioral`, `Multiple choice`.
    public init?(argument: String) { self.init(lenient: argument) }
}

extension InterviewPlan.KindFilter: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
}
