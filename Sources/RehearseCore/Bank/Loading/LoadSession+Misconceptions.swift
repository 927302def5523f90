import Foundation
import PCRE2
import Yams

extension LoadSession {
    // MARK: misconceptions/

    mutating func loadSharedMisconceptions() {
        for url in yamlFiles(in: root.appendingPathComponent(BankLoader.misconceptionsFolder)) {
            guard case (var reader, let node, _)? = read(url) else { continue }
            if let top = reader.mapping(node, "a misconceptions file") {
                reader.rejectUnknownKeys(top, allowed: RubricKeys.misconceptionsFile, in: "a misconceptions file")
                for item in reader.sequence(top[text: "misconceptions"], "'misconceptions'") {
                    guard let entry = reader.mapping(item, "a misconception") else { continue }
                    guard let misconception = parseMisconception(entry, item: item, question: nil, reader: &reader)
                    else { continue }
                    if let previous = misconceptionLocations[misconception.id] {
                        reader.error(
                            at: item,
                            "misconception '\(misconception.id)' is already defined at \(previous); rename one")
                        continue
                    }
                    misconceptions[misconception.id] = misconception
                    misconceptionLocations[misconception.id] = reader.location(item)
                }
            }
            diagnostics += reader.diagnostics
        }
    }

    /// A misconception defined in place (`question` is "question 'its-id'") or in misconceptions/ (nil).
    mutating func parseMisconception(
        _ entry: Node.Mapping, item: Node, question: String?, reader: inout YAMLReader
    ) -> Misconception? {
        let place = question.map { " of \($0)" } ?? ""
        reader.rejectUnknownKeys(entry, allowed: RubricKeys.misconception, in: "a misconception\(place)")
        guard let id = reader.string(entry, "id", in: "a misconception\(place)", required: true) else { return nil }
        checkIdentifier(id, node: entry[text: "id"], reader: &reader)
        let owner = "misconception '\(id)'\(place)"
        let patterns =
            readPatterns(entry, key: "pattern", owner: owner, reader: &reader)
            + readPatterns(entry, key: "patterns", owner: owner, reader: &reader)
        if patterns.isEmpty { reader.error(at: item, "\(owner) has no pattern; add 'pattern:'") }
        let penalty = readPenalty(entry, owner: owner, reader: &reader) ?? 1
        return Misconception(
            id: id, label: reader.string(entry, "label", in: owner) ?? id, patterns: patterns, penalty: penalty,
            why: reader.string(entry, "why", in: owner, required: true) ?? "",
            contradicts: reader.strings(entry, "contradicts", in: owner).map(\.0), location: reader.location(item))
    }

    func readPenalty(_ entry: Node.Mapping, owner: String, reader: inout YAMLReader) -> Double? {
        guard let penalty = reader.number(entry, "penalty", in: owner) else { return nil }
        if penalty <= 0 {
            reader.error(
                at: entry[text: "penalty"], "\(owner) has penalty \(penalty.formatted); a penalty must be positive")
        }
        return penalty
    }

    mutating func parseMisconceptions(
        _ map: Node.Mapping, what: String, conceptIDs: Set<String>, reader: inout YAMLReader
    ) -> [Misconception] {
        var result: [Misconception] = []
        for item in reader.sequence(map[text: "misconceptions"], "'misconceptions' of \(what)") {
            guard let entry = reader.mapping(item, "a misconception of \(what)") else { continue }
            let misconception: Misconception
            if let ref = reader.string(entry, "ref", in: "a misconception of \(what)") {
                guard let shared = referencedMisconception(ref, entry: entry, what: what, reader: &reader) else {
                    continue
                }
                // A shared claim may contradict concepts this question does not use.
                misconception = shared.contradicting(only: conceptIDs)
            } else {
                guard let inline = parseMisconception(entry, item: item, question: what, reader: &reader) else {
                    continue
                }
                for id in inline.contradicts where !conceptIDs.contains(id) {
                    let hint = closestMatch(to: id, in: conceptIDs).map { "did you mean '\($0)'? " } ?? ""
                    reader.error(
                        at: entry[text: "contradicts"],
                        "misconception '\(inline.id)' of \(what) contradicts concept '\(id)', which the question does not use; \(hint)fix the id"
                    )
                }
                misconception = inline
            }
            if result.contains(where: { $0.id == misconception.id }) {
                reader.error(at: item, "misconception '\(misconception.id)' appears twice in \(what); keep one")
                continue
            }
            result.append(misconception)
        }
        return result
    }

    mutating func referencedMisconception(
        _ ref: String, entry: Node.Mapping, what: String, reader: inout YAMLReader
    ) -> Misconception? {
        let owner = "misconception '\(ref)' of \(what)"
        reader.rejectUnknownKeys(entry, allowed: RubricKeys.misconceptionReference, in: owner)
        guard var shared = misconceptions[ref] else {
            let hint = closestMatch(to: ref, in: misconceptions.keys).map { "did you mean '\($0)'? " } ?? ""
            reader.error(
                at: entry[text: "ref"],
                "\(what) refers to misconception '\(ref)', which no file in misconceptions/ defines; \(hint)define it or fix the ref"
            )
            return nil
        }
        shared.patterns += readPatterns(entry, key: "patterns", owner: owner, reader: &reader)
        if let label = reader.string(entry, "label", in: owner) { shared.label = label }
        if let why = reader.string(entry, "why", in: owner) { shared.why = why }
        if let penalty = readPenalty(entry, owner: owner, reader: &reader) { shared.penalty = penalty }
        if entry[text: "contradicts"] != nil {
            shared.contradicts = reader.strings(entry, "contradicts", in: owner).map(\.0)
        }
        return shared
    }

}
