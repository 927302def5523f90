import Foundation
import Testing

@testable import RehearseCore

/// Transcripts written by rehearse 0.1.0 (format 1) still load, export, regrade and resume.
@Suite("Transcript format versions and migrations")
struct TranscriptVersionTests {
    let bank: Bank

    init() throws {
        bank = try BankLoader().load(from: VersionOneFixtures.bank)
    }

    func load(_ name: String) throws -> Transcript {
        try TranscriptStore(folder: VersionOneFixtures.folder).load(VersionOneFixtures.url(name))
    }

    @Test("every version-1 fixture loads, migrated to the current format", arguments: VersionOneFixtures.names)
    func loads(_ name: String) throws {
        let raw =
            try JSONSerialization.jsonObject(with: Data(contentsOf: VersionOneFixtures.url(name))) as! [String: Any]
        #expect(raw["formatVersion"] as? Int == 1, "the fixture is a real version-1 file")
        let transcript = try load(name)
        #expect(transcript.formatVersion == Transcript.currentFormatVersion)
        #expect(transcript.entries.allSatisfy { $0.gradingRevision == 1 })
        #expect(transcript.entries.flatMap(\.history).allSatisfy { $0.gradingRevision == 1 })
    }

    @Test("the migrations run in order, one step per version, up to the current version")
    func stepsInOrder() {
        #expect(TranscriptMigrations.steps.map(\.from) == Array(1..<Transcript.currentFormatVersion))
    }

    @Test("a version-1 transcript exports to Markdown with its answers")
    func exports() throws {
        let markdown = TranscriptMarkdown(try load("finished"), timeZone: TimeZone(identifier: "UTC")!).render()
        #expect(markdown.contains("I release a canary to a small share."))
        #expect(markdown.contains("I roll back to the previous version."))
    }

    @Test("a version-1 transcript regrades, and the regraded one keeps its history")
    func regrades() throws {
        let regraded = try load("regraded")
        #expect(regraded.entries.map(\.history.count) == [0, 0, 1, 0])
        let result = try TranscriptRegrader(bank: bank).regrade(
            regraded, at: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(result.changes.map(\.questionID) == regraded.plan.questionIDs)
        #expect(!result.changes.contains { $0.outcome == .failed })
        let drift = try #require(result.changes.first { $0.questionID == "drift-check" })
        #expect(drift.outcome == .changed, "regraded with a heavier concept, the fixture bank scores it differently")
        #expect(drift.cause == .both, "the rubric changed, and the engine since grading revision 1")
    }

    @Test("a stopped version-1 interview resumes and finishes, saved in the current format")
    func resumes() throws {
        let scratch = ScratchFolder()
        let url = scratch.url.appendingPathComponent("stopped.json")
        try FileManager.default.copyItem(at: VersionOneFixtures.url("stopped"), to: url)
        let store = TranscriptStore(folder: scratch.url)
        let stopped = try store.load(url)
        let clock = SteppingClock()
        let console = ScriptedConsole("We compare the distribution of inputs with PSI.\n.\n\nB\n\n", clock: clock)
        var session = try InterviewSession(
            resuming: stopped, from: url, bank: bank, store: store, console: console, clock: clock)
        #expect(try session.run() == .finished)
        let finished = try store.load(url)
        #expect(finished.entries.count == finished.plan.questionIDs.count)
        #expect(Array(finished.entries.prefix(2)) == stopped.entries)
        let raw = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        #expect(raw["formatVersion"] as? Int == Transcript.currentFormatVersion)
    }

    /// The finished fixture as graded by an older grading revision (0, before this build's), with a
    /// score the current engine will not give; `sameRubric` names the questions whose stored rubric hash
    /// is set to today's, as if their rubric had not been edited since.
    func gradedByOlderEngine(sameRubric: Set<String>) throws -> Transcript {
        var transcript = try load("finished")
        for index in transcript.entries.indices {
            let id = transcript.entries[index].questionID
            transcript.entries[index].gradingRevision = gradingRevision - 1
            transcript.entries[index].grade.score = 1
            if sameRubric.contains(id) {
                transcript.entries[index].rubricHash = try #require(bank.questions.first { $0.id == id }).contentHash
            }
        }
        return transcript
    }

    func report(_ regrade: Regrade) -> String {
        RegradeReport(items: [.init(path: "t.json", regrade: regrade)], written: false).text(style: .plain)
    }

    @Test("a regrade by a newer grading revision, the rubric unchanged, says the engine changed the score")
    func engineChange() throws {
        let ids = try load("finished").entries.map(\.questionID)
        let result = try TranscriptRegrader(bank: bank).regrade(
            try gradedByOlderEngine(sameRubric: Set(ids)), at: Date())
        let changed = result.changes.filter { $0.outcome == .changed }
        #expect(changed.map(\.questionID) == ids)
        #expect(changed.allSatisfy { $0.cause == .engine })
        let text = report(result)
        #expect(text.components(separatedBy: "(the grading engine changed, not the rubric)").count == ids.count + 1)
        #expect(!text.contains("(the rubric and the grading engine changed)"))
    }

    /// The fixture bank's rubrics of incident-story, rollback-plan and drift-check were edited after
    /// 0.1.0 wrote the fixtures (`scoring: linear`); release-quiz's was not.
    @Test("a regrade after both an engine and a rubric change says both, not the engine alone")
    func engineAndRubricChange() throws {
        let result = try TranscriptRegrader(bank: bank).regrade(try gradedByOlderEngine(sameRubric: []), at: Date())
        let causes = Dictionary(uniqueKeysWithValues: result.changes.map { ($0.questionID, $0.cause) })
        #expect(
            causes == ["incident-story": .both, "rollback-plan": .both, "drift-check": .both, "release-quiz": .engine])
        let text = report(result)
        #expect(text.components(separatedBy: "(the rubric and the grading engine changed)").count == 4)
        #expect(text.components(separatedBy: "(the grading engine changed, not the rubric)").count == 2)
    }
}
