import Foundation
import Testing

@testable import RehearseCore

@Suite("Typo tolerance, synonyms, British spellings and bare keyword lists")
struct GradingQualityTests {
    let fixture: QualityFixtureBank
    let bank: Bank
    let question: Question

    init() throws {
        fixture = try QualityFixtureBank()
        bank = try fixture.load()
        question = try bank.question(id: "stale-model")
    }

    func grade(_ answer: String) throws -> Grade { try Grader(bank: bank).grade(answer, for: question) }

    func concept(_ id: String, in grade: Grade) throws -> ConceptResult {
        try #require(grade.concepts.first { $0.id == id })
    }

    @Test("Misspelt key terms still earn their concepts, and the evidence says what was read as what")
    func misspellings() throws {
        let grade = try grade("First I would retrian the modle on recnt data and keep every model versoin.")
        let retraining = try concept("retraining", in: grade)
        #expect(retraining.matched)
        #expect(retraining.evidence?.quote == "retrian")
        #expect(retraining.evidence?.corrections?.map(\.takenAs) == ["retrain"])
        #expect(try concept("recent-data", in: grade).matched)
        #expect(try concept("versioning", in: grade).matched)
    }

    @Test("Without typo tolerance the same misspellings earn nothing")
    func toleranceOff() throws {
        let grade = try Grader(bank: bank, correctsTypos: false).grade(
            "I would retrian the modle on recnt data.", for: question)
        #expect(grade.concepts.filter(\.matched).isEmpty)
    }

    @Test("A concept with typos: false reads the answer as written")
    func perConceptOptOut() throws {
        let grade = try grade("I would retrian it and ship it behind a canarry while watching the metrics.")
        #expect(try concept("retraining", in: grade).matched)
        #expect(try !concept("canary", in: grade).matched)
    }

    @Test("British spellings earn the concept written in American spelling")
    func britishSpelling() throws {
        let grade = try grade("Once it is live I would watch its behaviour closely for a week.")
        let behavior = try concept("behavior", in: grade)
        #expect(behavior.matched)
        #expect(behavior.evidence?.quote == "behaviour")
    }

    @Test("A synonym from synonyms.yaml earns the concept written as {{deploy}}")
    func synonyms() throws {
        let grade = try grade("After the tests pass we ship the new version to everyone.")
        #expect(try concept("deployment", in: grade).evidence?.quote == "ship")
    }

    @Test("Real words one edit from a key term are not corrected: catch is not cache, modal is not model")
    func realWordNearMisses() throws {
        let grade = try grade("We catch the errors early and keep a modal version of the dialog for reviewers.")
        #expect(try !concept("caching", in: grade).matched)
        #expect(try !concept("versioning", in: grade).matched)
        #expect(grade.concepts.allSatisfy { $0.evidence?.corrections == nil })
    }

    @Test("Short words are never corrected")
    func shortWords() {
        let corrector = TypoCorrector(vocabulary: ["data", "drift"], wordList: .empty)
        #expect(corrector.correction(for: "dta") == nil)
        #expect(corrector.correction(for: "drfit") == "drift")
    }

    @Test("A bare list of buzzwords scores well below a real answer that uses fewer of the terms")
    func keywordStuffing() throws {
        let list = try grade(
            "retraining, recent data, model versioning, cache, deploy, canary, behavior, at scale, end to end")
        let real = try grade("When accuracy drops I retrain the model on recent data and release it behind a canary.")
        #expect(list.concepts.filter(\.matched).count > real.concepts.filter(\.matched).count)
        #expect(real.score >= list.score + 25)
        let named = try concept("caching", in: list)
        #expect(named.isNamedOnly)
        #expect(named.credit < 0.5)
        #expect(GradeReport(grade: list, question: question).text(style: .plain).contains("Named, not explained"))
    }

    @Test("Terms in ordinary sentences keep full credit")
    func sentencesKeepCredit() throws {
        let grade = try grade("I retrain on recent data. Then we cache the features so serving stays fast.")
        #expect(grade.concepts.filter(\.matched).allSatisfy { $0.credit == 1 })
    }

    @Test("An unknown synonym group is an error at the pattern, with a suggestion")
    func unknownSynonym() throws {
        let broken = QualityFixtureBank.files["ops/stale-model.yaml"]!.replacingOccurrences(
            of: "{{deploy}}", with: "{{deplo}}")
        let diagnostics = try QualityFixtureBank(overriding: ["ops/stale-model.yaml": broken]).diagnostics()
        let error = try #require(diagnostics.errors.first)
        #expect(error.location.file.hasSuffix("stale-model.yaml"))
        #expect(error.message.contains("'{{deplo}}'"))
        #expect(error.message.contains("did you mean '{{deploy}}'"))
    }

    @Test("scoring: sqrt gives a partial answer more than its share")
    func sqrtScoring() throws {
        let concepts = (0..<4).map { index in
            ConceptResult(
                id: "c\(index)", label: "", weight: 1, required: false, matched: index == 0, credit: index == 0 ? 1 : 0,
                why: "")
        }
        #expect(Scoring.score(concepts: concepts, misconceptions: [], curve: .linear) == 25)
        #expect(Scoring.score(concepts: concepts, misconceptions: [], curve: .sqrt) == 50)
    }
}
