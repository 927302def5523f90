import Foundation
import PCRE2
import Testing

@testable import RehearseCore

@Suite("Drafting a rubric from a sample answer")
struct RubricDrafterTests {
    let drafter = RubricDrafter(
        synonyms: SynonymTable(["deploy": ["deploy", "release", "ship"], "rollback": ["rollback", "roll back"]]))

    func draft(_ sample: String, prompt: String = "How do you run models in production?") -> RubricDraft {
        drafter.draft(id: "draft", domain: "ops", prompt: prompt, sampleAnswer: sample)
    }

    @Test("The question's own words are left out: candidates echo them")
    func leavesOutQuestionWords() {
        let patterns = draft("Models in production need containerised serving and monitoring.").concepts.compactMap(
            \.pattern)
        #expect(!patterns.contains { $0.contains("model") || $0.contains("production") })
        #expect(patterns.contains { $0.hasPrefix(#"\bmonitor"#) })
    }

    @Test("British and American spellings share one concept whose pattern matches both")
    func britishFolded() throws {
        let concepts = draft("We containerised it; the containerized image is pinned.").concepts
        let container = concepts.filter { $0.pattern?.contains("container") == true }
        #expect(container.count == 1)
        #expect(container.first?.id == "containerized")
    }

    @Test("A word of a synonym group becomes one {{group}} concept")
    func synonymGroup() {
        let concepts = draft("We release weekly and ship hotfixes daily.").concepts
        #expect(concepts.filter { $0.pattern == #"\b{{deploy}}\w*"# }.count == 1)
    }

    @Test("A synonym phrase stays whole: 'roll back' is one {{rollback}} concept, not 'roll' and 'back'")
    func phraseWhole() {
        let concepts = draft("If the canary fails we roll back at once.").concepts
        #expect(concepts.contains { $0.pattern == #"\b{{rollback}}\w*"# })
        #expect(!concepts.contains { $0.text == "roll" || $0.text == "back" })
    }

