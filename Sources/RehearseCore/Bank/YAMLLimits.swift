import CYaml
import Foundation

/// Bounds on one rubric file, checked before Yams builds its nodes: a size limit, no aliases (an alias
/// bomb expands exponentially, and Yams compares complex keys node by node), no complex keys, and a
/// node count. A coach's mistake or a hostile shared bank is refused with a message at the place,
/// instead of keeping `bank list` busy for minutes.
enum YAMLLimits {
    /// One file's size: the largest bundled rubric file is 8 KB.
    static var maximumBytes: Int { BoundedFile.rubricFileLimit }
    /// Scalars, lists and mappings in one file: the largest bundled file has about 300.
    static let maximumNodes = 20_000

    struct Violation: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// The first limit `text` breaks; nil when it keeps them all (syntax errors are left to Yams).
    static func check(_ text: String) -> Violation? {
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return scan(&parser)
        }
    }

    /// Open collections: whether each is a mapping, and if so whether its next node is a key.
    private struct Frame {
        var isMapping: Bool
        var atKey: Bool
    }

    private static func scan(_ parser: inout yaml_parser_t) -> Violation? {
        var open: [Frame] = []
        var nodes = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            let at = { (message: String) in
                Violation(line: Int(mark.line) + 1, column: Int(mark.column) + 1, message: message)
            }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_ALIAS_EVENT:
                return at("aliases ('*name') are not allowed in rubric files; write the value out where it is used")
            case YAML_SCALAR_EVENT, YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                nodes += 1
                if nodes > maximumNodes {
                    return at("more than \(maximumNodes) values in one file; split it (one question per file)")
                }
                let isCollection = event.type != YAML_SCALAR_EVENT
                if let top = open.last, top.isMapping {
                    if top.atKey, isCollection { return at("a key must be plain text, not a list or a mapping") }
                    open[open.count - 1].atKey.toggle()
                }
                if isCollection { open.append(Frame(isMapping: event.type == YAML_MAPPING_START_EVENT, atKey: true)) }
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                if !open.isEmpty { open.removeLast() }
            default:
                continue
            }
        }
    }
}
