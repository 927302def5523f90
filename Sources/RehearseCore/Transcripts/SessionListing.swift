import Foundation

/// `rehearse sessions`: the saved sessions of a folder, numbered oldest first so a number stays the same
/// as new sessions are added (the newest is listed last, next to the prompt).
public struct SessionListing {
    public struct Row: Sendable {
        /// 1 for the oldest.
        public var number: Int
        public var url: URL
        public var transcript: Transcript
    }

    public var rows: [Row]
    public var timeZone: TimeZone

    public init(_ loaded: [LoadedTranscript], timeZone: TimeZone = .current) {
        rows = loaded.sorted { $0.transcript.startedAt < $1.transcript.startedAt }.enumerated().map {
            Row(number: $0.offset + 1, url: $0.element.url, transcript: $0.element.transcript)
        }
        self.timeZone = timeZone
    }

    /// The session numbered `number`, or `SessionError.noSuchNumber`.
    public func row(_ number: Int) throws(SessionError) -> Row {
        guard (1...max(1, rows.count)).contains(number), number <= rows.count else {
            throw .noSuchNumber(number, count: rows.count)
        }
        return rows[number - 1]
    }

    /// "exam", "drill", "deployment-technical", with ", scripted" for piped runs.
    public static func kind(_ transcript: Transcript) -> String {
        transcript.plan.slug + (transcript.scripted == true ? ", scripted" : "")
    }

    /// "3/5", questions answered or skipped of those planned.
    public static func done(_ transcript: Transcript) -> String {
        "\(transcript.entries.count)/\(transcript.plan.questionIDs.count)"
    }

    public static func average(_ transcript: Transcript) -> String {
        transcript.averageScore.map { String(format: "%.0f", $0) } ?? "—"
    }

    /// One sentence naming a session, for a question like "Delete it?".
    public func describe(_ row: Row) -> String {
        let transcript = row.transcript
        return "session \(row.number) (\(TranscriptMarkdown.dateText(transcript.startedAt, in: timeZone)), "
            + "\(Self.kind(transcript)), \(Self.done(transcript)) done, average \(Self.average(transcript)))"
    }

    public func text(style: TextStyle) -> String {
        let header = ["#", "when", "kind", "done", "average", "status"]
        let cells = rows.map { row -> [String] in
            let transcript = row.transcript
            return [
                "\(row.number)", TranscriptMarkdown.dateText(transcript.startedAt, in: timeZone), Self.kind(transcript),
                Self.done(transcript), Self.average(transcript), transcript.status.rawValue,
            ]
        }
        let widths = header.indices.map { column in
            ([header] + cells).map { $0[column].count }.max() ?? 0
        }
        let line = { (values: [String]) in
            zip(values, widths).enumerated().map { index, pair in
                index == 0 || index == 3 || index == 4 ? pair.0.leftPadded(pair.1) : pair.0.padded(pair.1)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var lines = [style.bold(line(header))]
        lines += cells.map(line)
        lines.append("")
        lines.append(
            style.dim("Continue one with 'rehearse sessions resume N'; delete one with 'rehearse sessions delete N'."))
        return lines.joined(separator: "\n") + "\n"
    }

    struct JSONShape: Encodable {
        var number: Int, file: String, startedAt: String, kind: String, scripted: Bool, status: String
        var answered: Int, planned: Int, average: Double?
    }

    public func json() -> String {
        JSONOutput.encode(
            rows.map { row in
                JSONShape(
                    number: row.number, file: row.url.path, startedAt: DrillDates.iso(row.transcript.startedAt),
                    kind: row.transcript.plan.slug, scripted: row.transcript.scripted == true,
                    status: row.transcript.status.rawValue, answered: row.transcript.entries.count,
                    planned: row.transcript.plan.questionIDs.count,
                    average: row.transcript.averageScore.map { ($0 * 10).rounded() / 10 })
            })
    }
}

/// Why a `rehearse sessions` command did nothing.
public enum SessionError: Error, Equatable, Sendable {
    case noSuchNumber(Int, count: Int)
    case cannotDelete(path: String, detail: String)
}

extension SessionError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case let .noSuchNumber(number, count):
            count == 0
                ? "there is no session \(number): no sessions saved yet; start one with 'rehearse practice'."
                : "there is no session \(number); the sessions are numbered 1 to \(count) ('rehearse sessions' lists them)."
        case let .cannotDelete(path, detail):
            "cannot delete '\(path)' (\(detail))."
        }
    }
}

extension Transcript {
    /// When each question was last asked, over these transcripts: what the fresh draw avoids.
    public static func lastAsked(in transcripts: [Transcript]) -> [String: Date] {
        var result: [String: Date] = [:]
        for entry in transcripts.flatMap(\.entries) where entry.askedAt > (result[entry.questionID] ?? .distantPast) {
            result[entry.questionID] = entry.askedAt
        }
        return result
    }
}
