/// How a bank's rubrics agree with people who marked real answers: `rehearse rubric test --responses`.
public struct AgreementReport: Sendable {
    /// One marked answer, graded.
    public struct Row: Sendable {
        public var response: MarkedResponse
        public var grade: Outcome
        /// The human mark on 0–100.
        public var humanScore: Double
        /// Rubric score minus human score: positive when the rubric was more generous.
        public var difference: Double { Double(grade.score) - humanScore }
    }

    /// What a report keeps of a `Grade`: what it measures and prints, a small part of the whole, so a
    /// file of 100,000 marked answers fits in memory.
    public struct Outcome: Sendable {
        public struct Concept: Sendable {
            public var id: String
            public var matched: Bool
            public var isNamedOnly: Bool
            public var credit: Double
            /// The words that earned it; nil when it was not earned.
            public var evidence: Evidence?
        }

        public var score: Int
        public var band: Band
        public var concepts: [Concept]

        public init(_ grade: Grade) {
            score = grade.score
            band = grade.band
            concepts = grade.concepts.map {
                Concept(
                    id: $0.id, matched: $0.matched, isNamedOnly: $0.isNamedOnly, credit: $0.credit,
                    evidence: $0.matched ? $0.evidence : nil)
            }
        }
    }

    public struct Measures: Sendable, Encodable {
        public var responses: Int
        public var pearson: Double?
        public var spearman: Double?
        /// Of the pairs of answers to one question that the marks rank apart, the share the scores
        /// put in the same order.
        public var pairwiseOrder: Double?
        public var pairs: Int
        /// The share of answers whose score lands in the human mark's band (weak, partial, solid,
        /// strong): the accuracy Moodle's pattern-match question type reports.
        public var sameBand: Double
        /// The share of answers whose score lands in the human mark's band or the next one.
        public var withinOneBand: Double
    }

    public struct ConceptAgreement: Sendable, Encodable {
        public var id: String
        public var precision: Double?
        public var recall: Double?
        /// Labelled by the marker and found by the rubric, found but not labelled, labelled but not found.
        public var agreed: Int, onlyRubric: Int, onlyMarker: Int
    }

    /// How the scores of one kind of answer (strong, buzzword, negated, ...) fell, where the file says.
    public struct KindSummary: Sendable, Encodable {
        public var kind: String
        public var responses: Int
        public var meanScore: Double
        /// The standard deviation of the scores.
        public var spread: Double
        public var lowest: Int
        public var highest: Int
        /// The mean human mark, on 0–100.
        public var meanHumanScore: Double
    }

    public var rows: [Row]
    public var overall: Measures

    public var byQuestion: [(id: String, measures: Measures)]
    /// Per kind of answer, in order of first appearance; empty when the file labels no kinds.
    public var byKind: [KindSummary]
    public var concepts: [ConceptAgreement]

    /// Grades every response and compares; throws for a response to a question the bank lacks.
    public static func make(
        _ responses: [MarkedResponse], bank: Bank, grader: Grader, file: String
    ) throws -> AgreementReport {
        let scale = MarkedResponses.scale(responses)
        var rows: [Row] = []
        var unknownLabels: [LineProblem] = []
        for response in responses {
            guard let question = bank.questions.first(where: { $0.id == response.questionID }) else {
                throw AgreementError.unknownQuestion(
                    file: file, line: response.line, id: response.questionID,
                    suggestion: closestMatch(to: response.questionID, in: bank.questions.map(\.id)))
            }
            let ids = question.rubric.concepts.map(\.id)
            for label in response.concepts ?? [] where !ids.contains(label) {
                let hint = closestMatch(to: label, in: ids).map { "; did you mean '\($0)'?" } ?? ""
                unknownLabels.append(
                    LineProblem(
                        line: response.line,
                        problem:
                            "concept '\(label)' is not in the rubric of '\(question.id)' (\(ids.joined(separator: ", ")))\(hint)"
                    ))
            }
            rows.append(
                Row(
                    response: response, grade: Outcome(try grader.grade(response.answer, for: question)),
                    humanScore: response.mark * scale))
        }
        if !unknownLabels.isEmpty { throw AgreementError.unknownConcepts(file: file, problems: unknownLabels) }
        let ids = rows.map(\.response.questionID).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return AgreementReport(
            rows: rows, overall: measures(rows),
            byQuestion: ids.map { id in (id, measures(rows.filter { $0.response.questionID == id })) },
            byKind: kindSummaries(rows), concepts: conceptAgreement(rows))
    }

