import Foundation
import Testing

@testable import RehearseCore

@Suite("Progress across transcripts")
struct ProgressReportTests {
    func transcripts() throws -> [Transcript] {
        let bank = try FixtureBank(files: ["deployment/release.yaml": FixtureBank.releaseYAML]).load()
        let factory = TranscriptFactory(bank: bank)
        return [
            try factory.transcript(
                startedAt: TranscriptFactory.day(0),
                [.init("drift", "I would retrain it."), .init("release", "A canary first.")]),
            try factory.transcript(
                startedAt: TranscriptFactory.day(2),
                [.init("drift", "I would retrain it weekly."), .init("release", "A canary first.")]),
            try factory.transcript(
                startedAt: TranscriptFactory.day(5),
                [
                    .init("drift", "We compare the live feature distributions with training and retrain."),
                    .init("release", "A canary, and roll back if it fails."),
                ]),
        ]
    }

    @Test("Concepts are listed weakest first, with their mastery")
    func weakestFirst() throws {
        let report = ProgressReport(transcripts: try transcripts())
        #expect(report.concepts.map(\.id) == ["drift-detection", "rollback", "canary", "retrain"])
        #expect(report.concepts[0].recalls == [.again, .again, .good])
        #expect(Int(report.concepts[0].mastery.rounded()) == 33)
        #expect(report.concepts.last?.mastery == 100)
    }

    @Test("A domain whose scores rose shows ↑, with a sparkline of its scores")
    func domainTrend() throws {
        let report = ProgressReport(transcripts: try transcripts())
        let monitoring = try #require(report.domains.first { $0.id == "monitoring" })
        #expect(monitoring.scores == [40, 40, 100])
        #expect(monitoring.trend == .up)
        let text = report.text(style: .plain)
        #expect(text.contains("monitoring        3       60  ↑ ▄▄█"))
    }

    @Test("Trend: the last three against the ones before, with a 5-point dead band")
    func trendRule() {
        #expect(Trend([50]) == .new)
        #expect(Trend([50, 52]) == .flat)
        #expect(Trend([80, 80, 40, 40, 40]) == .down)
        #expect(Trend([0, 100]) == .up)
    }

    @Test("The Markdown form parses as two tables, one row per domain and per concept")
    func markdown() throws {
        let report = ProgressReport(transcripts: try transcripts())
        let tree = try CommonMarkTree(report.markdown())
        #expect(try tree.count("/document/table[1]/table_row") == 2)
        #expect(
            try tree.texts("/document/table[2]/table_row/table_cell[2]") == [
                "drift-detection", "rollback", "canary", "retrain",
            ])
    }
}
