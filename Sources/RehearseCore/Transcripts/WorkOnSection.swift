/// "What to work on", the first section of every report: the session's weakest concepts (missed before
/// earned only after the follow-up, required before optional, heavier first), each with why it matters
/// and the command that practises it again. Built from the transcript alone, like the rest of the report.
struct WorkOnSection {
    static let most = 5

    var transcript: Transcript

    struct Item {
        var label: String
        var why: String
        var recall: Transcript.Recall
        var questionID: String
    }

    var items: [Item] {
        var seen: Set<String> = []
        var candidates: [(item: Item, required: Bool, weight: Double, order: Int)] = []
        for entry in transcript.entries where !entry.skipped && entry.grade.choice == nil {
            for concept in entry.grade.concepts where !seen.contains(concept.id) {
                let recall = entry.recall(of: concept)
                guard recall != .good else { continue }
                seen.insert(concept.id)
                candidates.append(
                    (
                        Item(label: concept.label, why: concept.why, recall: recall, questionID: entry.questionID),
                        concept.required, concept.weight, candidates.count
                    ))
            }
        }
        return candidates.sorted { a, b in
            if a.item.recall != b.item.recall { return a.item.recall == .again }
            if a.required != b.required { return a.required }
            if a.weight != b.weight { return a.weight > b.weight }
            return a.order < b.order
        }.prefix(Self.most).map(\.item)
    }

    func markdown() -> String {
        var out = "## What to work on\n\n"
        let items = items
        guard !items.isEmpty else {
            let skipped = transcript.entries.filter(\.skipped).map { "`\(Markdown.escape($0.questionID))`" }
            if !skipped.isEmpty {
                return out + "Every answered concept was earned at once. Skipped: \(skipped.joined(separator: ", ")); "
                    + "try them with `rehearse practice --question ID`.\n"
            }
            return out + "Every concept was earned at once. Next: `rehearse drill`, or a harder mix with "
                + "`rehearse practice --exam --count 20`.\n"
        }
        for item in items {
            let how = item.recall == .again ? "missed" : "only after the follow-up"
            out +=
                "- **\(Markdown.escape(item.label))** (\(how) in \(Markdown.escape(item.questionID))): "
                + "\(Markdown.escape(item.why)) Practise it: `rehearse practice --question \(item.questionID)`\n"
        }
        return out
    }
}
