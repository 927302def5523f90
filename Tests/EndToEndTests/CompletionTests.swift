import Testing

@Suite("Shell completion scripts")
struct CompletionTests {
    @Test("bash, zsh and fish completions offer the coach commands", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) throws {
        let output = try RehearseProcess.run(["--generate-completion-script", shell])
        #expect(output.status == 0)
        for command in ["lint", "explain", "new"] { #expect(output.stdout.contains(command)) }
        #expect(output.stdout.contains("multiple-choice"), "the --kind values complete")
    }
}
