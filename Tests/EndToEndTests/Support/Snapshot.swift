import Foundation
import Testing

/// Golden files under Tests/EndToEndTests/Snapshots/. Run with REHEARSE_RECORD=1 to write them afresh
/// from the current output, then review the diff before committing it.
enum Snapshot {
    static let folder = RehearseProcess.packageRoot.appendingPathComponent("Tests/EndToEndTests/Snapshots")

    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["REHEARSE_RECORD"] == "1" {
            try Data(actual.utf8).write(to: file)
            return
        }
        guard let expected = FileManager.default.contents(atPath: file.path) else {
            Issue.record(
                "no golden file \(name); run the tests with REHEARSE_RECORD=1 to record it",
                sourceLocation: sourceLocation)
            return
        }
        #expect(
            actual == String(decoding: expected, as: UTF8.self),
            "differs from Snapshots/\(name); if the change is intended, re-record with REHEARSE_RECORD=1",
            sourceLocation: sourceLocation)
    }
}

/// The fixture folders beside these tests.
enum Fixtures {
    static let folder = RehearseProcess.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// A copy of a fixture bank in a temporary folder, for tests that add or edit files.
    static func copy(_ name: String, into temporary: TemporaryFolder) throws -> URL {
        let target = temporary.url.appendingPathComponent("Rubrics")
        try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: target)
        return target
    }
}
