/// Multiple choice that can be beaten without knowing anything: when the correct option is the longest
/// in more than a third of the bank's multiple-choice questions, "pick the longest" pays.
enum LongestOptionCheck {
    /// The share of multiple-choice questions above which the warning is given.
    static let maximumShare = 1.0 / 3.0

    static func diagnostics(_ questions: [Question]) -> [Diagnostic] {
        let choices = questions.filter { $0.kind == .multipleChoice && $0.options.count > 1 }
        let giveaways = choices.filter(correctIsLongest).sorted { $0.source < $1.source }
        guard let first = giveaways.first, Double(giveaways.count) > maximumShare * Double(choices.count) else {
            return []
        }
        let ids = giveaways.map(\.id)
        let listed = ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", …" : "")
        return [
            Diagnostic(
                .warning, at: first.source,
                "the correct option is the longest in \(giveaways.count) of \(choices.count) multiple-choice "
                    + "questions (\(listed)): picking the longest option scores without knowing the answer; "
                    + "make a wrong option the longest in more of them")
        ]
    }

    /// Strictly longer than every other option, in characters.
    private static func correctIsLongest(_ question: Question) -> Bool {
        guard let correct = question.correctOption else { return false }
        return question.options.allSatisfy { $0.correct || $0.text.count < correct.text.count }
    }
}
