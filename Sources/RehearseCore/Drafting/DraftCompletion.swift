import Foundation

/// Turns drafted concepts into a question `rubric test` passes as printed: it grades the draft in
/// memory against the bank, drops the concepts the sample answer does not earn and those the prompt
/// read back or another question's answer earns, drafts two misconceptions from the key terms, and
/// writes every example kind `ExampleRequirements` asks for, each graded to land in its range.
public struct DraftCompletion {
    private let bank: Bank

    /// `bank` is the bank the draft will join: its shared concepts, synonyms and other questions.
    public init(bank: Bank?) {
        self.bank =
            bank
            ?? Bank(domains: [], concepts: [:], questions: [], contentHash: "", patterns: PatternLibrary([:]))
    }

    public func complete(_ draft: RubricDraft) -> RubricDraft {
        var draft = draft
        guard draft.kind != .multipleChoice else { return withChoiceExamples(draft) }
        for _ in 0..<Self.rounds {
            draft = filled(draft)
            let (question, grader) = graded(draft)
            let rejected = unwanted(question: question, grader: grader)
            guard !rejected.isEmpty, rejected.count < draft.concepts.count else { return draft }
            draft.concepts.removeAll { rejected.contains($0.id) }
        }
        return filled(draft)
    }

    /// The draft with misconceptions and examples for its concepts.
    private func filled(_ draft: RubricDraft) -> RubricDraft {
        var draft = draft
        draft.misconceptions = Self.misconceptions(for: draft.concepts)
        let (question, grader) = graded(draft)
        let sample = try? grader.grade(draft.sampleAnswer, for: question)
        draft.examples = examples(for: draft, sample: sample, grader: grader, question: question)
        return draft
    }

    static let rounds = 6

    /// The concepts that make the draft fail: missed or only named by the sample answer, or earned by
    /// a bluff `rubric test` tries.
    private func unwanted(question: Question, grader: Grader) -> Set<String> {
        guard let sample = try? grader.grade(question.sampleAnswer, for: question) else { return [] }
        let missed = sample.concepts.filter { !$0.matched }.map(\.id)
        if !missed.isEmpty { return Set(missed) }
        if sample.score < RubricExample.sampleAnswerMinimum,
            let named = sample.concepts.filter(\.isNamedOnly).min(by: { $0.weight < $1.weight })
        {
            return [named.id]
        }
        let report = RubricTestRunner(grader: grader, bank: others(replacing: question)).run([question])
        var leaked = Set<String>()
        for scored in report.scored where !scored.passed && scored.example.hasPrefix("mutation: ") {
            let mutation = RubricMutation.all(
                for: question, sampleGrade: sample, others: others(replacing: question),
                grading: { try? grader.grade($0, for: question) }
            ).first { "mutation: \($0.name)" == scored.example }
            guard let mutation, let grade = try? grader.grade(mutation.answer, for: question) else { continue }
            // The heaviest leak first: dropping it alone may be enough.
            if let heaviest = grade.concepts.filter({ $0.matched }).max(by: {
                $0.weight * $0.credit < $1.weight * $1.credit
            }) {
                leaked.insert(heaviest.id)
            }
        }
        return leaked
    }

    // MARK: The question in memory

    private func others(replacing question: Question) -> [Question] {
        bank.questions.filter { $0.id != question.id } + [question]
    }

    private func graded(_ draft: RubricDraft) -> (Question, Grader) {
        var sources = bank.patterns.sources
        let concepts = draft.concepts.compactMap { concept -> RubricConcept? in
            switch concept {
            case let .ref(id, weight):
                return bank.concepts[id].map { RubricConcept(concept: $0, weight: weight) }
            case let .term(id, text, pattern, _, weight):
                let expanded = bank.synonyms.expand(pattern).pattern
                sources.insert(expanded)
                return RubricConcept(
                    concept: Concept(id: id, label: "Mentions \(text)", patterns: [expanded], why: ""), weight: weight)
            }
        }
        let misconceptions = draft.misconceptions.map { drafted in
            let expanded = bank.synonyms.expand(drafted.pattern).pattern
            sources.insert(expanded)
            return Misconception(
                id: drafted.id, label: drafted.label, patterns: [expanded], penalty: RubricDraft.misconceptionPenalty,
                why: drafted.why, contradicts: [drafted.contradicts])
        }
        let location = SourceLocation(file: "\(draft.domain)/\(draft.id).yaml")
        let question = Question(
            id: draft.id, domain: draft.domain, kind: draft.kind, prompt: draft.prompt,
            sampleAnswer: draft.sampleAnswer,
            rubric: Rubric(
                concepts: concepts, misconceptions: misconceptions, scoring: draft.scoring,
                namedOnly: draft.grading.namedOnly, negation: draft.grading.negation),
            examples: draft.examples.map { example in
                let range = RubricExample.defaultRange(for: example.level)
                return RubricExample(
                    level: example.level, answer: example.answer, minScore: range.lowerBound,
                    maxScore: range.upperBound, missing: example.missing, misconceptions: example.misconceptions,
                    blind: example.blind, location: location)
            }, source: location)
        let scratch = Bank(
            domains: bank.domains, concepts: bank.concepts, misconceptions: bank.misconceptions,
            questions: others(replacing: question), contentHash: "",
            patterns: PatternLibrary(compilingOnFirstUse: sources), synonyms: bank.synonyms)
        // The bank the draft joins corrects typos towards the draft's own words too; these answers have none.
        return (question, Grader(bank: scratch, correctsTypos: false))
    }

