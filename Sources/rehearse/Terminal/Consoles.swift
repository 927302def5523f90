import CEditLine
import Foundation
import RehearseCore

/// The practice console on a terminal: libedit gives line editing (arrows, Ctrl-A/E, Ctrl-W) and
/// history (↑ recalls earlier lines) at every prompt.
final class EditLineConsole: InterviewConsole {
    let style: TextStyle

    init(style: TextStyle) {
        self.style = style
        using_history()
    }

    func readLine(prompt: String) -> String? {
        guard let raw = CEditLine.readline(prompt) else { return nil }
        defer { free(raw) }
        let line = String(cString: raw)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { add_history(raw) }
        return line
    }

    func write(_ text: String) { writeToStandardOutput(Terminal.wrapped(text)) }

    func edit(_ draft: String) throws -> String { try ExternalEditor.edit(draft) }
}

/// The practice console when standard input is piped: plain lines, no prompts (nobody is typing), so a
/// whole interview can be scripted.
final class PlainConsole: InterviewConsole {
    let style: TextStyle

    init(style: TextStyle) { self.style = style }

    func readLine(prompt: String) -> String? {
        guard let line = Swift.readLine(strippingNewline: true) else { return nil }
        // Swift.readLine replaces bytes that are not UTF-8; say so rather than grade mangled text silently.
        if line.contains("\u{FFFD}") {
            Terminal.printWarning(
                "a line of the answer was not valid UTF-8; the bad bytes were replaced by '\u{FFFD}'.")
        }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }

    func write(_ text: String) { writeToStandardOutput(text) }

    func edit(_ draft: String) throws -> String { try ExternalEditor.edit(draft) }
}

/// Unbuffered, so the text is out before the next prompt and before a signal ends the process.
private func writeToStandardOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Opens $VISUAL or $EDITOR (else vi) on the answer's draft, for `:edit`.
enum ExternalEditor {
    enum Failure: Error, LocalizedError {
        case exited(editor: String, status: Int32)
        case cannotStart(editor: String, detail: String)

        var errorDescription: String? {
            switch self {
            case let .exited(editor, status):
                "'\(editor)' exited with status \(status); the draft is unchanged. Set $EDITOR to the editor you use"
            case let .cannotStart(editor, detail):
                "cannot start '\(editor)': \(detail). Set $EDITOR to the editor you use"
            }
        }
    }

    static func edit(_ draft: String) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rehearse-answer-\(UUID().uuidString).md")
        try Data(draft.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // Through the shell, so EDITOR may carry arguments ("code --wait"); the file is passed as $1.
        process.arguments = ["-c", "\(editor) \"$1\"", "rehearse-editor", file.path]
        do {
            try InterruptHandler.ignoringInterrupts { () throws in
                try process.run()
                process.waitUntilExit()
            }
        } catch {
            throw Failure.cannotStart(editor: editor, detail: error.localizedDescription)
        }
        guard process.terminationStatus == 0 else {
            throw Failure.exited(editor: editor, status: process.terminationStatus)
        }
        return String(decoding: try Data(contentsOf: file), as: UTF8.self)
    }
}
