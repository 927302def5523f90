import Foundation
import RehearseCore

/// Runs an interview in this process's terminal: the right console and mode for stdin, and the
/// interrupt handler that says where the answers are and how to resume. Shared by `practice` and `drill`.
enum InteractiveRun {
    static func console() -> any InterviewConsole {
        let style = Terminal.style
        return Terminal.stdinIsTerminal ? EditLineConsole(style: style) : PlainConsole(style: style)
    }

    /// On a terminal every prompt is shown and every follow-up asked; piped, follow-ups only when asked for.
    static func mode(followUps: Bool) -> InterviewMode {
        Terminal.stdinIsTerminal ? .interactive : .scripted(followUps: followUps)
    }

    static func run(_ session: inout InterviewSession, rubrics: String?, followUps: Bool) throws {
        var command = "rehearse practice --resume \(Terminal.displayPath(session.transcriptURL))"
        if let rubrics { command += " --rubrics \(rubrics)" }
        if followUps { command += " --follow-ups" }
        session.resumeCommand = command
        InterruptHandler.install(
            farewell: """

                Interrupted. Every answer, and the draft being typed, is saved in \(Terminal.displayPath(session.transcriptURL)).
                Resume with: \(command)

                """)
        _ = try session.run()
    }
}
