/// How an interview behaves for the person (or script) at the other end.
public struct InterviewMode: Sendable, Hashable {
    /// Someone is typing: greet them, pause after feedback, save every line of a draft as it is typed.
    public var isInteractive: Bool
    /// Ask follow-ups. Always on a terminal; with piped input only when asked for (`--follow-ups`), since
    /// a script cannot know which follow-ups will come.
    public var asksFollowUps: Bool

    public init(isInteractive: Bool, asksFollowUps: Bool) {
        self.isInteractive = isInteractive
        self.asksFollowUps = asksFollowUps
    }

    public static let interactive = InterviewMode(isInteractive: true, asksFollowUps: true)

    /// Answers piped in: no pauses, no greeting, and the end of input submits the answer being read.
    public static func scripted(followUps: Bool) -> InterviewMode {
        InterviewMode(isInteractive: false, asksFollowUps: followUps)
    }
}
