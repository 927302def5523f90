import Foundation

/// Where an interview reads the candidate's lines and writes its questions and feedback. The executable
/// plugs in the real terminal (libedit on a TTY, plain lines when piped); tests script one.
public protocol InterviewConsole: AnyObject {
    /// How output is decorated: colours on a terminal, plain otherwise.
    var style: TextStyle { get }
    /// One line without its line break, or nil at the end of input.
    func readLine(prompt: String) -> String?
    func write(_ text: String)
    /// Writes `text` as it is, never word-wrapped: a command the candidate is meant to copy.
    func writeUnwrapped(_ text: String)
    /// Lets the candidate edit `draft` in their editor and returns the edited text.
    func edit(_ draft: String) throws -> String
}

extension InterviewConsole {
    public func writeUnwrapped(_ text: String) { write(text) }
}

/// Tells the engine the time, so tests can control how long an answer took.
public protocol InterviewClock {
    func now() -> Date
}

public struct SystemClock: InterviewClock {
    public init() {}
    public func now() -> Date { Date() }
}
