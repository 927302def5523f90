@testable import RehearseCore

extension QualityFixtureBank {
    /// Grades `answer` against the fixture's stale-model question, with a `grading:` line added to its file.
    static func gradeStaleModel(_ answer: String, grading: String?) throws -> Grade {
        var files: [String: String] = [:]
        if let grading {
            files["ops/stale-model.yaml"] = Self.files["ops/stale-model.yaml"]! + "\n" + grading + "\n"
        }
        let bank = try QualityFixtureBank(overriding: files).load()
        return try Grader(bank: bank).grade(answer, for: try bank.question(id: "stale-model"))
    }
}
