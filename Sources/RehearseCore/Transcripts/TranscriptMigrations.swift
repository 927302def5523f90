import Foundation

/// The transcript format's history, one step per version, applied in order to a file's JSON object
/// before it is decoded (as GRDB's DatabaseMigrator orders schema migrations). A change to the format
/// bumps `Transcript.currentFormatVersion` and appends a step here; files of every earlier version are
/// kept as test fixtures (Tests/EndToEndTests/Fixtures/TranscriptsV1, ...).
enum TranscriptMigrations {
    typealias Object = [String: Any]

    struct Step: Sendable {
        /// The version this step reads; it writes `from + 1`.
        let from: Int
        let what: String
        let migrate: @Sendable (inout Object) throws(MigrationError) -> Void
    }

    struct MigrationError: Error {
        let field: String
        let problem: String
    }

    static let steps: [Step] = [
        Step(from: 1, what: "every grade records the grading revision that computed it", migrate: addGradingRevision)
    ]

    /// Brings `object`, of format `version`, up to `Transcript.currentFormatVersion`.
    static func migrate(_ object: inout Object, from version: Int) throws(MigrationError) {
        for step in steps where step.from >= version {
            try step.migrate(&object)
            object["formatVersion"] = step.from + 1
        }
    }

    /// Version 1 → 2: `gradingRevision` on each entry and each history record. Grades of version 1 were
    /// all computed by grading revision 1.
    private static func addGradingRevision(_ object: inout Object) throws(MigrationError) {
        guard var entries = object["entries"] as? [Any] else {
            throw MigrationError(field: "entries", problem: "must be a list")
        }
        for index in entries.indices {
            guard var entry = entries[index] as? Object else {
                throw MigrationError(field: "entries[\(index)]", problem: "must be an object")
            }
            entry["gradingRevision"] = 1
            if var history = entry["history"] as? [Any] {
                for record in history.indices {
                    guard var item = history[record] as? Object else {
                        throw MigrationError(
                            field: "entries[\(index)].history[\(record)]", problem: "must be an object")
                    }
                    item["gradingRevision"] = 1
                    history[record] = item
                }
                entry["history"] = history
            }
            entries[index] = entry
        }
        object["entries"] = entries
    }
}
