import Foundation
import Testing

/// Golden files under Tests/RehearseCoreTests/Snapshots/; REHEARSE_RECORD=1 re-records them.
enum CoreSnapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

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
            "differs from Snapshots/\(name); re-record with REHEARSE_RECORD=1 if intended",
            sourceLocation: sourceLocation)
    }
}
