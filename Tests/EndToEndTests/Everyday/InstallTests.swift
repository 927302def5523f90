import Foundation
import Testing

/// scripts/install.sh on a fresh machine: a temporary HOME, the install under it, then `rehearse
/// practice` from the home folder on the installed bank, saved under the XDG data folder.
@Suite("install.sh and where the bank and the transcripts are", .serialized)
struct InstallTests {
    let home: TemporaryFolder
    let prefix: URL

    init() throws {
        home = try TemporaryFolder()
        prefix = home.url.appendingPathComponent(".local")
    }

    var installed: URL { prefix.appendingPathComponent("bin/rehearse") }

    /// install.sh with the debug binary the tests already built (a release build is slow).
    @discardableResult
    func script(_ arguments: [String]) throws -> RehearseProcess.Output {
        try RehearseProcess.run(
            arguments, environment: ["HOME": home.url.path], in: home.url,
            executable: RehearseProcess.packageRoot.appendingPathComponent("scripts/install.sh"))
    }

    func install() throws {
        let run = try script(["--prefix", prefix.path, "--binary", RehearseProcess.binary.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
    }

    @Test("install, then practice from the home folder: the installed bank, saved under ~/.local/share")
    func installThenPractise() throws {
        try install()
        for file in [
            "bin/rehearse", "share/rehearse/Rubrics/bank.yaml", "share/man/man1/rehearse.1",
            "share/bash-completion/completions/rehearse", "share/zsh/site-functions/_rehearse",
            "share/fish/vendor_completions.d/rehearse.fish",
        ] {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file)")
        }
        let completion = try String(
            contentsOf: prefix.appendingPathComponent("share/bash-completion/completions/rehearse"), encoding: .utf8)
        #expect(completion.contains("sessions") && completion.contains("practice"))

        let practice = try RehearseProcess.run(
            ["practice", "--count", "1"], stdin: ":skip\n\n", environment: ["HOME": home.url.path], in: home.url,
            executable: installed)
        #expect(practice.status == 0, "stderr: \(practice.stderr)")
        #expect(practice.stdout.contains("Question 1 of 1"))
        let saved = try FileManager.default.contentsOfDirectory(
            atPath: home.url.appendingPathComponent(".local/share/rehearse/transcripts").path)
        #expect(saved.contains { $0.hasSuffix(".json") } && saved.contains { $0.hasSuffix(".md") }, "\(saved)")

        let path = try RehearseProcess.run(
            ["bank", "path"], environment: ["HOME": home.url.path], in: home.url, executable: installed)
        #expect(path.stdout.contains(prefix.appendingPathComponent("share/rehearse/Rubrics").path))
        #expect(path.stdout.contains("the bank installed with rehearse"))

        let removed = try script(["--uninstall", "--prefix", prefix.path])
        #expect(removed.status == 0, "stderr: \(removed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: installed.path))
        #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/rehearse/Rubrics").path))
        // With the default prefix, ~/.local/share/rehearse holds both the bank and the transcripts.
        let kept = try FileManager.default.contentsOfDirectory(
            atPath: home.url.appendingPathComponent(".local/share/rehearse/transcripts").path)
        #expect(kept == saved, "the transcripts stay")
    }

    @Test("the bank: --rubrics, then REHEARSE_RUBRICS, then ./Rubrics with a bank.yaml, then the installed one")
    func bankOrder() throws {
        try install()
        let work = home.url.appendingPathComponent("work")
        try FileManager.default.createDirectory(
            at: work.appendingPathComponent("Rubrics"), withIntermediateDirectories: true)
        let ask = { (arguments: [String], environment: [String: String]) in
            try RehearseProcess.run(
                ["bank", "path"] + arguments, environment: environment.merging(["HOME": home.url.path]) { a, _ in a },
                in: work, executable: installed
            ).stdout
        }
        #expect(try ask([], [:]).contains("the bank installed with rehearse"), "./Rubrics without bank.yaml is skipped")
        try Data("domains: []\n".utf8).write(to: work.appendingPathComponent("Rubrics/bank.yaml"))
        #expect(try ask([], [:]).contains("the working folder holds Rubrics/bank.yaml"))
        #expect(try ask([], ["REHEARSE_RUBRICS": "/elsewhere"]).contains("set by $REHEARSE_RUBRICS"))
        #expect(try ask(["--rubrics", "/mine"], ["REHEARSE_RUBRICS": "/elsewhere"]).contains("given with --rubrics"))
    }

    @Test("transcripts: $XDG_DATA_HOME outside a project folder, ./Transcripts inside one, the option first")
    func transcriptOrder() throws {
        let ask = { (environment: [String: String], folder: URL) in
            try RehearseProcess.run(
                ["bank", "path"], environment: environment.merging(["HOME": home.url.path]) { a, _ in a }, in: folder
            ).stdout
        }
        let xdg = home.url.appendingPathComponent("xdg").path
        #expect(try ask(["XDG_DATA_HOME": xdg], home.url).contains("transcripts: \(xdg)/rehearse/transcripts"))
        #expect(try ask([:], home.url).contains(home.url.path + "/.local/share/rehearse/transcripts"))
        #expect(
            try ask([:], RehearseProcess.packageRoot).contains(
                "transcripts: \(RehearseProcess.packageRoot.path)/Transcripts"))
        #expect(try ask(["REHEARSE_TRANSCRIPTS": "/t"], home.url).contains("transcripts: /t\n"))
    }

    @Test("a transcript folder that cannot be written is an error before the first question")
    func unwritableFolder() throws {
        try home.write("blocker", "a file where the folder should be")
        let run = try RehearseProcess.run(
            ["practice", "--rubrics", RehearseProcess.rubrics.path, "--transcripts", home.url.path + "/blocker/t"],
            stdin: "An answer that must not be lost.\n.\n", in: home.url)
        #expect(run.status == 73)
        #expect(run.stderr.contains("cannot save the transcript to"))
        #expect(!run.stdout.contains("Question 1"), "no question is asked")
    }

    @Test("a missing transcript folder is created")
    func missingFolderCreated() throws {
        let folder = home.url.appendingPathComponent("new/deeper/transcripts")
        let run = try RehearseProcess.run(
            ["practice", "--rubrics", RehearseProcess.rubrics.path, "--transcripts", folder.path, "--count", "1"],
            stdin: ":skip\n\n", in: home.url)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        // The transcript and its report; the hidden lock file beside them is the store's own.
        let visible = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        #expect(visible.count == 2)
    }
}
