import Foundation
import RehearseCore

/// Runs an interview in this process's terminal: the right console and mode for stdin, and the
/// interrupt handler that says where the answers are and how to resume. Shared by `practice` and `drill`.
enum InteractiveRun {
    static func console() -> any InterviewConsole {
        let style = Terminal.style
        return Terminal.stdinIsTerminal ? EditLineConsole(style: style) : PlainConsole(style: style)
    }

    /// For the help of `practice` and `drill`: the limit `PlainConsole` reads a piped line up to.
    static let pipedLineLimit = """
        A piped line is read up to \(BoundedFile.describe(AnswerText.readLimit)) (an answer is at most \(BoundedFile.describe(AnswerText.maximumBytes))): a longer one, such as '< /dev/zero', ends the input there, the interview is saved, and the run exits 65.
        """

    /// On a terminal every prompt is shown and every follow-up asked; piped, follow-ups only when asked for.
    static func mode(followUps: Bool) -> InterviewMode {
        Terminal.stdinIsTerminal ? .interactive : .scripted(followUps: followUps)
    }

    static func run(
        _ session: inout InterviewSession, console: any InterviewConsole, rubrics: String?, followUps: Bool
    ) throws {
        // A failed save may move the transcript elsewhere; the farewell and the resume command follow it.
        let announce = { (url: URL) -> String in
            var command = "rehearse practice --resume \(Terminal.displayPath(url))"
            if let rubrics { command += " --rubrics \(rubrics)" }
            if followUps { command += " --follow-ups" }
            InterruptHandler.install(
                farewell: """

                    Interrupted. Every answer, and the draft being typed, is saved in \(Terminal.displayPath(url)).
                    Resume with: \(command)

                    """)
            return command
        }
        session.resumeCommand = announce(session.transcriptURL)
        session.relocated = announce
        _ = try session.run()
        // A piped line past the limit ended the input: the interview stopped there (saved), not finished.
        if let plain = console as? PlainConsole, let line = plain.tooLongLine {
            throw InputReadError.tooLarge(
                path: "standard input", limit: AnswerText.readLimit, what: "one line (line \(line))")
        }
    }
}
