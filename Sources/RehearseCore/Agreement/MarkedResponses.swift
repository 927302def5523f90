import Foundation

/// One answer a person marked: the evidence a rubric's agreement with people is measured on.
public struct MarkedResponse: Sendable, Hashable {
    public var questionID: String
    public var answer: String
    /// The mark as given, on the file's scale.
    public var mark: Double
    /// The concept ids the marker found in the answer, when the file says.
    public var concepts: [String]?
    /// 1-based line (JSON Lines) or record (CSV) number, for messages.
    public var line: Int
    /// What kind of answer it is (strong, buzzword, negated, ...), when the file says.
    public var kind: String? = nil
    /// The top of the file's scale (5 or 100), declared or detected once for the whole file; nil when
    /// built in code, and then detected from the marks.
    public var outOf: Double? = nil
}

/// The scale a marked-responses file uses, when the coach declares it (`--scale`).
public enum MarkScale: Int, CaseIterable, Sendable {
    case five = 5
    case hundred = 100
}

/// One line of a marked-responses file that could not be used, and why.
public struct LineProblem: Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var problem: String

    public init(line: Int, problem: String) {
        self.line = line
        self.problem = problem
    }

    public var description: String { "line \(line): \(problem)" }
}

/// Why a marked-responses file could not be read.
public enum AgreementError: Error, Equatable, Sendable {
    /// Every line that could not be read, so one run lists them all.
    case badLines(file: String, problems: [LineProblem])
    case missingColumn(file: String, column: String)
    /// Most marks are 0–5 but some are above 5: a typo in a 0–5 file, or a 0–100 file? Not guessed.
    case mixedScale(file: String, lowCount: Int, high: [LineProblem])
    case unknownQuestion(file: String, line: Int, id: String, suggestion: String?)
    /// Concept labels that the question's rubric does not have, each with the nearest id.
    case unknownConcepts(file: String, problems: [LineProblem])
    case empty(file: String)
}

extension AgreementError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case let .badLines(file, problems):
            let lines = problems.map { "\n  \(file):\($0.line): \($0.problem)" }.joined()
            return
                "\(file): \(problems.count) line\(problems.count == 1 ? "" : "s") could not be read:\(lines)\nEach line is {\"question\": ID, \"answer\": TEXT, \"mark\": N, \"concepts\": [IDS]} (JSON Lines), or a CSV record with those columns. Fix them, or pass --skip-bad-lines to measure the rest."
        case let .missingColumn(file, column):
            return
                "\(file): the CSV header has no '\(column)' column; the first line names the columns: question,answer,mark[,concepts]."
        case let .mixedScale(file, lowCount, high):
            let lines = high.map { "\n  \(file):\($0.line): \($0.problem)" }.joined()
            return
                "\(file): \(lowCount) marks are on 0–5 but \(high.count) \(high.count == 1 ? "is" : "are") above 5:\(lines)\nA typo in a 0–5 file, or a 0–100 file? Fix those marks, or declare the scale with --scale 5 or --scale 100."
        case let .unknownQuestion(file, line, id, suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return
                "\(file):\(line): no question with id '\(id)' in the bank.\(hint) 'rehearse bank list' shows every id."
        case let .unknownConcepts(file, problems):
            let lines = problems.map { "\n  \(file):\($0.line): \($0.problem)" }.joined()
            return
                "\(file): \(problems.count) concept label\(problems.count == 1 ? "" : "s") the rubric does not have:\(lines)\nLabel concepts with the ids 'rehearse rubric explain' lists."
        case let .empty(file):
            return "\(file) holds no marked responses; write one per line."
        }
    }
}

/// Reads marked responses from JSON Lines (`.jsonl`, or any file whose first character is `{`) or CSV
/// with a header row. Columns: `question` (or `question_id`), `answer`, `mark`, and optionally
/// `concepts` (a JSON array, or ids separated by `;` in CSV).
public enum MarkedResponses {
    public static func parse(
        _ text: String, file: String, scale: MarkScale? = nil, skipBadLines: Bool = false
    ) throws(AgreementError) -> [MarkedResponse] {
        let responses = try parseReporting(text, file: file, scale: scale, skipBadLines: skipBadLines).responses
        let tooLong = responses.filter { $0.answer.utf8.count > AnswerText.maximumBytes }.map {
            LineProblem(
                line: $0.line,
                problem:
                    "the answer is \($0.answer.utf8.count) bytes, more than the \(AnswerText.maximumBytes)-byte limit for one answer"
            )
        }
        if !tooLong.isEmpty { throw .badLines(file: file, problems: tooLong) }
        return responses
    }

