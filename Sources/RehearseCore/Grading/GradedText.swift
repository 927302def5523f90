/// The text an answer is graded on: the first answer, then each follow-up answer, a blank line apart.
/// Evidence offsets count its UTF-8 bytes, so a follow-up's evidence starts after the first answer.
public enum GradedText {
    public static func join(_ answer: String, _ followUps: [String]) -> String {
        ([answer] + followUps).joined(separator: "\n\n")
    }
}
