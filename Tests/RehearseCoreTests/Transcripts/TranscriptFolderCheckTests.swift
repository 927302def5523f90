import Foundation
import Testing

@testable import RehearseCore

@Suite("The transcript folder is checked before the first question")
struct TranscriptFolderCheckTests {
    /// A disk with no space left: every write fails as write(2) does then.
    struct FullDisk: FileStore {
        func writeAtomically(_ data: Data, to url: URL) throws { throw POSIXError(.ENOSPC) }
        func read(_ url: URL) throws -> Data { throw CocoaError(.fileReadNoSuchFile) }
        func files(in folder: URL) throws -> [URL] { [] }
        func createFolder(_ url: URL) throws {}
        func createNew(_ url: URL) throws -> Bool { true }
    }

    @Test("A full disk is a clear error naming the folder, not the system's words")
    func fullDisk() {
        let store = TranscriptStore(folder: URL(fileURLWithPath: "/prep/transcripts"), files: FullDisk())
        #expect(throws: TranscriptError.cannotWrite(path: "/prep/transcripts", detail: "the disk is full")) {
            try store.checkWritable()
        }
    }

    @Test("A writable folder passes and keeps no probe file")
    func writable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString)/t")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try TranscriptStore(folder: folder).checkWritable()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
