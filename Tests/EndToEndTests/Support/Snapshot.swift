import Foundation
import RehearseTestSupport
import Testing

/// Golden files under Tests/EndToEndTests/Snapshots/ (REHEARSE_RECORD=1 re-records them).
enum Snapshot {
    static let folder = RehearseProcess.packageRoot.appendingPathComponent("Tests/EndToEndTests/Snapshots")

    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        try GoldenFile.expect(actual, matches: folder.appendingPathComponent(name), sourceLocation: sourceLocation)
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
