/// The one syntax of every id in the bank (questions, concepts, misconceptions, synonym groups,
/// domains): lower-case ASCII letters, digits and '-', starting with a letter or a digit. The JSON
/// Schemas spell it as `pattern` (a test compares them), and `rubric new` checks it before writing.
public enum Identifier {
    public static let pattern = "^[a-z0-9][a-z0-9-]*$"

    public static func isValid(_ id: String) -> Bool {
        guard let first = id.utf8.first, first != UInt8(ascii: "-") else { return false }
        return id.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }

    static func problem(_ id: String) -> String {
        "id '\(id)' may hold only lower-case letters a-z, digits and '-', and starts with a letter or digit"
    }
}
