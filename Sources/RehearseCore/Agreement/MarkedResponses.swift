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
}

/// Why a marked-responses file could not be read.
public enum AgreementError: Error, Equatable, Sendable {
    case unreadableLine(file: String, line: Int, problem: String)
    case missingColumn(file: String, column: String)
    case markOutOfRange(file: String, line: Int, mark: Double)
    case unknownQuestion(file: String, line: Int, id: String, suggestion: String?)
    case empty(file: String)
}

extension AgreementError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case let .unreadableLine(file, line, problem):
            return
                "\(file):\(line): \(problem). Each line is {\"question\": ID, \"answer\": TEXT, \"mark\": N, \"concepts\": [IDS]} (JSON Lines), or a CSV record with those columns."
        case let .missingColumn(file, column):
            return
                "\(file): the CSV header has no '\(column)' column; the first line names the columns: question,answer,mark[,concepts]."
        case let .markOutOfRange(file, line, mark):
            return "\(file):\(line): mark \(mark.formatted) is outside 0–100; give marks 0–5 or 0–100."
        case let .unknownQuestion(file, line, id, suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return
                "\(file):\(line): no question with id '\(id)' in the bank.\(hint) 'rehearse bank list' shows every id."
        case let .empty(file):
            return "\(file) holds no marked responses; write one per line."
        }
    }
}

/// Reads marked responses from JSON Lines (`.jsonl`, or any file whose first character is `{`) or CSV
/// with a header row. Columns: `question` (or `question_id`), `answer`, `mark`, and optionally
/// `concepts` (a JSON array, or ids separated by `;` in CSV).
public enum MarkedResponses {
    public static func parse(_ text: String, file: String) throws(AgreementError) -> [MarkedResponse] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let responses =
            trimmed.hasPrefix("{") ? try parseJSONLines(trimmed, file: file) : try parseCSV(trimmed, file: file)
        if responses.isEmpty { throw .empty(file: file) }
        for response in responses where !(0...100).contains(response.mark) {
            throw .markOutOfRange(file: file, line: response.line, mark: response.mark)
        }
        for response in responses where response.answer.utf8.count > AnswerText.maximumBytes {
            throw .unreadableLine(
                file: file, line: response.line,
                problem:
                    "the answer is \(response.answer.utf8.count) bytes, more than the \(AnswerText.maximumBytes)-byte limit for one answer"
            )
        }
        return responses
    }

    /// Marks on 0–5 when no mark is above 5, else on 0–100; as a 0–100 score.
    public static func scale(_ responses: [MarkedResponse]) -> Double {
        responses.allSatisfy { $0.mark <= 5 } ? 20 : 1
    }

    private struct JSONLine: Decodable {
        var question: String?
        var questionId: String?
        var answer: String
        var mark: Double
        var concepts: [String]?
    }

    static func parseJSONLines(_ text: String, file: String) throws(AgreementError) -> [MarkedResponse] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var responses: [MarkedResponse] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let entry: JSONLine
            do { entry = try decoder.decode(JSONLine.self, from: Data(line.utf8)) } catch {
                throw .unreadableLine(
                    file: file, line: index + 1,
                    problem: "not a JSON object with 'question', 'answer' and a numeric 'mark'")
            }
            guard let id = entry.question ?? entry.questionId else {
                throw .unreadableLine(file: file, line: index + 1, problem: "no 'question' id")
            }
            responses.append(
                MarkedResponse(
                    questionID: id, answer: entry.answer, mark: entry.mark, concepts: entry.concepts, line: index + 1))
        }
        return responses
    }

    static func parseCSV(_ text: String, file: String) throws(AgreementError) -> [MarkedResponse] {
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
        let concepts = header.firstIndex(of: "concepts")
        var responses: [MarkedResponse] = []
        for (index, record) in records.enumerated().dropFirst() where record.contains(where: { !$0.isEmpty }) {
            let line = index + 1
            guard record.count > max(question, answer, mark) else {
                throw .unreadableLine(
                    file: file, line: line, problem: "\(record.count) fields, fewer than the header's \(header.count)")
            }
            guard let value = Double(record[mark].trimmingCharacters(in: .whitespaces)) else {
                throw .unreadableLine(file: file, line: line, problem: "mark '\(record[mark])' is not a number")
            }
            let labels = concepts.flatMap { $0 < record.count ? record[$0] : nil }.map {
                $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            responses.append(
                MarkedResponse(
                    questionID: record[question].trimmingCharacters(in: .whitespaces), answer: record[answer],
                    mark: value,
                    concepts: labels, line: line))
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
