import ArgumentParser
import RehearseCore

@main
struct Rehearse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "Practise MLOps and ML-engineering interviews in the terminal, graded against coach-written rubrics.",
        discussion: """
            Start with 'rehearse grade --question handle-data-drift' to grade one answer, or run
            the command 'rehearse bank list' to see the questions. Coaches: 'rehearse rubric lint'
            checks the rubric files, 'rehearse rubric test' proves them, and 'rehearse rubric explain'
            shows why an answer scored as it did; 'rehearse rubric new' starts a question.

            Exit codes: 0 success; 1 a check failed (rubric test, lint); 64 wrong arguments or unknown id;
            65 invalid rubric or answer; 66 a file or folder is missing; 73 cannot write output.
            """,
        version: RehearseCore.version,
        subcommands: [
            GradeCommand.self, BankCommand.self, RubricCommand.self, ExportCommand.self, RegradeCommand.self,
            ProgressCommand.self, DrillCommand.self,
        ]
    )
}

extension OutputFormat: ExpressibleByArgument {}
extension QuestionKind: ExpressibleByArgument {}
