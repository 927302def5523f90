@testable import RehearseCore

extension QualityFixtureBank {
    /// The fixture's bank and its stale-model question, with a `grading:` line added to the question's file.
    static func staleModel(grading: String?) throws -> (bank: Bank, question: Question) {
        var files: [String: String] = [:]
        if let grading {
            files["ops/stale-model.yaml"] = Self.files["ops/stale-model.yaml"]! + "\n" + grading + "\n"
        }
        let bank = try QualityFixtureBank(overriding: files).load()
        return (bank, try bank.question(id: "stale-model"))
    }

    /// Grades `answer` against the stale-model question with that `grading:` line.
    static func gradeStaleModel(_ answer: String, grading: String?) throws -> Grade {
        let (bank, question) = try staleModel(grading: grading)
        return try Grader(bank: bank).grade(answer, for: question)
    }
}
