import Foundation
import PCRE2
import Testing

@testable import RehearseCore

@Suite("Grading answers")
struct GraderTests {
    let fixture: FixtureBank
    let bank: Bank
    let grader: Grader
    let drift: Question

    init() throws {
        fixture = try FixtureBank()
        bank = try fixture.load()
        grader = Grader(bank: bank)
        drift = try bank.question(id: "drift")
    }

    @Test("Earned concepts quote their evidence and weights set the score")
    func evidenceAndScore() throws {
        let grade = try grader.grade("First we monitor the input distributions. If they move, we retrain.", for: drift)
        #expect(grade.score == 100)
        #expect(grade.band == .strong)
        let detection = try #require(grade.concepts.first { $0.id == "drift-detection" })
        #expect(detection.evidence?.quote == "monitor the input distributions")
        #expect(detection.evidence?.context.contains("First we monitor the input distributions.") == true)
    }

    @Test("A missed concept is listed, required first, with why it matters")
    func missing() throws {
        let grade = try grader.grade("I would retrain the model on the latest data we have collected.", for: drift)
        #expect(grade.score == 40)
        #expect(grade.missing == ["drift-detection"])
        #expect(grade.missingRequired.map(\.why) == ["Inputs change quietly."])
    }

    @Test("A negated mention earns nothing, and the feedback keeps it")
    func negation() throws {
        let grade = try grader.grade("I would not retrain, and we don't monitor distributions.", for: drift)
        #expect(grade.score == 0)
        let retrain = try #require(grade.concepts.first { $0.id == "retrain" })
        #expect(!retrain.matched)
        #expect(retrain.negatedMention?.quote == "retrain")
    }

    @Test("Negation reads curly apostrophes and stays inside its clause")
    func negationScope() throws {
        #expect(try grader.grade("We don’t retrain.", for: drift).score == 0)
        #expect(try grader.grade("We do not guess. We retrain on fresh data.", for: drift).score == 40)
        #expect(try grader.grade("Not only do we retrain, we monitor distributions.", for: drift).score == 100)
    }

    @Test("A misconception costs its penalty")
    func misconception() throws {
        let grade = try grader.grade("We retrain, though rolling back would fix it faster.", for: drift)
        #expect(grade.misconceptions.map(\.id) == ["rollback-cures-drift"])
        #expect(grade.score == 0)
    }

    @Test("A pattern matches across a line break in the answer, and the quote keeps the original text")
    func lineBreaks() throws {
        let grade = try grader.grade("We compare the\n   live distributions\nwith training.", for: drift)
        let evidence = try #require(grade.concepts.first { $0.id == "drift-detection" }?.evidence)
        #expect(evidence.quote == "compare the\n   live distributions")
        let answer = "We compare the\n   live distributions\nwith training."
        let bytes = Array(answer.utf8)[evidence.start..<evidence.end]
        #expect(String(decoding: bytes, as: UTF8.self) == evidence.quote)
    }

    @Test("Multiple-choice answers are read leniently and graded exactly")
    func multipleChoice() throws {
        let question = try bank.question(id: "pick-strategy")
        for answer in ["B", "b", "(b)", "B) blue-green", "I'd pick B", "the answer is b", "Option B."] {
            #expect(try grader.grade(answer, for: question).score == 100, "\(answer)")
        }
        let wrong = try grader.grade("a", for: question)
        #expect(wrong.score == 0)
        #expect(wrong.choice == ChoiceResult(chosen: "A", correct: "B"))
        #expect(try grader.grade("no idea", for: question).signals == [.noOptionChosen])
    }

    @Test("Answer-quality signals: short, filler-heavy, echoing the question")
    func signals() throws {
        #expect(try grader.grade("retrain", for: drift).signals.contains(.tooShort))
        let filler =
            "Um, so basically, you know, we would um sort of retrain the model and, like, basically monitor stuff, you know, um."
        #expect(try grader.grade(filler, for: drift).signals.contains(.fillerHeavy))
        let echo = "How do you handle data drift in production? You handle the data drift in production by handling it."
        #expect(try grader.grade(echo, for: drift).signals.contains(.echoesQuestion))
        let good =
            "We compare the live feature distributions with the training set every night, alert when the population stability index passes a threshold, and retrain on recent data."
        #expect(try grader.grade(good, for: drift).signals.isEmpty)
    }

