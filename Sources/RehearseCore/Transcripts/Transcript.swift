import Foundation

/// A practice session as saved to disk after every answer: the candidate's record and the coach's
/// evidence. Self-contained: it keeps each prompt, sample answer and grade, so it still exports after
/// the bank changes.
public struct Transcript: Codable, Sendable, Hashable {
    /// The on-disk format. Bump it when a change would make older readers misread a file, and add the
    /// step from the version before to `TranscriptMigrations`.
    public static let currentFormatVersion = 2

    public enum Status: String, Codable, Sendable {
        case inProgress = "in-progress"
        case finished
        case quit
    }

    public var formatVersion: Int
    public var engineVersion: String
    public var startedAt: Date
    public var updatedAt: Date
    public var status: Status
    /// Fingerprint of the whole bank when the session started.
    public var bankHash: String
    public var plan: InterviewPlan
    public var entries: [Entry]

    public init(plan: InterviewPlan, bankHash: String, startedAt: Date) {
        formatVersion = Self.currentFormatVersion
        engineVersion = version
        self.startedAt = startedAt
        updatedAt = startedAt
        status = .inProgress
        self.bankHash = bankHash
        self.plan = plan
        entries = []
    }

    /// Question ids of the plan not answered (or skipped) yet, in order.
    public var remainingQuestionIDs: [String] {
        let done = Set(entries.map(\.questionID))
        return plan.questionIDs.filter { !done.contains($0) }
    }

    /// Mean score of the answered (not skipped) questions.
    public var averageScore: Double? {
        let scored = entries.filter { !$0.skipped }
        guard !scored.isEmpty else { return nil }
        return Double(scored.reduce(0) { $0 + $1.grade.score }) / Double(scored.count)
    }
}

extension Transcript {
    /// One question as it was asked and answered.
    public struct Entry: Codable, Sendable, Hashable {
        public var questionID: String
        public var domain: String
        public var kind: QuestionKind
        public var prompt: String
        public var sampleAnswer: String
        /// For multiple-choice questions, the options as they were shown.
        public var options: [ChoiceOption]
        /// Fingerprint of the rubric file the grade was computed with.
        public var rubricHash: String
        public var answer: String
        public var skipped: Bool
        public var askedAt: Date
        public var answeredAt: Date
        /// Time spent on the first answer.
        public var seconds: Double
        public var timeLimit: Int
        public var followUps: [FollowUp]
        /// The grade of the answer together with its follow-up answers.
        public var grade: Grade
        /// Earlier grades, newest last, kept when `rehearse regrade --write` re-scores the answer.
        public var history: [GradeRecord]
        /// The engine that computed `grade` when a regrade replaced the first one; nil means the
        /// transcript's `engineVersion`. Optional so files written before regrade existed still load.
        public var gradedByEngine: String?
        /// The grading revision (`RehearseCore.gradingRevision`) that computed `grade`.
        public var gradingRevision: Int

        public init(
            question: Question, answer: String, skipped: Bool, askedAt: Date, answeredAt: Date,
            followUps: [FollowUp] = [], grade: Grade
        ) {
            questionID = question.id
            domain = question.domain
            kind = question.kind
            prompt = question.prompt
            sampleAnswer = question.sampleAnswer
            options = question.options
            rubricHash = question.contentHash
            self.answer = answer
            self.skipped = skipped
            self.askedAt = askedAt
            self.answeredAt = answeredAt
            seconds = answeredAt.timeIntervalSince(askedAt)
            timeLimit = question.timeLimit
            self.followUps = followUps
            self.grade = grade
            history = []
            gradingRevision = RehearseCore.gradingRevision
        }

        /// The text that was graded: the answer and every follow-up answer.
        public var gradedText: String {
            ([answer] + followUps.map(\.answer)).joined(separator: "\n\n")
        }

        /// How this answer recalled a concept of its grade: missed, earned only after a follow-up, or
        /// earned in the first answer.
        public func recall(of concept: ConceptResult) -> Recall {
            guard concept.matched else { return .again }
            let askedFor = followUps.contains { $0.conceptID == concept.id }
            // Evidence offsets count UTF-8 bytes of `gradedText`, which starts with the first answer.
            let foundInFollowUp = (concept.evidence?.start ?? 0) >= answer.utf8.count
            return askedFor || foundInFollowUp ? .hard : .good
        }

        /// The follow-up asked about a concept, if one was.
        public func followUp(for conceptID: String) -> FollowUp? {
            followUps.first { $0.conceptID == conceptID }
        }
    }

    /// A concept's recall in one answer, the rating the drill scheduler learns from.
    public enum Recall: String, Codable, Sendable, CaseIterable {
        /// Missed.
        case again
        /// Earned only after the follow-up asked for it.
        case hard
        /// Earned in the first answer.
        case good

        /// 0, 50 or 100: the concept's score in progress reports.
        public var score: Double {
            switch self {
            case .again: 0
            case .hard: 50
            case .good: 100
            }
        }
    }

    /// A follow-up the interviewer asked because a required concept was missing.
    public struct FollowUp: Codable, Sendable, Hashable {
        public var conceptID: String
        public var question: String
        public var answer: String
        public var seconds: Double

        public init(conceptID: String, question: String, answer: String, seconds: Double) {
            self.conceptID = conceptID
            self.question = question
            self.answer = answer
            self.seconds = seconds
        }
    }

    /// A grade as it stood before a regrade.
    public struct GradeRecord: Codable, Sendable, Hashable {
        public var grade: Grade
        public var rubricHash: String
        public var engineVersion: String
        public var replacedAt: Date
        /// The grading revision that computed `grade`.
        public var gradingRevision: Int

        public init(
            grade: Grade, rubricHash: String, engineVersion: String, replacedAt: Date,
            gradingRevision: Int = RehearseCore.gradingRevision
        ) {
            self.grade = grade
            self.rubricHash = rubricHash
            self.engineVersion = engineVersion
            self.replacedAt = replacedAt
            self.gradingRevision = gradingRevision
        }
    }
}
