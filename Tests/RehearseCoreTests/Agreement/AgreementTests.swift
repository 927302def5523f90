import Foundation
import Testing

@testable import RehearseCore

@Suite("Agreement with human marks")
struct AgreementTests {
    @Test("Pearson and Spearman: a monotone but curved relation ranks perfectly but is not linear")
    func correlations() throws {
        let x: [Double] = [1, 2, 3, 4, 5], y: [Double] = [1, 4, 9, 16, 100]
        #expect(try #require(Statistics.spearman(x, y)) == 1)
        #expect(try #require(Statistics.pearson(x, y)) < 0.9)
        #expect(Statistics.pearson([1, 1, 1], [1, 2, 3]) == nil)
    }

    @Test("Spearman shares tied ranks")
    func ties() {
        #expect(Statistics.ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4])
    }

    @Test("Pairwise order counts only the pairs people ranked apart, a tied score as half")
    func pairwiseOrder() throws {
        let order = try #require(Statistics.pairwiseOrder(scores: [10, 50, 50], marks: [1, 3, 3]))
        #expect(order.pairs == 2)
        #expect(order.agreement == 1)
        let reversed = try #require(Statistics.pairwiseOrder(scores: [60, 60, 10], marks: [1, 2, 3]))
        #expect(abs(reversed.agreement - 0.5 / 3) < 1e-9)
    }

    @Test("CSV with quoted commas, doubled quotes and line breaks, and concepts split on ';'")
    func csv() throws {
        let text =
            "question,answer,mark,concepts\nstale-model,\"I retrain, then \"\"ship\"\"\nit\",4,retraining;deployment\nstale-model,nothing,0,\n"
        let responses = try MarkedResponses.parse(text, file: "m.csv")
        #expect(responses.count == 2)
        #expect(responses[0].answer == "I retrain, then \"ship\"\nit")
        #expect(responses[0].concepts == ["retraining", "deployment"])
        #expect(responses[1].concepts == [])
        #expect(MarkedResponses.scale(responses) == 20)
    }

    @Test("JSON Lines, marks out of 100, and errors that name the file and line")
    func jsonLines() throws {
        let responses = try MarkedResponses.parse(
            #"{"question_id": "a", "answer": "x", "mark": 70}"# + "\n", file: "m.jsonl")
        #expect(responses[0].questionID == "a")
        #expect(MarkedResponses.scale(responses) == 1)
        #expect(
            throws: AgreementError.badLines(
                file: "m.jsonl",
                problems: [
                    LineProblem(line: 2, problem: "not a JSON object with 'question', 'answer' and a numeric 'mark'")
                ])
        ) {
            try MarkedResponses.parse(
                "{\"question\": \"a\", \"answer\": \"x\", \"mark\": 1}\n{\"question\": \"a\"}", file: "m.jsonl")
        }
        #expect(throws: AgreementError.missingColumn(file: "m.csv", column: "mark")) {
            try MarkedResponses.parse("question,answer\na,b\n", file: "m.csv")
        }
    }

    static let jsonl = [
        #"{"question": "a", "answer": "x", "mark": 2}"#, #"{"question": "a", "answer": "y", "mark": 4}"#,
        #"{"question": "a", "answer": "z", "mark": 7}"#, #"{"question": "a", "answer": "w", "mark": 1}"#,
    ]

    @Test("One mark of 7 among 0-5 marks is refused with its line, not read as a 0-100 file; a declared scale decides")
    func mixedScale() throws {
        let text = Self.jsonl.joined(separator: "\n")
        #expect(
            throws: AgreementError.mixedScale(
                file: "m.jsonl", lowCount: 3, high: [LineProblem(line: 3, problem: "mark 7")])
        ) { try MarkedResponses.parse(text, file: "m.jsonl") }
        #expect(MarkedResponses.scale(try MarkedResponses.parse(text, file: "m.jsonl", scale: .hundred)) == 1)
        #expect(throws: AgreementError.self) { try MarkedResponses.parse(text, file: "m.jsonl", scale: .five) }
        let skipped = try MarkedResponses.parseReporting(text, file: "m.jsonl", scale: .five, skipBadLines: true)
        #expect(skipped.responses.map(\.line) == [1, 2, 4])
        #expect(skipped.skipped == [LineProblem(line: 3, problem: "mark 7 is above 5, the top of --scale 5")])
        #expect(MarkedResponses.scale(skipped.responses) == 20)
    }

    @Test("Every bad line is reported with its number, and a UTF-8 byte-order mark is not part of the header")
    func everyBadLine() throws {
        let text = "\u{FEFF}question,answer,mark\na,x,2\na,y,lots\na\na,z,3\n"
        do {
            _ = try MarkedResponses.parse(text, file: "m.csv")
            Issue.record("expected bad lines")
        } catch {
            #expect(
                error
                    == .badLines(
                        file: "m.csv",
                        problems: [
                            LineProblem(line: 3, problem: "mark 'lots' is not a number"),
                            LineProblem(line: 4, problem: "1 fields, fewer than the header's 3"),
                        ]))
            #expect(error.errorDescription?.contains("--skip-bad-lines") == true)
        }
        let rest = try MarkedResponses.parse(text, file: "m.csv", skipBadLines: true)
        #expect(rest.map(\.answer) == ["x", "z"])
    }

    @Test("The report finds the worst disagreement and the concept the marker saw but the rubric did not")
    func report() throws {
        let fixture = try QualityFixtureBank()
        let bank = try fixture.load()
        let marked = [
            MarkedResponse(
                questionID: "stale-model", answer: "I retrain on recent data and release it behind a canary.", mark: 4,
                concepts: ["retraining", "recent-data", "deployment", "canary"], line: 1),
            MarkedResponse(
                questionID: "stale-model", answer: "Nothing much, honestly.", mark: 0, concepts: [], line: 2),
            MarkedResponse(
                questionID: "stale-model", answer: "I would keep the features in a fast lookup store.", mark: 3,
                concepts: ["caching"], line: 3),
        ]
        let report = try AgreementReport.make(marked, bank: bank, grader: Grader(bank: bank), file: "m.jsonl")
        #expect(report.overall.responses == 3)
        #expect(report.worst(1).first?.response.line == 3)
        let caching = try #require(report.concepts.first { $0.id == "caching" })
        #expect(caching.recall == 0)
        #expect(report.text(style: .plain).contains("missed caching (the marker found it)"))
        #expect(throws: AgreementError.self) {
            try AgreementReport.make(
                [MarkedResponse(questionID: "stale-modle", answer: "x", mark: 1, line: 7)], bank: bank,
                grader: Grader(bank: bank), file: "m.jsonl")
        }
    }
}