    // MARK: Misconceptions

    /// Two wrong claims about the heaviest key terms: that one is overkill, that another can be skipped.
    static func misconceptions(for concepts: [DraftConcept]) -> [DraftMisconception] {
        let terms = concepts.filter { !$0.isRef }.enumerated().sorted {
            ($0.element.weight, -$0.offset) > ($1.element.weight, -$1.offset)
        }.map(\.element)
        guard let first = terms.first, case let .term(firstID, firstText, _, firstCore, _) = first else { return [] }
        let second = terms.dropFirst().first ?? first
        guard case let .term(secondID, secondText, _, secondCore, _) = second else { return [] }
        return [
            DraftMisconception(
                id: "dismisses-\(firstID)", label: "Dismisses \(firstText) as overkill",
                pattern: "\\b\(firstCore)\\b.{0,30}\\b(?:overkill|not worth it|a waste of time|pointless)\\b",
                contradicts: firstID, why: "Drafted: say why \(firstText) is worth doing here."),
            DraftMisconception(
                id: "skips-\(secondID)", label: "Would skip \(secondText)",
                pattern: "\\b(?:skip|skipping|leave out|do without)\\b.{0,20}\\b\(secondCore)\\b",
                contradicts: secondID, why: "Drafted: say what goes wrong without \(secondText)."),
        ]
    }

    // MARK: Examples