    @Test("A pathological pattern on a long answer is a grading error, not a hang")
    func pathologicalPattern() throws {
        // The loader refuses such a pattern (BankValidationTests); the grader's own limits still stop one
        // in a bank built in code.
        let concept = Concept(id: "many-a", label: "Many a", patterns: ["(a+)+$"], why: "Testing.")
        let slow = Question(
            id: "slow", domain: "monitoring", kind: .technical, prompt: "Say a lot.", sampleAnswer: "aaa",
            rubric: Rubric(concepts: [RubricConcept(concept: concept)]), source: SourceLocation(file: "slow.yaml"))
        let bank = Bank(
            domains: [], concepts: [:], questions: [slow], contentHash: "",
            patterns: PatternLibrary(["(a+)+$": try Pattern("(a+)+$")]))
        let answer = String(repeating: "a", count: 30_000) + "!"
        #expect(
            throws: GradingError.patternTooExpensive(question: "slow", owner: "concept 'many-a'", pattern: "(a+)+$")
        ) {
            try Grader(bank: bank).grade(answer, for: bank.question(id: "slow"))
        }
    }

    @Test("Answers that are empty, huge or not UTF-8 are refused with a reason")
    func answerText() throws {
        #expect(throws: AnswerError.empty) { try AnswerText.decode(Data(" \n\t".utf8)) }
        #expect(throws: AnswerError.tooLong(bytes: 1_048_576, limit: AnswerText.maximumBytes)) {
            try AnswerText.decode(Data(repeating: 0x61, count: 1_048_576))
        }
        #expect(throws: AnswerError.notUTF8(offset: 4)) {
            try AnswerText.decode(Data([0x64, 0x72, 0x69, 0x66, 0xFF, 0x74]))
        }
        #expect(try AnswerText.decode(Data("héllo".utf8)) == "héllo")
    }

    @Test("Scoring: matched weight minus penalties over total weight, clamped")
    func scoringRule() {
        func concept(_ weight: Double, _ credit: Double) -> ConceptResult {
            ConceptResult(
                id: "c", label: "c", weight: weight, required: false, matched: credit > 0, credit: credit, why: "")
        }
        let evidence = Evidence(quote: "", context: "", start: 0, end: 0, pattern: "")
        let penalty = MisconceptionResult(id: "m", label: "m", penalty: 1, evidence: evidence, why: "")
        #expect(Scoring.score(concepts: [concept(3, 1), concept(2, 0)], misconceptions: [], curve: .linear) == 60)
        #expect(
            Scoring.score(concepts: [concept(3, 1), concept(2, 0)], misconceptions: [penalty], curve: .linear) == 40)
        #expect(Scoring.score(concepts: [concept(1, 0)], misconceptions: [penalty], curve: .linear) == 0)
        #expect(Scoring.score(concepts: [concept(2, 1), concept(1, 0)], misconceptions: [], curve: .linear) == 67)
    }

    @Test("The calibrated curve, the default: a third of the weight is weak, three quarters strong")
    func calibratedCurve() {
        func score(_ share: Double) -> Int {
            let earned = ConceptResult(
                id: "a", label: "a", weight: share, required: false, matched: share > 0, credit: 1, why: "")
            let missed = ConceptResult(
                id: "b", label: "b", weight: 1 - share, required: false, matched: false, credit: 0, why: "")
            return Scoring.score(concepts: [earned, missed], misconceptions: [])
        }
        #expect([0, 0.3, 0.5, 0.75, 1].map(score) == [0, 15, 50, 85, 100])
        #expect(score(0.4) == 33)
        #expect(Band(score: score(0.3)) == .weak && Band(score: score(0.75)) == .strong)
    }

    @Test("Bands: weak to 40, partial to 59, solid to 79, strong from 80")
    func bands() {
        #expect(
            [0, 40, 41, 59, 60, 79, 80, 100].map { Band(score: $0) } == [
                .weak, .weak, .partial, .partial, .solid, .solid, .strong, .strong,
            ])
    }
}
