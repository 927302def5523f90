import Foundation
import Testing

@testable import RehearseCore

@Suite("Loading the bank")
struct BankLoaderTests {
    @Test("A valid folder loads domains, shared concepts and questions")
    func loadsFixture() throws {
        let bank = try FixtureBank().load()
        #expect(bank.domains.map(\.id) == ["monitoring", "deployment"])
        let drift = try bank.question(id: "drift")
        #expect(drift.domain == "monitoring")
        #expect(drift.rubric.concepts.map(\.id) == ["drift-detection", "retrain"])
        #expect(drift.rubric.concepts[0].concept.followUp == "How would you notice the inputs changed?")
        #expect(drift.examples.map(\.level) == [.strong, .partial, .weak])
        #expect(try bank.question(id: "pick-strategy").correctOption?.letter == "B")
    }

    /// Loads a fixture with `file` replaced and returns the only error.
    func onlyError(_ path: String, _ contents: String) throws -> Diagnostic {
        let errors = try FixtureBank(files: [path: contents]).diagnostics().errors
        #expect(errors.count == 1, "\(errors)")
        return try #require(errors.first)
    }

    @Test("Malformed YAML names the file, line and column")
    func malformedYAML() throws {
        let error = try onlyError("monitoring/drift.yaml", "id: drift\nkind: technical\nprompt: [unclosed\n")
        #expect(error.location.file.hasSuffix("Rubrics/monitoring/drift.yaml"))
        #expect(error.location.line == 4)
        #expect(error.message.hasPrefix("invalid YAML"))
    }

    @Test("An unknown key is an error with the closest allowed key")
    func unknownKey() throws {
        let yaml = FixtureBank.driftYAML.replacingOccurrences(of: "    weight: 3\n", with: "    wieght: 3\n")
        let error = try onlyError("monitoring/drift.yaml", yaml)
        #expect(error.message.contains("unknown key 'wieght'"))
        #expect(error.message.contains("did you mean 'weight'?"))
        #expect(error.location.line == 8)
    }

    @Test("A ref to no concept is an error naming the ref")
    func danglingRef() throws {
        let yaml = FixtureBank.driftYAML.replacingOccurrences(of: "ref: drift-detection", with: "ref: drift-detect")
            .replacingOccurrences(of: "missing: [drift-detection]", with: "missing: [drift-detect]")
            .replacingOccurrences(of: "missing: [drift-detection, retrain]", with: "missing: [drift-detect, retrain]")
        let error = try onlyError("monitoring/drift.yaml", yaml)
        #expect(error.message.contains("refers to concept 'drift-detect'"))
        #expect(error.message.contains("did you mean 'drift-detection'?"))
    }

    @Test("A weight that is not positive is an error")
    func nonPositiveWeight() throws {
        let yaml = FixtureBank.driftYAML.replacingOccurrences(of: "weight: 2", with: "weight: 0")
        let error = try onlyError("monitoring/drift.yaml", yaml)
        #expect(error.message.contains("has weight 0; a weight must be positive"))
    }

    @Test("A duplicate question id is an error pointing at the first use")
    func duplicateQuestion() throws {
        let error = try onlyError(
            "deployment/drift.yaml",
            FixtureBank.driftYAML.replacingOccurrences(of: "\nkind:", with: "\ndomain: deployment\nkind:"))
        #expect(error.message.contains("question id 'drift' is already used at"))
    }

    @Test("A duplicate shared concept is an error")
    func duplicateConcept() throws {
        let error = try onlyError(
            "concepts/more.yaml", "concepts:\n  - id: rollback\n    label: Again\n    patterns: ['x']\n    why: y\n")
        #expect(error.message.contains("concept 'rollback' is already defined at"))
    }

    @Test("An open question without concepts is an error")
    func noConcepts() throws {
        let error = try onlyError(
            "monitoring/bare.yaml", "id: bare\nkind: technical\nprompt: Why?\nsample_answer: Because.\n")
        #expect(error.message.contains("has no concepts"))
    }

    @Test("An invalid pattern points at the column where PCRE2 stopped")
    func invalidPattern() throws {
        let yaml = FixtureBank.driftYAML.replacingOccurrences(
            of: #"patterns: ['\bre-?train\w*']"#, with: #"patterns: ['\bre-?train(\w*']"#)
        let error = try onlyError("monitoring/drift.yaml", yaml)
        #expect(error.message.contains(#"invalid pattern '\bre-?train(\w*'"#))
        #expect(error.message.contains("at offset 15"))
        #expect(error.message.contains("missing closing parenthesis"))
        #expect(error.location.line == 13)
        #expect(error.location.column == 16 + 1 + 15)
    }

    @Test("A pattern that matches the empty string is an error")
    func emptyMatchingPattern() throws {
        let yaml = FixtureBank.driftYAML.replacingOccurrences(
            of: #"patterns: ['\bre-?train\w*']"#, with: #"patterns: ['(retrain)?']"#)
        let error = try onlyError("monitoring/drift.yaml", yaml)
        #expect(error.message.contains("matches the empty string"))
    }

    @Test("A multiple-choice question needs exactly one correct option")
    func twoCorrectOptions() throws {
        let yaml = FixtureBank.choiceYAML.replacingOccurrences(
            of: "Recreate, correct: false", with: "Recreate, correct: true")
        let error = try onlyError("deployment/pick-strategy.yaml", yaml)
        #expect(error.message.contains("has 2 correct options"))
    }

    @Test("A question in a folder that is not a domain is an error")
    func unknownDomainFolder() throws {
        let error = try onlyError(
            "security/drift2.yaml", FixtureBank.driftYAML.replacingOccurrences(of: "id: drift", with: "id: drift2"))
        #expect(error.message.contains("folder 'security' is not a domain"))
    }

    @Test("Every error is reported in one load, in file order")
    func allErrorsAtOnce() throws {
        let fixture = try FixtureBank(files: [
            "monitoring/bare.yaml": "id: bare\nkind: technical\nprompt: Why?\nsample_answer: Because.\n",
            "deployment/pick-strategy.yaml": FixtureBank.choiceYAML.replacingOccurrences(of: "kind:", with: "kynd:"),
        ])
        let errors = try fixture.diagnostics().errors
        #expect(errors.count == 3, "\(errors)")
        #expect(errors.map(\.location) == errors.map(\.location).sorted())
        #expect(throws: BankError.self) { try fixture.load() }
    }

    @Test("A missing rubric folder says how to point at one")
    func missingFolder() {
        #expect(throws: BankError.missingFolder(path: "/nonexistent/Rubrics")) {
            try BankLoader().load(from: URL(fileURLWithPath: "/nonexistent/Rubrics"))
        }
    }

    @Test("Time limits read as seconds, minutes or both")
    func timeLimits() {
        #expect(Duration.seconds(parsing: "90s") == 90)
        #expect(Duration.seconds(parsing: "3m") == 180)
        #expect(Duration.seconds(parsing: "2m30s") == 150)
        #expect(Duration.seconds(parsing: "120") == 120)
        #expect(Duration.seconds(parsing: "soon") == nil)
    }
}
