import Foundation
import PCRE2
import Yams

extension LoadSession {
    func parseOptions(_ map: Node.Mapping, what: String, reader: inout YAMLReader) -> [ChoiceOption] {
        let options: [ChoiceOption] = reader.sequence(map[text: "options"], "'options' of \(what)").compactMap { item in
            guard let entry = reader.mapping(item, "an option of \(what)") else { return nil }
            reader.rejectUnknownKeys(entry, allowed: RubricKeys.option, in: "an option of \(what)")
            guard let letter = reader.string(entry, "letter", in: "an option of \(what)", required: true) else {
                return nil
            }
            let owner = "option \(letter) of \(what)"
            if letter.count != 1 || !letter.allSatisfy({ $0.isUppercase }) {
                reader.error(at: entry[text: "letter"], "\(owner): a letter is one capital letter, A to Z")
            }
            return ChoiceOption(
                letter: letter, text: reader.string(entry, "text", in: owner, required: true) ?? "",
                correct: reader.bool(entry, "correct", in: owner) ?? false,
                why: reader.string(entry, "why", in: owner, required: true) ?? "")
        }
        if options.count < 2 {
            reader.error(at: map[text: "options"] ?? .mapping(map), "\(what) needs at least two options")
        }
        let correct = options.filter(\.correct).count
        if correct == 0 {
            reader.error(
                at: map[text: "options"] ?? .mapping(map),
                "\(what) has 0 correct options; mark exactly one with 'correct: true'")
        }
        // Each correct option after the first, at its own 'correct:', where the fix is.
        let items = reader.sequence(map[text: "options"], "'options' of \(what)").compactMap(\.mapping)
        let correctNodes = items.filter { $0[text: "correct"]?.string?.lowercased() == "true" }.map {
            $0[text: "correct"]
        }
        for node in correctNodes.dropFirst() {
            reader.error(
                at: node,
                "\(what) has \(correct) correct options; mark exactly one with 'correct: true' (the first is at \(reader.location(correctNodes[0])))"
            )
        }
        let letters = options.map(\.letter)
        if Set(letters).count != letters.count {
            reader.error(at: map[text: "options"], "\(what) repeats an option letter; letters must be unique")
        }
        return options
    }

    func parseExamples(_ map: Node.Mapping, question: Question, reader: inout YAMLReader) -> [RubricExample] {
        let what = "question '\(question.id)'"
        return reader.sequence(map[text: "examples"], "'examples' of \(what)").enumerated().compactMap { index, item in
            let owner = "example \(index + 1) of \(what)"
            guard let entry = reader.mapping(item, owner) else { return nil }
            reader.rejectUnknownKeys(entry, allowed: RubricKeys.example, in: owner)
            guard let levelText = reader.string(entry, "level", in: owner, required: true) else { return nil }
            guard let level = RubricExample.Level(rawValue: levelText) else {
                let levels = RubricExample.Level.allCases.map(\.rawValue).joined(separator: ", ")
                reader.error(at: entry[text: "level"], "'level' of \(owner) is '\(levelText)'; use one of: \(levels)")
                return nil
            }
            guard let answer = reader.string(entry, "answer", in: owner, required: true) else { return nil }
            let letters = question.options.map(\.letter)
            // A lone letter that is no option is a typo; "I don't know" chooses nothing on purpose.
            let words = answer.split { !$0.isLetter }
            if question.kind == .multipleChoice, !letters.isEmpty, words.count == 1, words[0].count == 1,
                ChoiceParser.letter(in: answer, among: letters) == nil
            {
                reader.error(
                    at: entry[text: "answer"],
                    "\(owner) answers '\(answer)', which is not an option; use one of \(question.options.map(\.letter).joined(separator: ", "))"
                )
            }
            var example = RubricExample(
                level: level, answer: answer, minScore: RubricExample.defaultRange(for: level).lowerBound,
                maxScore: RubricExample.defaultRange(for: level).upperBound,
                blind: reader.bool(entry, "blind", in: owner) ?? false, location: reader.location(item))
            if example.blind, level != .strong {
                reader.error(
                    at: entry[text: "blind"], "\(owner) is \(level.rawValue); only a strong example is marked blind")
            }
            if level == .negated, !question.rubric.negationTurnsConceptsDown {
                reader.error(
                    at: entry[text: "level"],
                    "\(owner) is negated, but \(what) sets 'grading: {negation: ignored}', under which a negated mention earns its concept; remove the example or the rule"
                )
            }
            if let expectNode = entry[text: "expect"], let expect = reader.mapping(expectNode, "'expect' of \(owner)") {
                reader.rejectUnknownKeys(expect, allowed: RubricKeys.expectation, in: "'expect' of \(owner)")
                let range = ExampleRange.read(expect, level: level, owner: owner, reader: &reader)
                example.minScore = range.lowerBound
                example.maxScore = range.upperBound
                example.missing = reader.strings(expect, "missing", in: "'expect'").map(\.0)
                example.matched = reader.strings(expect, "matched", in: "'expect'").map(\.0)
                example.misconceptions = reader.strings(expect, "misconceptions", in: "'expect'").map(\.0)
                for id in example.misconceptions where !question.rubric.misconceptions.contains(where: { $0.id == id })
                {
                    reader.error(at: expectNode, "\(owner) expects misconception '\(id)', which \(what) does not list")
                }
                if level.isAdversarial, example.maxScore > RubricExample.adversarialMaximum {
                    reader.error(
                        at: expectNode,
                        "\(owner) is \(level.rawValue) with max_score \(example.maxScore); a \(level.rawValue) answer may score \(RubricExample.adversarialMaximum) at most"
                    )
                }
                // Ids written under 'concepts', even one whose ref failed: that failure is reported once.
                let known = Set(
                    reader.sequence(map[text: "concepts"], "'concepts'").compactMap { $0.mapping }
                        .compactMap { $0[text: "ref"]?.string ?? $0[text: "id"]?.string })
                for id in example.missing + example.matched where !known.contains(id) {
                    reader.error(at: expectNode, "\(owner) expects concept '\(id)', which \(what) does not use")
                }
            }
            return example
        }
    }

}
