import ArgumentParser
import RehearseCore

@main
struct Rehearse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "Practise MLOps and ML-engineering interviews in the terminal, graded against coach-written rubrics.",
        discussion: """
            Sit a mock interview with 'rehearse practice' (five mixed questions). Grade one answer with
            'rehearse grade --question handle-data-drift'; 'rehearse bank list' shows the questions. Coaches: 'rehearse rubric test' proves the rubrics.

            Exit codes: 0 success; 1 a check failed (rubric test, lint); 64 wrong arguments or unknown id;
            65 invalid rubric or answer; 66 a file or folder is missing; 73 cannot write output.
            """,
        version: RehearseCore.version,
        subcommands: [PracticeCommand.self, GradeCommand.self, BankCommand.self, RubricCommand.self]
    )
}

extension OutputFormat: ExpressibleByArgument {}
