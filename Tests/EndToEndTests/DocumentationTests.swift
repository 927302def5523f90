import Foundation
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
}