    /// The responses and, with `skipBadLines`, the lines left out; without it, any bad line throws
    /// them all.
    public static func parseReporting(
        _ text: String, file: String, scale: MarkScale? = nil, skipBadLines: Bool = false
    ) throws(AgreementError) -> (responses: [MarkedResponse], skipped: [LineProblem]) {
        // A UTF-8 byte-order mark, as spreadsheet exports write, is not part of the first field.
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [LineProblem] = []
        var responses =
            trimmed.hasPrefix("{")
            ? parseJSONLines(trimmed, problems: &problems) : try parseCSV(trimmed, file: file, problems: &problems)
        let top = try outOf(responses, declared: scale, file: file, problems: &problems)
        let bad = Set(problems.map(\.line))
        responses = responses.filter { !bad.contains($0.line) }.map { response in
            var response = response
            response.outOf = top
            return response
        }
        problems.sort { $0.line < $1.line }
        if !problems.isEmpty, !skipBadLines { throw .badLines(file: file, problems: problems) }
        if responses.isEmpty { throw .empty(file: file) }
        return (responses, problems)
    }

    /// The top of the file's scale: declared, or 5 when every mark is 0–5, else 100. A file whose marks
    /// are mostly 0–5 with a few above is refused rather than read as 0–100.
    static func outOf(
        _ responses: [MarkedResponse], declared: MarkScale?, file: String, problems: inout [LineProblem]
    ) throws(AgreementError) -> Double {
        let top = Double(declared?.rawValue ?? 100)
        for response in responses where !(0...top).contains(response.mark) {
            let scale = declared.map { "above \($0.rawValue), the top of --scale \($0.rawValue)" } ?? "outside 0–100"
            problems.append(LineProblem(line: response.line, problem: "mark \(response.mark.formatted) is \(scale)"))
        }
        if let declared { return Double(declared.rawValue) }
        let inRange = responses.filter { (0...100).contains($0.mark) }
        let low = inRange.filter { $0.mark <= 5 }
        if low.count == inRange.count { return 5 }
        if low.count > inRange.count - low.count {
            let high = inRange.filter { $0.mark > 5 }.map {
                LineProblem(line: $0.line, problem: "mark \($0.mark.formatted)")
            }
            throw .mixedScale(file: file, lowCount: low.count, high: high)
        }
        return 100
    }

    /// Marks on 0–5 or 0–100 (as `parse` decided, else by the marks), as a factor to a 0–100 score.
    public static func scale(_ responses: [MarkedResponse]) -> Double {
        if let top = responses.first?.outOf { return 100 / top }
        return responses.allSatisfy { $0.mark <= 5 } ? 20 : 1
    }

    private struct JSONLine: Decodable {
        var question: String?
        var questionId: String?
        var answer: String
        var mark: Double
        var concepts: [String]?
        var kind: String?
    }

    static func parseJSONLines(_ text: String, problems: inout [LineProblem]) -> [MarkedResponse] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var responses: [MarkedResponse] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            guard let entry = try? decoder.decode(JSONLine.self, from: Data(line.utf8)) else {
                problems.append(
                    LineProblem(
                        line: index + 1, problem: "not a JSON object with 'question', 'answer' and a numeric 'mark'"))
                continue
            }
            guard let id = entry.question ?? entry.questionId else {
                problems.append(LineProblem(line: index + 1, problem: "no 'question' id"))
                continue
            }
            responses.append(
                MarkedResponse(
                    questionID: id, answer: entry.answer, mark: entry.mark, concepts: entry.concepts, line: index + 1,
                    kind: entry.kind))
        }
        return responses
    }

    static func parseCSV(_ text: String, file: String, problems: inout [LineProblem]) throws(AgreementError)
        -> [MarkedResponse]
    {
        let records = CSV.records(in: text)
        guard let header = records.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else {
            return []
        }
        func column(_ names: String...) throws(AgreementError) -> Int {
            guard let index = header.firstIndex(where: names.contains) else {
                throw .missingColumn(file: file, column: names[0])
            }
            return index
        }
        let question = try column("question", "question_id"), answer = try column("answer"), mark = try column("mark")
        let concepts = header.firstIndex(of: "concepts"), kind = header.firstIndex(of: "kind")
        var responses: [MarkedResponse] = []
        for (index, record) in records.enumerated().dropFirst() where record.contains(where: { !$0.isEmpty }) {
            let line = index + 1
            guard record.count > max(question, answer, mark) else {
                problems.append(
                    LineProblem(line: line, problem: "\(record.count) fields, fewer than the header's \(header.count)"))
                continue
            }
            guard let value = Double(record[mark].trimmingCharacters(in: .whitespaces)) else {
                problems.append(LineProblem(line: line, problem: "mark '\(record[mark])' is not a number"))
                continue
            }
            let labels = concepts.flatMap { $0 < record.count ? record[$0] : nil }.map {
                $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            responses.append(
                MarkedResponse(
                    questionID: record[question].trimmingCharacters(in: .whitespaces), answer: record[answer],
                    mark: value, concepts: labels, line: line,
                    kind: kind.flatMap { $0 < record.count ? record[$0].trimmingCharacters(in: .whitespaces) : nil }))
        }
        return responses
    }
}

/// RFC 4180 CSV: fields separated by commas, quoted with `"` when they hold commas, quotes or line
/// breaks, a quote inside doubled. Foundation has no CSV reader, and this is all the format needs.
enum CSV {
    static func records(in text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty: quoted = true
            case ",": record.append(field); field = ""
            case "\n", "\r\n":
                record.append(field); records.append(record); record = []; field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
