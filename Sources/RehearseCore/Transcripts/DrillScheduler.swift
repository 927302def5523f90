import Foundation

/// Builds a drill from the candidate's transcripts: a memory state per concept (see `MemoryModel`), then
/// the questions that practise the concepts due now, then the questions not seen for longest. The rule
/// is documented in README-transcripts.md.
public struct DrillScheduler {
    public var bank: Bank
    /// Every concept the transcripts graded, keyed by concept id so a rubric edit keeps its history.
    public private(set) var memories: [String: ConceptMemory] = [:]
    /// When each question was last answered.
    public private(set) var lastAnswered: [String: Date] = [:]

    public init(bank: Bank, transcripts: [Transcript]) {
        self.bank = bank
        let entries = transcripts.flatMap(\.entries).filter { !$0.skipped }.sorted { $0.answeredAt < $1.answeredAt }
        for entry in entries {
            lastAnswered[entry.questionID] = entry.answeredAt
            for concept in entry.grade.concepts {
                let recall = entry.recall(of: concept)
                memories[concept.id] =
                    memories[concept.id].map {
                        MemoryModel.review($0, recall: recall, label: concept.label, at: entry.answeredAt)
                    }
                    ?? MemoryModel.first(
                        conceptID: concept.id, label: concept.label, recall: recall, at: entry.answeredAt)
            }
        }
    }

    /// Concepts with the lowest predicted recall first.
    public func weakestConcepts(at now: Date) -> [ConceptMemory] {
        memories.values.sorted { a, b in
            let ra = a.retrievability(at: now), rb = b.retrievability(at: now)
            if ra != rb { return ra < rb }
            if a.difficulty != b.difficulty { return a.difficulty > b.difficulty }
            return a.conceptID < b.conceptID
        }
    }

    /// Up to `count` questions: first for the concepts due at `now` (or, when none is due, the weakest),
    /// then the questions answered longest ago, never-answered first.
    public func plan(count: Int, at now: Date, seed: UInt64 = 0) -> DrillPlan {
        let weakest = weakestConcepts(at: now)
        let due = weakest.filter { $0.isDue(at: now) }
        let targets = due.isEmpty ? weakest : due
        var picks: [DrillPlan.Pick] = []
        var covered: Set<String> = []
        for memory in targets where picks.count < count && !covered.contains(memory.conceptID) {
            let candidates = bank.questions.filter { question in
                !picks.contains { $0.questionID == question.id }
                    && question.rubric.concepts.contains { $0.id == memory.conceptID }
            }
            guard let question = candidates.min(by: { seenEarlier($0, $1, concept: memory.conceptID) }) else {
                continue
            }
            let practised = targets.filter { target in
                !covered.contains(target.conceptID) && question.rubric.concepts.contains { $0.id == target.conceptID }
            }
            covered.formUnion(practised.map(\.conceptID))
            picks.append(
                DrillPlan.Pick(
                    questionID: question.id, reason: due.isEmpty ? .weakest : .due,
                    conceptIDs: practised.map(\.conceptID),
                    lastAnswered: lastAnswered[question.id]))
        }
        let rest = bank.questions.filter { question in !picks.contains { $0.questionID == question.id } }
            .sorted { seenEarlier($0, $1, concept: nil) }
        for question in rest.prefix(max(0, count - picks.count)) {
            picks.append(
                DrillPlan.Pick(
                    questionID: question.id, reason: .longestUnseen, conceptIDs: [],
                    lastAnswered: lastAnswered[question.id]))
        }
        return DrillPlan(date: now, seed: seed, concepts: weakest, dueCount: due.count, picks: picks)
    }

    /// Orders questions for a drill: never answered before answered, then answered longer ago, then the
    /// heavier weight on `concept`, then by id so the plan is the same every time.
    private func seenEarlier(_ a: Question, _ b: Question, concept: String?) -> Bool {
        let sa = lastAnswered[a.id] ?? .distantPast, sb = lastAnswered[b.id] ?? .distantPast
        if sa != sb { return sa < sb }
        if let concept {
            let wa = a.rubric.concepts.first { $0.id == concept }?.weight ?? 0
            let wb = b.rubric.concepts.first { $0.id == concept }?.weight ?? 0
            if wa != wb { return wa > wb }
        }
        return a.id < b.id
    }
}

/// A drill: the concept memory states, weakest first, and the questions chosen, each with its reason.
public struct DrillPlan: Sendable {
    public enum Reason: String, Codable, Sendable {
        /// Practises concepts whose predicted recall fell below the target retention.
        case due
        /// Nothing was due: practises the weakest concepts anyway.
        case weakest
        /// Fills the drill with the question answered longest ago (or never).
        case longestUnseen = "longest-unseen"
    }

    public struct Pick: Codable, Sendable, Hashable {
        public var questionID: String
        public var reason: Reason
        /// The due (or weakest) concepts this question practises.
        public var conceptIDs: [String]
        public var lastAnswered: Date?
    }

