import Foundation
import Testing

@testable import RehearseCore

/// Rubric files and folders that would hang the loader or lose questions in silence: refused, each
/// with an error naming the file and the real cause.
@Suite("Hostile rubric files and folders")
struct HostileBankTests {
    static let question = """
        id: drift
        kind: technical
        prompt: How do you notice drift?
        time_limit: 90s
        sample_answer: I compare distributions and retrain.
        concepts:
          - id: compare
            label: Compares distributions
            weight: 1
            patterns: ['\\bdistributions?\\b']
            why: Drift is a change of distribution.
        """

    /// A bank of one domain, `ops`, holding `drift.yaml`.
    static func bank() -> ScratchFolder {
        let scratch = ScratchFolder("rehearse-hostile-bank")
        try? FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("ops"), withIntermediateDirectories: true)
        try? Data("domains:\n  - id: ops\n    title: Ops\n    weight: 1\n".utf8).write(
            to: scratch.url.appendingPathComponent("bank.yaml"))
        try? Data(question.utf8).write(to: scratch.url.appendingPathComponent("ops/drift.yaml"))
        return scratch
    }

    static func errors(_ scratch: ScratchFolder) throws -> [String] {
        try BankLoader().loadReportingAll(from: scratch.url).diagnostics.filter { $0.severity == .error }
            .map { "\($0)" }
    }

    @Test("an alias bomb built on complex keys is refused at once, naming the file")
    func aliasBomb() throws {
        let scratch = Self.bank()
        var bomb = "a0: &a0 [x, x]\n"
        for level in 1...40 { bomb += "a\(level): &a\(level) {? *a\(level - 1) : *a\(level - 1)}\n" }
        try Data((Self.question + "\nextra:\n  " + bomb.replacingOccurrences(of: "\n", with: "\n  ")).utf8).write(
            to: scratch.url.appendingPathComponent("ops/bomb.yaml"))
        let errors = try Self.errors(scratch)
        #expect(errors.contains { $0.contains("ops/bomb.yaml:") && $0.contains("aliases ('*name') are not allowed") })
    }

    @Test("a complex key is refused")
    func complexKey() throws {
        let scratch = Self.bank()
        try Data("? [a, b]\n: c\n".utf8).write(to: scratch.url.appendingPathComponent("ops/key.yaml"))
        #expect(
            try Self.errors(scratch).contains { $0.contains("ops/key.yaml:1:") && $0.contains("must be plain text") })
    }

    @Test("a file over 1 MB is refused before parsing; a file of too many values too")
    func tooLarge() throws {
        let scratch = Self.bank()
        let patterns = (0..<100_000).map { "    - 'p\($0)'" }.joined(separator: "\n")
        try Data((Self.question + "\n" + patterns).utf8).write(to: scratch.url.appendingPathComponent("ops/huge.yaml"))
        let many = (0..<25_000).map { "- \($0)" }.joined(separator: "\n")
        try Data(many.utf8).write(to: scratch.url.appendingPathComponent("ops/many.yaml"))
        let errors = try Self.errors(scratch)
        #expect(errors.contains { $0.contains("ops/huge.yaml") && $0.contains("larger than the 1 MB limit") })
        #expect(errors.contains { $0.contains("ops/many.yaml") && $0.contains("more than 20000 values") })
    }

    @Test("a folder named x.yaml, a FIFO and a symlink loop are named for what they are, without hanging")
    func notFiles() throws {
        let scratch = Self.bank()
        try FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("ops/folder.yaml"), withIntermediateDirectories: false)
        #expect(mkfifo(scratch.url.appendingPathComponent("ops/pipe.yaml").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: scratch.url.appendingPathComponent("ops/loop.yaml").path, withDestinationPath: "loop.yaml")
        let errors = try Self.errors(scratch)
        #expect(errors.contains { $0.contains("ops/folder.yaml") && $0.contains("it is a folder, not a file") })
        #expect(errors.contains { $0.contains("ops/pipe.yaml") && $0.contains("a FIFO (named pipe)") })
        #expect(errors.contains { $0.contains("ops/loop.yaml") && $0.contains("(ELOOP)") })
    }

    @Test("a symlink-looped domain folder is an error, not questions dropped in silence")
    func loopedDomainFolder() throws {
        let scratch = Self.bank()
        try FileManager.default.createSymbolicLink(
            atPath: scratch.url.appendingPathComponent("more").path, withDestinationPath: "more")
        #expect(try Self.errors(scratch).contains { $0.contains("more") && $0.contains("(ELOOP)") })
    }

    @Test("the bundled bank keeps every limit")
    func bundledBank() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Rubrics").standardizedFileURL
        #expect(try BankLoader().loadReportingAll(from: root).diagnostics.filter { $0.severity == .error }.isEmpty)
    }
}
