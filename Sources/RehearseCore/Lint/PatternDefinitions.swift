import Foundation

/// Where each pattern of one question's rubric is written, for `rubric explain`: a shared concept's
/// patterns in concepts/, a question's own (and those a `ref` adds) in the question file.
public struct PatternDefinitions: Sendable {
    public struct Definition: Sendable, Hashable, Encodable {
        /// A concept or misconception id.
        public var owner: String
        public var pattern: String
        public var file: String
        public var line: Int
        public var column: Int

        public var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }
    }

    public var definitions: [Definition]

    public init(question: Question, sites: [PatternSite]) {
        var result: [Definition] = []
        func add(_ id: String, kind: String, patterns: [String]) {
            let owners = ["\(kind) '\(id)' of question '\(question.id)'", "\(kind) '\(id)'"]
            for pattern in patterns {
                let site = owners.lazy.compactMap { owner in
                    sites.first { $0.source == pattern && $0.owner == owner }
                }.first
                guard let site else { continue }
                result.append(
                    Definition(
                        owner: id, pattern: pattern, file: site.location.file, line: site.location.line,
                        column: site.location.column))
            }
        }
        for concept in question.rubric.concepts { add(concept.id, kind: "concept", patterns: concept.concept.patterns) }
        for misconception in question.rubric.misconceptions {
            add(misconception.id, kind: "misconception", patterns: misconception.patterns)
        }
        definitions = result
    }

    /// "drift-detection  Rubrics/concepts/core.yaml:5:9  \b(monitor|compar)\w*…", one line each.
    public func render(style: TextStyle = .plain) -> String {
        guard !definitions.isEmpty else { return "" }
        let width = definitions.map(\.owner.count).max() ?? 0
        let lines = definitions.map { definition in
            "  " + definition.owner.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + style.dim(definition.location.description) + "  " + definition.pattern
        }
        return ([style.bold("Where each pattern is defined")] + lines).joined(separator: "\n") + "\n"
    }
}
