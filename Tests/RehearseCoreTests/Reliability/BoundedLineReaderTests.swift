import Foundation
import Testing

@testable import RehearseCore

/// The piped console's reader: lines as `readLine` gives them, but never more than the limit held.
@Suite("Bounded lines from standard input")
struct BoundedLineReaderTests {
    /// Every line `input` gives, through a file opened as a descriptor.
    static func lines(_ input: Data, limit: Int) throws -> (lines: [BoundedLineReader.Line], tooLong: Int?) {
        let scratch = ScratchFolder()
        let url = scratch.url.appendingPathComponent("input")
        try input.write(to: url)
        let descriptor = open(url.path, O_RDONLY)
        defer { close(descriptor) }
        var reader = BoundedLineReader(descriptor: descriptor, limit: limit)
        var lines: [BoundedLineReader.Line] = []
        while true {
            let line = reader.next()
            lines.append(line)
            if line == .end { break }
        }
        return (lines, reader.tooLongLine)
    }

    @Test("lines without their line breaks, a Windows \\r dropped, a last line without a break kept")
    func plainLines() throws {
        let read = try Self.lines(Data("one\r\n\ntwo\nthree".utf8), limit: 10)
        #expect(read.lines == [.line("one"), .line(""), .line("two"), .line("three"), .end])
        #expect(read.tooLong == nil)
    }

    @Test("a line of exactly the limit is a line; one byte more is cut at the limit and ends the input")
    func tooLong() throws {
        let read = try Self.lines(Data("12345\n123456\nafter\n".utf8), limit: 5)
        #expect(read.lines == [.line("12345"), .tooLong(prefix: "12345"), .end])
        #expect(read.tooLong == 2)
    }

    @Test("a line longer than many reads, with no line break, is cut at the limit")
    func endlessLine() throws {
        let read = try Self.lines(Data(repeating: 0, count: 1 << 20), limit: 200_000)
        #expect(read.lines.count == 2)
        #expect(read.lines.first == .tooLong(prefix: String(repeating: "\u{0}", count: 200_000)))
    }

    @Test("bytes that are not UTF-8 become U+FFFD, as readLine does")
    func notUTF8() throws {
        let read = try Self.lines(Data([0x61, 0xFF, 0x62, 0x0A]), limit: 10)
        #expect(read.lines == [.line("a\u{FFFD}b"), .end])
    }

    @Test("a batch line that never ends: copied up to the limit, then the copy stops and names the line")
    func runawayLine() throws {
        let scratch = ScratchFolder()
        let source = scratch.url.appendingPathComponent("source"), copy = scratch.url.appendingPathComponent("copy")
        let input = Data("{}\n\n".utf8) + Data(repeating: UInt8(ascii: "a"), count: 300_000)
        try input.write(to: source)
        _ = FileManager.default.createFile(atPath: copy.path, contents: nil)
        let reading = open(source.path, O_RDONLY), writing = open(copy.path, O_WRONLY)
        defer {
            close(reading)
            close(writing)
        }
        #expect(RunawayLine.copy(from: reading, to: writing, lineLimit: 100_000) == 3)
        #expect(try Data(contentsOf: copy) == input.prefix(4 + 100_000))
    }

    @Test("input whose lines all end within the limit is copied whole")
    func noRunaway() throws {
        let scratch = ScratchFolder()
        let source = scratch.url.appendingPathComponent("source"), copy = scratch.url.appendingPathComponent("copy")
        let line = String(repeating: "b", count: 90_000) + "\n"
        let input = Data(String(repeating: line, count: 5).utf8)
        try input.write(to: source)
        _ = FileManager.default.createFile(atPath: copy.path, contents: nil)
        let reading = open(source.path, O_RDONLY), writing = open(copy.path, O_WRONLY)
        defer {
            close(reading)
            close(writing)
        }
        #expect(RunawayLine.copy(from: reading, to: writing, lineLimit: 100_000) == nil)
        #expect(try Data(contentsOf: copy) == input)
    }
}