    public var date: Date
    public var seed: UInt64
    /// Every concept met so far, weakest first.
    public var concepts: [ConceptMemory]
    public var dueCount: Int
    public var picks: [Pick]

    /// The plan the interview engine runs: one call from a drill to a practice session.
    public var interviewPlan: InterviewPlan {
        InterviewPlan(
            count: picks.count, seed: seed, feedback: .each, questionIDs: picks.map(\.questionID), drill: true)
    }
}

/// `rehearse drill --plan`: the concepts due, the questions chosen and why.
public struct DrillPlanReport {
    public var plan: DrillPlan
    public var timeZone: TimeZone

    public init(plan: DrillPlan, timeZone: TimeZone = .current) {
        self.plan = plan
        self.timeZone = timeZone
    }

    public func render(_ format: OutputFormat, style: TextStyle = .plain) -> String {
        format == .json ? json() : text(style: style)
    }

    private var memoriesByID: [String: ConceptMemory] {
        Dictionary(plan.concepts.map { ($0.conceptID, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func text(style: TextStyle) -> String {
        var lines = [
            "Drill plan for \(DrillDates.day(plan.date, in: timeZone)): \(plan.picks.count) question\(plan.picks.count == 1 ? "" : "s"); \(plan.dueCount) of \(plan.concepts.count) concepts due.",
            "",
        ]
        if plan.concepts.isEmpty {
            lines.append("No concept has been graded yet, so the drill starts with the questions never answered.")
        } else {
            lines.append(
                style.bold(
                    plan.dueCount > 0
                        ? "Concepts due (predicted recall under \(Int(MemoryModel.targetRetention * 100))%), weakest first:"
                        : "Nothing is due; the weakest concepts:"))
            let shown = plan.dueCount > 0 ? Array(plan.concepts.prefix(plan.dueCount)) : Array(plan.concepts.prefix(5))
            let width = shown.map(\.conceptID.count).max() ?? 0
            for memory in shown {
                lines.append("  " + memory.conceptID.padded(width) + "  " + describe(memory, style: style))
            }
        }
        lines.append("")
        lines.append(style.bold("Questions:"))
        let width = plan.picks.map(\.questionID.count).max() ?? 0
        for (index, pick) in plan.picks.enumerated() {
            lines.append("  \(index + 1). " + pick.questionID.padded(width) + "  " + why(pick))
        }
        if plan.picks.isEmpty { lines.append("  (the bank has no questions)") }
        return lines.joined(separator: "\n") + "\n"
    }

    private func describe(_ memory: ConceptMemory, style: TextStyle) -> String {
        let recall = Int((memory.retrievability(at: plan.date) * 100).rounded())
        return "recall \(recall)%, due \(DrillDates.relative(memory.due, from: plan.date)), "
            + String(format: "stability %.1fd, difficulty %.1f, ", memory.stability, memory.difficulty)
            + "last \(memory.lastRecall.rawValue)"
    }

    private func why(_ pick: DrillPlan.Pick) -> String {
        let concepts = pick.conceptIDs.map { id in
            let recall = memoriesByID[id].map { Int(($0.retrievability(at: plan.date) * 100).rounded()) }
            return recall.map { "\(id) (recall \($0)%)" } ?? id
        }.joined(separator: ", ")
        switch pick.reason {
        case .due: return "practises due \(concepts)"
        case .weakest: return "practises the weakest \(concepts)"
        case .longestUnseen:
            return pick.lastAnswered.map { "not seen since \(DrillDates.day($0, in: timeZone))" } ?? "never answered"
        }
    }

    struct JSONShape: Encodable {
        struct Concept: Encodable {
            var id: String, label: String, due: Bool, dueDate: String, retrievability: Double, stability: Double
            var difficulty: Double, reviews: Int, lapses: Int, lastRecall: Transcript.Recall
        }
        struct Question: Encodable {
            var id: String, reason: DrillPlan.Reason, concepts: [String], lastAnswered: String?
        }
        var date: String
        var concepts: [Concept]
        var questions: [Question]
    }

    public func json() -> String {
        let round = { (value: Double) in (value * 1000).rounded() / 1000 }
        return JSONOutput.encode(
            JSONShape(
                date: DrillDates.iso(plan.date),
                concepts: plan.concepts.map {
                    .init(
                        id: $0.conceptID, label: $0.label, due: $0.isDue(at: plan.date),
                        dueDate: DrillDates.iso($0.due),
                        retrievability: round($0.retrievability(at: plan.date)), stability: round($0.stability),
                        difficulty: round($0.difficulty), reviews: $0.reviews, lapses: $0.lapses,
                        lastRecall: $0.lastRecall)
                },
                questions: plan.picks.map {
                    .init(
                        id: $0.questionID, reason: $0.reason, concepts: $0.conceptIDs,
                        lastAnswered: $0.lastAnswered.map(DrillDates.iso))
                }))
    }
}