    private func examples(for draft: RubricDraft, sample: Grade?, grader: Grader, question: Question)
        -> [DraftExample]
    {
        let sentences = Self.sentences(of: draft.sampleAnswer)
        let names = mentions(draft.concepts, sample: sample)
        let heaviest = draft.concepts.enumerated().sorted {
            ($0.element.weight, -$0.offset) > ($1.element.weight, -$1.offset)
        }.map(\.element.id)
        func score(_ answer: String) -> Grade? { try? grader.grade(answer, for: question) }
        var examples = [
            DraftExample(level: .strong, answer: sentences.joined(separator: " "), note: "The sample answer.")
        ]
        var strong = Self.strongVariants(of: sentences).filter {
            (score($0)?.score ?? 0) >= RubricExample.sampleAnswerMinimum
        }.prefix(2)
        if strong.count < 2 { strong = [] }
        for (index, answer) in strong.enumerated() {
            examples.append(
                index == 0
                    ? DraftExample(
                        level: .strong, answer: answer,
                        note: "Drafted from the sample answer; replace with another strong answer in other words.")
                    : DraftExample(
                        level: .strong, answer: answer,
                        note:
                            "Drafted, NOT blind: replace with an answer written from the prompt alone by someone who never saw this rubric, then mark it blind: true."
                    ))
        }
        // Clauses when no run of whole sentences lands in the partial range, and the sample's first
        // words when a one-line sample has no clauses to cut.
        let clauses = sentences.flatMap {
            $0.split(whereSeparator: { ";:,".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        if let partial = partial(among: Self.runs(of: sentences), score: score)
            ?? partial(among: Self.runs(of: clauses, joinedBy: ", "), score: score)
            ?? partial(among: Self.openings(of: draft.sampleAnswer), score: score)
        {
            examples.append(partial)
        }
        examples.append(
            DraftExample(
                level: .weak, answer: "I am not sure what I would do here; I would ask someone.",
                missing: Array(heaviest.prefix(2))))
        let ids = draft.misconceptions.map(\.id)
        if draft.misconceptions.count == 2 {
            let first = names[draft.misconceptions[0].contradicts] ?? ""
            let second = names[draft.misconceptions[1].contradicts] ?? ""
            examples.append(
                DraftExample(
                    level: .wrong,
                    answer: "Honestly, \(first) is overkill here, and I would skip \(second) to move faster.",
                    misconceptions: ids))
        }
        let top = heaviest.prefix(3).compactMap { names[$0] }
        // One refusal per sentence: a negation reaches only a few words into its clause.
        if ExampleRequirements(for: draft.kind, grading: draft.grading).asks(for: .negated) {
            examples.append(
                DraftExample(
                    level: .negated,
                    answer: draft.concepts.compactMap { names[$0.id] }.map { "I wouldn't bother with \($0)." }
                        .joined(separator: " ") + " None of that is needed here."))
        }
        examples.append(
            draft.grading.namedOnly == .full
                ? DraftExample(
                    level: .buzzword,
                    answer: "It is really important, and a robust, holistic approach to it is key.",
                    note:
                        "Under named_only: full a term named in vague prose earns its weight, so this buzzword example names none."
                )
                : DraftExample(
                    level: .buzzword,
                    answer:
                        "\(Self.list(top, joiner: "and").capitalizedFirst) are really important, and a robust, holistic approach to them is key."
                ))
        if draft.kind == .behavioural {
            let skeleton =
                Self.skeletons.first { (score($0)?.score ?? 100) <= RubricExample.adversarialMaximum }
                ?? Self.skeletons[0]
            examples.append(DraftExample(level: .starSkeleton, answer: skeleton))
        }
        return examples
    }

    /// The sample answer's sentences rearranged, for the other strong examples: reversed, the second
    /// half first, and the sample with a closing or opening line, in that order of preference.
    static func strongVariants(of sentences: [String]) -> [String] {
        let half = sentences.count / 2
        let whole = sentences.joined(separator: " ")
        var variants = [
            sentences.reversed().joined(separator: " "),
            (sentences[half...] + sentences[..<half]).joined(separator: " ") + " That is how I would approach it.",
            "Here is how I would approach it. " + whole,
            whole + " That is how I would approach it.",
        ]
        var seen: Set<String> = [whole]
        variants.removeAll { !seen.insert($0).inserted }
        return variants
    }

    /// Stories with the shape of STAR and nothing in them; the first that scores low enough is used.
    static let skeletons = [
        "There was a situation at work. I had a task. I took some action. The result was good and I learned a lot.",
        "Something happened once. Someone had to deal with it, so it got dealt with, and it was fine in the end.",
        "It was a challenge. It got handled. It turned out fine.",
    ]

    /// The candidate closest to 60 in the partial range that still misses something.
    private func partial(among candidates: [String], score: (String) -> Grade?) -> DraftExample? {
        let range = RubricExample.defaultRange(for: .partial)
        let graded = candidates.compactMap { candidate -> (String, Grade)? in
            var answer = candidate
            if let last = answer.last, !".!?".contains(last) { answer += "." }
            return score(answer).map { (answer, $0) }
        }.filter { range.contains($0.1.score) && !$0.1.missing.isEmpty }
        guard let best = graded.min(by: { abs($0.1.score - 60) < abs($1.1.score - 60) }) else { return nil }
        return DraftExample(
            level: .partial, answer: best.0, missing: Array(best.1.missing.prefix(3)),
            note: "Drafted: part of the sample answer.")
    }

    /// Every run of consecutive parts short of the whole answer, and every other part.
    private static func runs(of parts: [String], joinedBy separator: String = " ") -> [String] {
        var runs: [[String]] = []
        for start in parts.indices {
            for end in (start + 1)...parts.count where end - start < parts.count {
                runs.append(Array(parts[start..<end]))
            }
        }
        runs.append(parts.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        return runs.map { $0.joined(separator: separator) }
    }

    /// The sample's first words, one word more each time, short of the whole sample.
    private static func openings(of sample: String) -> [String] {
        let words = sample.split(whereSeparator: \.isWhitespace).map(String.init)
        return (1..<max(words.count, 1)).map {
            String(words.prefix($0).joined(separator: " ").reversed().drop { ",;:-".contains($0) }.reversed())
        }
    }

    /// How a drafted answer names each concept: the term, or the words of the sample that earned it.
    private func mentions(_ concepts: [DraftConcept], sample: Grade?) -> [String: String] {
        var names: [String: String] = [:]
        for concept in concepts {
            if let text = concept.text {
                names[concept.id] = text
            } else if let quote = sample?.concepts.first(where: { $0.id == concept.id })?.evidence?.quote {
                names[concept.id] = quote.collapsingWhitespace.lowercased()
            }
        }
        return names
    }

    static func list(_ items: [String], joiner: String) -> String {
        guard items.count > 1 else { return items.first ?? "it" }
        return items.dropLast().joined(separator: ", ") + " \(joiner) " + items.last!
    }

    /// The sample answer's sentences, each on one line.
    static func sentences(of text: String) -> [String] {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var sentences: [String] = []
        var current = ""
        for (index, character) in zip(flat.indices, flat) {
            current.append(character)
            let next = flat.index(after: index)
            if ".!?".contains(character), next == flat.endIndex || flat[next] == " " {
                sentences.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { sentences.append(rest) }
        return sentences.isEmpty ? [flat] : sentences
    }

    // MARK: Multiple choice

    /// The correct letter as the strong example and the first wrong one as the weak.
    private func withChoiceExamples(_ draft: RubricDraft) -> RubricDraft {
        var draft = draft
        draft.concepts = []
        draft.examples = []
        if let correct = draft.options.first(where: \.correct) {
            draft.examples.append(DraftExample(level: .strong, answer: correct.letter))
        }
        if let wrong = draft.options.first(where: { !$0.correct }) {
            draft.examples.append(DraftExample(level: .weak, answer: wrong.letter))
        }
        return draft
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
