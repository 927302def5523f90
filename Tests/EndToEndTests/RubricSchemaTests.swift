import Foundation
import Testing

/// Runs scripts/validate-rubric-schemas.py (Python's jsonschema) so the schemas are checked in CI.
@Suite("Rubric JSON Schemas")
struct RubricSchemaTests {
    static let script = RehearseProcess.packageRoot.appendingPathComponent("scripts/validate-rubric-schemas.py").path
    static let schemas = RehearseProcess.rubrics.appendingPathComponent("schema").path

    static func validate(_ rubrics: String) throws -> RehearseProcess.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, rubrics, "--schemas", schemas]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "")
    }

    @Test("Every bundled rubric file validates against its schema and names it on its first line")
    func bundledBankValidates() throws {
        let output = try Self.validate(RehearseProcess.rubrics.path)
        #expect(output.status == 0, "\(output.stdout)")
        #expect(output.stdout.hasSuffix(", 0 problems\n"))
    }

    @Test("Skeletons from rubric new validate, and a file with a misspelt key, a bad enum or no schema line does not")
    func schemaRejectsWhatTheLoaderRejects() throws {
        let temporary = try TemporaryFolder()
        let bank = try Fixtures.copy("LintBank", into: temporary)
        for kind in ["technical", "behavioural", "multiple-choice"] {
            let created = try RehearseProcess.run(
                ["rubric", "new", "new-\(kind)", "--domain", "ops", "--kind", kind], in: temporary.url)
            #expect(created.status == 0)
        }
        try FileManager.default.removeItem(at: bank.appendingPathComponent("ops/drift.yaml"))
        try FileManager.default.removeItem(at: bank.appendingPathComponent("bank.yaml"))
        try FileManager.default.removeItem(at: bank.appendingPathComponent("concepts"))
        let valid = try Self.validate(bank.path)
        #expect(valid.status == 0, "\(valid.stdout)")

        let header = "# yaml-language-server: $schema=../schema/rubric.schema.json\n"
        let skeleton = try String(contentsOf: bank.appendingPathComponent("ops/new-technical.yaml"), encoding: .utf8)
        try temporary.write(
            "Rubrics/ops/misspelt.yaml", skeleton.replacingOccurrences(of: "sample_answer:", with: "sampel_answer:"))
        try temporary.write(
            "Rubrics/ops/bad-level.yaml", skeleton.replacingOccurrences(of: "level: partial", with: "level: medium"))
        try temporary.write("Rubrics/ops/no-header.yaml", String(skeleton.dropFirst(header.count)))
        let invalid = try Self.validate(bank.path)
        #expect(invalid.status == 1)
        #expect(
            invalid.stdout.contains(
                "Rubrics/ops/misspelt.yaml: (top level): Additional properties are not allowed ('sampel_answer' was unexpected)"
            ))
        #expect(
            invalid.stdout.contains(
                "Rubrics/ops/bad-level.yaml: examples/3/level: 'medium' is not one of ['strong', 'partial', 'weak', 'wrong', 'negated', 'buzzword', 'star-skeleton', 'off-topic']"
            ))
        #expect(invalid.stdout.contains("Rubrics/ops/no-header.yaml: the first line must be '\(header.dropLast())'"))
    }
}
