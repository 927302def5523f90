import Foundation
import PCRE2
import Yams

extension LoadSession {
    // MARK: bank.yaml

    mutating func loadDomains() {
        let url = root.appendingPathComponent(BankLoader.bankFile)
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.append(
                Diagnostic(
                    .error, at: SourceLocation(file: displayPath(url)),
                    "bank.yaml is missing; it lists the domains and their exam weights (see Rubrics/README.md)"))
            return
        }
        guard case (var reader, let node, _)? = read(url) else { return }
        defer { diagnostics += reader.diagnostics }
        guard let top = reader.mapping(node, "bank.yaml") else { return }
        reader.rejectUnknownKeys(top, allowed: RubricKeys.bank, in: "bank.yaml")
        for item in reader.sequence(top[text: "domains"], "'domains'") {
            guard let map = reader.mapping(item, "a domain") else { continue }
            reader.rejectUnknownKeys(map, allowed: RubricKeys.domain, in: "a domain")
            guard let id = reader.string(map, "id", in: "a domain", required: true) else { continue }
            let what = "domain '\(id)'"
            let title = reader.string(map, "title", in: what, required: true) ?? id
            let weight = reader.number(map, "weight", in: what) ?? 0
            if weight <= 0 {
                reader.error(
                    at: map[text: "weight"] ?? item, "\(what) needs a positive 'weight' (its percent of an exam)")
            }
            if domains.contains(where: { $0.id == id }) {
                reader.error(at: map[text: "id"], "domain '\(id)' is listed twice")
            }
            domains.append(Domain(id: id, title: title, weight: weight))
        }
        if domains.isEmpty { reader.error(at: node, "bank.yaml lists no domains; add a 'domains:' list") }
        let total = domains.reduce(0) { $0 + $1.weight }
        if !domains.isEmpty, abs(total - 100) > 0.01 {
            reader.warning(at: top[text: "domains"], "domain weights add up to \(total.formatted), not 100")
        }
    }

}
