import Foundation
import RehearseCore

/// Runs an interview in this process's terminal: the right console for stdin, and the interrupt
/// handler that says where the answers are and how to resume. Shared by `practice` and `drill`.
enum InteractiveRun {
    static func console() -> any InterviewConsole {
        let style = Terminal.style
        return Terminal.stdinIsTerminal ? EditLineConsole(style: style) : PlainConsole(style: style)
    }

    static func run(_ session: inout InterviewSession, rubrics: String?) throws {
        var command = "rehearse practice --resume \(Terminal.displayPath(session.transcriptURL))"
        if let rubrics { command += " --rubrics \(rubrics)" }
        session.resumeCommand = command
        InterruptHandler.install(
            farewell: """

                Interrupted. Every answered question is saved in \(Terminal.displayPath(session.transcriptURL)).
                Resume with: \(command)

                """)
        _ = try session.run()
    }
}
