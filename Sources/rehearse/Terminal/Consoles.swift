import CEditLine
import Foundation
import RehearseCore

/// The practice console on a terminal: libedit gives line editing (arrows, Ctrl-A/E, Ctrl-W) and
/// history (↑ recalls earlier lines) at every prompt. Ctrl-C clears the line being typed, as in bash or
/// psql, and says how to stop.
final class EditLineConsole: InterviewConsole {
    let style: TextStyle

    init(style: TextStyle) {
        self.style = style
        LineEditor.prepare()
    }

    func readLine(prompt: String) -> String? {
        while true {
            switch LineEditor.readLine(prompt: prompt) {
            case let .line(line): return line
            case .endOfInput: return nil
            case .interrupted:
                write(
                    "^C\n"
                        + style.dim(
                            "The line is cleared; what you entered before it is kept. To stop: :quit (saved, resume later)."
                        )
                        + "\n")
            }
        }
    }

    func write(_ text: String) { writeToStandardOutput(Terminal.wrapped(text)) }

    func writeUnwrapped(_ text: String) { writeToStandardOutput(text) }

    func edit(_ draft: String) throws -> String { try ExternalEditor.edit(draft) }
}

/// The practice console when standard input is piped: plain lines, no prompts (nobody is typing), so a
/// whole interview can be scripted. A line is read up to the size at which a reader of one answer stops
/// (`AnswerText.readLimit`): a longer one (`< /dev/zero`) is cut there, refused by the answer's size
/// rule, and ends the input; `InteractiveRun` then reports it.
final class PlainConsole: InterviewConsole {
    let style: TextStyle
    private var lines = BoundedLineReader(descriptor: STDIN_FILENO, limit: AnswerText.readLimit)

    init(style: TextStyle) { self.style = style }

    /// The number of the line that ran past the limit, if one did.
    var tooLongLine: Int? { lines.tooLongLine }

    func readLine(prompt: String) -> String? {
        // A failed save asks where to save; piped, nobody is there to answer, and the next line is the
        // script's answer, not a folder: no one to ask, so the session saves a rescue copy instead.
        if prompt == "save> " { return nil }
        let line: String
        switch lines.next() {
        case .end: return nil
        case let .tooLong(prefix): return prefix
        case let .line(text): line = text
        }
        // Bytes that are not UTF-8 are replaced; say so rather than grade mangled text silently.
        if line.contains("\u{FFFD}") {
            Terminal.printWarning(
                "a line of the answer was not valid UTF-8; the bad bytes were replaced by '\u{FFFD}'.")
        }
        return line
    }

    func write(_ text: String) { writeToStandardOutput(text) }

    func edit(_ draft: String) throws -> String { try ExternalEditor.edit(draft) }
}

/// Output that cannot be written (stdout on a full disk: ENOSPC, EIO) is dropped: the interview goes on
/// and saves every answer, which never depends on the output.
private func writeToStandardOutput(_ text: String) { try? StandardOutput.shared.write(text) }

/// libedit's readline interface, set up once for UTF-8 text, literal tabs and a Ctrl-C that clears the line.
enum LineEditor {
    enum Result {
        case line(String)
        case endOfInput
        /// Ctrl-C at the prompt: the line being typed is dropped.
        case interrupted
    }

    static func prepare() {
        // libedit reads and echoes multibyte characters only under a UTF-8 LC_CTYPE; without one it drops
        // "’", "é" and "—". Only LC_CTYPE: number formats stay as they are.
        setlocale(LC_CTYPE, "")
        if let codeset = nl_langinfo(Int32(CODESET)), String(cString: codeset) != "UTF-8" {
            _ = setlocale(LC_CTYPE, "C.UTF-8") ?? setlocale(LC_CTYPE, "en_US.UTF-8")
        }
        // Our reader, so a Ctrl-C ends the read at once (libedit's own retries an interrupted read).
        rehearse_set_getc_function(readCharacter)
        using_history()
        // Tab types a tab: the readline default completes file names, which an answer never wants.
        _ = rl_bind_key(0x09, rl_insert)
    }

    static func readLine(prompt: String) -> Result {
        InterruptHandler.atPrompt = true
        defer { InterruptHandler.atPrompt = false }
        let raw = CEditLine.readline(prompt)
        if InterruptHandler.takeInterrupt() {
            free(raw)
            return .interrupted
        }
        guard let raw else { return .endOfInput }
        defer { free(raw) }
        let line = String(cString: raw)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty { add_history(raw) }
        return .line(line)
    }

    /// One character from standard input as a Unicode scalar value (libedit takes the int as a wide
    /// character), or -1 at the end of input and when a Ctrl-C interrupted the read.
    private static let readCharacter: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { _ in
        guard let first = readByte() else { return -1 }
        let extra: Int
        var value: UInt32
        switch first {
        case 0..<0x80: return Int32(first)
        case 0xC0..<0xE0: (extra, value) = (1, UInt32(first & 0x1F))
        case 0xE0..<0xF0: (extra, value) = (2, UInt32(first & 0x0F))
        case 0xF0..<0xF8: (extra, value) = (3, UInt32(first & 0x07))
        default: return 0xFFFD
        }
        for _ in 0..<extra {
            guard let next = readByte() else { return -1 }
            guard next & 0xC0 == 0x80 else { return 0xFFFD }
            value = value << 6 | UInt32(next & 0x3F)
        }
        return Int32(bitPattern: value)
    }

    private static func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 { return byte }
            if count == 0 { return nil }
            if errno != EINTR || InterruptHandler.interruptPending { return nil }
        }
    }
}
