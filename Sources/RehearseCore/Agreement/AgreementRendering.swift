/// Renders an agreement report: text for a coach at a terminal, JSON for scripts (documented in
/// Rubrics/README.md).
extension AgreementReport {
    /// What in one graded response explains its score: the evidence that fired, and the concepts that
    /// did not (those the marker labelled, or, when the rubric was harsher and no labels were given,
    /// every missing one).
    struct RowEvidence {
        var fired: [Outcome.Concept]
        var missed: [(concept: Outcome.Concept, labelled: Bool)]
    }

    func explanation(of row: Row) -> RowEvidence {
        let labelled = row.response.concepts.map(Set.init)
        let missed = row.grade.concepts.filter { !$0.matched }.compactMap { concept -> (Outcome.Concept, Bool)? in
            if let labelled { return labelled.contains(concept.id) ? (concept, true) : nil }
            return row.difference < 0 ? (concept, false) : nil
        }
        return RowEvidence(fired: row.grade.concepts.filter(\.matched), missed: missed)
    }

    // MARK: Text

    public func text(style: TextStyle, worst count: Int = 5, showingAll: Bool = false) -> String {
        let scale = MarkedResponses.scale(rows.map(\.response))
        var lines = [
            style.bold("Agreement with \(rows.count) marked response\(rows.count == 1 ? "" : "s")")
                + (scale == 20 ? " (marks 0–5, shown ×20)" : " (marks 0–100)")
        ]
        lines.append("Overall: " + Self.summary(overall))
        if !byKind.isEmpty {
            lines.append("")
            lines.append(
                style.bold("By kind of answer") + style.dim(" (mean score ± spread, lowest–highest; human mean)"))
            let kindWidth = byKind.map(\.kind.count).max() ?? 0
            for kind in byKind {
                lines.append(
                    "  \(kind.kind.padding(toLength: kindWidth, withPad: " ", startingAt: 0))  \(Self.whole(kind.meanScore)) ± \(Self.whole(kind.spread)), \(kind.lowest)–\(kind.highest); human \(Self.whole(kind.meanHumanScore)) · \(kind.responses) response\(kind.responses == 1 ? "" : "s")"
                )
            }
        }
        lines.append("")
        lines.append(style.bold("By question"))
        let width = byQuestion.map(\.id.count).max() ?? 0
        for (id, measures) in byQuestion {
            lines.append("  \(id.padding(toLength: width, withPad: " ", startingAt: 0))  " + Self.summary(measures))
        }
        if !concepts.isEmpty {
            lines.append("")
            lines.append(style.bold("Concepts, against the marker's labels"))
            let conceptWidth = concepts.map(\.id.count).max() ?? 0
            for concept in concepts {
                lines.append(
                    "  \(concept.id.padding(toLength: conceptWidth, withPad: " ", startingAt: 0))  precision \(Self.percent(concept.precision))  recall \(Self.percent(concept.recall))  "
                        + style.dim(
                            "(\(concept.agreed) agreed, \(concept.onlyRubric) only the rubric, \(concept.onlyMarker) only the marker)"
                        ))
            }
        }
        lines.append("")
        if showingAll {
            for (id, _) in byQuestion {
                lines.append(style.bold("Responses to \(id)"))
                for row in rows where row.response.questionID == id { lines += rowLines(row, style: style) }
            }
        } else {
            lines.append(style.bold("Worst disagreements"))
            for row in worst(count) { lines += rowLines(row, style: style) }
            for (id, _) in byQuestion where byQuestion.count > 1 {
                lines.append(style.bold("Worst for \(id)"))
                for row in worst(min(count, 3), in: id) { lines += rowLines(row, style: style) }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func rowLines(_ row: Row, style: TextStyle) -> [String] {
        let gap = Int(row.difference.rounded())
        let verdict = gap == 0 ? "agrees" : gap > 0 ? "rubric \(gap) higher" : "rubric \(-gap) lower"
        let bandStyle =
            Self.bandDistance(row) == 0 ? style.green : Self.bandDistance(row) == 1 ? style.yellow : style.red
        var lines = [
            "  \(row.response.questionID) line \(row.response.line): mark \(Int(row.humanScore.rounded())), score \(row.grade.score) "
                + bandStyle("(\(verdict))")
        ]
        lines.append(style.dim("    \"\(Self.snippet(row.response.answer).terminalSafe)\""))
        let explanation = explanation(of: row)
        for concept in explanation.fired {
            let credit = concept.isNamedOnly ? " named only" : ""
            lines.append(
                "    " + style.green("fired ")
                    + " \(concept.id)\(credit): \"\(concept.evidence?.quote.terminalSafe ?? "")\" "
                    + style.dim(concept.evidence?.pattern ?? ""))
        }
        for (concept, labelled) in explanation.missed {
            lines.append("    " + style.red("missed") + " \(concept.id)" + (labelled ? " (the marker found it)" : ""))
        }
        return lines
    }

    static func summary(_ measures: Measures) -> String {
        "r \(number(measures.pearson)) · Spearman \(number(measures.spearman)) · order \(percent(measures.pairwiseOrder)) of \(measures.pairs) pairs · same band \(percent(measures.sameBand)) · within one band \(percent(measures.withinOneBand)) · \(measures.responses) responses"
    }

    public static func number(_ value: Double?) -> String {
        guard let value else { return "n/a" }
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        return "\(sign)\(magnitude / 100).\(magnitude % 100 < 10 ? "0" : "")\(magnitude % 100)"
    }

    static func whole(_ value: Double) -> String { String(Int(value.rounded())) }

    static func percent(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded()))%" } ?? "n/a" }

    static func snippet(_ answer: String, limit: Int = 100) -> String {
        let flat = answer.collapsingWhitespace
        return flat.count <= limit ? flat : String(flat.prefix(limit)) + "…"
    }

    // MARK: JSON

    struct JSONShape: Encodable {
        struct Question: Encodable {
            var id: String
            var measures: Measures
            var worstLines: [Int]
        }
        struct Response: Encodable {
            struct Fired: Encodable {
                var concept: String, quote: String?, evidence: String?, pattern: String?, credit: Double
            }
            struct Missed: Encodable { var concept: String, labelled: Bool }
            var questionId: String, line: Int, answer: String, mark: Double, humanScore: Double, score: Int
            var difference: Double
            var fired: [Fired]
            var missed: [Missed]
        }
        var markScale: Double
        var overall: Measures
        var questions: [Question]
        var kinds: [KindSummary]
        var concepts: [ConceptAgreement]
        var worst: [Response]
        var responses: [Response]
    }

    public func json(worst count: Int = 5) -> String {
        func response(_ row: Row) -> JSONShape.Response {
            let explanation = explanation(of: row)
            return .init(
                questionId: row.response.questionID, line: row.response.line, answer: row.response.answer,
                mark: row.response.mark, humanScore: row.humanScore, score: row.grade.score, difference: row.difference,
                fired: explanation.fired.map {
                    .init(
                        concept: $0.id, quote: $0.evidence?.quote, evidence: $0.evidence?.context,
                        pattern: $0.evidence?.pattern, credit: $0.credit)
                },
                missed: explanation.missed.map { .init(concept: $0.concept.id, labelled: $0.labelled) })
        }
        return JSONOutput.encode(
            JSONShape(
                markScale: MarkedResponses.scale(rows.map(\.response)), overall: overall,
                questions: byQuestion.map {
                    .init(id: $0.id, measures: $0.measures, worstLines: worst(count, in: $0.id).map(\.response.line))
                },
                kinds: byKind, concepts: concepts, worst: worst(count).map(response), responses: rows.map(response)))
    }
}
