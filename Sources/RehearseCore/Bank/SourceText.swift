import Foundation

/// Checks on a rubric file's raw bytes that YAML itself reports badly (at 1:1, or not at all), each
/// placed at its line and column in characters, as editors count.
enum SourceText {
    /// A byte of the file that is not UTF-8, or a character YAML does not allow.
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    static func problem(in data: Data) -> Problem? {
        let bytes = [UInt8](data)
        guard String(data: data, encoding: .utf8) != nil else {
            let offset = firstInvalidUTF8(in: bytes) ?? 0
            let (line, column) = position(ofByte: offset, in: bytes)
            return Problem(
                line: line, column: column,
                message:
                    "byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) is not UTF-8; save the file as UTF-8"
            )
        }
        guard let offset = firstDisallowedCharacter(in: bytes) else { return nil }
        var tail = bytes[offset...].makeIterator()
        var decoder = UTF8()
        guard case let .scalarValue(scalar) = decoder.decode(&tail) else { return nil }
        let (line, column) = position(ofByte: offset, in: bytes)
        return Problem(
            line: line, column: column,
            message: "the file holds the control character \(describe(scalar)), which YAML does not allow; delete it")
    }

    /// The offset of the first character of valid UTF-8 that `isAllowed` rejects, read byte by byte
    /// (start-up reads every rubric file): C0 controls but tab and newlines, DEL, C1 controls but NEL
    /// (C2 80–9F but 85), and U+FFFE and U+FFFF (EF BF BE/BF).
    static func firstDisallowedCharacter(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let byte = buffer[index]
                if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return index }
                if byte == 0x7F { return index }
                if byte == 0xC2, index + 1 < buffer.count, (0x80...0x9F).contains(buffer[index + 1]),
                    buffer[index + 1] != 0x85
                {
                    return index
                }
                if byte == 0xEF, index + 2 < buffer.count, buffer[index + 1] == 0xBF, buffer[index + 2] >= 0xBE {
                    return index
                }
            }
            return nil
        }
    }

    /// The characters YAML 1.1 allows in a file (libyaml's check): tab, newlines and printable text.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// "U+0008 (backspace)": how a message names a control character.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let code = String(format: "U+%04X", scalar.value)
        let names: [UInt32: String] = [
            0x00: "null", 0x07: "bell", 0x08: "backspace", 0x09: "tab", 0x0A: "line feed", 0x0B: "vertical tab",
            0x0C: "form feed", 0x0D: "carriage return", 0x1B: "escape", 0x7F: "delete",
        ]
        return names[scalar.value].map { "\(code) (\($0))" } ?? code
    }

    /// The 1-based line and character column of a byte offset.
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
