import Foundation

/// The bytes of a `BankCache` file: any `Codable` value written field after field in declaration order,
/// without keys. Reading JSON back costs more than the rest of a warm start, this a fraction of it.
///
/// Only what the cache holds is supported: structs, arrays, optionals, strings, numbers, booleans and
/// enums with raw values. A dictionary is refused (its keys are not written), and anything that does
/// not read back throws, so a cache of another layout is rebuilt, never misread: the cache's checksum
/// and format version guard the rest.
enum BankCacheCoder {
    struct Unsupported: Error {}

    /// The numbers the cache never holds; written, they would recurse through their own `encode(to:)`.
    static let unsupported: Set<ObjectIdentifier> = [
        ObjectIdentifier(Float.self), ObjectIdentifier(Int8.self), ObjectIdentifier(Int16.self),
        ObjectIdentifier(Int32.self), ObjectIdentifier(Int64.self), ObjectIdentifier(UInt.self),
        ObjectIdentifier(UInt8.self), ObjectIdentifier(UInt16.self), ObjectIdentifier(UInt32.self),
        ObjectIdentifier(UInt64.self),
    ]

    static func encode(_ value: some Encodable) throws -> Data {
        let sink = Sink()
        try sink.value(value, writer: Writer(sink: sink))
        return Data(sink.bytes)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        try data.withUnsafeBytes { raw in
            let source = Source(bytes: Array(raw))
            let value = try source.value(Value.self, reader: Reader(source: source))
            guard source.offset == source.bytes.count else { throw Unsupported() }
            return value
        }
    }

    // MARK: Writing

    final class Sink {
        var bytes: [UInt8] = []

        func tag(_ present: Bool) { bytes.append(present ? 1 : 0) }

        func integer(_ value: Int64) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }

        func string(_ value: String) {
            integer(Int64(value.utf8.count))
            bytes.append(contentsOf: value.utf8)
        }

