import Foundation

/// `rehearse progress`: scores per domain and per concept across every transcript, over time, the
/// weakest concepts first. Built from the transcripts alone, so it also covers questions since removed.
public struct ProgressReport {
    /// One answered question's score in a domain.
    public struct DomainProgress: Sendable {
        public var id: String
        /// Scores in the order they were answered.
        public var scores: [Double]
        /// When each score was earned.
        public var dates: [Date]
        public var average: Double { scores.mean }
        public var trend: Trend { Trend(scores) }
    }

    /// Every time a concept was graded: missed, earned after a follow-up, or earned at once.
    public struct ConceptProgress: Sendable {
        public var id: String
        /// The label the latest grade gave it.
        public var label: String
        public var recalls: [Transcript.Recall]
        public var lastSeen: Date
        /// Percent of the possible credit: good 100, hard 50, again 0, averaged.
        public var mastery: Double { recalls.map(\.score).mean }
        public var trend: Trend { Trend(recalls.map(\.score)) }
    }

    public var sessions: Int
    public var answers: Int
    public var firstDate: Date?
    public var lastDate: Date?
    public var domains: [DomainProgress]
    /// Weakest first: lowest mastery, then the most often seen; the first `top` of them.
    public var concepts: [ConceptProgress]
    /// How many concepts were graded in all, shown or not.
    public var conceptCount: Int
    public var timeZone: TimeZone

    /// How many of the weakest concepts a report shows unless told otherwise.
    public static let defaultTop = 10

    /// What a report keeps of the transcripts, added one at a time, so that a folder of any size is
    /// read one transcript at a time: of each graded answer its date, domain, score and concepts.
    public struct Tally {
        struct Answer {
            var answeredAt: Date
            var domain: String
            var score: Int
            var concepts: [(id: String, label: String, recall: Transcript.Recall)]
        }
        var answers: [Answer] = []
        var sessions = 0
        /// One copy of each id and label, however many answers name it.
        private var strings: [String: String] = [:]

        public init() {}

        public mutating func add(_ transcript: Transcript) {
            // An answer that could not be graded holds a placeholder grade: it counts once `regrade` grades it.
            let graded = transcript.entries.filter { !$0.skipped && $0.ungraded == nil }
            if !graded.isEmpty { sessions += 1 }
            for entry in graded {
                answers.append(
                    Answer(
                        answeredAt: entry.answeredAt, domain: shared(entry.domain), score: entry.grade.score,
                        concepts: entry.grade.concepts.map {
                            (shared($0.id), shared($0.label), entry.recall(of: $0))
                        }))
            }
        }

        private mutating func shared(_ string: String) -> String {
            if let known = strings[string] { return known }
            strings[string] = string
            return string
        }
    }

    public init(transcripts: [Transcript], top: Int = defaultTop, timeZone: TimeZone = .current) {
        var tally = Tally()
        for transcript in transcripts { tally.add(transcript) }
        self.init(tally: tally, top: top, timeZone: timeZone)
    }

    public init(tally: Tally, top: Int = defaultTop, timeZone: TimeZone = .current) {
        self.timeZone = timeZone
        let entries = tally.answers.sorted { $0.answeredAt < $1.answeredAt }
        sessions = tally.sessions
        answers = entries.count
        firstDate = entries.first?.answeredAt
        lastDate = entries.last?.answeredAt
        var domainOrder: [String] = []
        var scoresByDomain: [String: [Double]] = [:]
        var datesByDomain: [String: [Date]] = [:]
        var conceptOrder: [String] = []
        var conceptsByID: [String: ConceptProgress] = [:]
        for entry in entries {
            if scoresByDomain[entry.domain] == nil { domainOrder.append(entry.domain) }
            scoresByDomain[entry.domain, default: []].append(Double(entry.score))
            datesByDomain[entry.domain, default: []].append(entry.answeredAt)
            for concept in entry.concepts {
                let recall = concept.recall
                // In place: a copy taken out and put back would copy every recall so far, each time.
                if conceptsByID[concept.id] != nil {
                    conceptsByID[concept.id]?.recalls.append(recall)
                    conceptsByID[concept.id]?.label = concept.label
                    conceptsByID[concept.id]?.lastSeen = entry.answeredAt
                } else {
                    conceptOrder.append(concept.id)
                    conceptsByID[concept.id] = ConceptProgress(
                        id: concept.id, label: concept.label, recalls: [recall], lastSeen: entry.answeredAt)
                }
            }
        }
        domains = domainOrder.map {
            DomainProgress(id: $0, scores: scoresByDomain[$0] ?? [], dates: datesByDomain[$0] ?? [])
        }
        .sorted { ($0.average, $0.id) < ($1.average, $1.id) }
        let ranked = conceptOrder.compactMap { conceptsByID[$0] }.sorted { a, b in
            if a.mastery != b.mastery { return a.mastery < b.mastery }
            if a.recalls.count != b.recalls.count { return a.recalls.count > b.recalls.count }
            return a.id < b.id
        }
        conceptCount = ranked.count
        concepts = Array(ranked.prefix(max(1, top)))
    }

