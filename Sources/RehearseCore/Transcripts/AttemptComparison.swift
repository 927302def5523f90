/// Two tries at the same question side by side, for the report: score, time, the concepts earned and
/// missed in each, and what changed from one to the next.
struct AttemptComparison {
    var before: Transcript.Entry
    var after: Transcript.Entry

    private func earned(_ entry: Transcript.Entry) -> [String] {
        entry.skipped ? [] : entry.grade.concepts.filter(\.matched).map(\.label)
    }

    private func missed(_ entry: Transcript.Entry) -> [String] {
        entry.skipped ? entry.grade.concepts.map(\.label) : entry.grade.concepts.filter { !$0.matched }.map(\.label)
    }

    private func score(_ entry: Transcript.Entry) -> String {
        entry.skipped ? "skipped" : "\(entry.grade.score)/100 \(entry.grade.band.rawValue)"
    }

    private func list(_ labels: [String]) -> String {
        labels.isEmpty ? "—" : labels.map(Markdown.escape).joined(separator: "<br>")
    }

    func markdown() -> String {
        let first = before.attempt ?? 1, second = after.attempt ?? 1
        var out = "| | Attempt \(first) | Attempt \(second) |\n| --- | --- | --- |\n"
        out += "| Score | \(score(before)) | \(score(after)) |\n"
        out +=
            "| Time | \(TranscriptMarkdown.duration(before.seconds)) | \(TranscriptMarkdown.duration(after.seconds)) |\n"
        out += "| Covered | \(list(earned(before))) | \(list(earned(after))) |\n"
        out += "| Missing | \(list(missed(before))) | \(list(missed(after))) |\n\n"
        return out + "**What changed:** " + changes() + "\n\n"
    }

    /// "score 29 → 64; now covers Detects drift; still missing Alerts someone".
    func changes() -> String {
        let was = Set(earned(before)), now = Set(earned(after))
        var parts: [String] = []
        if !before.skipped, !after.skipped {
            let delta = after.grade.score - before.grade.score
            parts.append("score \(before.grade.score) → \(after.grade.score) (\(delta >= 0 ? "+" : "")\(delta))")
        }
        let gained = earned(after).filter { !was.contains($0) }
        let lost = earned(before).filter { !now.contains($0) }
        if !gained.isEmpty { parts.append("now covers " + gained.map(Markdown.escape).joined(separator: ", ")) }
        if !lost.isEmpty { parts.append("no longer covers " + lost.map(Markdown.escape).joined(separator: ", ")) }
        let still = missed(after)
        if !still.isEmpty { parts.append("still missing " + still.map(Markdown.escape).joined(separator: ", ")) }
        return parts.isEmpty ? "nothing." : parts.joined(separator: "; ") + "."
    }
}
