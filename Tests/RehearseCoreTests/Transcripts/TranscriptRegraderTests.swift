import Foundation
import Testing

@testable import RehearseCore

@Suite("Regrade after a rubric edit")
struct TranscriptRegraderTests {
    static let answer = "I would retrain the model every week and page the on-call engineer when accuracy drops."

    /// The drift question with one more pattern for drift-detection, which the answer above now earns.
    static let editedDrift = FixtureBank.driftYAML.replacingOccurrences(
        of: "  - ref: drift-detection\n    weight: 3\n    required: true",
        with: "  - ref: drift-detection\n    weight: 3\n    required: true\n    patterns: ['\\baccuracy drops\\b']")

    func transcript() throws -> Transcript {
        let factory = TranscriptFactory(
            bank: try FixtureBank(files: ["deployment/release.yaml": FixtureBank.releaseYAML]).load())
        return try factory.transcript(
            startedAt: TranscriptFactory.day(0),
            [
                .init("drift", Self.answer), .init("release", "A canary first."),
                .init("pick-strategy", "", skipped: true),
            ])
    }

    @Test("The edited rubric's new score replaces the old, which is kept in history with its rubric hash")
    func changedScore() throws {
        let original = try transcript()
        #expect(original.entries[0].grade.score == 40)
        let edited = try FixtureBank(files: [
            "monitoring/drift.yaml": Self.editedDrift, "deployment/release.yaml": FixtureBank.releaseYAML,
        ]).load()
        let now = TranscriptFactory.day(3)
        let regrade = try TranscriptRegrader(bank: edited).regrade(original, at: now)
        let change = regrade.changes[0]
        #expect(change.outcome == .changed)
        #expect(change.oldScore == 40)
        #expect(change.newScore == 100)
        #expect(change.gained == ["drift-detection"])
        #expect(change.lost == [])
        let entry = regrade.transcript.entries[0]
        #expect(entry.grade.score == 100)
        #expect(entry.answer == Self.answer)
        #expect(entry.history.map(\.grade) == [original.entries[0].grade])
        #expect(entry.history.first?.rubricHash == original.entries[0].rubricHash)
        #expect(entry.history.first?.replacedAt == now)
        #expect(entry.rubricHash != original.entries[0].rubricHash)
    }

    @Test("Unchanged rubrics leave every grade and history as it was")
    func unchanged() throws {
        let original = try transcript()
        let bank = try FixtureBank(files: ["deployment/release.yaml": FixtureBank.releaseYAML]).load()
        let regrade = try TranscriptRegrader(bank: bank).regrade(original, at: TranscriptFactory.day(1))
        #expect(regrade.changes.map(\.outcome) == [.unchanged, .unchanged, .skipped])
        #expect(regrade.transcript == original)
        #expect(!regrade.hasChanges)
    }

    @Test("A question no longer in the bank is reported and left alone")
    func removedQuestion() throws {
        let original = try transcript()
        let bank = try FixtureBank().load()
        let regrade = try TranscriptRegrader(bank: bank).regrade(original, at: TranscriptFactory.day(1))
        #expect(regrade.changes[1].outcome == .notInBank)
        #expect(regrade.transcript.entries[1] == original.entries[1])
        let text = RegradeReport(items: [.init(path: "t.json", regrade: regrade)], written: false).text(style: .plain)
        #expect(
            text.contains("release   10  not in the bank any more; left as it was")
                || text.contains("not in the bank any more"))
    }

    @Test("The report shows old and new side by side with the concept gained")
    func report() throws {
        let edited = try FixtureBank(files: [
            "monitoring/drift.yaml": Self.editedDrift, "deployment/release.yaml": FixtureBank.releaseYAML,
        ]).load()
        let regrade = try TranscriptRegrader(bank: edited).regrade(try transcript(), at: TranscriptFactory.day(1))
        let text = RegradeReport(items: [.init(path: "t.json", regrade: regrade)], written: false).text(style: .plain)
        #expect(text.contains("drift           40 → 100  +drift-detection"))
        #expect(text.hasSuffix("2 answers re-scored, 1 changed. Run again with --write to save the new grades.\n"))
    }

    @Test("--changed-only lists only the changed answers, and a per-question summary says what moved")
    func changedOnlyAndSummary() throws {
        let edited = try FixtureBank(files: [
            "monitoring/drift.yaml": Self.editedDrift, "deployment/release.yaml": FixtureBank.releaseYAML,
        ]).load()
        let regrade = try TranscriptRegrader(bank: edited).regrade(try transcript(), at: TranscriptFactory.day(1))
        let change = try #require(regrade.changes.first { $0.outcome == .changed })
        let unchanged = try #require(regrade.changes.first { $0.outcome == .unchanged })
        let all = RegradeReport(items: [.init(path: "t.json", regrade: regrade)], written: false).text(style: .plain)
        #expect(all.contains("\n  \(unchanged.questionID) "))
        let only = RegradeReport(items: [.init(path: "t.json", regrade: regrade)], written: false, changedOnly: true)
            .text(style: .plain)
        #expect(!only.contains("\n  \(unchanged.questionID) "))
        #expect(only.contains("\n  \(change.questionID) "))
        let summary = "  \(change.questionID)  1 changed, mean \(change.oldScore ?? -1) → \(change.newScore ?? -1)"
        #expect(only.contains("By question\n" + summary), "\(only)")
        #expect(only.contains("2 answers re-scored, 1 changed."))
    }
}
