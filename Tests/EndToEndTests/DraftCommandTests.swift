import Foundation
import Testing

/// `rehearse rubric draft` on bundled questions: the draft goes into a copy of the bank and must lint
/// clean and pass `rubric test` as printed.
@Suite("rubric draft gives a rubric worth keeping")
struct DraftCommandTests {
    /// A representative subset, to keep the suite fast (every bundled question takes minutes in a debug
    /// build): technical questions with refs, phrases and few sentences, behavioural ones with STAR parts,
    /// and a multiple-choice one.
    static let subset = [
        ("deployment", "batch-vs-online-serving"), ("deployment", "edge-vs-cloud"),
        ("monitoring-governance", "handle-data-drift"), ("cloud-infrastructure", "infrastructure-as-code"),
        ("collaboration", "resolving-disagreement"), ("collaboration", "incident-communication"),
        ("collaboration", "mc-blameless-postmortem"),
    ]

    @Test("Drafts of bundled questions lint clean and pass rubric test without edits")
    func draftsPass() throws {
        let folder = try TemporaryFolder()
        let bank = folder.url.appendingPathComponent("Rubrics")
        try FileManager.default.copyItem(at: RehearseProcess.rubrics, to: bank)
        for (domain, id) in Self.subset {
            let draft = try RehearseProcess.run(["rubric", "draft", "--question", id])
            #expect(draft.status == 0, "\(id): \(draft.stderr)")
            let file = bank.appendingPathComponent("\(domain)/\(id).yaml")
            try Data(draft.stdout.utf8).write(to: file)
            let lint = try RehearseProcess.run(["rubric", "lint", "--rubrics", bank.path, file.path])
            #expect(lint.status == 0 && lint.stdout.hasPrefix("no problems found"), "\(id): \(lint.stdout)")
            let test = try RehearseProcess.run(["rubric", "test", "--rubrics", bank.path, file.path])
            #expect(test.status == 0 && test.stdout.hasSuffix(" 0 failed\n"), "\(id): \(test.stdout)")
        }
    }

    @Test("A draft has at most a dozen concepts, refs to shared concepts, whole-word patterns and a partial example")
    func draftShape() throws {
        let output = try RehearseProcess.run(["rubric", "draft", "--question", "batch-vs-online-serving"])
        #expect(output.status == 0)
        let concepts = output.stdout.components(separatedBy: "misconceptions:")[0]
            .components(separatedBy: "\nconcepts:")[1]
        let entries = concepts.components(separatedBy: "\n  - ").count - 1
        #expect(entries <= 12 && entries >= 4, "\(concepts)")
        #expect(concepts.contains("\n  - ref: "))
        // A plain word's pattern ends at a word boundary, so it cannot fire inside a longer word.
        let patterns = concepts.split(separator: "\n").filter { $0.contains("patterns:") }
        #expect(patterns.allSatisfy { !$0.contains(#"\w*']"#) || $0.contains("{{") }, "\(patterns)")
        #expect(!concepts.contains("'having'") && !concepts.contains("'per'") && !concepts.contains("'like'"))
        #expect(output.stdout.contains("- level: partial"))
    }

