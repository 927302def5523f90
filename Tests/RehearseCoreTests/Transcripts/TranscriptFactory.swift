import Foundation

@testable import RehearseCore

/// Transcripts made in code: real answers, graded by the real grader against a fixture bank, the way
/// the practice engine records them.
struct TranscriptFactory {
    struct Answer {
        var questionID: String
        var text: String
        /// A follow-up asked for a concept, and its answer.
        var followUp: (conceptID: String, answer: String)?
        var skipped = false

        init(
            _ questionID: String, _ text: String, followUp: (conceptID: String, answer: String)? = nil,
            skipped: Bool = false
        ) {
            self.questionID = questionID
            self.text = text
            self.followUp = followUp
            self.skipped = skipped
        }
    }

    let bank: Bank
    let grader: Grader

    init(bank: Bank) {
        self.bank = bank
        grader = Grader(bank: bank)
    }

    /// 2026-11-02 09:00 UTC plus `days`.
    static func day(_ days: Double) -> Date {
        Date(timeIntervalSince1970: 1_793_610_000 + days * 86_400)
    }

    func transcript(startedAt: Date, _ answers: [Answer]) throws -> Transcript {
        var transcript = Transcript(
            plan: InterviewPlan(count: answers.count, seed: 7, questionIDs: answers.map(\.questionID)),
            bankHash: bank.contentHash, startedAt: startedAt)
        var clock = startedAt
        for answer in answers {
            let question = try bank.question(id: answer.questionID)
            let askedAt = clock
            clock += 95
            let followUps: [Transcript.FollowUp] =
                answer.followUp.map { followUp in
                    let prompt =
                        question.rubric.concepts.first { $0.id == followUp.conceptID }?.concept.followUp
                        ?? "Tell me more."
                    return [
                        Transcript.FollowUp(
                            conceptID: followUp.conceptID, question: prompt, answer: followUp.answer, seconds: 30)
                    ]
                } ?? []
            let text = ([answer.text] + followUps.map(\.answer)).joined(separator: "\n\n")
            transcript.entries.append(
                Transcript.Entry(
                    question: question, answer: answer.text, skipped: answer.skipped, askedAt: askedAt,
                    answeredAt: clock,
                    followUps: followUps, grade: try grader.grade(text, for: question)))
            clock += 40
        }
        transcript.status = .finished
        transcript.updatedAt = clock
        return transcript
    }
}

extension FixtureBank {
    /// A second open question in the deployment domain, sharing the `rollback` concept.
    static let releaseYAML = """
        id: release
        kind: technical
        prompt: How do you release a new model safely?
        time_limit: 2m
        sample_answer: |
          A canary first, on five percent of traffic, and I roll back at once if it misbehaves.
        concepts:
          - id: canary
            label: Releases to a small share first
            weight: 3
            required: true
            patterns: ['\\bcanar(y|ies)\\b']
            why: A small first share limits the damage.
          - ref: rollback
            weight: 2
            required: true
        examples:
          - level: strong
            answer: Send a canary slice of traffic and roll back if errors climb.
          - level: partial
            answer: A canary release to a few users first.
            expect: {missing: [rollback]}
          - level: weak
            answer: Just deploy it.
            expect: {missing: [canary, rollback]}
        scoring: linear
        """
}
