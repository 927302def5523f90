import ArgumentParser
import Foundation
import RehearseCore

struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List your saved sessions, continue one, or delete one.",
        discussion: """
            Sessions are numbered oldest first, so a number stays the same as new ones are added. 'kind' says what was asked (mixed, exam, drill, a domain); 'scripted' marks a run whose answers were piped in, which progress and drill leave out unless given --include-scripted.

              rehearse sessions
              rehearse sessions resume 4
              rehearse sessions delete 2
              rehearse sessions delete 2 --yes
            """,
        subcommands: [List.self, Resume.self, Delete.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the sessions: when, kind, questions done of planned, average, status.")

        @Option(name: .long, help: "Output format: text or json.")
        var format: OutputFormat = .text

        @OptionGroup var transcriptOptions: TranscriptFolderOptions

        func validate() throws {
            if format == .markdown { throw ValidationError("'sessions' prints text or json.") }
        }

        func run() throws {
            try reportingErrors {
                let listing = SessionListing(try loadTranscripts(folder: transcriptOptions.folder))
                if format == .json {
                    try printOutput(listing.json(), terminator: "")
                } else if listing.rows.isEmpty {
                    try printOutput(
                        "No sessions in \(Terminal.displayPath(transcriptOptions.folder)) yet; start one with 'rehearse practice'."
                    )
                } else {
                    try printOutput(listing.text(style: Terminal.style), terminator: "")
                }
            }
        }
    }

    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Continue session N where it stopped (as 'rehearse practice --resume FILE').")

        @Argument(help: ArgumentHelp("The session's number in 'rehearse sessions'.", valueName: "n"))
        var number: Int

        @OptionGroup var transcriptOptions: TranscriptFolderOptions
        @OptionGroup var rubricOptions: RubricOptions

        func run() throws {
            let row = try reportingErrors {
                try SessionListing(try loadTranscripts(folder: transcriptOptions.folder)).row(number)
            }
            var arguments = ["--resume", row.url.path, "--transcripts", transcriptOptions.folder.path]
            if let rubrics = rubricOptions.rubrics { arguments += ["--rubrics", rubrics] }
            let practice = try PracticeCommand.parse(arguments)
            try practice.run()
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete session N: its transcript and its report. Asks first unless --yes.")

        @Argument(help: ArgumentHelp("The session's number in 'rehearse sessions'.", valueName: "n"))
        var number: Int

        @Flag(name: .long, help: "Do not ask.")
        var yes = false

        @OptionGroup var transcriptOptions: TranscriptFolderOptions

        func run() throws {
            try reportingErrors {
                let listing = SessionListing(try loadTranscripts(folder: transcriptOptions.folder))
                let row = try listing.row(number)
                if !yes {
                    try printOutput(
                        "Delete \(listing.describe(row))? Its answers cannot be recovered. [y/N] ", terminator: "")
                    var input = BoundedLineReader(descriptor: STDIN_FILENO, limit: 1024)
                    guard case let .line(line) = input.next() else {
                        try printOutput("Kept.")
                        return
                    }
                    let reply = line.trimmingCharacters(in: .whitespaces).lowercased()
                    guard reply == "y" || reply == "yes" else {
                        try printOutput("Kept.")
                        return
                    }
                }
                try TranscriptStore(folder: row.url.deletingLastPathComponent()).delete(row.url)
                try printOutput("Deleted \(listing.describe(row)).")
            }
        }
    }
}
