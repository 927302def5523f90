import ArgumentParser
import RehearseCore

struct BankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bank",
        abstract: "Browse the question bank.",
        subcommands: [List.self, Path.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every question with its id, domain, kind and prompt.",
            discussion: "  rehearse bank list --domain deployment\n  rehearse bank list --format json")

        @Option(
            name: .long, help: ArgumentHelp("Only this domain (an id from Rubrics/bank.yaml).", valueName: "domain"))
        var domain: String?

        @Option(name: .long, help: "Output format: text or json.")
        var format: OutputFormat = .text

        @OptionGroup var rubricOptions: RubricOptions

        func validate() throws {
            if format == .markdown { throw ValidationError("'bank list' prints text or json.") }
        }

        func run() throws {
            try reportingErrors {
                let bank = try rubricOptions.loadBank()
                let domain = try domain.map { try bank.resolveDomain($0) }
                let questions = bank.questions.filter { domain == nil || $0.domain == domain }
                try printOutput(
                    BankListing(bank: bank, questions: questions).render(format, style: Terminal.style), terminator: "")
            }
        }
    }
}
