import Foundation

/// The scores of each domain over time as Mermaid xycharts, which GitHub and GitLab render in Markdown:
/// one chart per domain (an xychart has no legend, so one line per chart keeps it readable), a point per
/// day, the day's average score.
struct ProgressChart {
    var domains: [ProgressReport.DomainProgress]
    var timeZone: TimeZone

    func markdown() -> String {
        var out = "## Scores over time\n\nEach day's average score per domain (0–100).\n"
        for domain in domains.sorted(by: { $0.id < $1.id }) {
            let days = dailyAverages(domain)
            out += "\n```mermaid\nxychart-beta\n"
            out += "    title \(quoted(domain.id))\n"
            out += "    x-axis [\(days.map { quoted($0.day) }.joined(separator: ", "))]\n"
            out += "    y-axis \"Score\" 0 --> 100\n"
            out += "    line [\(days.map { String(Int($0.average.rounded())) }.joined(separator: ", "))]\n"
            out += "```\n"
        }
        return out
    }

    /// Days in order, "11-23", with the average of that day's scores.
    func dailyAverages(_ domain: ProgressReport.DomainProgress) -> [(day: String, average: Double)] {
        var order: [String] = []
        var scores: [String: [Double]] = [:]
        for (date, score) in zip(domain.dates, domain.scores) {
            let day = String(DrillDates.day(date, in: timeZone).dropFirst(5))
            if scores[day] == nil { order.append(day) }
            scores[day, default: []].append(score)
        }
        return order.map { ($0, scores[$0]?.mean ?? 0) }
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "'") + "\""
    }
}
