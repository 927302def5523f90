import Foundation
import Testing

@testable import RehearseCore

/// Hand-edited and hostile transcripts: every number range-checked, every error naming the file and
/// the field, never a trap.
@Suite("Transcript fields are range-checked when read")
struct TranscriptValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var what: String
        var path: [String]
        var index: [Int?]
        var value: @Sendable () -> Any
        var field: String
        var testDescription: String { what }

        /// The key path into the JSON; an `index` entry turns the key before it into a list index.
        var keyPath: [Any] {
            var keys: [Any] = []
            for (key, index) in zip(path, index) {
                keys.append(key)
                if let index { keys.append(index) }
            }
            return keys
        }
    }

    static func at(
        _ what: String, _ path: [String], _ index: [Int?], _ value: @escaping @Sendable () -> Any, field: String
    ) -> Case {
        Case(what: what, path: path, index: index, value: value, field: field)
    }

    static let cases: [Case] = [
        at(
            "a score of Int.max", ["entries", "grade", "score"], [0, nil, nil], { Int.max },
            field: "entries[0].grade.score"),
        at("a score of -50", ["entries", "grade", "score"], [1, nil, nil], { -50 }, field: "entries[1].grade.score"),
        at(
            "a score of 1000", ["entries", "grade", "score"], [2, nil, nil], { 1000 }, field: "entries[2].grade.score"),
        at("seconds of 1e300", ["entries", "seconds"], [0, nil], { 1e300 }, field: "entries[0].seconds"),
        at("negative seconds", ["entries", "seconds"], [1, nil], { -3.0 }, field: "entries[1].seconds"),
        at("a time limit of Int.max", ["entries", "timeLimit"], [0, nil], { Int.max }, field: "entries[0].timeLimit"),
        at("a format version of -1", ["formatVersion"], [nil], { -1 }, field: "formatVersion"),
        at("a format version as text", ["formatVersion"], [nil], { "1" }, field: "formatVersion"),
        at("an empty question list", ["plan", "questionIDs"], [nil, nil], { [String]() }, field: "plan.questionIDs"),
        at("a plan count of Int.max", ["plan", "count"], [nil, nil], { Int.max }, field: "plan.count"),
        at(
            "evidence beyond the answer", ["entries", "grade", "concepts", "evidence", "end"],
            [0, nil, 0, nil, nil], { Int.max }, field: "entries[0].grade.concepts[0].evidence"),
        at(
            "a weight of 1e300", ["entries", "grade", "concepts", "weight"], [0, nil, 0, nil], { 1e300 },
            field: "entries[0].grade.concepts[0].weight"),
        at("a status nobody knows", ["status"], [nil], { "paused" }, field: "status"),
        at(
            "a score as text", ["entries", "grade", "score"], [0, nil, nil], { "high" }, field: "entries[0].grade.score"
        ),
        at(
            "a 200 KB answer", ["entries", "answer"], [1, nil], { String(repeating: "a", count: 200_000) },
            field: "entries[1].answer"),
    ]

    @Test("each bad value is refused with the file and the field's path", arguments: cases)
    func refused(_ bad: Case) throws {
        let data = try VersionOneFixtures.edited("finished") { $0.set(bad.keyPath, to: bad.value()) }
        let path = "/some/where/hostile.json"
        do {
            let transcript = try TranscriptStore.decode(data, path: path)
            Issue.record("accepted \(bad.what): \(transcript.entries.map(\.grade.score))")
        } catch {
            guard case let .damaged(errorPath, detail) = error else {
                Issue.record("\(bad.what): \(error)")
                return
            }
            #expect(errorPath == path)
            #expect(detail.contains("'\(bad.field)'"), "\(bad.what): \(detail)")
            #expect(error.localizedDescription.contains(path))
        }
    }

    @Test("valid JSON that is not an object is not called 'not JSON'")
    func notAnObject() throws {
        #expect(
            throws: TranscriptError.damaged(path: "a.json", detail: "not a JSON object, so not a rehearse transcript")
        ) {
            try TranscriptStore.decode(Data("[1, 2]".utf8), path: "a.json")
        }
    }

    @Test("a missing field names its full path, list index included")
    func missingField() throws {
        let data = try VersionOneFixtures.edited("finished") { object in
            var entries = object["entries"] as! [[String: Any]]
            var grade = entries[1]["grade"] as! [String: Any]
            grade["band"] = nil
            entries[1]["grade"] = grade
            object["entries"] = entries
        }
        #expect(throws: TranscriptError.damaged(path: "a.json", detail: "missing 'entries[1].grade.band'")) {
            try TranscriptStore.decode(data, path: "a.json")
        }
    }
}

@Suite("Marked responses are bounded")
struct MarkedResponsesLimitTests {
    @Test("an answer over 100 KB in a file of marked responses is refused, naming the file and line")
    func longAnswer() throws {
        let text =
            #"{"question": "q", "answer": "ok", "mark": 3}"# + "\n"
            + #"{"question": "q", "answer": ""# + String(repeating: "a", count: 200_000) + #"", "mark": 3}"#
        #expect(throws: AgreementError.self) { try MarkedResponses.parse(text, file: "marked.jsonl") }
        do {
            _ = try MarkedResponses.parse(text, file: "marked.jsonl")
        } catch {
            #expect(error.localizedDescription.contains("marked.jsonl"))
            #expect(error.localizedDescription.contains("more than the 100000-byte limit"))
        }
    }
}
