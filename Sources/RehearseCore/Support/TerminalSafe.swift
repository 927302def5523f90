/// Text from an answer or a file, made safe to print: an answer must not be able to clear the coach's
/// screen, set the window title or reorder what is shown. Control characters other than line breaks and
/// tabs, and the bidirectional controls, are shown as visible escapes (`\u{1B}`), so nothing is hidden
/// either. The one home of this rule: every printer of answer text calls it.
public enum TerminalSafe {
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            // A Windows line break (CR LF) is a line break, not a carriage return that overwrites a line.
            let isLineBreak = scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
            if isUnsafe(scalar), !isLineBreak {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        // C0 controls (ESC, BEL, CR, backspace, ...), DEL, and the C1 controls (CSI 0x9B, OSC 0x9D, ...).
        case 0x00...0x1F, 0x7F...0x9F: true
        // Bidirectional controls: marks, embeddings, overrides and isolates (the "Trojan Source" set).
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

extension String {
    /// `TerminalSafe.escape(self)`.
    public var terminalSafe: String { TerminalSafe.escape(self) }
}
