import Foundation
import RehearseCore

/// Transcripts for the command tests: real answers graded by the real grader against
/// Fixtures/TranscriptRubrics, saved with `TranscriptStore`, as the practice engine saves them.
struct TranscriptFixtures {
    static let rubrics = RehearseProcess.packageRoot.appendingPathComponent(
        "Tests/EndToEndTests/Fixtures/TranscriptRubrics")

    let bank: Bank
    let store: TranscriptStore

    init(folder: URL, rubrics: URL = Self.rubrics) throws {
        bank = try BankLoader().load(from: rubrics)
        store = TranscriptStore(folder: folder)
    }

    /// Saves one session answered `daysAgo` days before now; each answer is (question id, text).
    @discardableResult
    func save(daysAgo: Double, _ answers: [(String, String)]) throws -> URL {
        let grader = Grader(bank: bank)
        let start = Date().addingTimeInterval(-daysAgo * 86_400)
        var transcript = Transcript(
            plan: InterviewPlan(
                count: Set(answers.map(\.0)).count, seed: 1,
                questionIDs: answers.map(\.0).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }),
            bankHash: bank.contentHash,
            startedAt: start)
        for (offset, (id, text)) in answers.enumerated() {
            let question = try bank.question(id: id)
            let askedAt = start.addingTimeInterval(Double(offset) * 120)
            var entry = Transcript.Entry(
                question: question, answer: text, skipped: false, askedAt: askedAt, answeredAt: askedAt + 90,
                grade: try grader.grade(text, for: question))
            // A question answered again is another attempt at it (the `r` key after the feedback).
            let earlier = transcript.entries.filter { $0.questionID == id }.count
            if earlier > 0 { entry.attempt = earlier + 1 }
            transcript.entries.append(entry)
        }
        transcript.status = .finished
        return try store.save(transcript)
    }

    /// Copies the fixture rubric folder into `folder`, for a test that edits it.
    static func copyRubrics(into folder: URL) throws -> URL {
        let target = folder.appendingPathComponent("Rubrics")
        try FileManager.default.copyItem(at: rubrics, to: target)
        return target
    }
}
