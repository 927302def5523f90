/// Word-wraps text for a terminal of a given width. Each line keeps its own indentation, and its
/// continuation lines hang at that indentation, so a quoted piece of evidence stays a block. ANSI
/// colour codes take no width.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int) -> String {
        guard width > 20 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(String($0), width: width) }
            .joined(separator: "\n")
    }

    private static func wrapLine(_ line: String, width: Int) -> String {
        guard visibleWidth(line) > width else { return line }
        // The indentation may sit inside a colour code ("\e[2m      Why it matters: ..."); keep the code.
        let lead = leadingCodesAndSpaces(of: line)
        let rest = line.dropFirst(lead.count)
        // A marked item ("✓ Tracks…", "- Very short…") hangs under its text, not under the marker.
        let marker = rest.count > 2 && "✓✗○~-!•*".contains(rest.first!) && rest.dropFirst().first == " " ? 2 : 0
        let indent = String(repeating: " ", count: lead.filter { $0 == " " }.count + marker)
        // A hanging indent deeper than half the width would leave too little room: start at the margin.
        let hanging = indent.count * 2 > width ? "" : indent
        let leadWidth = lead.filter { $0 == " " }.count
        var lines: [String] = []
        var current = lead
        var currentWidth = leadWidth
        var atLineStart = true
        for word in rest.split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = visibleWidth(String(word))
            if !atLineStart, currentWidth + 1 + wordWidth > width {
                lines.append(current)
                current = hanging
                currentWidth = hanging.count
                atLineStart = true
            }
            current += (atLineStart ? "" : " ") + word
            currentWidth += (atLineStart ? 0 : 1) + wordWidth
            atLineStart = false
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// The spaces and ANSI codes a line starts with.
    private static func leadingCodesAndSpaces(of line: String) -> String {
        var end = line.startIndex
        var inEscape = false
        for index in line.indices {
            let character = line[index]
            if inEscape {
                if character.isLetter { inEscape = false }
            } else if character == "\u{1B}" {
                inEscape = true
            } else if character != " " {
                break
            }
            end = line.index(after: index)
        }
        return String(line[..<end])
    }

    /// Characters that take a column: everything but ANSI escape sequences (ESC [ ... letter).
    static func visibleWidth(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value), scalar != "[" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                width += 1
            }
        }
        return width
    }
}
