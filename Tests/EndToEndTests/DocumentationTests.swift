import Foundation
import RehearseCore
import Testing

@Suite("Completions and the man page")
struct DocumentationTests {
    @Test("bash, zsh and fish completions offer the coach commands", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) throws {
        let output = try RehearseProcess.run(["--generate-completion-script", shell])
        #expect(output.status == 0)
        for command in ["lint", "explain", "new"] { #expect(output.stdout.contains(command)) }
        #expect(output.stdout.contains("multiple-choice"), "the --kind values complete")
    }

    @Test("No help line starts with ' or ., which roff would swallow from the man page")
    func helpIsSafeForRoff() throws {
        let output = try RehearseProcess.run(["--experimental-dump-help"])
        #expect(output.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        var texts: [String] = []
        func collect(_ command: [String: Any]) {
            texts += [command["abstract"], command["discussion"]].compactMap { $0 as? String }
            texts += (command["arguments"] as? [[String: Any]] ?? []).compactMap { $0["abstract"] as? String }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { collect(sub) }
        }
        collect(try #require(json["command"] as? [String: Any]))
        #expect(texts.count > 10)
        let unsafe = texts.flatMap { $0.split(separator: "\n") }.filter { $0.hasPrefix("'") || $0.hasPrefix(".") }
        #expect(unsafe.isEmpty, "reflow these lines: \(unsafe)")
    }

    @Test("The committed man page documents the coach commands")
    func manPage() throws {
        let page = try String(
            contentsOf: RehearseProcess.packageRoot.appendingPathComponent("man/rehearse.1"), encoding: .utf8)
        for text in ["rubric lint", "rubric explain", "rubric new", "--kind"] {
            #expect(page.contains(text), "\(text)")
        }
    }

    /// Every command's help, by command name ("practice", "grade", "rubric explain"), from the JSON dump.
    static func helpTexts() throws -> [String: String] {
        let output = try RehearseProcess.run(["--experimental-dump-help"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        var texts: [String: String] = [:]
        func collect(_ command: [String: Any], path: [String]) {
            let name = path.joined(separator: " ")
            let arguments = (command["arguments"] as? [[String: Any]] ?? []).compactMap { $0["abstract"] as? String }
            texts[name] = ([command["abstract"], command["discussion"]].compactMap { $0 as? String } + arguments)
                .joined(separator: "\n")
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                collect(sub, path: path + [sub["commandName"] as? String ?? ""])
            }
        }
        collect(try #require(json["command"] as? [String: Any]), path: [])
        return texts
    }

    @Test("README's limits table gives each input's limit as the code sets it")
    func limitsTable() throws {
        let readme = try String(
            contentsOf: RehearseProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "### Limits").dropFirst().first)
        let rows = section.components(separatedBy: "\n").filter { $0.hasPrefix("| ") }
        let limits: [(row: String, bytes: Int)] = [
            ("| an answer (", AnswerText.maximumBytes),
            ("| an answer or follow-up answer inside a transcript", AnswerText.maximumBytes),
            ("| a transcript file", BoundedFile.transcriptLimit),
            ("| a file of marked responses", BoundedFile.markedResponsesLimit),
            ("| a rubric, concept or `bank.yaml` file", BoundedFile.rubricFileLimit),
            ("| a line of piped answers", AnswerText.readLimit),
            ("| a line of `grade --batch` input", BatchGrading.maximumLineBytes),
            ("| a line of `grade --batch` input", RunawayLine.batchLimit),
        ]
        for (start, bytes) in limits {
            let row = rows.first { $0.hasPrefix(start) }
            #expect(row?.contains(" \(BoundedFile.describe(bytes))") == true, "\(start): \(row ?? "no such row")")
        }
    }

    @Test("The help of the commands that read piped lines gives the line limits")
    func lineLimitsInHelp() throws {
        let help = try Self.helpTexts()
        let line = BoundedFile.describe(AnswerText.readLimit)
        for command in ["practice", "drill"] {
            #expect(help[command]?.contains("\(line)") == true, "\(command): \(help[command] ?? "no help")")
        }
        let grade = try #require(help["grade"])
        #expect(grade.contains(BoundedFile.describe(BatchGrading.maximumLineBytes)), "\(grade)")
        #expect(grade.contains(BoundedFile.describe(RunawayLine.batchLimit)), "\(grade)")
    }
}
