import Foundation

/// A pattern proposed for a concept from marked answers, with what adding it would change.
public struct PatternSuggestion: Sendable {
    public var questionID: String
    public var conceptID: String
    /// The word or phrase, as the answers write it.
    public var term: String
    public var pattern: String
    /// Credited answers the concept missed that use the term, of how many the concept missed.
    public var credited: Int, creditedMissed: Int
    /// Low-marked answers that use it, of how many low-marked answers there are.
    public var low: Int, lowTotal: Int
    /// Agreement over every marked answer, as the rubric stands and with the pattern added.
    public var before: AgreementReport.Measures
    public var after: AgreementReport.Measures
    /// The same over the answers to this question alone.
    public var questionBefore: AgreementReport.Measures
    public var questionAfter: AgreementReport.Measures

    /// Whether the pattern brings this question's scores closer to the marks: the pairwise order or
    /// Pearson rises and neither falls. Only these are proposed.
    var helps: Bool {
        let pairwise = (questionBefore.pairwiseOrder ?? 0, questionAfter.pairwiseOrder ?? 0)
        let pearson = (questionBefore.pearson ?? 0, questionAfter.pearson ?? 0)
        return (pairwise.1 > pairwise.0 || pearson.1 > pearson.0) && pairwise.1 >= pairwise.0 && pearson.1 >= pearson.0
    }
}

/// `rubric test --responses FILE --suggest`: for each concept, the words and phrases that answers a
/// marker credited (a high mark) use where the concept missed them, and that low-marked answers do
/// not; each proposed as a whole-word pattern and measured by regrading every answer with it added.
/// Offline and deterministic: nothing is applied, the coach decides.
public struct PatternSuggester {
    /// Marks on 0–100 at or above this are credited; at or below `lowMark`, low.
    public static let creditedMark = 70.0
    public static let lowMark = 40.0
    /// A term must appear in this many credited answers the concept missed.
    public static let minimumCredited = 2

    private let bank: Bank
    private let stemmer: Stemmer
    private let forms: WordForms

    public init(bank: Bank, wordList: WordList = .system) {
        self.bank = bank
        stemmer = Stemmer(wordList: wordList)
        forms = WordForms(stemmer: stemmer, wordList: wordList)
    }

    /// Up to `perConcept` suggestions for each concept of each question in `report`.
    public func suggestions(for report: AgreementReport, perConcept: Int = 2) -> [PatternSuggestion] {
        var suggestions: [PatternSuggestion] = []
        let questionIDs = report.rows.map(\.response.questionID).reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        for id in questionIDs {
            guard let question = bank.questions.first(where: { $0.id == id }) else { continue }
            let rows = report.rows.filter { $0.response.questionID == id }
            let low = rows.filter { $0.humanScore <= Self.lowMark }
            let promptStems = Set(Words.of(question.prompt).map(stemmer.stem))
            for concept in question.rubric.concepts {
                let missed = rows.filter { row in
                    row.humanScore >= Self.creditedMark
                        && !row.grade.concepts.contains { $0.id == concept.id && $0.matched }
                        && (row.response.concepts.map { $0.contains(concept.id) } ?? true)
                }
                guard missed.count >= Self.minimumCredited else { continue }
                let candidates = separating(missed.map(\.response.answer), from: low.map(\.response.answer))
                    .filter { !$0.stems.allSatisfy(promptStems.contains) }
                var proposed = 0
                for candidate in candidates where proposed < perConcept {
                    let pattern =
                        candidate.words.count == 1
                        ? forms.pattern(of: candidate.words[0]) : forms.pattern(ofPhrase: candidate.words)
                    guard let after = regraded(report, adding: pattern, to: concept.id, of: question) else {
                        continue
                    }
                    let suggestion = PatternSuggestion(
                        questionID: id, conceptID: concept.id, term: candidate.words.joined(separator: " "),
                        pattern: pattern, credited: candidate.credited, creditedMissed: missed.count,
                        low: candidate.low, lowTotal: low.count, before: report.overall,
                        after: AgreementReport.measures(after), questionBefore: AgreementReport.measures(rows),
                        questionAfter: AgreementReport.measures(after.filter { $0.response.questionID == id }))
                    guard suggestion.helps else { continue }
                    suggestions.append(suggestion)
                    proposed += 1
                }
            }
        }
        return suggestions
    }

