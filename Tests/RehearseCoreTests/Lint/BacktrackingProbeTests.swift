import PCRE2
import Testing

@testable import RehearseCore

@Suite("Catastrophic backtracking probe")
struct BacktrackingProbeTests {
    let probe = BacktrackingProbe(matcher: Matcher())

    @Test(
        "Flags nested repetition, whatever character or word it repeats",
        arguments: [
            "(a+)+$", "(\\w+\\s?)+$", "(x+x+)+y", "\\bstart (\\w+\\s*)+!x",
        ])
    func flagsCatastrophicPatterns(source: String) throws {
        #expect(probe.firstBlowUp(of: try Pattern(source)) != nil)
    }

    @Test(
        "Leaves typical rubric patterns alone, bounded gaps included",
        arguments: [
            "\\b(detect|monitor|compar)\\w*\\b.{0,60}\\b(distribution|drift|shift)\\w*", "\\bre-?train\\w*",
            "\\b(k8s|kubernetes)\\b", "\\b(a|an|the) (data|model)\\b.{0,80}\\bversion\\w*",
        ])
    func passesTypicalPatterns(source: String) throws {
        #expect(probe.firstBlowUp(of: try Pattern(source)) == nil)
    }

    @Test("Builds runs from the pattern's literal letters and longest word, not from escapes")
    func inputsFollowThePattern() {
        let inputs = BacktrackingProbe.inputs(for: "(x\\w+)+ distribution\\b")
        #expect(inputs.contains { $0.text.hasPrefix("xxxx") })
        #expect(inputs.contains { $0.text.hasPrefix("distribution distribution ") })
        #expect(!inputs.contains { $0.text.hasPrefix("wwww") || $0.text.hasPrefix("bbbb") })
        #expect(
            inputs.allSatisfy { $0.text.hasSuffix("! xdistrbuon") && $0.text.utf8.count > BacktrackingProbe.runBytes })
    }
}
