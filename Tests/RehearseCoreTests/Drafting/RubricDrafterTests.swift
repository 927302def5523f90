import Foundation
import Testing

@testable import RehearseCore

@Suite("Drafting a rubric from a sample answer")
struct RubricDrafterTests {
    let drafter = RubricDrafter(synonyms: SynonymTable(["deploy": ["deploy", "release", "ship"]]))

    func draft(_ sample: String, prompt: String = "How do you run models in production?") -> RubricDraft {
        drafter.draft(id: "draft", domain: "ops", prompt: prompt, sampleAnswer: sample)
    }

    @Test("The question's own words are left out: candidates echo them")
    func leavesOutQuestionWords() {
        let patterns = draft("Models in production need containerised serving and monitoring.").concepts.map(\.pattern)
        #expect(!patterns.contains { $0.contains("model") || $0.contains("production") })
        #expect(patterns.contains(#"\bmonitor\w*"#))
    }

    @Test("British and American spellings share one concept whose pattern matches both")
    func britishFolded() throws {
        let concepts = draft("We containerised it; the containerized image is pinned.").concepts
        let container = concepts.filter { $0.pattern.contains("container") }
        #expect(container.count == 1)
        #expect(container.first?.id == "containerized")
    }

    @Test("A word of a synonym group becomes one {{group}} concept")
    func synonymGroup() {
        let concepts = draft("We release weekly and ship hotfixes daily.").concepts
        #expect(concepts.filter { $0.pattern == #"\b{{deploy}}\w*"# }.count == 1)
    }

    @Test("Jargon that is not everyday English weighs more than common words")
    func weights() throws {
        try #require(!WordList.system.isEmpty, "needs /usr/share/dict/words (scripts/setup.sh installs wamerican)")
        let concepts = draft("We track experiments in mlflow.").concepts
        #expect(concepts.first { $0.term == "mlflow" }?.weight == 2)
        #expect(concepts.first { $0.term == "track" }?.weight == 1)
    }

    @Test("The printed draft loads as a question that scores its own sample answer in full, on the sqrt curve")
    func roundTrip() throws {
        let sample = "We retrain weekly on fresh data, and we ship only when the canary's metrics hold."
        let yaml = draft(sample).yaml()
        #expect(yaml.contains("scoring: sqrt"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rehearse-draft-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("ops"), withIntermediateDirectories: true)
        try Data("domains:\n  - {id: ops, title: Ops, weight: 100}\n".utf8).write(
            to: folder.appendingPathComponent("bank.yaml"))
        try Data("synonyms:\n  deploy: [deploy, release, ship]\n".utf8).write(
            to: folder.appendingPathComponent("synonyms.yaml"))
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("ops/draft.yaml"))
        let bank = try BankLoader().load(from: folder)
        let question = try bank.question(id: "draft")
        #expect(question.rubric.curve == .sqrt)
        let grader = Grader(bank: bank)
        #expect(try grader.grade(sample, for: question).score == 100)
        let half = try grader.grade("We retrain weekly.", for: question).score
        #expect(half > 100 * 2 / question.rubric.concepts.count)
    }
}
