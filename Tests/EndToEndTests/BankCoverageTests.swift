import Foundation
import Testing

/// The bundled bank covers the source material: every seed question, and every domain in depth.
@Suite("The bundled bank's coverage")
struct BankCoverageTests {
    /// The forty open questions of the first source, by the ids the bank gives them.
    static let seedQuestions = [
        "mlops-vs-devops", "model-versioning", "ci-cd-role", "pipeline-components", "handle-data-drift",
        "why-monitor-models", "tools-and-frameworks", "deployment-challenge-story", "feature-store-consistency",
        "feature-engineering-purpose", "mlops-modelops-aiops", "regulatory-compliance", "monitoring-vs-logging",
        "pre-deployment-testing", "ab-testing-models", "ab-vs-bandit", "canary-vs-blue-green",
        "attribution-vs-distribution", "packaging-models", "infrastructure-as-code", "cloud-deployment",
        "serverless-tradeoffs", "training-compute", "cloud-data-security", "cloud-cost-control", "edge-vs-cloud",
        "high-availability", "troubleshoot-production-model", "collaborative-model-versioning",
        "cross-functional-collaboration", "scaling-inference", "stakeholder-expectations", "technical-debt-tradeoff",
        "ml-ci-cd-pipeline", "data-management-practices", "preprocessing-in-pipeline", "implement-model-monitoring",
        "experiment-reproducibility", "operationalising-challenges", "automated-retraining",
    ]
    /// The three multiple-choice questions of the second source.
    static let seedChoices = [
        "covariate-shift-mitigation", "ensemble-serving-architecture", "kubernetes-rollout-strategy",
    ]

    @Test("bank list --format json lists every seed question and at least 8 open and 4 multiple-choice per domain")
    func coverage() throws {
        let output = try RehearseProcess.run(["bank", "list", "--format", "json"])
        #expect(output.status == 0)
        let questions = try #require(
            try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        let ids = Set(questions.compactMap { $0["id"] as? String })
        #expect(Self.seedQuestions.count == 40)
        #expect(Self.seedQuestions.filter { !ids.contains($0) } == [])
        let choices = Set(
            questions.filter { $0["kind"] as? String == "multiple-choice" }.compactMap { $0["id"] as? String })
        #expect(Self.seedChoices.filter { !choices.contains($0) } == [])

        let domains = Set(questions.compactMap { $0["domain"] as? String })
        #expect(domains.count == 8)
        for domain in domains {
            let inDomain = questions.filter { $0["domain"] as? String == domain }
            let open = inDomain.filter { $0["kind"] as? String != "multiple-choice" }.count
            #expect(open >= 8, "\(domain): \(open) open questions")
            #expect(inDomain.count - open >= 4, "\(domain): \(inDomain.count - open) multiple-choice questions")
        }
        #expect(questions.contains { $0["kind"] as? String == "behavioural" })
    }
}
