/// When a grade may be off, and why: said in the feedback and kept in the transcript for the coach.
enum GradeCaveats {
    /// A score this close to a band's edge could land in the next band with one more or one less point.
    static let bandEdgeDistance = 2
    /// A concept this heavy (share of the total weight) decides the band on its own.
    static let heavyShare = 0.25

    static func find(in concepts: [ConceptResult], breakdown: ScoreBreakdown) -> [String]? {
        var caveats: [String] = []
        let score = breakdown.score
        if let edge = Band.edges.first(where: { ($0 - bandEdgeDistance)..<($0 + bandEdgeDistance) ~= score }) {
            let band = Band(score: edge)
            caveats.append(
                "The score is within \(bandEdgeDistance) points of the \(band.rawValue) band (\(edge)): a word more or less could move it."
            )
        }
        for concept in concepts where concept.matched && !concept.isNamedOnly {
            guard breakdown.totalWeight > 0, concept.weight / breakdown.totalWeight >= heavyShare,
                let quote = concept.evidence?.quote, !quote.contains(where: \.isWhitespace)
            else { continue }
            caveats.append(
                "'\(concept.label)' rests on the single word \"\(quote)\": a human grader may not read it as the idea.")
        }
        return caveats.isEmpty ? nil : caveats
    }
}
