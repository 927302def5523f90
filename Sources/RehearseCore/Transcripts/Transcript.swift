import Foundation

/// A practice session as saved to disk after every answer: the candidate's record and the coach's
/// evidence. Self-contained: it keeps each prompt, sample answer and grade, so it still exports after
/// the bank changes.
public struct Transcript: Codable, Sendable, Hashable {
    /// The on-disk format. Bump it when a change would make older readers misread a file, and add the
    /// step from the version before to `TranscriptMigrations`. 2 added `draft`, `scripted`, and per entry
    /// `pendingFollowUp`, `ungraded`, `optionOrder`, `attempt` and `gradingRevision`.
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
    /// True when the answers were piped in rather than typed at a terminal: a rehearsal of the tool,
    /// left out of `--resume`, `progress` and `drill` unless asked. Nil in files written before it.
    public var scripted: Bool?
    /// The answer being typed, saved line by line so a crash or a closed terminal keeps it; nil when
    /// nothing is being typed.
    public var draft: Draft?

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

    /// Questions answered or skipped, each counted once however often it was retried.
    public var questionsDone: Int { Set(entries.map(\.questionID)).count }

    /// Question ids of the plan not answered (or skipped) yet, in order.
    public var remainingQuestionIDs: [String] {
        let done = Set(entries.map(\.questionID))
        return plan.questionIDs.filter { !done.contains($0) }
    }

    /// The entry that counts for each question: its last attempt, in the order the questions came.
    public var latestAttempts: [Entry] {
        var seen: Set<String> = []
        return entries.reversed().filter { seen.insert($0.questionID).inserted }.reversed()
    }

    /// Mean score over the questions asked so far (the last attempt of each), a skipped one counting 0
    /// (as its feedback says); answers that could not be graded are left out until `regrade` grades them.
    /// See `averageCovers`.
    public var averageScore: Double? {
        let scored = latestAttempts.filter { $0.ungraded == nil }
        guard !scored.isEmpty else { return nil }
        return Double(scored.reduce(0) { $0 + ($1.skipped ? 0 : $1.grade.score) }) / Double(scored.count)
    }

    /// What `averageScore` is over, said the same way in the summary and the report: "over 5 questions,
    /// the skipped one counted as 0".
    public var averageCovers: String {
        let counted = latestAttempts
        let scored = counted.filter { $0.ungraded == nil }
        let skipped = scored.filter(\.skipped).count
        let ungraded = counted.count - scored.count
        var text = "over \(scored.count) question\(scored.count == 1 ? "" : "s")"
        if skipped > 0 {
            text += skipped == 1 ? ", the skipped one counted as 0" : ", the \(skipped) skipped counted as 0"
        }
        if ungraded > 0 { text += "; \(ungraded) not graded yet (rehearse regrade --write)" }
        return text
    }

    /// "4 of 5 questions answered, 1 skipped": answered means an answer was given.
    public var answeredSummary: String {
        let counted = latestAttempts
        let skipped = counted.filter(\.skipped).count
        var text = "\(counted.count - skipped) of \(plan.questionIDs.count) questions answered"
        if skipped > 0 { text += ", \(skipped) skipped" }
        return text
    }
}

extension Transcript {
    /// Lines of an answer not yet submitted.
    public struct Draft: Codable, Sendable, Hashable {
        public var questionID: String
        /// True when the lines answer the entry's follow-up rather than the question.
        public var followUp: Bool
        public var lines: [String]

        public init(questionID: String, followUp: Bool, lines: [String]) {
            self.questionID = questionID
            self.followUp = followUp
            self.lines = lines
        }
    }

    /// A follow-up that was asked and not answered yet: the first answer is saved (and graded) before it.
    public struct PendingFollowUp: Codable, Sendable, Hashable {
        public var conceptID: String
        public var question: String
        public var askedAt: Date

        public init(conceptID: String, question: String, askedAt: Date) {
            self.conceptID = conceptID
            self.question = question
            self.askedAt = askedAt
        }
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
        /// 2, 3, ... for another try at the same question in the session (the `r` key after the
        /// feedback); nil for the first.
        public var attempt: Int?
        /// The follow-up asked and still unanswered; `practice --resume` asks it again.
        public var pendingFollowUp: PendingFollowUp?
        /// Why the answer could not be graded (a pattern gave up, say); `grade` is then a placeholder
        /// scoring 0 and the answer counts in no average until `rehearse regrade --write` grades it.
        public var ungraded: String?
        /// For a multiple-choice question shown shuffled: the bank's letters in the order shown. `options`
        /// holds them as shown, relabelled A, B, C…, and the grade is against those letters.
        public var optionOrder: [String]?
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
            GradedText.join(answer, followUps.map(\.answer))
        }

        /// How this answer recalled a concept of its grade: missed, only named or earned only after a
        /// follow-up (hard at best: neither shows the candidate knows it), or earned in the first answer.
        public func recall(of concept: ConceptResult) -> Recall {
            guard concept.matched else { return .again }
            if concept.isNamedOnly || concept.isViaFollowUp { return .hard }
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
