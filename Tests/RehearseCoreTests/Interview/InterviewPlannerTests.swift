import RehearseCore
import Testing

@Suite("Interview planner")
struct InterviewPlannerTests {
    /// A bank of `perDomain` questions of each kind in three domains weighted 50/30/20; no patterns needed.
    static func bank(perDomain: [String: Int] = ["deployment": 4, "monitoring": 4, "training": 4]) -> Bank {
        let domains = [
            Domain(id: "deployment", title: "Deployment", weight: 50),
            Domain(id: "monitoring", title: "Monitoring", weight: 30),
            Domain(id: "training", title: "Training", weight: 20),
        ]
        let kinds: [QuestionKind] = [.technical, .behavioural]
        let questions = domains.flatMap { domain in
            (0..<(perDomain[domain.id] ?? 0)).map { index in
                Question(
                    id: "\(domain.id)-\(index)", domain: domain.id, kind: kinds[index % 2],
                    prompt: "Question \(index)?",
                    sampleAnswer: "", source: SourceLocation(file: "\(domain.id)-\(index).yaml"))
            }
        }
        return Bank(
            domains: domains, concepts: [:], questions: questions, contentHash: "test", patterns: PatternLibrary([:]))
    }

    @Test("a seed draws the same questions in the same order; other seeds draw other orders")
    func seedIsReproducible() throws {
        let planner = InterviewPlanner(bank: Self.bank())
        let first = try planner.draw(InterviewPlan(count: 6, seed: 99)).questionIDs
        #expect(try planner.draw(InterviewPlan(count: 6, seed: 99)).questionIDs == first)
        let others = try (100..<105).map { try planner.draw(InterviewPlan(count: 6, seed: $0)).questionIDs }
        #expect(others.contains { $0 != first })
        #expect(Set(first).count == 6)
    }

    @Test("the draw does not depend on the order the bank loaded its files")
    func independentOfLoadOrder() throws {
        var reversed = Self.bank()
        reversed.questions.reverse()
        let plan = InterviewPlan(count: 5, seed: 3)
        #expect(try InterviewPlanner(bank: reversed).draw(plan) == InterviewPlanner(bank: Self.bank()).draw(plan))
    }

    @Test("domain and kind filters keep only matching questions")
    func filters() throws {
        let bank = Self.bank()
        let plan = try InterviewPlanner(bank: bank).draw(
            InterviewPlan(count: 3, domains: ["monitoring", "training"], kind: .behavioural, seed: 1))
        let drawn = plan.questionIDs.map { id in bank.questions.first { $0.id == id }! }
        #expect(drawn.count == 3)
        #expect(drawn.allSatisfy { ["monitoring", "training"].contains($0.domain) && $0.kind == .behavioural })
    }

    @Test("asking for more questions than the filter leaves says how many there are")
    func notEnoughQuestions() {
        let planner = InterviewPlanner(bank: Self.bank())
        #expect(
            throws: InterviewError.notEnoughQuestions(asked: 5, available: 2, filter: "domain training, kind technical")
        ) {
            try planner.draw(InterviewPlan(count: 5, domains: ["training"], kind: .technical, seed: 1))
        }
        let message = InterviewError.notEnoughQuestions(asked: 5, available: 2, filter: "domain training")
            .localizedDescription
        #expect(message.contains("only 2 questions match") && message.contains("--count 2"))
    }

    @Test("an unknown domain is refused with the closest known one")
    func unknownDomain() {
        #expect(
            throws: InterviewError.unknownDomain(
                id: "deploymnt", known: ["deployment", "monitoring", "training"], suggestion: "deployment")
        ) {
            try InterviewPlanner(bank: Self.bank()).draw(InterviewPlan(count: 1, domains: ["deploymnt"], seed: 1))
        }
    }

    @Test("a practice exam shares the questions out by domain weight")
    func examFollowsWeights() throws {
        let bank = Self.bank(perDomain: ["deployment": 10, "monitoring": 10, "training": 10])
        let plan = try InterviewPlanner(bank: bank).draw(InterviewPlan(count: 10, seed: 5, exam: true))
        let perDomain = Dictionary(grouping: plan.questionIDs) { id in bank.questions.first { $0.id == id }!.domain }
        #expect(perDomain.mapValues(\.count) == ["deployment": 5, "monitoring": 3, "training": 2])
    }

    @Test("when a domain runs out, its share goes to the others")
    func examRedistributes() throws {
        let bank = Self.bank(perDomain: ["deployment": 2, "monitoring": 10, "training": 10])
        let plan = try InterviewPlanner(bank: bank).draw(InterviewPlan(count: 10, seed: 5, exam: true))
        let perDomain = Dictionary(grouping: plan.questionIDs) { id in bank.questions.first { $0.id == id }!.domain }
        #expect(plan.questionIDs.count == 10)
        #expect(perDomain["deployment"]?.count == 2)
        #expect(perDomain["monitoring"]!.count > perDomain["training"]!.count)
    }
}
