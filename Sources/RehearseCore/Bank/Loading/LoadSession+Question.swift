import Foundation
import PCRE2
import Yams

extension LoadSession {
    mutating func loadQuestion(_ url: URL, folderDomain: String) {
        guard case (var reader, let node, let fileHash)? = read(url) else { return }
        defer { diagnostics += reader.diagnostics }
        guard let map = reader.mapping(node, "a question file") else { return }
        reader.rejectUnknownKeys(map, allowed: RubricKeys.question, in: "a question")
        guard let id = reader.string(map, "id", in: "the question", required: true) else { return }
        checkIdentifier(id, node: map[text: "id"], reader: &reader)
        let what = "question '\(id)'"
        Placeholders.report(in: node, of: what, reader: &reader)
        if let previous = questionLocations[id] {
            reader.error(at: map[text: "id"], "question id '\(id)' is already used at \(previous); ids must be unique")
            return
        }
        questionLocations[id] = reader.location(map[text: "id"])
        if url.deletingPathExtension().lastPathComponent != id {
            reader.warning(
                at: map[text: "id"], "\(what) lives in '\(url.lastPathComponent)'; name the file '\(id).yaml'")
        }
        let domain = reader.string(map, "domain", in: what) ?? folderDomain
        if domain != folderDomain {
            reader.error(
                at: map[text: "domain"],
                "\(what) says domain '\(domain)' but lives in folder '\(folderDomain)'; move it or fix 'domain'")
        }
        // Without a valid kind, the kind-specific checks would only add noise to the one real error.
        let parsedKind = parseKind(map, what: what, reader: &reader)
        let kind = parsedKind ?? .technical
        let timeLimit = parseTimeLimit(map, what: what, reader: &reader) ?? (kind == .multipleChoice ? 90 : 180)
        var question = Question(
            id: id, domain: domain, kind: kind,
            prompt: reader.string(map, "prompt", in: what, required: true) ?? "",
            timeLimit: timeLimit, hint: reader.string(map, "hint", in: what),
            sampleAnswer: reader.string(
                map, "sample_answer", in: what, required: parsedKind.map { $0 != .multipleChoice } ?? false) ?? "",
            source: reader.location(node), contentHash: fileHash)
        question.sampleAnswerLocation = map.first { $0.key.scalar?.string == "sample_answer" }.map {
            reader.location($0.key)
        }
        if parsedKind == nil {
            // Reported above.
        } else if kind == .multipleChoice {
            question.options = parseOptions(map, what: what, reader: &reader)
            if map[text: "concepts"] != nil {
                reader.error(
                    at: map[text: "concepts"], "\(what) is multiple-choice and graded by its options; remove 'concepts'"
                )
            }
        } else {
            question.rubric.concepts = parseRubricConcepts(map, question: id, reader: &reader)
            if map[text: "options"] != nil {
                reader.error(
                    at: map[text: "options"],
                    "\(what) is \(kind.rawValue); only multiple-choice questions have 'options'")
            }
        }
        question.rubric.misconceptions = parseMisconceptions(
            map, what: what, conceptIDs: Set(question.rubric.concepts.map(\.id)), reader: &reader)
        question.rubric.scoring = parseScoring(map, what: what, reader: &reader)
        parseGrading(map, what: what, kind: kind, into: &question.rubric, reader: &reader)
        question.examples = parseExamples(map, question: question, reader: &reader)
        questions.append(question)
    }

    func parseKind(_ map: Node.Mapping, what: String, reader: inout YAMLReader) -> QuestionKind? {
        guard let text = reader.string(map, "kind", in: what, required: true) else { return nil }
        if let kind = QuestionKind(rawValue: text) { return kind }
        reader.error(
            at: map[text: "kind"],
            "'kind' of \(what) is '\(text)'; use one of: \(QuestionKind.allCases.map(\.rawValue).joined(separator: ", "))"
        )
        return nil
    }

    func parseScoring(_ map: Node.Mapping, what: String, reader: inout YAMLReader) -> ScoringCurve? {
        guard let text = reader.string(map, "scoring", in: what) else { return nil }
        if let curve = ScoringCurve(rawValue: text) { return curve }
        reader.error(
            at: map[text: "scoring"], "'scoring' of \(what) is '\(text)'; use calibrated (the default), linear or sqrt")
        return nil
    }

    /// `grading: {named_only: partial|full, negation: counts|ignored}`.
    func parseGrading(
        _ map: Node.Mapping, what: String, kind: QuestionKind, into rubric: inout Rubric, reader: inout YAMLReader
    ) {
        guard let node = map[text: "grading"] else { return }
        guard let grading = reader.mapping(node, "'grading' of \(what)") else { return }
        reader.rejectUnknownKeys(grading, allowed: RubricKeys.grading, in: "'grading' of \(what)")
        if kind == .multipleChoice {
            reader.error(at: node, "\(what) is multiple-choice and graded by its options; remove 'grading'")
            return
        }
        let partial = Int(Scoring.namedOnlyCredit(.partial) * 100)
        rubric.namedOnly = parseRule(
            "named_only", of: grading, what: what,
            use: "partial (the default: a term named without an explanation earns \(partial)% of its weight)"
                + " or full (for one-line short answers)",
            reader: &reader)
        rubric.negation = parseRule(
            "negation", of: grading, what: what,
            use: "counts (the default: 'we never rolled back' does not earn rollback)"
                + " or ignored (for short factual answers where 'not' is part of the right answer)",
            reader: &reader)
    }