    static func measures(_ rows: [Row]) -> Measures {
        let scores = rows.map { Double($0.grade.score) }, marks = rows.map(\.humanScore)
        var agreeing = 0.0, pairs = 0
        for group in Dictionary(grouping: rows, by: \.response.questionID).values {
            guard
                let order = Statistics.pairwiseOrder(
                    scores: group.map { Double($0.grade.score) }, marks: group.map(\.humanScore))
            else { continue }
            agreeing += order.agreement * Double(order.pairs)
            pairs += order.pairs
        }
        let close = rows.filter { bandDistance($0) <= 1 }.count, same = rows.filter { bandDistance($0) == 0 }.count
        return Measures(
            responses: rows.count, pearson: Statistics.pearson(scores, marks),
            spearman: Statistics.spearman(scores, marks),
            pairwiseOrder: pairs == 0 ? nil : agreeing / Double(pairs), pairs: pairs,
            sameBand: rows.isEmpty ? 0 : Double(same) / Double(rows.count),
            withinOneBand: rows.isEmpty ? 0 : Double(close) / Double(rows.count))
    }

    static func kindSummaries(_ rows: [Row]) -> [KindSummary] {
        let kinds = rows.compactMap(\.response.kind).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return kinds.map { kind in
            let group = rows.filter { $0.response.kind == kind }
            let scores = group.map { Double($0.grade.score) }
            let mean = scores.reduce(0, +) / Double(scores.count)
            let variance = scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(scores.count)
            return KindSummary(
                kind: kind, responses: group.count, meanScore: mean, spread: variance.squareRoot(),
                lowest: group.map(\.grade.score).min() ?? 0, highest: group.map(\.grade.score).max() ?? 0,
                meanHumanScore: group.reduce(0) { $0 + $1.humanScore } / Double(group.count))
        }
    }

    static func bandDistance(_ row: Row) -> Int {
        let bands = Band.allCases
        let human = bands.firstIndex(of: Band(score: Int(row.humanScore.rounded())))!
        let rubric = bands.firstIndex(of: row.grade.band)!
        return abs(human - rubric)
    }

    static func conceptAgreement(_ rows: [Row]) -> [ConceptAgreement] {
        var tallies: [String: (agreed: Int, onlyRubric: Int, onlyMarker: Int)] = [:]
        var order: [String] = []
        for row in rows {
            guard let labelled = row.response.concepts.map(Set.init) else { continue }
            for concept in row.grade.concepts {
                if tallies[concept.id] == nil { order.append(concept.id) }
                var tally = tallies[concept.id, default: (0, 0, 0)]
                switch (concept.matched, labelled.contains(concept.id)) {
                case (true, true): tally.agreed += 1
                case (true, false): tally.onlyRubric += 1
                case (false, true): tally.onlyMarker += 1
                case (false, false): break
                }
                tallies[concept.id] = tally
            }
        }
        return order.map { id in
            let tally = tallies[id]!
            let found = tally.agreed + tally.onlyRubric, labelled = tally.agreed + tally.onlyMarker
            return ConceptAgreement(
                id: id, precision: found == 0 ? nil : Double(tally.agreed) / Double(found),
                recall: labelled == 0 ? nil : Double(tally.agreed) / Double(labelled),
                agreed: tally.agreed, onlyRubric: tally.onlyRubric, onlyMarker: tally.onlyMarker)
        }
    }

    /// The responses the rubric disagrees with most, largest gap first.
    public func worst(_ count: Int, in questionID: String? = nil) -> [Row] {
        let pool = questionID.map { id in rows.filter { $0.response.questionID == id } } ?? rows
        return Array(pool.sorted { abs($0.difference) > abs($1.difference) }.prefix(count))
    }
}
