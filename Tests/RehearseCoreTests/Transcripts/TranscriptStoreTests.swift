import Foundation
import Testing

@testable import RehearseCore

@Suite("Reading transcripts: damaged, newer and missing files")
struct TranscriptStoreTests {
    let folder: URL
    let store: TranscriptStore
    let saved: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-store-\(UUID().uuidString)")
        store = TranscriptStore(folder: folder)
        let factory = TranscriptFactory(bank: try FixtureBank().load())
        saved = try store.save(
            try factory.transcript(
                startedAt: TranscriptFactory.day(0),
                [.init("drift", "We compare the live feature distributions with training.")]))
    }

    func write(_ name: String, _ text: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("A saved transcript loads back unchanged, grade and all")
    func roundTrip() throws {
        let loaded = try store.load(saved)
        #expect(loaded.entries.first?.grade.concepts.first?.evidence?.quote == "compare the live feature distributions")
        #expect(try store.save(loaded, to: saved) == saved)
        #expect(try store.load(saved) == loaded)
    }

    @Test("A truncated file is damaged, and the error names it")
    func truncated() throws {
        let text = try String(contentsOf: saved, encoding: .utf8)
        let url = try write("truncated.json", String(text.prefix(text.count / 2)))
        #expect(throws: TranscriptError.damaged(path: url.path, detail: "not JSON")) { try store.load(url) }
    }

    @Test("A value of the wrong type names the field")
    func wrongType() throws {
        let text = try String(contentsOf: saved, encoding: .utf8).replacingOccurrences(
            of: "\"seed\" : 7", with: "\"seed\" : \"seven\"")
        let url = try write("wrong-type.json", text)
        #expect(
            throws: TranscriptError.damaged(path: url.path, detail: "bad value at 'plan.seed': must be a whole number")
        ) {
            try store.load(url)
        }
    }

    @Test("A newer format version asks for a newer rehearse")
    func newerVersion() throws {
        let current = Transcript.currentFormatVersion
        let text = try String(contentsOf: saved, encoding: .utf8).replacingOccurrences(
            of: "\"formatVersion\" : \(current)", with: "\"formatVersion\" : \(current + 1)")
        let url = try write("newer.json", text)
        #expect(throws: TranscriptError.unsupportedVersion(path: url.path, found: current + 1, supported: current)) {
            try store.load(url)
        }
        #expect(
            TranscriptError.unsupportedVersion(path: url.path, found: current + 1, supported: current)
                .localizedDescription.contains("upgrade rehearse"))
    }

    @Test("A file written before regrade existed (no gradedByEngine) still loads")
    func olderFile() throws {
        let loaded = try store.load(saved)
        #expect(loaded.entries[0].gradedByEngine == nil)
        #expect(!(try String(contentsOf: saved, encoding: .utf8)).contains("gradedByEngine"))
    }

    @Test("A missing file is unreadable, naming it")
    func missing() throws {
        let url = folder.appendingPathComponent("nope.json")
        #expect(throws: TranscriptError.unreadable(path: url.path)) { try store.load(url) }
    }

    @Test("In a folder, a non-transcript .json is reported and the transcripts still load")
    func folderWithOtherJSON() throws {
        let other = try write("package.json", #"{"name": "not a transcript"}"#)
        let result = try store.loadAll()
        #expect(result.transcripts.map(\.url) == [saved])
        #expect(result.problems == [.damaged(path: other.path, detail: "no formatVersion")])
    }

    @Test("Named on the command line, a damaged file is an error, not a warning")
    func namedDamagedFile() throws {
        let url = try write("broken.json", "{")
        #expect(throws: TranscriptError.damaged(path: url.path, detail: "not JSON")) { try TranscriptSet.load([url]) }
        #expect(try TranscriptSet.load([folder]).problems.count == 1)
    }
}