    private func parseRule<Rule: RawRepresentable & CaseIterable>(
        _ key: String, of grading: Node.Mapping, what: String, use: String, reader: inout YAMLReader
    ) -> Rule? where Rule.RawValue == String {
        guard let text = reader.string(grading, key, in: "'grading' of \(what)") else { return nil }
        if let rule = Rule(rawValue: text) { return rule }
        let hint =
            closestMatch(to: text, in: Rule.allCases.map(\.rawValue)).map { "did you mean '\($0)'? " } ?? ""
        reader.error(at: grading[text: key], "'\(key)' in 'grading' of \(what) is '\(text)'; \(hint)use \(use)")
        return nil
    }

    func parseTimeLimit(_ map: Node.Mapping, what: String, reader: inout YAMLReader) -> Int? {
        guard let text = reader.string(map, "time_limit", in: what) else { return nil }
        if let seconds = Duration.seconds(parsing: text), seconds > 0 { return seconds }
        reader.error(at: map[text: "time_limit"], "'time_limit' of \(what) is '\(text)'; write it as 90s, 3m or 2m30s")
        return nil
    }

    mutating func parseRubricConcepts(_ map: Node.Mapping, question: String, reader: inout YAMLReader)
        -> [RubricConcept]
    {
        var result: [RubricConcept] = []
        let what = "question '\(question)'"
        for item in reader.sequence(map[text: "concepts"], "'concepts' of \(what)") {
            guard let entry = reader.mapping(item, "a concept of \(what)") else { continue }
            var concept: Concept
            if let ref = reader.string(entry, "ref", in: "a concept of \(what)") {
                reader.rejectUnknownKeys(entry, allowed: RubricKeys.conceptReference, in: "concept '\(ref)' of \(what)")
                guard let shared = concepts[ref] else {
                    let hint = closestMatch(to: ref, in: concepts.keys).map { "did you mean '\($0)'? " } ?? ""
                    reader.error(
                        at: entry[text: "ref"],
                        "\(what) refers to concept '\(ref)', which no file in concepts/ defines; \(hint)define it or fix the ref"
                    )
                    continue
                }
                concept = shared
                usedConcepts.insert(ref)
                let owner = "concept '\(ref)' of \(what)"
                concept.patterns = excluding(entry, from: shared, owner: owner, reader: &reader)
                concept.patterns += readPatterns(entry, key: "patterns", owner: owner, reader: &reader)
                if concept.patterns.isEmpty {
                    reader.error(
                        at: entry[text: "exclude_patterns"] ?? item,
                        "\(owner) excludes every pattern of the shared concept; keep one or add 'patterns:'")
                }
                if let label = reader.string(entry, "label", in: owner) { concept.label = label }
                if let why = reader.string(entry, "why", in: owner) { concept.why = why }
                if let followUp = reader.string(entry, "follow_up", in: owner) { concept.followUp = followUp }
                if let typos = reader.bool(entry, "typos", in: owner) { concept.typos = typos }
            } else {
                guard let inline = parseConcept(item, reader: &reader, inQuestion: question) else { continue }
                concept = inline
                if let shared = conceptLocations[inline.id] {
                    reader.warning(
                        at: entry[text: "id"],
                        "concept '\(inline.id)' of \(what) has the id of the shared concept defined at \(shared), so the two can drift apart; use '- ref: \(inline.id)' (adding patterns there) or rename this one"
                    )
                }
            }
            if result.contains(where: { $0.id == concept.id }) {
                reader.error(at: item, "concept '\(concept.id)' appears twice in \(what); keep one")
                continue
            }
            let weight = reader.number(entry, "weight", in: "concept '\(concept.id)' of \(what)") ?? 1
            if weight <= 0 {
                reader.error(
                    at: entry[text: "weight"],
                    "concept '\(concept.id)' of \(what) has weight \(weight.formatted); a weight must be positive")
            }
            let required = reader.bool(entry, "required", in: "concept '\(concept.id)' of \(what)") ?? false
            result.append(
                RubricConcept(concept: concept, weight: weight, required: required, location: reader.location(item)))
        }
        if result.isEmpty, map[text: "concepts"] == nil || !reader.diagnostics.hasErrors {
            reader.error(
                at: map[text: "concepts"] ?? .mapping(map),
                "\(what) has no concepts; add at least one under 'concepts:' so answers can be graded")
        }
        return result
    }
}
