import Foundation
import PCRE2

/// Why an answer could not be graded.
public enum GradingError: Error, Equatable, Sendable {
    /// A rubric pattern hit PCRE2's match or depth limit on this answer.
    case patternTooExpensive(question: String, owner: String, pattern: String)
    /// A pattern is not in the bank's compiled library (the question does not come from this bank).
    case patternNotCompiled(question: String, pattern: String)
    case matchFailed(question: String, PCRE2Error)
}

extension GradingError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case let .patternTooExpensive(question, owner, pattern):
            return "pattern '\(pattern)' of \(owner) in question '\(question)' gave up at PCRE2's match limit on "
                + "this answer (catastrophic backtracking). Rewrite the pattern without nested repetition such as "
                + "(a+)+; 'rehearse rubric lint' finds such patterns."
        case let .patternNotCompiled(question, pattern):
            return "pattern '\(pattern)' of question '\(question)' is not in the bank: it was set aside because it "
                + "hits PCRE2's match limit ('rehearse rubric lint' shows where), or the question comes from another bank."
        case let .matchFailed(question, error):
            return "matching failed in question '\(question)': \(error)"
        }
    }
}

/// Why an answer text was refused before grading.
public enum AnswerError: Error, Equatable, Sendable {
    case empty
    case tooLong(bytes: Int, limit: Int)
    case notUTF8(offset: Int)
}

extension AnswerError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .empty:
            return "the answer is empty; write the answer in the file, or pipe it on standard input."
        case let .tooLong(bytes, limit):
            let size = bytes >= AnswerText.readLimit ? "over \(bytes) bytes (reading stopped there)" : "\(bytes) bytes"
            return "the answer is \(size), more than the \(limit)-byte limit for one answer; "
                + "an interview answer is a few paragraphs, so shorten it."
        case let .notUTF8(offset):
            return "the answer is not valid UTF-8 (the first bad byte is at offset \(offset)); "
                + "save it as UTF-8 and try again."
        }
    }
}

/// Checks an answer's raw bytes before grading: UTF-8, not empty, not absurdly long.
public enum AnswerText {
    /// 100 KB: twenty times the longest answer anyone types in an interview.
    public static let maximumBytes = 100_000
    /// How much a reader of one answer takes before it stops (`grade < /dev/zero` ends there): more than
    /// the limit, so an answer over it is refused by `decode` with the one message every path gives.
    public static let readLimit = 4 * maximumBytes

    /// Reads one answer with `read` (given the byte limit), stopping at `readLimit`: an answer over the
    /// limit, however it arrives, gets the same message.
    public static func reading(_ read: (Int) throws -> Data) throws -> String {
        let data: Data
        do { data = try read(readLimit) } catch InputReadError.tooLarge {
            throw AnswerError.tooLong(bytes: readLimit, limit: maximumBytes)
        }
        return try decode(data)
    }

    public static func decode(_ data: Data, limit: Int = maximumBytes) throws(AnswerError) -> String {
        try checkSize(data.count, limit: limit)
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .notUTF8(offset: firstInvalidUTF8Offset(in: data))
        }
        if text.allSatisfy(\.isWhitespace) { throw .empty }
        return text
    }

    /// The one size rule for an answer on every path: `grade`, `rubric explain`, and `practice` typed,
    /// piped or edited (there, `bytes` counts the answer's lines joined by line breaks).
    public static func checkSize(_ bytes: Int, limit: Int = maximumBytes) throws(AnswerError) {
        if bytes > limit { throw .tooLong(bytes: bytes, limit: limit) }
    }

    private static func firstInvalidUTF8Offset(in data: Data) -> Int {
        let bytes = [UInt8](data)
        var offset = 0
        while offset < bytes.count {
            let length: Int
            switch bytes[offset] {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return offset
            }
            guard offset + length <= bytes.count,
                String(validating: bytes[offset..<offset + length], as: UTF8.self) != nil
            else { return offset }
            offset += length
        }
        return offset
    }
}
