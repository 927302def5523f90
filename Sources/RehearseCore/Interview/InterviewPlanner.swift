import Foundation

/// Draws the questions of an interview from the bank: filtered by domain and kind, in an order fixed by
/// the plan's seed, or, for a practice exam, in proportion to the domain weights of bank.yaml.
public struct InterviewPlanner {
    public var bank: Bank

    public init(bank: Bank) { self.bank = bank }

    /// The plan with its `questionIDs` drawn, freshest first: among the questions the filter allows, those
    /// never asked come first, then those asked longest ago (`lastAsked`, from the candidate's
    /// transcripts); the seed orders questions equally fresh. The same plan, bank and history always give
    /// the same questions in the same order; an empty history gives the seed's draw alone.
    public func draw(_ plan: InterviewPlan, lastAsked: [String: Date] = [:]) throws(InterviewError) -> InterviewPlan {
        var plan = plan
        plan.domains = try resolveDomains(plan.domains)
        let candidates = matching(plan)
        guard candidates.count >= plan.count else {
            throw .notEnoughQuestions(asked: plan.count, available: candidates.count, filter: filterDescription(plan))
        }
        var generator = SeededGenerator(seed: plan.seed)
        let drawn =
            plan.exam
            ? drawExam(plan.count, from: candidates, lastAsked: lastAsked, using: &generator)
            : Array(Self.freshestFirst(candidates, lastAsked: lastAsked, using: &generator).prefix(plan.count))
        plan.questionIDs = drawn.map(\.id)
        return plan
    }

    /// A plan of exactly these questions, in this order (`practice --question`); an unknown id is an error
    /// that suggests the nearest.
    public func chosen(_ ids: [String], plan: InterviewPlan) throws(BankError) -> InterviewPlan {
        var plan = plan
        plan.questionIDs = try ids.map { (id) throws(BankError) in try bank.question(id: id).id }
        plan.count = plan.questionIDs.count
        return plan
    }

    /// Shuffled by the seed, then stably ordered by when each was last asked, never-asked first.
    static func freshestFirst(
        _ questions: [Question], lastAsked: [String: Date], using generator: inout SeededGenerator
    )
        -> [Question]
    {
        generator.shuffle(questions).enumerated().sorted { a, b in
            let da = lastAsked[a.element.id] ?? .distantPast, db = lastAsked[b.element.id] ?? .distantPast
            return da != db ? da < db : a.offset < b.offset
        }.map(\.element)
    }

    /// How many questions the plan's filter allows: the most it can ask.
    public func availableCount(for plan: InterviewPlan) -> Int { matching(plan).count }

    /// The questions a plan's filter allows, sorted by id so the draw does not depend on file order.
    func matching(_ plan: InterviewPlan) -> [Question] {
        bank.questions
            .filter { plan.domains.isEmpty || plan.domains.contains($0.domain) }
            .filter { plan.kind == .mixed || $0.kind.rawValue == plan.kind.rawValue }
            .sorted { $0.id < $1.id }
    }

    /// Each domain as its id ("Deployment" is `deployment`), or an error that suggests the nearest.
    private func resolveDomains(_ domains: [String]) throws(InterviewError) -> [String] {
        let known = bank.domains.map(\.id)
        return try domains.map { (domain) throws(InterviewError) in
            guard let id = bank.domainID(matching: domain) else {
                throw .unknownDomain(id: domain, known: known, suggestion: suggestion(for: domain, in: known))
            }
            return id
        }
    }

    private func filterDescription(_ plan: InterviewPlan) -> String {
        var parts: [String] = []
        if !plan.domains.isEmpty {
            parts.append("domain \(plan.domains.joined(separator: " or "))")
        }
        if plan.kind != .mixed { parts.append("kind \(plan.kind.rawValue)") }
        return parts.joined(separator: ", ")
    }

    // MARK: Practice exam

    /// Shares out `count` questions by domain weight, then draws each domain's share and shuffles the lot.
    private func drawExam(
        _ count: Int, from candidates: [Question], lastAsked: [String: Date], using generator: inout SeededGenerator
    ) -> [Question] {
        let pools = bank.domains.compactMap { domain -> (Domain, [Question])? in
            let questions = candidates.filter { $0.domain == domain.id }
            return questions.isEmpty ? nil : (domain, questions)
        }
        let quotas = Self.examQuotas(count, weights: pools.map(\.0.weight), available: pools.map(\.1.count))
        var drawn: [Question] = []
        for ((_, questions), quota) in zip(pools, quotas) {
            drawn += Self.freshestFirst(questions, lastAsked: lastAsked, using: &generator).prefix(quota)
        }
        return generator.shuffle(drawn)
    }

    /// How many questions each domain gets: seats handed out one at a time by the Sainte-Laguë rule
    /// (highest weight ÷ (2 × seats + 1) next), skipping domains with no question left, so the shares
    /// follow the weights as closely as whole questions allow. Ties go to the domain listed first.
    static func examQuotas(_ count: Int, weights: [Double], available: [Int]) -> [Int] {
        var seats = [Int](repeating: 0, count: weights.count)
        for _ in 0..<count {
            var best: Int?
            var bestPriority = -Double.infinity
            for index in weights.indices where seats[index] < available[index] {
                // A domain weighted 0 still gives questions once every weighted domain has run dry.
                let priority = max(weights[index], 1e-9) / Double(2 * seats[index] + 1)
                if priority > bestPriority {
                    best = index
                    bestPriority = priority
                }
            }
            guard let best else { break }
            seats[best] += 1
        }
        return seats
    }
}
