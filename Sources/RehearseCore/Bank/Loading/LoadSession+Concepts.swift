import Foundation
import PCRE2
import Yams

extension LoadSession {
    // MARK: concepts/

    mutating func loadConcepts() {
        for url in yamlFiles(in: root.appendingPathComponent(BankLoader.conceptsFolder)) {
            guard case (var reader, let node, _)? = read(url) else { continue }
            if let top = reader.mapping(node, "a concepts file") {
                reader.rejectUnknownKeys(top, allowed: RubricKeys.conceptsFile, in: "a concepts file")
                for item in reader.sequence(top[text: "concepts"], "'concepts'") {
                    guard let concept = parseConcept(item, reader: &reader, inQuestion: nil) else { continue }
                    if let previous = conceptLocations[concept.id] {
                        reader.error(at: item, "concept '\(concept.id)' is already defined at \(previous); rename one")
                        continue
                    }
                    concepts[concept.id] = concept
                    conceptLocations[concept.id] = reader.location(item)
                }
            }
            diagnostics += reader.diagnostics
        }
    }

    mutating func parseConcept(_ node: Node, reader: inout YAMLReader, inQuestion question: String?) -> Concept? {
        guard let map = reader.mapping(node, "a concept") else { return nil }
        let allowed = question == nil ? RubricKeys.sharedConcept : RubricKeys.inlineConcept
        reader.rejectUnknownKeys(map, allowed: allowed, in: "a concept")
        guard let id = reader.string(map, "id", in: "a concept", required: true) else { return nil }
        checkIdentifier(id, node: map[text: "id"], reader: &reader)
        let what = question.map { "concept '\(id)' of question '\($0)'" } ?? "concept '\(id)'"
        let label = reader.string(map, "label", in: what, required: true) ?? id
        let why = reader.string(map, "why", in: what, required: true) ?? ""
        let patterns = readPatterns(map, key: "patterns", owner: what, reader: &reader)
        if patterns.isEmpty { reader.error(at: node, "\(what) has no patterns; add 'patterns:' with at least one") }
        return Concept(
            id: id, label: label, patterns: patterns, why: why,
            followUp: reader.string(map, "follow_up", in: what), typos: reader.bool(map, "typos", in: what))
    }

    mutating func readPatterns(_ map: Node.Mapping, key: String, owner: String, reader: inout YAMLReader) -> [String] {
        reader.strings(map, key, in: owner).map { written, node in
            let (source, unknown) = synonyms.expand(written)
            for name in unknown {
                let hint = closestMatch(to: name, in: synonyms.groups.keys).map { "did you mean '{{\($0)}}'? " } ?? ""
                reader.error(
                    at: node,
                    "pattern '\(written)' in \(owner) uses the synonym group '{{\(name)}}', which \(SynonymTable.fileName) does not define; \(hint)add it there or fix the name"
                )
            }
            guard unknown.isEmpty else { return written }
            // A compile error's offset is into the expanded text, so point at the pattern's start then.
            let site = PatternSite(
                source: source, location: reader.location(node),
                columns: source == written ? reader.columns(of: node) : nil, owner: owner)
            PatternChecks.controlCharacter(in: site, style: node.scalar?.style).map { reader.error(at: $0.0, $0.1) }
            patternSites.append(site)
            return source
        }
    }

    func checkIdentifier(_ id: String, node: Node?, reader: inout YAMLReader) {
        if !Identifier.isValid(id) { reader.error(at: node, Identifier.problem(id)) }
    }

    /// The shared concept's patterns without those the question's `exclude_patterns` drops, each of
    /// which must be one of them as written in concepts/.
    func excluding(_ entry: Node.Mapping, from shared: Concept, owner: String, reader: inout YAMLReader) -> [String] {
        var patterns = shared.patterns
        for (written, node) in reader.strings(entry, "exclude_patterns", in: owner) {
            let source = synonyms.expand(written).0
            guard let index = patterns.firstIndex(of: source) else {
                let hint = closestMatch(to: source, in: shared.patterns).map { "did you mean '\($0)'? " } ?? ""
                reader.error(
                    at: node,
                    "\(owner) excludes pattern '\(written)', which the shared concept does not have; \(hint)copy it exactly from concepts/"
                )
                continue
            }
            patterns.remove(at: index)
        }
        return patterns
    }

    /// A shared concept no question refers to: dead weight, or a question that forgot its `ref`.
    mutating func reportUnusedConcepts() {
        for (id, location) in conceptLocations.sorted(by: { $0.value < $1.value }) where !usedConcepts.contains(id) {
            diagnostics.append(
                Diagnostic(
                    .warning, at: location,
                    "shared concept '\(id)' is used by no question; add '- ref: \(id)' where it belongs, or delete it"))
        }
    }

}
