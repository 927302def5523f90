import Foundation

/// Rubrics/synonyms.yaml: named groups of words and phrases that say the same thing, written once and
/// used by every pattern as `{{name}}` and by drafted rubrics.
///
/// ```yaml
/// synonyms:
///   deploy: [deploy, release, ship, roll out, push to production]
/// ```
public struct SynonymTable: Sendable, Hashable {
    /// Each group's terms, as the coach wrote them, by name.
    public private(set) var groups: [String: [String]]

    public init(_ groups: [String: [String]] = [:]) { self.groups = groups }

    public static let fileName = "synonyms.yaml"

    /// The alternation a `{{name}}` stands for: every term with regex characters escaped and each space
    /// matching a space or a hyphen ("roll out" also matches "roll-out"), longest first so PCRE2 tries
    /// "push to production" before "push".
    public func alternation(for name: String) -> String? {
        guard let terms = groups[name] else { return nil }
        let escaped = terms.sorted { $0.count > $1.count }.map { term in
            term.split(separator: " ").map { Self.escape(String($0)) }.joined(separator: "[- ]")
        }
        return "(?:" + escaped.joined(separator: "|") + ")"
    }

    /// The name of the group holding `term` (compared in lower case), if any.
    public func group(containing term: String) -> String? {
        let term = term.lowercased()
        return groups.keys.sorted().first { groups[$0]!.contains { $0.lowercased() == term } }
    }

    /// Replaces every `{{name}}` in `pattern`; the names it does not know are returned, in order.
    public func expand(_ pattern: String) -> (pattern: String, unknown: [String]) {
        var output = ""
        var unknown: [String] = []
        var rest = Substring(pattern)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            output += rest[..<open.lowerBound]
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let alternation = alternation(for: name) {
                output += alternation
            } else {
                unknown.append(name)
                output += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return (output + rest, unknown)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\^$.|?*+()[]{}/#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
