import Foundation

/// `rehearse grade --batch`: JSON Lines in, `{"question": ID, "answer": TEXT}` a line; for each line
/// that is not blank, one line out, in the same order: the grade as `grade --format json` prints it (on
/// one line), or `{"line": N, "error": MESSAGE}`. A bad line never stops the batch.
///
/// Streams: one line is held at a time, and output is flushed whenever more input must be waited for,
/// so a script can write a line and read its grade back through a pipe.
public struct BatchGrading {
    /// A line longer than this is reported and skipped without being held: four times the longest
    /// answer, room for JSON escapes.
    public static let maximumLineBytes = 4 * AnswerText.maximumBytes

    private let grader: Grader
    private let questions: [String: Question]
    private let bank: Bank
    private let decoder = JSONDecoder()

    public init(bank: Bank) {
        self.bank = bank
        grader = Grader(bank: bank)
        questions = Dictionary(bank.questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Reads `input` to its end and gives `write` one line per line that is not blank. Returns how many
    /// lines were errors; a failed `write` (standard output on a full disk) ends the batch with its error.
    @discardableResult
    public func run(input: FileHandle, write: (Data) throws -> Void) rethrows -> Int {
        var errors = 0
        var pending = Data()
        var lines = JSONLineReader(input: input, limit: Self.maximumLineBytes)
        while let line = try lines.next(beforeWaiting: {
            try write(pending)
            pending.removeAll(keepingCapacity: true)
        }) {
            guard let result = self.line(line.bytes, number: line.number, tooLong: line.tooLong) else { continue }
            if result.isError { errors += 1 }
            pending.append(contentsOf: result.text.utf8)
            pending.append(UInt8(ascii: "\n"))
            if pending.count >= 1 << 16 {
                try write(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        try write(pending)
        return errors
    }

    private struct Entry: Decodable {
        var question: String
        var answer: String
    }

    private struct LineError: Encodable {
        var line: Int
        var error: String
    }

    /// The output for one input line, without its newline; nil for a blank line.
    func line(_ bytes: Data, number: Int, tooLong: Bool = false) -> (text: String, isError: Bool)? {
        func failure(_ message: String) -> (String, Bool) {
            (JSONOutput.encode(LineError(line: number, error: message), compact: true), true)
        }
        if tooLong { return failure("the line is longer than \(Self.maximumLineBytes) bytes") }
        guard bytes.contains(where: { !Self.isBlank($0) }) else { return nil }
        guard let entry = try? decoder.decode(Entry.self, from: bytes) else {
            return failure("not a JSON object with the strings 'question' and 'answer'")
        }
        do {
            guard let question = questions[entry.question] else {
                throw BankError.unknownQuestion(
                    id: entry.question, suggestion: closestMatch(to: entry.question, in: questions.keys))
            }
            let answer = try AnswerText.decode(Data(entry.answer.utf8))
            let grade = try grader.grade(answer, for: question)
            return (GradeReport(grade: grade, question: question).json(compact: true), false)
        } catch {
            return failure((error as? LocalizedError)?.errorDescription ?? "\(error)")
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
}

/// Splits a file or pipe into lines as it reads, holding one line at a time.
struct JSONLineReader {
    struct Line {
        var bytes: Data
        /// 1-based.
        var number: Int
        /// The line ran past the limit; `bytes` holds only its start.
        var tooLong: Bool
    }

    private let input: FileHandle
    private let limit: Int
    /// Read but not yet returned: `buffer[start...]`; `scanned` is how far it holds no newline.
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var number = 0
    private var atEnd = false
    /// The current line ran past the limit: its bytes are dropped up to its newline.
    private var tooLong = false

    init(input: FileHandle, limit: Int) {
        self.input = input
        self.limit = limit
    }

    /// The next line, or nil at the end; `beforeWaiting` runs before each read of more input.
    mutating func next(beforeWaiting: () throws -> Void) rethrows -> Line? {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                return take(upTo: newline, skipping: 1)
            }
            scanned = buffer.count
            if atEnd { return start < buffer.count || tooLong ? take(upTo: buffer.count, skipping: 0) : nil }
            if buffer.count - start > limit {
                tooLong = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
                scanned = 0
            } else if start > 0 {
                buffer.removeSubrange(0..<start)
                scanned -= start
                start = 0
            }
            try beforeWaiting()
            let chunk = (try? input.read(upToCount: 1 << 16)) ?? nil
            if let chunk, !chunk.isEmpty { buffer.append(contentsOf: chunk) } else { atEnd = true }
        }
    }

    private mutating func take(upTo end: Int, skipping separator: Int) -> Line {
        number += 1
        tooLong = tooLong || end - start > limit
        let line = Line(bytes: tooLong ? Data() : Data(buffer[start..<end]), number: number, tooLong: tooLong)
        tooLong = false
        start = end + separator
        scanned = start
        return line
    }
}