        func value<T: Encodable>(_ value: T, writer: Writer) throws {
            // Metatype comparisons, not `as?` casts: a cast to a protocol searches the conformances.
            if T.self == String.self {
                string(value as! String)
            } else if T.self == Int.self {
                integer(Int64(value as! Int))
            } else if T.self == Double.self {
                integer(Int64(bitPattern: (value as! Double).bitPattern))
            } else if T.self == Bool.self {
                tag(value as! Bool)
            } else if BankCacheCoder.unsupported.contains(ObjectIdentifier(T.self)) || value is [String: Any] {
                // Other numbers would come back here through their own encode(to:); keys are not written.
                throw Unsupported()
            } else {
                try value.encode(to: writer)
            }
        }
    }

    struct Writer: Encoder {
        let sink: Sink
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] = [:]

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(KeyedWriter<Key>(writer: self))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedWriter(writer: self) }

        func singleValueContainer() -> any SingleValueEncodingContainer { SingleWriter(writer: self) }
    }

    struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let writer: Writer
        var codingPath: [any CodingKey] { writer.codingPath }

        mutating func encodeNil(forKey key: Key) throws { writer.sink.tag(false) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try writer.sink.value(value, writer: writer)
        }

        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try putIfPresent(value) }

        private func putIfPresent<T: Encodable>(_ value: T?) throws {
            writer.sink.tag(value != nil)
            if let value { try writer.sink.value(value, writer: writer) }
        }

        // Every primitive goes through the generic path, so that each one's optional writes its tag too.
        mutating func encode(_ value: Bool, forKey key: Key) throws { try writer.sink.value(value, writer: writer) }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try putIfPresent(value) }
        mutating func encode(_ value: String, forKey key: Key) throws { try writer.sink.value(value, writer: writer) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try putIfPresent(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try writer.sink.value(value, writer: writer) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try putIfPresent(value) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try writer.sink.value(value, writer: writer) }
        mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try putIfPresent(value) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try writer.sink.value(value, writer: writer) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try putIfPresent(value) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { try writer.sink.value(value, writer: writer) }
        mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try putIfPresent(value) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { try writer.sink.value(value, writer: writer) }
        mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try putIfPresent(value) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try writer.sink.value(value, writer: writer) }
        mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try putIfPresent(value) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { try writer.sink.value(value, writer: writer) }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try putIfPresent(value) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { try writer.sink.value(value, writer: writer) }
        mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try putIfPresent(value) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { try writer.sink.value(value, writer: writer) }
        mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try putIfPresent(value) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { try writer.sink.value(value, writer: writer) }
        mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try putIfPresent(value) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { try writer.sink.value(value, writer: writer) }
        mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try putIfPresent(value) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { try writer.sink.value(value, writer: writer) }
        mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try putIfPresent(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> { writer.container(keyedBy: keyType) }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            writer.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { writer }
        mutating func superEncoder(forKey key: Key) -> any Encoder { writer }
    }

    /// Writes its element count first, patched in place as elements are added.
    struct UnkeyedWriter: UnkeyedEncodingContainer {
        let writer: Writer
        let slot: Int
        private(set) var count = 0
        var codingPath: [any CodingKey] { writer.codingPath }

        init(writer: Writer) {
            self.writer = writer
            slot = writer.sink.bytes.count
            writer.sink.integer(0)
        }

        private mutating func counted() {
            count += 1
            withUnsafeBytes(of: Int64(count).littleEndian) { raw in
                for (index, byte) in raw.enumerated() { writer.sink.bytes[slot + index] = byte }
            }
        }

        mutating func encodeNil() throws {
            counted()
            writer.sink.tag(false)
        }

        mutating func encode<T: Encodable>(_ value: T) throws { try put(value) }

        private mutating func put<T: Encodable>(_ value: T) throws {
            counted()
            try writer.sink.value(value, writer: writer)
        }

        mutating func encode(_ value: Bool) throws { try put(value) }
        mutating func encode(_ value: String) throws { try put(value) }
        mutating func encode(_ value: Double) throws { try put(value) }
        mutating func encode(_ value: Float) throws { try put(value) }
        mutating func encode(_ value: Int) throws { try put(value) }
        mutating func encode(_ value: Int8) throws { try put(value) }
        mutating func encode(_ value: Int16) throws { try put(value) }
        mutating func encode(_ value: Int32) throws { try put(value) }
        mutating func encode(_ value: Int64) throws { try put(value) }
        mutating func encode(_ value: UInt) throws { try put(value) }
        mutating func encode(_ value: UInt8) throws { try put(value) }
        mutating func encode(_ value: UInt16) throws { try put(value) }
        mutating func encode(_ value: UInt32) throws { try put(value) }
        mutating func encode(_ value: UInt64) throws { try put(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        {
            counted()
            return writer.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            counted()
            return writer.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { writer }
    }

    /// A tag first, so that an optional's `decodeNil` can tell a value from none.
    struct SingleWriter: SingleValueEncodingContainer {
        let writer: Writer
        var codingPath: [any CodingKey] { writer.codingPath }

        mutating func encodeNil() throws { writer.sink.tag(false) }

        mutating func encode<T: Encodable>(_ value: T) throws { try put(value) }

        private func put<T: Encodable>(_ value: T) throws {
            writer.sink.tag(true)
            try writer.sink.value(value, writer: writer)
        }

        mutating func encode(_ value: Bool) throws { try put(value) }
        mutating func encode(_ value: String) throws { try put(value) }
        mutating func encode(_ value: Double) throws { try put(value) }
        mutating func encode(_ value: Float) throws { try put(value) }
        mutating func encode(_ value: Int) throws { try put(value) }
        mutating func encode(_ value: Int8) throws { try put(value) }
        mutating func encode(_ value: Int16) throws { try put(value) }
        mutating func encode(_ value: Int32) throws { try put(value) }
        mutating func encode(_ value: Int64) throws { try put(value) }
        mutating func encode(_ value: UInt) throws { try put(value) }
        mutating func encode(_ value: UInt8) throws { try put(value) }
        mutating func encode(_ value: UInt16) throws { try put(value) }
        mutating func encode(_ value: UInt32) throws { try put(value) }
        mutating func encode(_ value: UInt64) throws { try put(value) }
    }

    // MARK: Reading

    final class Source {
        let bytes: [UInt8]
        var offset = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        func peekTag() throws -> Bool {
            guard offset < bytes.count, bytes[offset] <= 1 else { throw Unsupported() }
            return bytes[offset] == 1
        }

        func tag() throws -> Bool {
            let present = try peekTag()
            offset += 1
            return present
        }

        func integer() throws -> Int64 {
            guard offset + 8 <= bytes.count else { throw Unsupported() }
            var value: Int64 = 0
            for index in (0..<8).reversed() { value = value << 8 | Int64(bytes[offset + index]) }
            offset += 8
            return value
        }

        func count() throws -> Int {
            let count = try integer()
            guard count >= 0, count <= bytes.count - offset else { throw Unsupported() }
            return Int(count)
        }

        func string() throws -> String {
            let length = try count()
            defer { offset += length }
            guard let text = String(validating: bytes[offset..<offset + length], as: UTF8.self) else {
                throw Unsupported()
            }
            return text
        }

        func value<T: Decodable>(_ type: T.Type, reader: Reader) throws -> T {
            if T.self == String.self { return try string() as! T }
            if T.self == Int.self { return Int(try integer()) as! T }
            if T.self == Double.self { return Double(bitPattern: UInt64(bitPattern: try integer())) as! T }
            if T.self == Bool.self { return try tag() as! T }
            if BankCacheCoder.unsupported.contains(ObjectIdentifier(T.self)) { throw Unsupported() }
            return try T(from: reader)
        }
    }

    struct Reader: Decoder {
        let source: Source
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] = [:]

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(KeyedReader<Key>(reader: self))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try UnkeyedReader(reader: self) }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleReader(reader: self) }
    }

    struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let reader: Reader
        var codingPath: [any CodingKey] { reader.codingPath }
        /// Keys are not written, so a dictionary cannot be read back (and is refused when writing).
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { true }

        func decodeNil(forKey key: Key) throws -> Bool {
            if try reader.source.peekTag() { return false }
            _ = try reader.source.tag()
            return true
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try reader.source.value(type, reader: reader)
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try getIfPresent(type) }

        private func getIfPresent<T: Decodable>(_ type: T.Type) throws -> T? {
            try reader.source.tag() ? try reader.source.value(type, reader: reader) : nil
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try reader.source.value(type, reader: reader) }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try getIfPresent(type) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String {
            try reader.source.value(type, reader: reader)
        }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try getIfPresent(type) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
            try reader.source.value(type, reader: reader)
        }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try getIfPresent(type) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
            try reader.source.value(type, reader: reader)
        }
        func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try getIfPresent(type) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try reader.source.value(type, reader: reader) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try getIfPresent(type) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try reader.source.value(type, reader: reader) }
        func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try getIfPresent(type) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
            try reader.source.value(type, reader: reader)
        }
        func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try getIfPresent(type) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
            try reader.source.value(type, reader: reader)
        }
        func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try getIfPresent(type) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
            try reader.source.value(type, reader: reader)
        }
        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try getIfPresent(type) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try reader.source.value(type, reader: reader) }
        func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try getIfPresent(type) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
            try reader.source.value(type, reader: reader)
        }
        func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try getIfPresent(type) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
            try reader.source.value(type, reader: reader)
        }
        func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try getIfPresent(type) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
            try reader.source.value(type, reader: reader)
        }
        func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try getIfPresent(type) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
            try reader.source.value(type, reader: reader)
        }
        func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try getIfPresent(type) }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) throws -> KeyedDecodingContainer<NestedKey> { try reader.container(keyedBy: type) }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try reader.unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { reader }
        func superDecoder(forKey key: Key) throws -> any Decoder { reader }
    }

    struct UnkeyedReader: UnkeyedDecodingContainer {
        let reader: Reader
        let count: Int?
        private(set) var currentIndex = 0
        var codingPath: [any CodingKey] { reader.codingPath }
        var isAtEnd: Bool { currentIndex >= count ?? 0 }

        init(reader: Reader) throws {
            self.reader = reader
            count = try reader.source.count()
        }

        private mutating func next() throws {
            guard !isAtEnd else { throw Unsupported() }
            currentIndex += 1
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { throw Unsupported() }
            if try reader.source.peekTag() { return false }
            try next()
            _ = try reader.source.tag()
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try get(type) }

        private mutating func get<T: Decodable>(_ type: T.Type) throws -> T {
            try next()
            return try reader.source.value(type, reader: reader)
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try get(type) }
        mutating func decode(_ type: String.Type) throws -> String { try get(type) }
        mutating func decode(_ type: Double.Type) throws -> Double { try get(type) }
        mutating func decode(_ type: Float.Type) throws -> Float { try get(type) }
        mutating func decode(_ type: Int.Type) throws -> Int { try get(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try get(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try get(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try get(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try get(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try get(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try get(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try get(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try get(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try get(type) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            try next()
            return try reader.container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try next()
            return try reader.unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder { reader }
    }

    struct SingleReader: SingleValueDecodingContainer {
        let reader: Reader
        var codingPath: [any CodingKey] { reader.codingPath }

        func decodeNil() -> Bool {
            guard (try? reader.source.peekTag()) == false else { return false }
            reader.source.offset += 1
            return true
        }

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try get(type) }

        private func get<T: Decodable>(_ type: T.Type) throws -> T {
            guard try reader.source.tag() else { throw Unsupported() }
            return try reader.source.value(type, reader: reader)
        }

        func decode(_ type: Bool.Type) throws -> Bool { try get(type) }
        func decode(_ type: String.Type) throws -> String { try get(type) }
        func decode(_ type: Double.Type) throws -> Double { try get(type) }
        func decode(_ type: Float.Type) throws -> Float { try get(type) }
        func decode(_ type: Int.Type) throws -> Int { try get(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try get(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try get(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try get(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try get(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try get(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try get(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try get(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try get(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try get(type) }
    }
}
