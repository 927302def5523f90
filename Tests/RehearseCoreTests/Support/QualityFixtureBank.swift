import Foundation

@testable import RehearseCore

/// A rubric folder for the grading-quality tests: one question whose concepts exercise typo tolerance,
/// synonyms, British spellings and real-word near misses, written to a temporary directory.
final class QualityFixtureBank {
    let root: URL

    static let files: [String: String] = [
        "bank.yaml": "domains:\n  - {id: ops, title: Operations, weight: 100}\n",
        "synonyms.yaml": "synonyms:\n  deploy: [deploy, release, ship, roll out, push to production]\n",
        "ops/stale-model.yaml": """
        id: stale-model
        kind: technical
        prompt: What do you do when a production model goes stale?
        sample_answer: |
          I retrain the model on recent data, version every model in a registry, cache the features,
          and deploy it behind a canary while I watch its behavior.
        concepts:
          - id: retraining
            label: Retrains
            patterns: ['\\bretrain\\w*']
            why: Only new data fixes staleness.
          - id: recent-data
            label: Uses recent data
            patterns: ['\\brecent\\b']
            why: Old data teaches old patterns.
          - id: versioning
            label: Versions models
            patterns: ['\\bmodels?\\b.{0,30}\\bversion\\w*', '\\bversion\\w*\\b.{0,30}\\bmodels?\\b']
            why: A version can be rolled back to.
          - id: caching
            label: Caches features
            patterns: ['\\bcache[sd]?\\b']
            why: Recomputing features is slow.
          - id: deployment
            label: Deploys safely
            patterns: ['\\b{{deploy}}\\w*']
            why: A model helps nobody until it serves.
          - id: behavior
            label: Watches behavior
            patterns: ['\\bbehavior\\w*']
            why: Metrics show what tests missed.
          - id: canary
            label: Uses a canary
            typos: false
            patterns: ['\\bcanary\\b']
            why: A canary limits the blast radius.
        examples:
          - level: strong
            answer: I retrain on recent data, keep each model version, cache features, release behind a canary and watch behavior.
          - level: partial
            answer: I would retrain the model on recent data and release it.
          - level: weak
            answer: Nothing.
            expect: {missing: [retraining]}
        scoring: linear
        """,
    ]

    init(overriding overrides: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-quality-\(UUID().uuidString)")
        for (path, contents) in Self.files.merging(overrides, uniquingKeysWith: { $1 }) {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func load() throws -> Bank { try BankLoader().load(from: root) }

    func diagnostics() throws -> [Diagnostic] { try BankLoader().loadReportingAll(from: root).diagnostics }
}
