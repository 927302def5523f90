import Foundation
import Testing

@Suite("rehearse rubric new, end to end")
struct NewCommandTests {
    @Test(
        "Each kind's skeleton is written in its domain folder, fails lint and every command until its TODOs are replaced, then passes lint and rubric test",
        arguments: ["technical", "behavioural", "multiple-choice"])
    func skeletonPassesChecks(kind: String) throws {
        let temporary = try TemporaryFolder()
        _ = try Fixtures.copy("LintBank", into: temporary)
        let created = try RehearseProcess.run(
            ["rubric", "new", "fresh-question", "--domain", "ops", "--kind", kind], in: temporary.url)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.hasPrefix("Created Rubrics/ops/fresh-question.yaml\n"))
        #expect(created.stdout.contains("rehearse rubric lint Rubrics/ops/fresh-question.yaml"))
        let text = try String(
            contentsOf: temporary.url.appendingPathComponent("Rubrics/ops/fresh-question.yaml"), encoding: .utf8)
        #expect(text.hasPrefix("# yaml-language-server: $schema=../schema/rubric.schema.json\n"))
        #expect(text.contains("kind: \(kind)\n"))
        let todos = text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("TODO") }.count
        let draft = try RehearseProcess.run(["rubric", "lint", "Rubrics/ops/fresh-question.yaml"], in: temporary.url)
        #expect(draft.status == 1)
        #expect(draft.stdout.hasSuffix("\(todos) errors, 0 warnings (1 question checked)\n"), "\(draft.stdout)")
        #expect(draft.stdout.contains("still holds the placeholder TODO that 'rubric new' wrote here"))
        let served = try RehearseProcess.run(["bank", "list"], in: temporary.url)
        #expect(served.status == 65, "a skeleton must never reach a candidate")
        let filled = text.replacingOccurrences(of: "TODO", with: "Filled in")
        try Data(filled.utf8).write(to: temporary.url.appendingPathComponent("Rubrics/ops/fresh-question.yaml"))
        let lint = try RehearseProcess.run(["rubric", "lint", "Rubrics/ops/fresh-question.yaml"], in: temporary.url)
        #expect(lint.stdout == "no problems found (1 question checked)\n")
        let test = try RehearseProcess.run(["rubric", "test", "Rubrics/ops/fresh-question.yaml"], in: temporary.url)
        #expect(test.status == 0, "\(test.stdout)")
    }

    @Test("Refuses to overwrite, to use an unknown domain, a bad id or an id in use, with the exit codes")
    func refusals() throws {
        let temporary = try TemporaryFolder()
        let bank = try Fixtures.copy("LintBank", into: temporary)
        let original = try Data(contentsOf: bank.appendingPathComponent("ops/drift.yaml"))
        let overwrite = try RehearseProcess.run(
            ["rubric", "new", "drift", "--domain", "ops", "--kind", "technical"], in: temporary.url)
        #expect(overwrite.status == 73)
        #expect(overwrite.stderr.contains("'Rubrics/ops/drift.yaml' already exists; rubric new never overwrites"))
        #expect(try Data(contentsOf: bank.appendingPathComponent("ops/drift.yaml")) == original)
        let domain = try RehearseProcess.run(
            ["rubric", "new", "other", "--domain", "opps", "--kind", "technical"], in: temporary.url)
        #expect(domain.status == 64)
        #expect(domain.stderr.contains("no domain 'opps' in bank.yaml. Did you mean 'ops'? Use one of ops"))
        let badID = try RehearseProcess.run(
            ["rubric", "new", "Bad_Id", "--domain", "ops", "--kind", "technical"], in: temporary.url)
        #expect(badID.status == 64)
        let kind = try RehearseProcess.run(
            ["rubric", "new", "other", "--domain", "ops", "--kind", "essay"], in: temporary.url)
        #expect(kind.status == 64)
        #expect(!FileManager.default.fileExists(atPath: bank.appendingPathComponent("ops/other.yaml").path))
    }
}
