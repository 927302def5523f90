import Foundation
import Testing

@testable import RehearseCore

@Suite("rubric new")
struct RubricScaffoldTests {
    @Test(
        "Every kind's skeleton, its TODOs replaced, loads without a diagnostic, lints clean and passes its own examples",
        arguments: QuestionKind.allCases)
    func skeletonIsGreen(kind: QuestionKind) throws {
        let bank = try TemporaryBank()
        let scaffold = RubricScaffold(id: "fresh", domain: "ops", kind: kind)
        let path = try scaffold.create(in: bank.root)
        #expect(path.hasSuffix("Rubrics/ops/fresh.yaml"))
        let placeholders = try BankLoader().loadReportingAll(from: bank.root).diagnostics
        #expect(!placeholders.isEmpty)
        #expect(placeholders.allSatisfy { $0.message.contains("still holds the placeholder TODO") })
        try bank.write("ops/fresh.yaml", scaffold.text().replacingOccurrences(of: "TODO", with: "Filled in"))
        let loaded = try BankLoader().loadReportingAll(from: bank.root)
        #expect(loaded.diagnostics.isEmpty)
        #expect(try bank.lint().diagnostics.isEmpty)
        let loadedBank = try #require(loaded.bank)
        let question = try loadedBank.question(id: "fresh")
        #expect(question.kind == kind)
        let report = RubricTestRunner(grader: Grader(bank: loadedBank)).run([question])
        #expect(report.failures.isEmpty, "\(report.failures)")
    }

    @Test("Refuses an existing file, an unknown domain, a bad id and an id used in another domain")
    func refusals() throws {
        let bank = try TemporaryBank()
        try bank.write(
            "bank.yaml",
            "domains:\n  - {id: ops, title: Operations, weight: 50}\n  - {id: dev, title: Development, weight: 50}\n")
        #expect(throws: ScaffoldError.fileExists(path: bank.root.relativePath + "/ops/drift.yaml")) {
            try RubricScaffold(id: "drift", domain: "ops", kind: .technical).create(in: bank.root)
        }
        #expect(throws: ScaffoldError.idInUse(id: "drift", file: bank.root.relativePath + "/ops/drift.yaml")) {
            try RubricScaffold(id: "drift", domain: "dev", kind: .technical).create(in: bank.root)
        }
        #expect(throws: ScaffoldError.unknownDomain(id: "ops2", known: ["ops", "dev"])) {
            try RubricScaffold(id: "other", domain: "ops2", kind: .technical).create(in: bank.root)
        }
        for id in ["Upper", "under_score", "-leading", "", "ré"] {
            #expect(throws: ScaffoldError.invalidID(id)) {
                try RubricScaffold(id: id, domain: "ops", kind: .technical).create(in: bank.root)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: bank.path("dev")))
    }
}
