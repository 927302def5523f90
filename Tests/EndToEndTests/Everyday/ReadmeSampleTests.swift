import Foundation
import Testing

/// The sample session in README.md's candidate section is what the real binary prints: this test runs
/// it and compares. REHEARSE_RECORD=1 writes the block afresh (review the diff before committing).
@Suite("README sample session")
struct ReadmeSampleTests {
    static let start = "<!-- sample-session: produced by the real binary, kept current by ReadmeSampleTests -->\n"
    static let end = "<!-- end of sample-session -->"
    static let answer = """
        I'd compare the live feature distributions with the training data, using PSI per feature.
        If it shifts past a threshold, I retrain on recent labelled data.
        .

        """

    /// The session, with what differs from run to run (the folder, the second it started, the seconds
    /// taken) written as a candidate would see it on a typical day.
    static func session() throws -> String {
        let folder = try TemporaryFolder()
        let run = try RehearseProcess.run(
            [
                "practice", "--rubrics", RehearseProcess.rubrics.path, "--transcripts", folder.url.path,
                "--question", "handle-data-drift", "--seed", "11",
            ], stdin: answer)
        #expect(run.status == 0, "\(run.stderr)")
        var text = run.stdout.replacingOccurrences(of: folder.url.path, with: "~/.local/share/rehearse/transcripts")
        text = text.replacingOccurrences(
            of: #"\d{4}-\d{2}-\d{2}-\d{6}-"#, with: "2026-11-23-194322-", options: .regularExpression)
        text = text.replacingOccurrences(of: #"Time: \d+s of"#, with: "Time: 41s of", options: .regularExpression)
        text = text.replacingOccurrences(of: #"solid, \d+s"#, with: "solid, 41s", options: .regularExpression)
        return "```\n$ rehearse practice --question handle-data-drift < answer.txt\n" + text + "```\n"
    }

    @Test("the README's sample session is the real binary's output")
    func sampleIsCurrent() throws {
        let readmeURL = RehearseProcess.packageRoot.appendingPathComponent("README.md")
        let readme = try String(contentsOf: readmeURL, encoding: .utf8)
        let from = try #require(readme.range(of: Self.start), "README.md has no sample-session marker")
        let to = try #require(readme.range(of: Self.end, range: from.upperBound..<readme.endIndex))
        let actual = try Self.session()
        if ProcessInfo.processInfo.environment["REHEARSE_RECORD"] == "1" {
            try Data(readme.replacingCharacters(in: from.upperBound..<to.lowerBound, with: actual).utf8).write(
                to: readmeURL)
            return
        }
        #expect(
            String(readme[from.upperBound..<to.lowerBound]) == actual,
            "README.md's sample session differs from the binary's output; re-record with REHEARSE_RECORD=1")
    }
}
