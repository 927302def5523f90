import Foundation

/// What a candidate remembers of one concept, in the style of FSRS-4.5 (the scheduler modern Anki uses):
/// stability S (days until recall drops to 90%), difficulty D (1–10) and the last review.
///
/// Written out here rather than taken from a library: no Swift FSRS package is in the allowed set, and
/// the rule is a dozen lines of published formulas with the published default weights.
public struct ConceptMemory: Codable, Sendable, Hashable {
    public var conceptID: String
    public var label: String
    /// Days after the last review at which recall is predicted to fall to the target retention.
    public var stability: Double
    /// 1 (easy) to 10 (hard): how much each review raises stability.
    public var difficulty: Double
    public var lastReview: Date
    public var lastRecall: Transcript.Recall
    public var reviews: Int
    /// Reviews rated "again".
    public var lapses: Int
    /// The latest time the concept was graded, a repeat inside one session included (which does not
    /// count as a review for the long-term schedule), and how it went then.
    public var lastSeen: Date
    public var lastSeenRecall: Transcript.Recall

    /// Missed the last time it was graded: it comes back after the short relearning step, whatever the
    /// long-term schedule says.
    public var isRelearning: Bool { lastSeenRecall == .again }

    /// The chance of recalling the concept `at` a moment: R = (1 + F·t/S)^D.
    public func retrievability(at date: Date) -> Double {
        MemoryModel.retrievability(days: max(0, date.timeIntervalSince(lastReview) / 86_400), stability: stability)
    }

    /// When recall is predicted to fall to the target retention; for a concept just missed, the end of
    /// the relearning step, so it returns in the same day's drill.
    public var due: Date {
        let longTerm = lastReview.addingTimeInterval(MemoryModel.intervalDays(stability: stability) * 86_400)
        return isRelearning ? min(longTerm, lastSeen.addingTimeInterval(MemoryModel.relearningStep)) : longTerm
    }

    /// The recall a drill ranks by: a concept just missed counts as forgotten, whatever the formula
    /// predicts for so short a time since.
    public func rankingRecall(at date: Date) -> Double { isRelearning ? 0 : retrievability(at: date) }

    public func isDue(at date: Date) -> Bool { due <= date }
}

/// The FSRS-4.5 formulas with their default weights.
public enum MemoryModel {
    /// The recall probability the schedule aims for when a concept comes due.
    public static let targetRetention = 0.9
    /// How soon a missed concept comes back (Anki's default relearning step): the same evening.
    public static let relearningStep: TimeInterval = 10 * 60
    static let decay = -0.5
    static let factor = 19.0 / 81.0
    static let w: [Double] = [
        0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474, 0.1367, 1.0461, 2.1072, 0.0793,
        0.3246, 1.587, 0.2272, 2.8755,
    ]

    /// FSRS grades: again 1, hard 2, good 3 (easy, 4, is never given: a rubric cannot tell "easy").
    static func grade(_ recall: Transcript.Recall) -> Double {
        switch recall {
        case .again: 1
        case .hard: 2
        case .good: 3
        }
    }

    public static func retrievability(days: Double, stability: Double) -> Double {
        pow(1 + factor * days / stability, decay)
    }

    /// Days until recall falls to the target retention; with 0.9 that is exactly S, and never under a day.
    public static func intervalDays(stability: Double) -> Double {
        max(1, (stability / factor * (pow(targetRetention, 1 / decay) - 1)).rounded())
    }

    /// The state after the first review of a concept.
    static func first(conceptID: String, label: String, recall: Transcript.Recall, at date: Date) -> ConceptMemory {
        let g = grade(recall)
        return ConceptMemory(
            conceptID: conceptID, label: label, stability: w[Int(g) - 1], difficulty: initialDifficulty(g),
            lastReview: date, lastRecall: recall, reviews: 1, lapses: recall == .again ? 1 : 0, lastSeen: date,
            lastSeenRecall: recall)
    }

    /// The state after one more review.
    static func review(_ memory: ConceptMemory, recall: Transcript.Recall, label: String, at date: Date)
        -> ConceptMemory
    {
        let g = grade(recall)
        let r = memory.retrievability(at: date)
        let s = memory.stability, d = memory.difficulty
        var next = memory
        next.difficulty = clampDifficulty(w[7] * initialDifficulty(3) + (1 - w[7]) * (d - w[6] * (g - 3)))
        if recall == .again {
            let forgotten = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * exp(w[14] * (1 - r))
            next.stability = min(forgotten, s)
            next.lapses += 1
        } else {
            let hardPenalty = recall == .hard ? w[15] : 1
            next.stability = s * (exp(w[8]) * (11 - d) * pow(s, -w[9]) * (exp(w[10] * (1 - r)) - 1) * hardPenalty + 1)
        }
        next.stability = max(next.stability, 0.1)
        next.lastReview = max(date, memory.lastReview)
        next.lastRecall = recall
        next.label = label
        next.reviews += 1
        next.lastSeen = max(date, memory.lastSeen)
        next.lastSeenRecall = recall
        return next
    }

    /// A repeat inside the session of the last review: seen again, not reviewed again (the FSRS
    /// maintainers' guidance for same-session repeats), so only the relearning state changes.
    static func repeated(_ memory: ConceptMemory, recall: Transcript.Recall, at date: Date) -> ConceptMemory {
        var next = memory
        if date >= memory.lastSeen {
            next.lastSeen = date
            next.lastSeenRecall = recall
        }
        return next
    }

    static func initialDifficulty(_ g: Double) -> Double { clampDifficulty(w[4] - (g - 3) * w[5]) }

    static func clampDifficulty(_ d: Double) -> Double { min(10, max(1, d)) }
}

/// Dates as the reports print them.
enum DrillDates {
    static func day(_ date: Date, in timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// "today", "in 3 days", "2 days ago", to the nearest day.
    static func relative(_ date: Date, from now: Date) -> String {
        let days = Int((date.timeIntervalSince(now) / 86_400).rounded())
        switch days {
        case 0: return "today"
        case 1: return "tomorrow"
        case -1: return "yesterday"
        case let d where d > 0: return "in \(d) days"
        default: return "\(-days) days ago"
        }
    }
}
