/// Turns what each concept's patterns found into its result: the best mention, how much it earns
/// (explained, named only, first earned in a follow-up) and whether a misconception cancelled it.
struct ConceptAssessment {
    let searches: [String: MentionSearch]
    /// The answer's lists (a statement, or a run of bullets), by list index.
    let lists: [Int: ListShape]

    /// How long a list is and whether it looks like one.
    struct ListShape {
        var words = 0
        var statements = 0
        var commas = 0
        var hasClause = false

        mutating func add(words: Int, commas: Int, hasClause: Bool) {
            self.words += words
            self.commas += commas
            self.hasClause = self.hasClause || hasClause
            statements += 1
        }

        /// Two commas or two bullets: "a, b, c", or "- a" "- b".
        var isListShaped: Bool { commas >= 2 || statements >= 2 }
    }
    let checksExplanation: Bool
    /// What a mention that only names the concept earns (`Rubric.namedOnlyCredit`).
    let namedOnlyCredit: Double
    /// Where the first follow-up answer starts in the graded text, in UTF-8 bytes; nil without follow-ups.
    let followUpStart: Int?
    /// How many concepts have their first affirmed mention in each list: a statement or a run of
    /// bullets that packs many concepts into few words is a list of names.
    private let conceptsPerList: [Int: Int]

    init(
        searches: [String: MentionSearch], lists: [Int: ListShape], checksExplanation: Bool,
        namedOnlyCredit: Double = Explanation.namedOnlyCredit, followUpStart: Int?
    ) {
        self.searches = searches
        self.lists = lists
        self.checksExplanation = checksExplanation
        self.namedOnlyCredit = namedOnlyCredit
        self.followUpStart = followUpStart
        var counts: [Int: Int] = [:]
        for search in searches.values {
            if let first = search.affirmed.first { counts[first.list, default: 0] += 1 }
        }
        self.conceptsPerList = counts
    }

    func result(for rubricConcept: RubricConcept, contradictedBy misconception: String?) -> ConceptResult {
        let concept = rubricConcept.concept
        let search = searches[concept.id] ?? MentionSearch()
        let inAnswer = best(search.affirmed.filter { !isInFollowUp($0) })
        var chosen = inAnswer
        var viaFollowUp = false
        if let later = best(search.affirmed.filter(isInFollowUp)),
            later.credit * Scoring.followUpCredit > (inAnswer?.credit ?? 0)
        {
            chosen = (later.mention, later.credit * Scoring.followUpCredit, later.explained)
            viaFollowUp = true
        }
        let earned = chosen != nil && misconception == nil
        return ConceptResult(
            id: concept.id, label: concept.label, weight: rubricConcept.weight, required: rubricConcept.required,
            matched: earned, credit: earned ? chosen?.credit ?? 0 : 0, evidence: chosen?.mention.evidence,
            negatedMention: chosen == nil ? search.rejected?.mention.evidence : nil, why: concept.why,
            followUp: concept.followUp, namedOnly: earned && chosen?.explained == false ? true : nil,
            rejectedBy: chosen == nil ? search.rejected?.cue : nil, contradictedBy: chosen == nil ? nil : misconception,
            viaFollowUp: earned && viaFollowUp ? true : nil)
    }

    /// The first explained mention, else the first one, with its credit.
    private func best(_ mentions: [Mention]) -> (mention: Mention, credit: Double, explained: Bool)? {
        if let explained = mentions.first(where: isExplained) { return (explained, 1, true) }
        return mentions.first.map { ($0, namedOnlyCredit, false) }
    }

    private func isInFollowUp(_ mention: Mention) -> Bool {
        followUpStart.map { mention.originalRange.lowerBound >= $0 } ?? false
    }

    private func isExplained(_ mention: Mention) -> Bool {
        // Full credit for a bare mention (`named_only: full`) leaves nothing to tell apart.
        guard checksExplanation, namedOnlyCredit < 1 else { return true }
        if mention.statementNamesOnly || mention.echoesPrompt { return false }
        let concepts = conceptsPerList[mention.list] ?? 1
        let list = lists[mention.list] ?? ListShape()
        // A sentence with a subject and a verb makes a claim unless it is shaped as a list.
        if !list.isListShaped, list.hasClause { return true }
        let wordsPerConcept = list.isListShaped ? Explanation.listWordsPerConcept : Explanation.wordsPerConcept
        let isList = concepts >= Explanation.listConcepts && list.words < wordsPerConcept * concepts
        return !isList || mention.itemIsSpecific
    }
}
