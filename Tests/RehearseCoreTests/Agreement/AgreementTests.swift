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
            throws: AgreementError.unreadableLine(
                file: "m.jsonl", line: 2, problem: "not a JSON object with 'question', 'answer' and a numeric 'mark'")
        ) {
            try MarkedResponses.parse(
                "{\"question\": \"a\", \"answer\": \"x\", \"mark\": 1}\n{\"question\": \"a\"}", file: "m.jsonl")
        }
        #expect(throws: AgreementError.missingColumn(file: "m.csv", column: "mark")) {
            try MarkedResponses.parse("question,answer\na,b\n", file: "m.csv")
        }
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
