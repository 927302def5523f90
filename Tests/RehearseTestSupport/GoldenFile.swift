import Foundation
import Testing

/// Compares output with a golden file. Run the tests with REHEARSE_RECORD=1 to write the golden files
/// afresh from the current output, then review the diff before committing it.
public enum GoldenFile {
    public static func expect(
        _ actual: String, matches file: URL, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        if ProcessInfo.processInfo.environment["REHEARSE_RECORD"] == "1" {
            try Data(actual.utf8).write(to: file)
            return
        }
        guard let expected = FileManager.default.contents(atPath: file.path) else {
            Issue.record(
                "no golden file \(file.lastPathComponent); run the tests with REHEARSE_RECORD=1 to record it",
                sourceLocation: sourceLocation)
            return
        }
        #expect(
            actual == String(decoding: expected, as: UTF8.self),
            "differs from \(file.lastPathComponent); if the change is intended, re-record with REHEARSE_RECORD=1",
            sourceLocation: sourceLocation)
    }
}
