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
    /// Every time each concept was graded, oldest first: what the drill's explanations count.
    public private(set) var sightings: [String: [ConceptSighting]] = [:]

    /// Each session counts once per concept for the long-term schedule (its first grade of the concept);
    /// a repeat inside the same session only updates whether the concept was just missed.
    public init(bank: Bank, transcripts: [Transcript]) {
        self.bank = bank
        let entries = transcripts.enumerated().flatMap { index, transcript in
            transcript.entries.filter { !$0.skipped }.map { (session: index, entry: $0) }
        }.sorted { $0.entry.answeredAt < $1.entry.answeredAt }
        var reviewedIn: [String: Int] = [:]
        for (session, entry) in entries {
            lastAnswered[entry.questionID] = entry.answeredAt
            for concept in entry.grade.concepts {
                let recall = entry.recall(of: concept)
                let at = entry.answeredAt
                sightings[concept.id, default: []].append(ConceptSighting(date: at, recall: recall))
                if let memory = memories[concept.id] {
                    memories[concept.id] =
                        reviewedIn[concept.id] == session
                        ? MemoryModel.repeated(memory, recall: recall, at: at)
                        : MemoryModel.review(memory, recall: recall, label: concept.label, at: at)
                } else {
                    memories[concept.id] = MemoryModel.first(
                        conceptID: concept.id, label: concept.label, recall: recall, at: at)
                }
                reviewedIn[concept.id] = session
            }
        }
    }

    /// Concepts with the lowest predicted recall first, those just missed before all.
    public func weakestConcepts(at now: Date) -> [ConceptMemory] {
        memories.values.sorted { a, b in
            let ra = a.rankingRecall(at: now), rb = b.rankingRecall(at: now)
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
        let weekAgo = now.addingTimeInterval(-7 * 86_400)
        let missesThisWeek = sightings.mapValues { list in
            list.filter { $0.recall == .again && $0.date >= weekAgo && $0.date <= now }.count
        }
        return DrillPlan(
            date: now, seed: seed, concepts: weakest, dueCount: due.count, picks: picks,
            missesThisWeek: missesThisWeek)
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

/// One time a concept was graded.
public struct ConceptSighting: Sendable, Hashable {
    public var date: Date
    public var recall: Transcript.Recall
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
    /// How often each concept was missed in the seven days before the plan's date.
    public var missesThisWeek: [String: Int] = [:]

    /// The plan the interview engine runs: one call from a drill to a practice session.
    public var interviewPlan: InterviewPlan {
        InterviewPlan(
            count: picks.count, seed: seed, feedback: .each, questionIDs: picks.map(\.questionID), drill: true)
    }
}

/// `rehearse drill --plan`, and the few lines a drill opens with: the concepts it drills and why, by
/// their labels.
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
                        ? "Concepts due (just missed, or predicted recall under \(Int(MemoryModel.targetRetention * 100))%), weakest first:"
                        : "Nothing is due; the weakest concepts:"))
            let shown = plan.dueCount > 0 ? Array(plan.concepts.prefix(plan.dueCount)) : Array(plan.concepts.prefix(5))
            let width = shown.map(\.label.count).max() ?? 0
            for memory in shown {
                lines.append("  " + memory.label.padded(width) + "  " + describe(memory))
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

    /// What a drill says before its first question: why each concept is back, one line each.
    public func introduction(style: TextStyle) -> String {
        let reasons = plan.picks.flatMap(\.conceptIDs).compactMap { memoriesByID[$0] }.map(reason)
        guard !reasons.isEmpty else {
            return style.bold("Drill: ") + "nothing graded is due, so the questions you have not seen for longest.\n"
        }
        return style.bold("Drill: why these questions") + "\n" + reasons.map { "  - \($0)\n" }.joined()
    }

    /// "you missed 'canary release' twice this week", "'rollback' was last earned 12 days ago".
    public func reason(_ memory: ConceptMemory) -> String {
        let misses = plan.missesThisWeek[memory.conceptID] ?? 0
        let label = "'\(memory.label)'"
        if memory.isRelearning {
            let when = DrillDates.relative(memory.lastSeen, from: plan.date)
            let often = misses > 1 ? " (\(Self.times(misses)) this week)" : ""
            return "you missed \(label) \(when == "today" ? "today" : when)\(often): it comes back while it is fresh"
        }
        if misses > 1 { return "you missed \(label) \(Self.times(misses)) this week" }
        let recall = Int((memory.retrievability(at: plan.date) * 100).rounded())
        let since = DrillDates.relative(memory.lastReview, from: plan.date)
        if memory.isDue(at: plan.date) {
            return "\(label) was last graded \(since == "today" ? "today" : since): predicted recall \(recall)%"
        }
        return "\(label) is among your weakest: predicted recall \(recall)%"
    }

    static func times(_ count: Int) -> String {
        switch count {
        case 1: "once"
        case 2: "twice"
        default: "\(count) times"
        }
    }

    /// Recall, due date and the memory state; for a concept just missed, that, never "recall 100%".
    private func describe(_ memory: ConceptMemory) -> String {
        let state =
            String(format: "stability %.1fd, difficulty %.1f, ", memory.stability, memory.difficulty)
            + "last \(memory.lastSeenRecall.rawValue)"
        if memory.isRelearning {
            return "missed \(DrillDates.relative(memory.lastSeen, from: plan.date)), relearning, due "
                + "\(DrillDates.relative(memory.due, from: plan.date)); " + state
        }
        let recall = Int((memory.retrievability(at: plan.date) * 100).rounded())
        return "recall \(recall)%, due \(DrillDates.relative(memory.due, from: plan.date)), " + state
    }

    private func why(_ pick: DrillPlan.Pick) -> String {
        let reasons = pick.conceptIDs.compactMap { memoriesByID[$0] }.map(reason).joined(separator: "; ")
        switch pick.reason {
        case .due, .weakest: return reasons
        case .longestUnseen:
            return pick.lastAnswered.map { "not seen since \(DrillDates.day($0, in: timeZone))" } ?? "never answered"
        }
    }

    struct JSONShape: Encodable {
        struct Concept: Encodable {
            var id: String, label: String, due: Bool, dueDate: String, retrievability: Double, stability: Double
            var difficulty: Double, reviews: Int, lapses: Int, lastRecall: Transcript.Recall
            var relearning: Bool, missesThisWeek: Int, reason: String
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
                        lastRecall: $0.lastSeenRecall, relearning: $0.isRelearning,
                        missesThisWeek: plan.missesThisWeek[$0.conceptID] ?? 0, reason: reason($0))
                },
                questions: plan.picks.map {
                    .init(
                        id: $0.questionID, reason: $0.reason, concepts: $0.conceptIDs,
                        lastAnswered: $0.lastAnswered.map(DrillDates.iso))
                }))
    }
}
