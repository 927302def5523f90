import Foundation
import PCRE2
import Yams

extension LoadSession {
    // MARK: synonyms.yaml

    mutating func loadSynonyms() {
        let url = root.appendingPathComponent(SynonymTable.fileName)
        guard FileManager.default.fileExists(atPath: url.path), case (var reader, let node, _)? = read(url) else {
            return
        }
        defer { diagnostics += reader.diagnostics }
        guard let top = reader.mapping(node, "synonyms.yaml") else { return }
        reader.rejectUnknownKeys(top, allowed: ["synonyms"], in: "synonyms.yaml")
        guard let groupsNode = top[text: "synonyms"], let groups = reader.mapping(groupsNode, "'synonyms'") else {
            return
        }
        var table: [String: [String]] = [:]
        for (key, _) in groups {
            guard let name = key.string else { continue }
            checkIdentifier(name, node: key, reader: &reader)
            let terms = reader.strings(groups, name, in: "synonym group '\(name)'").map { $0.0.collapsingWhitespace }
                .filter { !$0.isEmpty }
            if terms.isEmpty {
                reader.error(at: key, "synonym group '\(name)' has no terms; list them: \(name): [word, other word]")
            }
            table[name] = terms
        }
        synonyms = SynonymTable(table)
    }

    /// The words of the bank that answers are corrected towards (see `TypoCorrector`).
    func vocabulary() -> TypoCorrector.Vocabulary {
        var texts: [String] = synonyms.groups.values.flatMap { $0 }
        for question in questions {
            texts += [question.prompt, question.sampleAnswer] + question.examples.map(\.answer)
            texts += question.rubric.concepts.map(\.concept.label)
        }
        texts += concepts.values.map(\.label)
        return TypoCorrector.vocabulary(patterns: patternSites.map(\.source), texts: texts)
    }

}
