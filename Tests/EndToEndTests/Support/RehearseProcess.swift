import Foundation

/// Runs the built `rehearse` binary the way a user or a script does, with scripted standard input.
/// `scripts/test.sh` runs `swift build` first, so the binary is at .build/debug/rehearse.
struct RehearseProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let binary = packageRoot.appendingPathComponent(".build/debug/rehearse")
    static let rubrics = packageRoot.appendingPathComponent("Rubrics")
    /// The user data folder every run gets unless a test sets XDG_DATA_HOME or HOME itself: a run outside
    /// a project folder saves there, never in the real home.
    static let dataHome = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-tests-data")

    /// Runs `rehearse arguments…` in `directory` (default: the package root) with `stdin` as input.
    @discardableResult
    static func run(
        _ arguments: [String], stdin: Data = Data(), environment: [String: String] = [:],
        in directory: URL = packageRoot, executable: URL = binary
    ) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "REHEARSE_RUBRICS")
        env.removeValue(forKey: "REHEARSE_TRANSCRIPTS")
        if environment["HOME"] == nil {
            env["XDG_DATA_HOME"] = dataHome.path
        } else {
            env.removeValue(forKey: "XDG_DATA_HOME")
        }
        // The patterns found safe are remembered here, not in the user's ~/.cache.
        env["XDG_CACHE_HOME"] =
            FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-test-cache").path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        // rehearse stops reading at an input's limit; writing the rest must fail (EPIPE), not kill the tests.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        // Write and read concurrently so a large input or output cannot fill a pipe and stall both sides.
        let writer = Thread {
            try? input.fileHandleForWriting.write(contentsOf: stdin)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let stdoutData = output.fileHandleForReading.readDataToEndOfFile()
        let stderrData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    static func run(
        _ arguments: [String], stdin: String, environment: [String: String] = [:], in directory: URL = packageRoot,
        executable: URL = binary
    ) throws -> Output {
        try run(arguments, stdin: Data(stdin.utf8), environment: environment, in: directory, executable: executable)
    }
}

/// A fresh temporary folder, removed when the test's scope ends.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ relativePath: String, _ contents: String) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: file)
        return file
    }

    /// Copies the bundled Rubrics/ here, for tests that edit a rubric.
    func copyBundledRubrics() throws -> URL {
        let target = url.appendingPathComponent("Rubrics")
        try FileManager.default.copyItem(at: RehearseProcess.rubrics, to: target)
        return target
    }
}
