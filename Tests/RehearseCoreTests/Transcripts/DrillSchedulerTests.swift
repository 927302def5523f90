import Foundation
import Testing

@testable import RehearseCore

@Suite("Drill: FSRS memory per concept and the drill plan")
struct DrillSchedulerTests {
    static let strongDrift = "We compare the live feature distributions with training and retrain weekly."
    static let weakDrift = "I would retrain it every week on the newest data."

    func fixture() throws -> (TranscriptFactory, Bank) {
        let bank = try FixtureBank(files: ["deployment/release.yaml": FixtureBank.releaseYAML]).load()
        return (TranscriptFactory(bank: bank), bank)
    }

    @Test("Recall is 90% after S days, and the next interval for 0.9 retention is S")
    func retrievability() {
        #expect(abs(MemoryModel.retrievability(days: 10, stability: 10) - 0.9) < 1e-9)
        #expect(MemoryModel.retrievability(days: 0, stability: 3) == 1)
        #expect(MemoryModel.intervalDays(stability: 10) == 10)
        #expect(MemoryModel.intervalDays(stability: 0.2) == 1)
    }

    @Test("Ratings come from the rubric: missed is again, earned after the follow-up hard, at once good")
    func ratings() throws {
        let (factory, _) = try fixture()
        let transcript = try factory.transcript(
            startedAt: TranscriptFactory.day(0),
            [
                .init(
                    "drift", Self.weakDrift,
                    followUp: ("drift-detection", "I'd compare the input distributions with training.")),
                .init("release", "I would send a canary to a small share first."),
            ])
        let drift = transcript.entries[0], release = transcript.entries[1]
        #expect(drift.recall(of: drift.grade.concepts.first { $0.id == "drift-detection" }!) == .hard)
        #expect(drift.recall(of: drift.grade.concepts.first { $0.id == "retrain" }!) == .good)
        #expect(release.recall(of: release.grade.concepts.first { $0.id == "rollback" }!) == .again)
    }

