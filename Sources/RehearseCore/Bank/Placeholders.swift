import Yams

/// The "TODO" that `rubric new` writes wherever a coach has text to write. A question that still holds
/// one is an error, so a skeleton is never served to a candidate as if it were a question.
enum Placeholders {
    static let marker = "TODO"

    static func contains(_ text: String) -> Bool {
        // The cheap test first: every scalar of every question file passes through here at start-up.
        text.utf8.contains(UInt8(ascii: "T")) && text.contains(marker)
            && text.split { !$0.isLetter }.contains { $0 == marker }
    }

    /// One error per value that still holds the marker, at that value.
    static func report(in node: Node, of question: String, reader: inout YAMLReader) {
        switch node {
        case let .scalar(scalar):
            guard contains(scalar.string) else { return }
            reader.error(
                at: node,
                "\(question) still holds the placeholder \(marker) that 'rubric new' wrote here; replace it with the real text"
            )
        case let .mapping(mapping):
            for (_, value) in mapping { report(in: value, of: question, reader: &reader) }
        case let .sequence(sequence):
            for item in sequence { report(in: item, of: question, reader: &reader) }
        case .alias:
            return
        }
    }
}