    private var conceptHeading: String {
        concepts.count < conceptCount
            ? "The \(concepts.count) weakest of \(conceptCount) concepts" : "Concepts, weakest first"
    }

    public func render(_ format: OutputFormat, style: TextStyle = .plain) -> String {
        switch format {
        case .text: text(style: style)
        case .markdown: markdown()
        case .json: json()
        }
    }

    private var periodText: String {
        guard let firstDate, let lastDate else { return "" }
        let first = DrillDates.day(firstDate, in: timeZone), last = DrillDates.day(lastDate, in: timeZone)
        return first == last ? first : "\(first) to \(last)"
    }

    private var headline: String {
        "\(sessions) session\(sessions == 1 ? "" : "s"), \(answers) answer\(answers == 1 ? "" : "s"), \(periodText)"
    }

    // MARK: Text

    public func text(style: TextStyle) -> String {
        var lines = ["Progress over \(headline)", ""]
        let domainWidth = max(6, domains.map(\.id.count).max() ?? 0)
        lines.append(style.bold("Domain".padded(domainWidth) + "  answers  average  trend"))
        for domain in domains {
            let average = Int(domain.average.rounded())
            lines.append(
                domain.id.padded(domainWidth) + "  " + "\(domain.scores.count)".leftPadded(7) + "  "
                    + style.band(Band(score: average), "\(average)".leftPadded(7))
                    + "  \(domain.trend.arrow) \(Sparkline.of(domain.scores))")
        }
        lines.append("")
        let conceptWidth = max(conceptHeading.count, concepts.map(\.label.count).max() ?? 0)
        lines.append(style.bold(conceptHeading.padded(conceptWidth) + "  seen  mastery  trend"))
        for concept in concepts {
            let mastery = Int(concept.mastery.rounded())
            let sparkline = Sparkline.of(concept.recalls.map(\.score))
            lines.append(
                concept.label.padded(conceptWidth) + "  " + "\(concept.recalls.count)".leftPadded(4) + "  "
                    + style.band(Band(score: mastery), "\(mastery)%".leftPadded(7))
                    + "  \(concept.trend.arrow) \(sparkline.padded(5))  " + style.dim(concept.id))
        }
        lines.append("")
        lines.append(
            style.dim(
                "Mastery: earned at once 100, only after the follow-up 50, missed 0, averaged. Trend: the last 3 against the ones before."
            ))
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Markdown

    public func markdown() -> String {
        var out = "# Progress\n\n\(Markdown.escape(headline))\n\n## Domains\n\n"
        out += "| Domain | Answers | Average | Chart | Trend |\n| --- | ---: | ---: | --- | --- |\n"
        for domain in domains {
            let average = Int(domain.average.rounded())
            out +=
                "| \(Markdown.escape(domain.id)) | \(domain.scores.count) | \(average) | `\(Markdown.bar(domain.average)) \(average)` | \(domain.trend.arrow) \(Sparkline.of(domain.scores)) |\n"
        }
        out += "\n" + ProgressChart(domains: domains, timeZone: timeZone).markdown()
        out +=
            "\n## \(conceptHeading)\n\n| Concept | Id | Seen | Mastery | Trend |\n| --- | --- | ---: | ---: | --- |\n"
        for concept in concepts {
            out +=
                "| \(Markdown.escape(concept.label)) | \(Markdown.escape(concept.id)) | \(concept.recalls.count) | \(Int(concept.mastery.rounded()))% | \(concept.trend.arrow) \(Sparkline.of(concept.recalls.map(\.score))) |\n"
        }
        out +=
            "\nMastery: a concept earned at once counts 100, earned only after the follow-up 50, missed 0, averaged over every answer that was graded on it. Trend compares the last three with the ones before.\n"
        return out
    }

    // MARK: JSON

    struct JSONShape: Encodable {
        struct Domain: Encodable {
            var id: String, answers: Int, average: Double, trend: Trend, scores: [Double]
        }
        struct Concept: Encodable {
            var id: String, label: String, seen: Int, mastery: Double, trend: Trend, recalls: [Transcript.Recall]
            var lastSeen: String
        }
        var sessions: Int, answers: Int
        var domains: [Domain]
        var concepts: [Concept]
    }

    public func json() -> String {
        JSONOutput.encode(
            JSONShape(
                sessions: sessions, answers: answers,
                domains: domains.map {
                    .init(
                        id: $0.id, answers: $0.scores.count, average: ($0.average * 10).rounded() / 10, trend: $0.trend,
                        scores: $0.scores)
                },
                concepts: concepts.map {
                    .init(
                        id: $0.id, label: $0.label, seen: $0.recalls.count, mastery: ($0.mastery * 10).rounded() / 10,
                        trend: $0.trend, recalls: $0.recalls, lastSeen: DrillDates.iso($0.lastSeen))
                }))
    }
}

extension String {
    func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