    @Test("A word's pattern matches its own forms and never fires inside another word")
    func wholeWords() throws {
        let concepts = draft("Pressure is measured in psi, and we monitor it.").concepts
        let psi = try #require(concepts.first { $0.text == "psi" }?.pattern)
        let pattern = try PCRE2.Pattern(psi)
        let matcher = PCRE2.Matcher()
        #expect(try matcher.firstMatch(of: pattern, in: "it reads 40 psi") != nil)
        #expect(try matcher.firstMatch(of: pattern, in: "psionic powers") == nil)
        let monitor = try PCRE2.Pattern(try #require(concepts.first { $0.text == "monitor" }?.pattern))
        #expect(try matcher.firstMatch(of: monitor, in: "we are monitoring it") != nil)
    }

    @Test("Filler words are never drafted, and at most a dozen concepts are")
    func fillerAndCap() {
        let sample = """
            Having a registry per team, like a catalogue, means lineage, provenance, approvals, audits, \
            signatures, checksums, quotas, budgets, dashboards, alerts, runbooks, rotations and escalations.
            """
        let concepts = draft(sample).concepts
        #expect(!concepts.contains { ["having", "per", "like"].contains($0.text ?? "") })
        #expect(concepts.count <= 12)
    }

    @Test("The question's main idea is kept though the prompt uses its word")
    func mainIdea() {
        let concepts = draft(
            "Drift is a change in the inputs. I detect drift by comparing windows.", prompt: "How do you handle drift?"
        ).concepts
        #expect(concepts.contains { $0.text == "drift" })
    }

    @Test("Jargon that is not everyday English weighs more than common words")
    func weights() throws {
        try #require(!WordList.system.isEmpty, "needs /usr/share/dict/words (scripts/setup.sh installs wamerican)")
        let concepts = draft("We track experiments in mlflow.").concepts
        #expect(concepts.first { $0.text == "mlflow" }?.weight == 2)
        #expect(concepts.first { $0.text == "track" }?.weight == 1)
    }

    func shortAnswerPattern(_ sample: String, text: String, prompt: String = "Why pass by reference?") throws
        -> PCRE2.Pattern
    {
        let concepts = RubricDrafter(synonyms: SynonymTable(), options: .shortAnswer).draft(
            id: "draft", domain: "dev", prompt: prompt, sampleAnswer: sample
        ).concepts
        return try PCRE2.Pattern(try #require(concepts.first { $0.text == text }?.pattern))
    }

    @Test("A short-answer term matched with any ending reads a final i of its stem as y: 'copies' matches 'copy'")
    func openPatternYForms() throws {
        let copies = try shortAnswerPattern("It avoids making copies of large data structures.", text: "copies")
        let matcher = PCRE2.Matcher()
        #expect(try matcher.firstMatch(of: copies, in: "you do not have to copy the data") != nil)
        #expect(try matcher.firstMatch(of: copies, in: "nothing is copied") != nil)
    }

    @Test("A short-answer draft keeps 'once' and a one-letter name, which it matches as a whole word")
    func shortAnswerKeepsEveryWord() throws {
        let matcher = PCRE2.Matcher()
        let once = try shortAnswerPattern(
            "The block of a do-while loop will execute at least once.", text: "once",
            prompt: "How does a do-while loop differ from a while loop?")
        #expect(try matcher.firstMatch(of: once, in: "it runs once at least") != nil)
        let n = try shortAnswerPattern(
            "N operations, for a sorted array.", text: "n", prompt: "Best case of insertion sort?")
        #expect(try matcher.firstMatch(of: n, in: "it takes n steps") != nil)
        #expect(try matcher.firstMatch(of: n, in: "no steps at all") == nil)
    }

    @Test("A small number matches in digits and in words, whichever the sample used, and never inside a word")
    func numbersEitherWay() throws {
        let matcher = PCRE2.Matcher()
        let digit = try shortAnswerPattern(
            "When the size of the array is 1.", text: "1", prompt: "What is the base case of merge sort?")
        #expect(try matcher.firstMatch(of: digit, in: "an array of one element") != nil)
        #expect(try matcher.firstMatch(of: digit, in: "size 1") != nil)
        #expect(try matcher.firstMatch(of: digit, in: "someone splits it into 10 parts") == nil)
        let word = try shortAnswerPattern(
            "Only one thread holds the lock.", text: "one", prompt: "What does a mutex guarantee?")
        #expect(try matcher.firstMatch(of: word, in: "at most 1 thread") != nil)
        #expect(try matcher.firstMatch(of: word, in: "at most 12 threads") == nil)
        let ten = try shortAnswerPattern("It keeps ten copies.", text: "ten", prompt: "How many?")
        #expect(try matcher.firstMatch(of: ten, in: "it tends to keep 10") != nil)
        #expect(try matcher.firstMatch(of: ten, in: "it tends to keep a tensor") == nil)
        let four = try shortAnswerPattern("Four replicas.", text: "four", prompt: "How many?")
        #expect(try matcher.firstMatch(of: four, in: "fourteen replicas") == nil)
    }

    @Test("A number written both ways in the sample is one concept")
    func numberOnce() {
        let concepts = RubricDrafter(synonyms: SynonymTable(), options: .shortAnswer).draft(
            id: "draft", domain: "dev", prompt: "What is the base case?",
            sampleAnswer: "An array of size 1: one element is sorted."
        ).concepts
        #expect(concepts.filter { ["1", "one"].contains($0.text) }.count == 1, "\(concepts.map(\.text))")
    }

    @Test("A number is no jargon: it weighs what a common word does")
    func numbersWeighOne() throws {
        try #require(!WordList.system.isEmpty, "needs /usr/share/dict/words (scripts/setup.sh installs wamerican)")
        let concepts = RubricDrafter(synonyms: SynonymTable(), options: .shortAnswer).draft(
            id: "draft", domain: "dev", prompt: "Which stages does testing influence?",
            sampleAnswer: "Testing feeds back into coding, phase 5 of the cycle, in mlflow on k8s."
        ).concepts
        #expect(concepts.first { $0.text == "mlflow" }?.weight == 2)
        #expect(concepts.first { $0.text == "k8s" }?.weight == 2, "jargon with a digit is still jargon")
        #expect(concepts.first { $0.text == "5" }?.weight == 1, "\(concepts.map { ($0.text, $0.weight) })")
    }

    @Test("A drafted file starts with the schema line the bundled question files carry")
    func schemaLine() throws {
        let line = "# yaml-language-server: $schema=../schema/rubric.schema.json\n"
        #expect(draft("We retrain weekly on fresh data.").yaml().hasPrefix(line))
        let bundled = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Rubrics/deployment/canary-vs-blue-green.yaml"), encoding: .utf8)
        #expect(bundled.hasPrefix(line))
    }

    @Test("The printed draft loads as a question that scores its own sample answer in full")
    func roundTrip() throws {
        let sample = "We retrain weekly on fresh data, and we ship only when the canary's metrics hold."
        let yaml = DraftCompletion(bank: nil).complete(draft(sample)).yaml()
        #expect(yaml.contains("level: partial"))
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
        let grader = Grader(bank: bank)
        #expect(try grader.grade(sample, for: question).score == 100)

    }
}
