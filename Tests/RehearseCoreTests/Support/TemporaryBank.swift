import Foundation

@testable import RehearseCore

/// A rubric folder in a temporary directory: one domain, one shared concept, and the question files a
/// test writes. Removed when the test is done.
final class TemporaryBank: TemporaryRubricFolder {

    static let question = #"""
        id: drift
        kind: technical
        prompt: How do you handle data drift?
        sample_answer: I compare the input distributions with the training data and retrain on recent data.
        concepts:
          - ref: drift-detection
            weight: 2
            required: true
          - id: retrain
            label: Retrains on recent data
            weight: 1
            patterns: ['\bre-?train\w*']
            why: Only new data fixes drift.
        examples:
          - level: strong
            answer: We monitor the feature distributions every night and retrain the model weekly.
          - level: partial
            answer: I would compare the distributions of the inputs against what we trained on.
            expect: {missing: [retrain]}
          - level: weak
            answer: Nothing much, honestly.
            expect: {missing: [drift-detection, retrain]}
        scoring: linear
        """#

    init(questions: [String: String] = ["drift": TemporaryBank.question]) throws {
        var files = [
            "bank.yaml": "domains:\n  - {id: ops, title: Operations, weight: 100}\n",
            "concepts/core.yaml": #"""
            concepts:
              - id: drift-detection
                label: Detects drift by comparing distributions
                patterns: ['\b(monitor|compar)\w*\b.{0,40}\bdistribution\w*']
                why: Inputs change quietly.
            """#,
        ]
        for (id, text) in questions { files["ops/\(id).yaml"] = text }
        try super.init(files: files)
    }

    func lint(scope: PathScope = .everything) throws -> LintReport { try RubricLinter().lint(root, scope: scope) }
}