    @Test("Good reviews grow stability; a lapse shrinks it and raises difficulty")
    func memoryUpdates() throws {
        let (factory, bank) = try fixture()
        let good = try (0..<3).map {
            try factory.transcript(startedAt: TranscriptFactory.day(Double($0) * 4), [.init("drift", Self.strongDrift)])
        }
        let steady = DrillScheduler(bank: bank, transcripts: good).memories["drift-detection"]!
        #expect(steady.reviews == 3)
        #expect(
            steady.stability > MemoryModel.w[2] * 2,
            "three good reviews days apart more than double the first stability")
        let lapsed = DrillScheduler(
            bank: bank,
            transcripts: good + [
                try factory.transcript(startedAt: TranscriptFactory.day(12), [.init("drift", Self.weakDrift)])
            ]
        ).memories["drift-detection"]!
        #expect(lapsed.stability < steady.stability)
        #expect(lapsed.difficulty > steady.difficulty)
        #expect(lapsed.lapses == 1)
    }

    @Test("Due concepts come first, weakest first, each with a question that practises it")
    func dueFirst() throws {
        let (factory, bank) = try fixture()
        let transcripts = [
            try factory.transcript(
                startedAt: TranscriptFactory.day(0),
                [.init("drift", Self.strongDrift), .init("release", "I would send a canary to a small share first.")])
        ]
        let plan = DrillScheduler(bank: bank, transcripts: transcripts).plan(count: 3, at: TranscriptFactory.day(2))
        // rollback was missed (again: due after a day); the others were good (due after about 4 days).
        #expect(plan.dueCount == 1)
        #expect(plan.concepts.first?.conceptID == "rollback")
        #expect(plan.picks.map(\.questionID) == ["release", "pick-strategy", "drift"])
        #expect(plan.picks.map(\.reason) == [.due, .longestUnseen, .longestUnseen])
        #expect(plan.picks[0].conceptIDs == ["rollback"])
        let later = DrillScheduler(bank: bank, transcripts: transcripts).plan(count: 3, at: TranscriptFactory.day(5))
        #expect(later.dueCount == 4)
        #expect(later.picks.map(\.reason) == [.due, .due, .longestUnseen])
        #expect(plan.interviewPlan.questionIDs == ["release", "pick-strategy", "drift"])
    }

    @Test("When nothing is due, the weakest concepts are drilled anyway")
    func nothingDue() throws {
        let (factory, bank) = try fixture()
        let transcripts = [
            try factory.transcript(
                startedAt: TranscriptFactory.day(0),
                [.init("drift", Self.strongDrift), .init("release", "A canary, then roll back if it fails.")])
        ]
        let plan = DrillScheduler(bank: bank, transcripts: transcripts).plan(count: 1, at: TranscriptFactory.day(0.5))
        #expect(plan.dueCount == 0)
        #expect(plan.picks.count == 1)
        #expect(plan.picks[0].reason == .weakest)
        let text = DrillPlanReport(plan: plan, timeZone: TimeZone(identifier: "UTC")!).text(style: .plain)
        #expect(text.contains("Nothing is due; the weakest concepts:"))
    }

    @Test("Memory is keyed by concept id: a concept moved to another question keeps its history")
    func keyedByConcept() throws {
        let (factory, _) = try fixture()
        let transcripts = [
            try factory.transcript(
                startedAt: TranscriptFactory.day(0), [.init("release", "I would send a canary to a small share first.")]
            ),
            try factory.transcript(
                startedAt: TranscriptFactory.day(1), [.init("release", "I would send a canary to a small share first.")]
            ),
        ]
        // The release question is gone; rollback now lives only in a new question.
        let rollbackOnly = """
            id: recover
            kind: technical
            prompt: A release went wrong. What now?
            sample_answer: I roll back to the previous version at once.
            concepts:
              - ref: rollback
            examples:
              - {level: strong, answer: Roll back.}
            scoring: linear
            """
        let edited = try FixtureBank(files: ["deployment/recover.yaml": rollbackOnly]).load()
        let scheduler = DrillScheduler(bank: edited, transcripts: transcripts)
        #expect(scheduler.memories["rollback"]?.reviews == 2)
        #expect(scheduler.memories["rollback"]?.lapses == 2)
        let plan = scheduler.plan(count: 1, at: TranscriptFactory.day(3))
        #expect(plan.picks.map(\.questionID) == ["recover"])
        #expect(plan.picks[0].conceptIDs == ["rollback"])
    }

    @Test("With no transcripts, the drill starts with questions never answered")
    func empty() throws {
        let (_, bank) = try fixture()
        let plan = DrillScheduler(bank: bank, transcripts: []).plan(count: 2, at: TranscriptFactory.day(0))
        #expect(plan.picks.map(\.reason) == [.longestUnseen, .longestUnseen])
        #expect(DrillPlanReport(plan: plan).text(style: .plain).contains("never answered"))
    }
}

@Suite("Drill: same-session repeats and the relearning step")
struct DrillRelearningTests {
    @Test("A concept graded twice in one session is one long-term review; in two sessions, two")
    func sameSessionRepeats() throws {
        let (factory, bank) = try DrillSchedulerTests().fixture()
        let once = try factory.transcript(
            startedAt: TranscriptFactory.day(0),
            [.init("release", "I would send a canary to a small share first."), .init("release", "A canary first.")])
        #expect(DrillScheduler(bank: bank, transcripts: [once]).memories["rollback"]?.reviews == 1)
        let twice = try factory.transcript(
            startedAt: TranscriptFactory.day(1), [.init("release", "I would send a canary to a small share first.")])
        #expect(DrillScheduler(bank: bank, transcripts: [once, twice]).memories["rollback"]?.reviews == 2)
    }

    @Test("A concept missed an hour ago is due now, not at its long-term date")
    func relearningStep() throws {
        let (factory, bank) = try DrillSchedulerTests().fixture()
        let missed = try factory.transcript(
            startedAt: TranscriptFactory.day(0), [.init("release", "I would send a canary to a small share first.")])
        let memory = try #require(DrillScheduler(bank: bank, transcripts: [missed]).memories["rollback"])
        let anHourLater = memory.lastSeen.addingTimeInterval(3600)
        #expect(memory.isDue(at: anHourLater))
        #expect(memory.retrievability(at: anHourLater) > 0.9, "the formula alone would call it remembered")
    }
}
