import Foundation
import RehearseCore
import Testing

/// The practice loop a candidate keeps open: sessions, retrying a question, fresh draws, forgiving names.
@Suite("sessions, --question, fresh draws and forgiving names, through the binary", .serialized)
struct EverydayLoopTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    func practice(_ arguments: [String], stdin: String = ":skip\n\n") throws -> RehearseProcess.Output {
        try RehearseProcess.run(
            ["practice", "--rubrics", PracticePipedTests.bank, "--transcripts", folder.url.path] + arguments,
            stdin: stdin)
    }

    func sessions(_ arguments: [String], stdin: String = "") throws -> RehearseProcess.Output {
        try RehearseProcess.run(
            ["sessions"] + arguments + ["--transcripts", folder.url.path], stdin: stdin)
    }

    /// The question ids each saved session asked, oldest first.
    func asked() throws -> [[String]] {
        try TranscriptStore(folder: folder.url).loadAll().transcripts.sorted {
            $0.transcript.startedAt < $1.transcript.startedAt
        }.map { $0.transcript.entries.map(\.questionID) }
    }

    @Test("sessions lists when, kind, done/total and average; resume N continues; delete N asks first")
    func sessionsCommand() throws {
        let stopped = try practice(["--count", "2", "--seed", "4"], stdin: ":skip\n\n:quit\n")
        #expect(stopped.status == 0, "\(stopped.stderr)")
        let list = try sessions([])
        #expect(list.status == 0, "\(list.stderr)")
        let row = try #require(list.stdout.split(separator: "\n").first { $0.hasPrefix("1 ") })
        #expect(row.contains("mixed, scripted") && row.contains("1/2") && row.contains("quit"), "\(row)")

        // A scripted run is not what a bare --resume continues; by number it is.
        let bare = try practice(["--resume"], stdin: "")
        #expect(bare.status == 66)
        let resumed = try sessions(["resume", "1", "--rubrics", PracticePipedTests.bank], stdin: ":skip\n\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("Welcome back: 1 of 2 done, 1 to go."))
        #expect(try sessions([]).stdout.contains("2/2"))

        let kept = try sessions(["delete", "1"], stdin: "n\n")
        #expect(kept.stdout.contains("Delete session 1 (") && kept.stdout.contains("Kept."))
        let visible = {
            try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { !$0.hasPrefix(".") }
        }
        #expect(try visible().count == 2)
        let deleted = try sessions(["delete", "1", "--yes"])
        #expect(deleted.status == 0 && deleted.stdout.contains("Deleted session 1"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty, "json, md and lock file gone")
        let missing = try sessions(["delete", "3", "--yes"])
        #expect(missing.status == 64 && missing.stderr.contains("there is no session 3"))
    }

    @Test("piped runs are marked scripted and left out of progress and drill unless --include-scripted")
    func scriptedLeftOut() throws {
        let run = try practice(["--question", "drift-check"], stdin: "We use PSI on the inputs.\n.\n\n")
        #expect(run.status == 0, "\(run.stderr)")
        let saved = try #require(try TranscriptStore(folder: folder.url).loadAll().transcripts.first)
        #expect(saved.transcript.scripted == true)
        let progress = try RehearseProcess.run(["progress", folder.url.path])
        #expect(progress.status == 66)
        #expect(progress.stderr.contains("all of scripted runs"), "\(progress.stderr)")
        let included = try RehearseProcess.run(["progress", folder.url.path, "--include-scripted"])
        #expect(included.status == 0 && included.stdout.contains("monitoring"), "\(included.stderr)")
        let drill = try RehearseProcess.run([
            "drill", "--plan", "--rubrics", PracticePipedTests.bank, "--transcripts", folder.url.path,
        ])
        #expect(drill.stdout.contains("No concept has been graded yet"))
    }

    @Test("--question asks exactly those questions; an unknown id suggests the nearest")
    func chosenQuestions() throws {
        let run = try practice(
            ["--question", "release-quiz", "--question", "drift-check"], stdin: ":skip\n\n:skip\n\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try asked() == [["release-quiz", "drift-check"]])
        let typo = try practice(["--question", "drift-chek"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("Did you mean 'drift-check'?"))
    }

    @Test("the draw prefers questions not seen for longest; --ignore-history gives the seed's draw again")
    func freshDraws() throws {
        for _ in 1...4 {
            let run = try practice(["--count", "1", "--seed", "9"])
            #expect(run.status == 0, "\(run.stderr)")
            Thread.sleep(forTimeInterval: 1.1)  // transcript names carry the second they started
        }
        let firsts = try asked().map { $0.first ?? "" }
        #expect(Set(firsts).count == 4, "four runs of the same seed asked four different questions: \(firsts)")
        let again = try practice(["--count", "1", "--seed", "9", "--ignore-history"])
        #expect(again.status == 0)
        #expect(try asked().last?.first == firsts.first, "the seed alone reproduces the first draw")
    }

    @Test("--kind behavioral and --domain Monitoring are accepted; a misspelt domain suggests the nearest")
    func forgivingNames() throws {
        let kind = try practice(["--kind", "behavioral"])
        #expect(kind.status == 0, "\(kind.stderr)")
        #expect(kind.stdout.contains("1 question, behavioural"))
        let domain = try practice(["--domain", "Monitoring", "--kind", "technical"])
        #expect(domain.status == 0, "\(domain.stderr)")
        #expect(domain.stdout.contains("monitoring"))
        let typo = try practice(["--domain", "monitorng"])
        #expect(typo.status == 64 && typo.stderr.contains("Did you mean 'monitoring'?"), "\(typo.stderr)")
        let list = try RehearseProcess.run([
            "bank", "list", "--rubrics", PracticePipedTests.bank, "--domain", "deploymnt",
        ])
        #expect(list.status == 64 && list.stderr.contains("Did you mean 'deployment'?"), "\(list.stderr)")
    }
}
