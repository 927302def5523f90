import Foundation

/// A value a `BankCache` file holds, written and read field after field by its own hand-written code
/// (BankCacheLayout.swift): `Codable`'s generic path spent most of a warm start looking up metadata.
protocol CacheCodable {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed)
    func write(to writer: inout CacheWriter)
}

/// The payload of a cache file being written: a table of every distinct string, then the values, where
/// a string is its index in the table (a bank repeats its file paths, shared concepts and patterns
/// thousands of times). Whole numbers are LEB128 varints (zigzag for signed), so the many small line
/// and column numbers take a byte each; a table entry is its UTF-8 length, then its bytes.
struct CacheWriter {
    private var body: [UInt8] = []
    private var strings: [String] = []
    private var indices: [String: Int] = [:]

    /// The table, then the values.
    var bytes: [UInt8] {
        var table = CacheWriter()
        table.unsigned(UInt64(strings.count))
        for var string in strings {
            string.withUTF8 { utf8 in
                table.unsigned(UInt64(utf8.count))
                table.body.append(contentsOf: utf8)
            }
        }
        return table.body + body
    }

    mutating func write(_ value: some CacheCodable) { value.write(to: &self) }

    mutating func byte(_ value: UInt8) { body.append(value) }

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            body.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        body.append(UInt8(rest))
    }

    mutating func raw(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { body.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        let index = indices[text] ?? strings.count
        if index == strings.count {
            strings.append(text)
            indices[text] = index
        }
        unsigned(UInt64(index))
    }
}

/// The payload of a cache file being read. Every read is bounds-checked and anything that is not what
/// the writer writes (a short file, an overlong varint, a tag other than 0 or 1, invalid UTF-8, a string
/// index past the table, an unknown enum case, a count larger than the bytes left) throws `Malformed`:
/// the cache is then rebuilt.
struct CacheReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var offset = 0
    private var strings: [String] = []

    /// Reads the string table; the values follow.
    init(_ bytes: [UInt8]) throws(Malformed) {
        self.bytes = bytes
        let count = try self.count()
        strings.reserveCapacity(count)
        for _ in 0..<count { strings.append(try utf8()) }
    }

    mutating func read<Value: CacheCodable>(_ type: Value.Type = Value.self) throws(Malformed) -> Value {
        try Value(from: &self)
    }

    /// Throws unless every byte was read: a payload is exactly one value.
    func finish() throws(Malformed) {
        guard offset == bytes.count else { throw Malformed() }
    }

    mutating func byte() throws(Malformed) -> UInt8 {
        guard offset < bytes.count else { throw Malformed() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func unsigned() throws(Malformed) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            // The tenth byte holds the 64th bit only.
            guard shift < 63 || next <= 1 else { throw Malformed() }
            value |= UInt64(next & 0x7f) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    mutating func raw() throws(Malformed) -> UInt64 {
        guard bytes.count - offset >= 8 else { throw Malformed() }
        var value: UInt64 = 0
        for index in (offset..<offset + 8).reversed() { value = value << 8 | UInt64(bytes[index]) }
        offset += 8
        return value
    }

    /// A count of things that follow, each at least a byte long: never more than the bytes left.
    mutating func count() throws(Malformed) -> Int {
        let count = try unsigned()
        guard count <= UInt64(bytes.count - offset) else { throw Malformed() }
        return Int(count)
    }

    mutating func string() throws(Malformed) -> String {
        let index = try unsigned()
        guard index < UInt64(strings.count) else { throw Malformed() }
        return strings[Int(index)]
    }

    /// A table entry. `String(validating:)` is not specialised for UTF-8 and cost more than the rest of
    /// the decode: the repairing decoder is, and a repaired string differs from its bytes.
    private mutating func utf8() throws(Malformed) -> String {
        let length = try count()
        let start = offset
        offset += length
        let text = bytes.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[start..<start + length])
            var text = String(decoding: slice, as: UTF8.self)
            let same = text.withUTF8 { utf8 in
                utf8.count == length && (length == 0 || memcmp(utf8.baseAddress!, slice.baseAddress!, length) == 0)
            }
            return same ? text : nil
        }
        guard let text else { throw Malformed() }
        return text
    }
}

// MARK: What every value is made of

extension Int: CacheCodable {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        let zigzag = try reader.unsigned()
        self = Int(truncatingIfNeeded: Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
    }

    func write(to writer: inout CacheWriter) {
        let value = Int64(self)
        writer.unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }
}

extension Double: CacheCodable {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) { self.init(bitPattern: try reader.raw()) }

    func write(to writer: inout CacheWriter) { writer.raw(bitPattern) }
}

extension Bool: CacheCodable {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        switch try reader.byte() {
        case 0: self = false
        case 1: self = true
        default: throw CacheReader.Malformed()
        }
    }

    func write(to writer: inout CacheWriter) { writer.byte(self ? 1 : 0) }
}

extension String: CacheCodable {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) { self = try reader.string() }

    func write(to writer: inout CacheWriter) { writer.string(self) }
}

extension Array: CacheCodable where Element: CacheCodable {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        let count = try reader.count()
        self.init()
        reserveCapacity(count)
        for _ in 0..<count { append(try reader.read(Element.self)) }
    }

    func write(to writer: inout CacheWriter) {
        writer.unsigned(UInt64(count))
        for element in self { writer.write(element) }
    }
}

extension Optional: CacheCodable where Wrapped: CacheCodable {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self = try reader.read(Bool.self) ? try reader.read(Wrapped.self) : nil
    }

    func write(to writer: inout CacheWriter) {
        writer.write(self != nil)
        if let self { writer.write(self) }
    }
}

/// An enum is its raw value; a name that is no case throws.
extension CacheCodable where Self: RawRepresentable, RawValue == String {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        guard let value = Self(rawValue: try reader.string()) else { throw CacheReader.Malformed() }
        self = value
    }

    func write(to writer: inout CacheWriter) { writer.string(rawValue) }
}
