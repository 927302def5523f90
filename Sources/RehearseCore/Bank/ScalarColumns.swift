import Yams

/// Where each character of a one-line scalar sits in its line of the file, so an offset into the text
/// YAML read (a pattern) becomes the column a coach sees: `''` in single quotes and `\\` in double
/// quotes are two columns for one character, and a PCRE2 offset counts bytes, not characters.
enum ScalarColumns {
    /// The 1-based column of every Unicode scalar of the scalar's value, then the column just after the
    /// last one; nil when the value does not lie on one line as written (a block or folded scalar).
    static func map(line: Substring, startColumn: Int, style: Node.Scalar.Style, value: String) -> [Int]? {
        let raw = Array(line.unicodeScalars.dropFirst(startColumn - 1))
        var columns: [Int] = []
        var decoded: [Unicode.Scalar] = []
        var index = 0
        switch style {
        case .plain:
            for scalar in raw.prefix(value.unicodeScalars.count) {
                decoded.append(scalar)
                columns.append(startColumn + index)
                index += 1
            }
        case .singleQuoted:
            index = 1
            while index < raw.count {
                if raw[index] == "'" {
                    guard index + 1 < raw.count, raw[index + 1] == "'" else { break }
                    decoded.append("'")
                    columns.append(startColumn + index)
                    index += 2
                    continue
                }
                decoded.append(raw[index])
                columns.append(startColumn + index)
                index += 1
            }
        case .doubleQuoted:
            index = 1
            while index < raw.count, raw[index] != "\"" {
                let column = startColumn + index
                var width = 1
                if raw[index] == "\\", index + 1 < raw.count {
                    switch raw[index + 1] {
                    case "x": width = 4
                    case "u": width = 6
                    case "U": width = 10
                    default: width = 2
                    }
                }
                // The decoded character is YAML's to know; only its count and place matter here.
                decoded.append(raw[index])
                columns.append(column)
                index += width
            }
        default:
            return nil
        }
        guard decoded.count == value.unicodeScalars.count else { return nil }
        if style == .plain, String(String.UnicodeScalarView(decoded)) != value { return nil }
        return columns + [startColumn + index]
    }

    /// The column of the character at a UTF-8 byte offset into `value`, using `columns` from `map`; the
    /// column after the last character for an offset at the end.
    static func column(ofByte offset: Int, in value: String, columns: [Int]) -> Int {
        var bytes = 0
        for (index, scalar) in value.unicodeScalars.enumerated() {
            if bytes >= offset { return columns[index] }
            bytes += UTF8.width(scalar)
        }
        return columns[columns.count - 1]
    }
}
