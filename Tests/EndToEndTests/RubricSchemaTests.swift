import Foundation
import Testing

/// Runs scripts/validate-rubric-schemas.py (Python's jsonschema) so the schemas are checked in CI.
@Suite("Rubric JSON Schemas")
struct RubricSchemaTests {
    static let script = RehearseProcess.packageRoot.appendingPathComponent("scripts/validate-rubric-schemas.py").path
    static let schemas = RehearseProcess.rubrics.appendingPathComponent("schema").path

    /// `schemas: nil` validates with the bank's own schema folder, which also checks its id enums.
    static func validate(_ rubrics: String, schemas: String? = Self.schemas, _ extra: [String] = [])
        throws -> RehearseProcess.Output
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, rubrics] + (schemas.map { ["--schemas", $0] } ?? []) + extra
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
        let output = try Self.validate(RehearseProcess.rubrics.path, schemas: nil)
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

    @Test("A YAML 1.1 boolean and a mistake inside a concept are errors naming the field, in the schemas as in lint")
    func booleansAndFieldMessages() throws {
        let temporary = try TemporaryFolder()
        let bank = try Fixtures.copy("LintBank", into: temporary)
        try FileManager.default.copyItem(
            at: RehearseProcess.rubrics.appendingPathComponent("schema"), to: bank.appendingPathComponent("schema"))
        let drift = try String(contentsOf: bank.appendingPathComponent("ops/drift.yaml"), encoding: .utf8)
        let yes = drift.replacingOccurrences(of: "required: true", with: "required: yes")
            .replacingOccurrences(of: "weight: 1\n", with: "weight: heavy\n")
        try Data(("# yaml-language-server: $schema=../schema/rubric.schema.json\n" + yes).utf8)
            .write(to: bank.appendingPathComponent("ops/drift.yaml"))
        let schema = try Self.validate(bank.path, schemas: nil)
        #expect(
            schema.stdout.contains("ops/drift.yaml: concepts/0: required: 'yes' is not of type 'boolean'"),
            "\(schema.stdout)")
        #expect(schema.stdout.contains("ops/drift.yaml: concepts/1: weight: 'heavy' is not of type 'number'"))
        #expect(!schema.stdout.contains("is not valid under any of the given schemas"))
        let lint = try RehearseProcess.run(["rubric", "lint"], in: temporary.url)
        #expect(
            lint.stdout.contains(
                "'required' in concept 'drift-detection' of question 'drift' must be true or false, not 'yes'"))
    }

    @Test("The ref enums list the bank's concept and misconception ids; a stale enum is a problem until regenerated")
    func idEnums() throws {
        let rubric = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: Self.schemas).appendingPathComponent("rubric.schema.json")))
                as? [String: Any])
        let definitions = try #require(rubric["definitions"] as? [String: Any])
        let refEnum = ((definitions["reference"] as? [String: Any])?["properties"] as? [String: Any])?["ref"]
        let ids = try #require((refEnum as? [String: Any])?["enum"] as? [String])
        #expect(ids.contains("drift-detection") && ids == ids.sorted())

        let temporary = try TemporaryFolder()
        let copy = temporary.url.appendingPathComponent("Rubrics")
        try FileManager.default.copyItem(at: RehearseProcess.rubrics, to: copy)
        let concepts = copy.appendingPathComponent("concepts/data.yaml")
        let text = try String(contentsOf: concepts, encoding: .utf8)
        try Data(
            (text + "  - id: brand-new-idea\n    label: New\n    patterns: ['\\bnew idea\\b']\n    why: New.\n").utf8
        )
        .write(to: concepts)
        let stale = try Self.validate(copy.path, schemas: nil)
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("the enum of ids in reference.ref is stale; run "), "\(stale.stdout)")
        let written = try Self.validate(copy.path, schemas: nil, ["--write-ids"])
        #expect(written.stdout.contains("regenerated reference.ref"))
        #expect(try Self.validate(copy.path, schemas: nil).status == 0)
    }
}
