import Foundation
import RehearseTestSupport
import Testing

/// Golden files under Tests/RehearseCoreTests/Snapshots/ (REHEARSE_RECORD=1 re-records them).
enum CoreSnapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        try GoldenFile.expect(actual, matches: folder.appendingPathComponent(name), sourceLocation: sourceLocation)
    }
}
