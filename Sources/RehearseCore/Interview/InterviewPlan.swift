/// What an interview asks: how many questions, from where, in which order. Recorded in the transcript so
/// a session can be resumed and reproduced.
public struct InterviewPlan: Codable, Sendable, Hashable {
    public enum KindFilter: String, Codable, Sendable, CaseIterable {
        case technical, behavioural
        case multipleChoice = "multiple-choice"
        case mixed
    }

    public enum FeedbackTiming: String, Codable, Sendable, CaseIterable {
        /// After every answer.
        case each
        /// All at the end, as in a real interview.
        case end
    }

    public var count: Int
    public var domains: [String]
    public var kind: KindFilter
    public var seed: UInt64
    /// Drawn by the domain weights of bank.yaml, like a practice exam.
    public var exam: Bool
    public var feedback: FeedbackTiming
    /// The questions drawn, in the order they are asked.
    public var questionIDs: [String]
    /// True for a spaced-repetition drill (`rehearse drill`); absent in transcripts written before drills.
    public var drill: Bool?

    public init(
        count: Int, domains: [String] = [], kind: KindFilter = .mixed, seed: UInt64, exam: Bool = false,
        feedback: FeedbackTiming = .each, questionIDs: [String] = [], drill: Bool? = nil
    ) {
        self.count = count
        self.domains = domains
        self.kind = kind
        self.seed = seed
        self.exam = exam
        self.feedback = feedback
        self.questionIDs = questionIDs
        self.drill = drill
    }

    /// A few words for file names and headings: "deployment-technical", "exam", "mixed".
    public var slug: String {
        if drill == true { return "drill" }
        if exam { return "exam" }
        let parts = domains + (kind == .mixed && !domains.isEmpty ? [] : [kind.rawValue])
        return parts.joined(separator: "-")
    }
}
