import Foundation
import Yams

/// Reads typed values out of one YAML file's nodes, recording a diagnostic with the file, line and
/// column for every problem instead of stopping at the first, so lint can report them all.
struct YAMLReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// The file's lines, for placing a column inside a scalar (`columns(of:)`).
    private var lines: [Substring] = []

    init(file: String) { self.file = file }

    /// Parses the file's text; a syntax error becomes a diagnostic at its line and column.
    mutating func compose(_ text: String) -> Node? {
        if let violation = YAMLLimits.check(text) {
            diagnostics.append(
                Diagnostic(
                    .error, at: SourceLocation(file: file, line: violation.line, column: violation.column),
                    violation.message))
            return nil
        }
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        do {
            // The basic resolver tags every scalar as a string: typed values are read on demand
            // (`node.int`, `node.bool`), and resolving tags by regular expression was most of parsing.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                error(at: nil, "the file is empty; a rubric file starts with 'id:'")
                return nil
            }
            return node
        } catch let yamlError as YamlError {
            record(yamlError)
        } catch {
            self.error(at: nil, "could not parse YAML: \(error)")
        }
        return nil
    }

    func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// The column of every character of a one-line scalar's value (see `ScalarColumns`).
    func columns(of node: Node) -> [Int]? {
        guard let scalar = node.scalar, let mark = node.mark, mark.line >= 1, mark.line <= lines.count else {
            return nil
        }
        return ScalarColumns.map(
            line: lines[mark.line - 1], startColumn: mark.column, style: scalar.style, value: scalar.string)
    }

    mutating func error(at location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location, message))
    }

    mutating func error(at node: Node?, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location(node), message))
    }

    mutating func warning(at node: Node?, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location(node), message))
    }

    // MARK: Typed access

    mutating func mapping(_ node: Node, _ what: String) -> Node.Mapping? {
        if let mapping = node.mapping { return mapping }
        error(at: node, "\(what) must be a mapping of 'key: value' lines")
        return nil
    }

    mutating func sequence(_ node: Node?, _ what: String) -> [Node] {
        guard let node else { return [] }
        if let sequence = node.sequence { return Array(sequence) }
        error(at: node, "\(what) must be a list ('- ' items)")
        return []
    }

    /// Reports every key not in `allowed`, with the closest allowed key as a suggestion.
    mutating func rejectUnknownKeys(_ mapping: Node.Mapping, allowed: [String], in what: String) {
        for key in mapping.keys {
            guard let name = key.string, !allowed.contains(name) else { continue }
            let hint = closestMatch(to: name, in: allowed).map { "did you mean '\($0)'? " } ?? ""
            error(at: key, "unknown key '\(name)' in \(what); \(hint)allowed keys: \(allowed.joined(separator: ", "))")
        }
    }

    mutating func string(_ mapping: Node.Mapping, _ key: String, in what: String, required: Bool = false) -> String? {
        guard let node = mapping[text: key] else {
            if required { error(at: .mapping(mapping), "\(what) has no '\(key)'; add '\(key): ...'") }
            return nil
        }
        guard let scalar = node.scalar else {
            error(at: node, "'\(key)' in \(what) must be text, not a list or mapping")
            return nil
        }
        let text = scalar.string.trimmingTrailingWhitespace
        if text.isEmpty, required { error(at: node, "'\(key)' in \(what) is empty") }
        return text
    }

    mutating func number(_ mapping: Node.Mapping, _ key: String, in what: String) -> Double? {
        guard let node = mapping[text: key] else { return nil }
        if let value = node.float ?? node.int.map(Double.init) { return value }
        error(at: node, "'\(key)' in \(what) must be a number, not '\(node.string ?? "a list")'")
        return nil
    }

    mutating func integer(_ mapping: Node.Mapping, _ key: String, in what: String) -> Int? {
        guard let node = mapping[text: key] else { return nil }
        if let value = node.int { return value }
        error(at: node, "'\(key)' in \(what) must be a whole number, not '\(node.string ?? "a list")'")
        return nil
    }

    /// YAML 1.2's true and false only, as editors and the JSON Schemas read them: YAML 1.1's yes, no, on
    /// and off are an error rather than a boolean that one tool reads and another rejects.
    mutating func bool(_ mapping: Node.Mapping, _ key: String, in what: String) -> Bool? {
        guard let node = mapping[text: key] else { return nil }
        if let text = node.scalar?.string, ["true", "false"].contains(text.lowercased()) {
            return text.lowercased() == "true"
        }
        error(at: node, "'\(key)' in \(what) must be true or false, not '\(node.string ?? "a list")'")
        return nil
    }

    /// A list of strings; a single string is accepted as a list of one.
    mutating func strings(_ mapping: Node.Mapping, _ key: String, in what: String) -> [(String, Node)] {
        guard let node = mapping[text: key] else { return [] }
        if let scalar = node.scalar { return [(scalar.string, node)] }
        return sequence(node, "'\(key)' in \(what)").compactMap { item in
            guard let text = item.string else {
                error(at: item, "every item of '\(key)' in \(what) must be text")
                return nil
            }
            return (text, item)
        }
    }

    private mutating func record(_ yamlError: YamlError) {
        switch yamlError {
        case let .scanner(context?, problem, mark, _) where context.text.contains("quoted scalar"):
            // libyaml notices an unclosed quote only where the text runs out; the quote opened at the
            // context mark, which is the line to fix.
            diagnostics.append(
                Diagnostic(
                    .error, at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                    "invalid YAML: this quote is never closed (\(problem) at line \(mark.line), column \(mark.column)); close it on this line, or escape a quote inside it"
                ))
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            diagnostics.append(
                Diagnostic(
                    .error, at: SourceLocation(file: file, line: mark.line, column: mark.column),
                    "invalid YAML: \(detail); check the indentation and quoting on this line"))
        case let .duplicatedKeysInMapping(duplicates, context):
            diagnostics.append(
                Diagnostic(
                    .error, at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                    "duplicate key\(duplicates.count == 1 ? "" : "s") \(duplicates.map { "'\($0)'" }.joined(separator: ", ")); keep one"
                ))
        default:
            error(at: nil, "invalid YAML: \(yamlError)")
        }
    }
}

extension String {
    var trimmingTrailingWhitespace: String {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}

extension Node.Mapping {
    /// The value under a plain-text key. Yams' own `mapping["key"]` builds a node for the key and
    /// compares nodes with their tags resolved, which runs a regular expression per comparison; reading
    /// a bank key by key that way was a sixth of start-up. Comparing the key text is all a rubric needs.
    subscript(text key: String) -> Node? {
        first { $0.key.scalar?.string == key }?.value
    }
}

extension YAMLReader {
    /// The file's bytes, at most `YAMLLimits.maximumBytes`; a problem (too large, a folder named
    /// `x.yaml`, a FIFO, a device, no permission, a symlink loop) is a diagnostic naming the real cause.
    mutating func readFile(_ url: URL) -> Data? {
        do {
            return try BoundedFile.read(url, limit: YAMLLimits.maximumBytes, what: "one rubric file")
        } catch {
            switch error {
            case let .tooLarge(_, limit, _):
                self.error(
                    at: nil,
                    "the file is larger than the \(BoundedFile.describe(limit)) limit for one rubric file; split it")
            case let .notAFile(_, kind):
                self.error(at: nil, "cannot read it: it is \(kind), not a file")
            case let .failed(failure):
                self.error(at: nil, "cannot read the file: \(failure.reason)")
            }
            return nil
        }
    }
}