    @Test("--kind behavioral drafts a behavioural question that refers to the STAR parts the story earns")
    func behaviouralKind() throws {
        let folder = try TemporaryFolder()
        let story = try folder.write(
            "story.txt",
            """
            At my last company our nightly training job failed for a week. My task was to get it running \
            before the quarterly release. I traced the failure to a schema change upstream, added a validation \
            step and wrote a runbook. As a result the job has not failed since, and I learned to test inputs first.
            """)
        let output = try RehearseProcess.run([
            "rubric", "draft", "--sample-file", story.path, "--kind", "behavioral", "--prompt",
            "Tell me about a time a pipeline kept failing.",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("kind: behavioural"))
        #expect(output.stdout.contains("- ref: star-"))
        #expect(output.stdout.contains("- level: star-skeleton"))
    }

    @Test("A draft claims no blindness: its strong examples say blind: false, and rubric test warns instead of failing")
    func draftIsNotBlind() throws {
        let folder = try TemporaryFolder()
        let bank = folder.url.appendingPathComponent("Rubrics")
        try FileManager.default.copyItem(at: RehearseProcess.rubrics, to: bank)
        let draft = try RehearseProcess.run(["rubric", "draft", "--question", "handle-data-drift"])
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(!draft.stdout.contains("\n    blind: true"))
        #expect(draft.stdout.contains("blind: false"))
        #expect(draft.stdout.contains("Drafted, NOT blind"))
        let file = bank.appendingPathComponent("monitoring-governance/handle-data-drift.yaml")
        try Data(draft.stdout.utf8).write(to: file)
        let test = try RehearseProcess.run(["rubric", "test", "--rubrics", bank.path, file.path])
        #expect(test.status == 0, "\(test.stdout)")
        #expect(test.stderr.contains("no strong example written from the prompt alone"), "\(test.stderr)")
    }

    @Test(
        "--style short-answer writes grading: {named_only: full, negation: ignored} and no negated example; the draft lints clean and passes rubric test"
    )
    func shortAnswerStyle() throws {
        let folder = try TemporaryFolder()
        let bank = folder.url.appendingPathComponent("Rubrics")
        try FileManager.default.copyItem(at: RehearseProcess.rubrics, to: bank)
        let sample = try folder.write(
            "answer.txt",
            "A model registry stores every trained model with its version, metrics and lineage, so a deployment can be traced and rolled back."
        )
        let draft = try RehearseProcess.run([
            "rubric", "draft", "--sample-file", sample.path, "--style", "short-answer", "--id", "model-registry",
            "--domain", "deployment", "--prompt", "What is a model registry for?",
        ])
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(draft.stdout.contains("\ngrading: {named_only: full, negation: ignored}\n"), "\(draft.stdout)")
        #expect(!draft.stdout.contains("level: negated"), "\(draft.stdout)")
        let file = bank.appendingPathComponent("deployment/model-registry.yaml")
        try Data(draft.stdout.utf8).write(to: file)
        let lint = try RehearseProcess.run(["rubric", "lint", "--rubrics", bank.path, file.path])
        #expect(lint.status == 0 && lint.stdout.hasPrefix("no problems found"), "\(lint.stdout)")
        let test = try RehearseProcess.run(["rubric", "test", "--rubrics", bank.path, file.path])
        #expect(test.status == 0 && test.stdout.hasSuffix(" 0 failed\n"), "\(test.stdout)")
        let interview = try RehearseProcess.run(["rubric", "draft", "--question", "handle-data-drift"])
        #expect(!interview.stdout.contains("grading:"))
        #expect(interview.stdout.contains("level: negated"))
    }

    @Test("A one-line sample with no clauses to cut still gets a partial example, and the draft passes rubric test")
    func oneLinePartial() throws {
        let folder = try TemporaryFolder()
        let bank = folder.url.appendingPathComponent("Rubrics")
        try FileManager.default.copyItem(at: RehearseProcess.rubrics, to: bank)
        let sample = try folder.write("answer.txt", "When the size of the array to be sorted is 1 (or 2)")
        let draft = try RehearseProcess.run([
            "rubric", "draft", "--sample-file", sample.path, "--style", "short-answer", "--id", "merge-base",
            "--domain", "deployment", "--prompt", "What is the base case for a recursive merge sort?",
        ])
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(draft.stdout.contains("level: partial"), "\(draft.stdout)")
        let file = bank.appendingPathComponent("deployment/merge-base.yaml")
        try Data(draft.stdout.utf8).write(to: file)
        let test = try RehearseProcess.run(["rubric", "test", "--rubrics", bank.path, file.path])
        #expect(test.status == 0 && test.stdout.hasSuffix(" 0 failed\n"), "\(test.stdout)")
    }

    @Test("A multiple-choice draft from a sample file is refused with what to do instead")
    func choiceNeedsOptions() throws {
        let folder = try TemporaryFolder()
        let sample = try folder.write("answer.txt", "B")
        let output = try RehearseProcess.run(["rubric", "draft", "--sample-file", sample.path, "--kind", "mc"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("needs the question's options"))
    }
}