    struct Candidate {
        var words: [String]
        var stems: [String]
        var credited: Int
        var low: Int
        var separation: Double
    }

    /// Words and adjacent pairs of content words, by how much more often the credited answers use
    /// them than the low ones; ties by how many credited answers use them, then alphabetically.
    func separating(_ credited: [String], from low: [String]) -> [Candidate] {
        func terms(_ answer: String) -> [String: [String]] {
            let words = Words.of(answer)
            var found: [String: [String]] = [:]
            for (index, word) in words.enumerated() where Self.isContentWord(word) {
                found[stemmer.stem(word)] = [word]
                if index + 1 < words.count, Self.isContentWord(words[index + 1]) {
                    found[stemmer.stem(word) + " " + stemmer.stem(words[index + 1])] = [word, words[index + 1]]
                }
            }
            return found
        }
        let creditedTerms = credited.map(terms)
        let lowTerms = low.map(terms)
        var spelling: [String: [String]] = [:]
        var counts: [String: Int] = [:]
        for found in creditedTerms {
            for (key, words) in found {
                counts[key, default: 0] += 1
                if spelling[key] == nil { spelling[key] = words }
            }
        }
        return counts.filter { $0.value >= Self.minimumCredited }.compactMap { key, count in
            let lowCount = lowTerms.filter { $0[key] != nil }.count
            let separation =
                Double(count) / Double(credited.count) - (low.isEmpty ? 0 : Double(lowCount) / Double(low.count))
            guard separation > 0, let words = spelling[key] else { return nil }
            return Candidate(
                words: words, stems: key.split(separator: " ").map(String.init), credited: count, low: lowCount,
                separation: separation)
        }.sorted {
            ($0.separation, $0.credited, $1.words.count) != ($1.separation, $1.credited, $0.words.count)
                ? ($0.separation, $0.credited, $1.words.count) > ($1.separation, $1.credited, $0.words.count)
                : $0.words.joined(separator: " ") < $1.words.joined(separator: " ")
        }
    }

    private static func isContentWord(_ word: String) -> Bool {
        DraftTermFinder.isPlainContentWord(word)
    }

    /// Every row with `pattern` added to the concept: that question's answers regraded.
    private func regraded(
        _ report: AgreementReport, adding pattern: String, to conceptID: String, of question: Question
    ) -> [AgreementReport.Row]? {
        var changed = question
        guard let index = changed.rubric.concepts.firstIndex(where: { $0.id == conceptID }) else { return nil }
        changed.rubric.concepts[index].concept.patterns.append(pattern)
        let scratch = Bank(
            domains: bank.domains, concepts: bank.concepts, misconceptions: bank.misconceptions,
            questions: bank.questions.map { $0.id == question.id ? changed : $0 }, contentHash: bank.contentHash,
            patterns: PatternLibrary(compilingOnFirstUse: bank.patterns.sources.union([pattern])),
            synonyms: bank.synonyms, typoCorrector: bank.typoCorrector)
        let grader = Grader(bank: scratch)
        var rows: [AgreementReport.Row] = []
        for row in report.rows {
            guard row.response.questionID == question.id else {
                rows.append(row)
                continue
            }
            guard let grade = try? grader.grade(row.response.answer, for: changed) else { return nil }
            rows.append(AgreementReport.Row(response: row.response, grade: .init(grade), humanScore: row.humanScore))
        }
        return rows
    }
}

extension PatternSuggestion {
    /// Two lines: the proposal and its evidence, then the agreement before → after.
    public var text: String {
        func change(_ name: String, _ before: Double?, _ after: Double?) -> String {
            "\(name) \(AgreementReport.number(before)) → \(AgreementReport.number(after))"
        }
        return """
              \(questionID) / \(conceptID): add '\(pattern)'  ("\(term)": in \(credited) of the \(creditedMissed) credited answers it missed, \(low) of \(lowTotal) low-marked)
                this question: \(change("pairwise", questionBefore.pairwiseOrder, questionAfter.pairwiseOrder)), \(change("Spearman", questionBefore.spearman, questionAfter.spearman)), \(change("Pearson", questionBefore.pearson, questionAfter.pearson))
                every answer:  \(change("pairwise", before.pairwiseOrder, after.pairwiseOrder)), \(change("Spearman", before.spearman, after.spearman)), \(change("Pearson", before.pearson, after.pearson))
            """
    }
}
