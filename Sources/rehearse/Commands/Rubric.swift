import ArgumentParser

struct RubricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Tools for coaches who write the rubrics.",
        subcommands: [RubricTest.self, RubricLint.self, RubricExplain.self, RubricNew.self, RubricDraftCommand.self])
}
