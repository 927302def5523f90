import Foundation

@testable import RehearseCore

/// A small rubric folder written to a temporary directory, for tests that need files on disk.
final class FixtureBank: TemporaryRubricFolder {

    static let bankYAML = """
        domains:
          - id: monitoring
            title: Monitoring
            weight: 60
          - id: deployment
            title: Deployment
            weight: 40
        """

    static let conceptsYAML = """
        concepts:
          - id: drift-detection
            label: Detects drift
            patterns:
              - '\\b(monitor|compar)\\w*\\b.{0,40}\\bdistribution\\w*'
              - '\\bdrift\\w*\\b.{0,30}\\bdetect\\w*'
            why: Inputs change quietly.
            follow_up: How would you notice the inputs changed?
          - id: rollback
            label: Rolls back
            patterns: ['\\broll(ed|ing)?[- ]?back\\b']
            why: Every release can go wrong.
        """

    static let driftYAML = """
        id: drift
        kind: technical
        prompt: How do you handle data drift in production?
        sample_answer: |
          I monitor the input distributions against the training data and retrain on recent data.
        concepts:
          - ref: drift-detection
            weight: 3
            required: true
          - id: retrain
            label: Retrains on recent data
            weight: 2
            patterns: ['\\bre-?train\\w*']
            why: Only new data fixes drift.
        misconceptions:
          - id: rollback-cures-drift
            label: Thinks a rollback cures drift
            pattern: '\\broll(ing)?[- ]?back\\b.{0,40}\\b(fix|cure)\\w*'
            penalty: 2
            why: The old model saw even older data.
        examples:
          - level: strong
            answer: We compare the live feature distributions with training and retrain weekly.
          - level: partial
            answer: I would retrain the model every so often on the newest data available to us.
            expect: {missing: [drift-detection]}
          - level: weak
            answer: Nothing much.
            expect: {missing: [drift-detection, retrain]}
        scoring: linear
        """

    static let choiceYAML = """
        id: pick-strategy
        kind: multiple-choice
        prompt: Which strategy gives an instant switch back?
        options:
          - {letter: A, text: Recreate, correct: false, why: It has downtime.}
          - {letter: B, text: Blue-green, correct: true, why: "Two environments, one switch."}
          - {letter: C, text: Shadow, correct: false, why: It serves nobody.}
        examples:
          - {level: strong, answer: B}
          - {level: weak, answer: A}
        """

    override init(files: [String: String] = [:]) throws {
        let defaults = [
            "bank.yaml": Self.bankYAML, "concepts/core.yaml": Self.conceptsYAML,
            "monitoring/drift.yaml": Self.driftYAML, "deployment/pick-strategy.yaml": Self.choiceYAML,
        ]
        try super.init(files: defaults.merging(files, uniquingKeysWith: { $1 }))
    }

    func load() throws -> Bank { try BankLoader().load(from: root) }

    func diagnostics() throws -> [Diagnostic] { try BankLoader().loadReportingAll(from: root).diagnostics }

    func lintErrors() throws -> [Diagnostic] { try RubricLinter().lint(root).diagnostics.errors }
}
