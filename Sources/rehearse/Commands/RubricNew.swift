import ArgumentParser
import RehearseCore

struct RubricNew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new question: write a commented skeleton rubric that already passes lint.",
        discussion: """
            Writes <rubrics>/<domain>/<id>.yaml with TODOs to replace, the schema line that gives YAML editors completion and checks, and examples that pass 'rubric test'. Never overwrites a file; the domain must be one of bank.yaml's, and the id must be new to the bank.

              rehearse rubric new store-basics --domain data-engineering --kind technical
              rehearse rubric new team-conflict --domain collaboration --kind behavioural
              rehearse rubric new pick-a-test --domain deployment --kind multiple-choice
            """)

    @Argument(help: ArgumentHelp("The new question's id: lower-case letters, digits and '-'.", valueName: "id"))
    var id: String

    @Option(
        name: .long,
        help: ArgumentHelp("The domain (an id from bank.yaml); the file goes in its folder.", valueName: "domain"))
    var domain: String

    @Option(name: .long, help: "The kind of question.")
    var kind: QuestionKind

    @OptionGroup var rubricOptions: RubricOptions

    func run() throws {
        try reportingErrors {
            let scaffold = RubricScaffold(id: id, domain: domain, kind: kind)
            let path = try scaffold.create(in: rubricOptions.folder)
            try printOutput(scaffold.nextSteps(for: path), terminator: "")
        }
    }
}
