import Foundation

/// A rubric folder in a temporary directory, written by a test and removed when the test is done.
/// The fixtures (`FixtureBank`, `TemporaryBank`) differ only in what they write into it.
class TemporaryRubricFolder {
    let root: URL

    init(files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-\(UUID().uuidString)/Rubrics")
        for (path, contents) in files { try write(path, contents) }
    }

    deinit { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }

    func write(_ path: String, _ contents: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
