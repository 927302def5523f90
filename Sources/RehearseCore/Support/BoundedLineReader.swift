import Foundation

/// Lines from a descriptor (piped standard input), holding at most `limit` bytes of one line: a longer
/// line is cut there and ends the input, so `practice < /dev/zero` or a huge line with no line break
/// stops with a message instead of filling memory.
public struct BoundedLineReader {
    public enum Line: Equatable, Sendable {
        /// One line without its line break (and without a Windows "\r").
        case line(String)
        /// The line ran past the limit: its first `limit` bytes. Every later call gives `.end`.
        case tooLong(prefix: String)
        case end
    }

    public let limit: Int
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// `buffer[start...]` is not returned yet; up to `scanned` it holds no line break.
    private var start = 0
    private var scanned = 0
    private var atEnd = false
    /// The 1-based number of the line that ran past the limit, once one has.
    public private(set) var tooLongLine: Int?
    private var number = 0

    public init(descriptor: Int32, limit: Int) {
        self.descriptor = descriptor
        self.limit = limit
    }

    public mutating func next() -> Line {
        guard tooLongLine == nil else { return .end }
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")), newline - start <= limit {
                return take(upTo: newline, skipping: 1)
            }
            scanned = buffer.count
            if buffer.count - start > limit {
                number += 1
                tooLongLine = number
                let prefix = Self.text(buffer[start..<start + limit])
                buffer = []
                return .tooLong(prefix: prefix)
            }
            if atEnd { return start < buffer.count ? take(upTo: buffer.count, skipping: 0) : .end }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                scanned -= start
                start = 0
            }
            readMore()
        }
    }

    private mutating func take(upTo end: Int, skipping separator: Int) -> Line {
        number += 1
        var line = buffer[start..<end]
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        start = end + separator
        scanned = start
        return .line(Self.text(line))
    }

    /// Bytes that are not UTF-8 become U+FFFD, as `Swift.readLine` does.
    private static func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    private mutating func readMore() {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                atEnd = true
                return
            }
            buffer.append(contentsOf: chunk[0..<count])
            return
        }
    }
}

/// Copies lines through unchanged, as they arrive, until the end of the input or a line that runs on
/// past `lineLimit` bytes with no line break: `grade --batch - < /dev/zero` would otherwise read forever.
public enum RunawayLine {
    /// A line of `grade --batch` input: one longer than `BatchGrading.maximumLineBytes` is reported and
    /// skipped, but one past this with no line break (`/dev/zero`, a binary file) ends the input.
    public static let batchLimit = 16 << 20

    /// Copies `source` to `destination`; returns the 1-based number of the line that ran past
    /// `lineLimit` (copied up to the limit, then reading stops), or nil at the end of the input.
    public static func copy(from source: Int32, to destination: Int32, lineLimit: Int) -> Int? {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var line = 1
        var run = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(source, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return nil }
            var end = count
            var runaway = false
            for index in 0..<count {
                if chunk[index] == UInt8(ascii: "\n") {
                    line += 1
                    run = 0
                } else {
                    run += 1
                    if run > lineLimit {
                        end = index
                        runaway = true
                        break
                    }
                }
            }
            guard writeAll(chunk[0..<end], to: destination) else { return nil }
            if runaway { return line }
        }
    }

    private static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32) -> Bool {
        var rest = bytes
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            if written <= 0 { return false }
            rest = rest.dropFirst(written)
        }
        return true
    }
}
