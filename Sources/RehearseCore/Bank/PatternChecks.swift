import PCRE2
import Yams

/// Checks of one pattern that the loader runs on every pattern of the bank, so every command that loads
/// it refuses the same mistakes `rubric lint` reports.
enum PatternChecks {
    /// A control character in a pattern: almost always a backslash escape that double quotes turned
    /// into one (`"\bdrift"` is a backspace, then "drift"), so the pattern silently never fires.
    static func controlCharacter(in site: PatternSite, style: Node.Scalar.Style?) -> (SourceLocation, String)? {
        var offset = 0
        for scalar in site.source.unicodeScalars {
            defer { offset += UTF8.width(scalar) }
            guard scalar.value < 0x20 || scalar.value == 0x7F else { continue }
            let cause =
                style == .doubleQuoted
                ? "in double quotes YAML reads \(escape(for: scalar)) as that character, not as a PCRE2 escape; "
                    + "write the pattern in single quotes, where a backslash stays a backslash"
                : "delete it, or write the escape in single quotes"
            return (
                site.location(ofByte: offset),
                "pattern in \(site.owner) holds the control character \(SourceText.describe(scalar)), so it never "
                    + "matches an answer; \(cause)"
            )
        }
        return nil
    }

    private static func escape(for scalar: Unicode.Scalar) -> String {
        let escapes: [UInt32: String] = [
            0x07: #"\a"#, 0x08: #"\b"#, 0x09: #"\t"#, 0x0A: #"\n"#, 0x0B: #"\v"#,
            0x0C: #"\f"#, 0x0D: #"\r"#, 0x1B: #"\e"#, 0x00: #"\0"#,
        ]
        return escapes[scalar.value] ?? "a backslash escape"
    }

    /// What to say of a pattern that hit PCRE2's limits on one of `BacktrackingProbe`'s inputs.
    static func backtracking(_ site: PatternSite, on input: BacktrackingProbe.Input) -> String {
        "pattern '\(site.source)' in \(site.owner) hits PCRE2's match limit on \(input.description): it "
            + "backtracks catastrophically and would fail to grade such an answer; remove nested repetition "
            + "such as (a+)+ and bound open-ended gaps, e.g. .{0,60} instead of .*"
    }
}
