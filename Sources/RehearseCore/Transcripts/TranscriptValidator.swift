import Foundation

/// The range of every number and the shape of every list in a decoded transcript. The file is data a
/// person can edit: a score of Int.max or seconds of 1e300 must be refused here, naming the field,
/// rather than trap in an average or a duration later.
enum TranscriptValidator {
    struct Problem: Equatable {
        var field: String
        var message: String
    }

    /// A week: longer than any answer, short enough that sums of them never overflow.
    static let maximumSeconds = 7 * 24 * 3600.0
    /// A day: the longest time limit a question may have in a transcript.
    static let maximumTimeLimit = 24 * 3600
    /// More questions than any interview or exam asks.
    static let maximumQuestions = 1_000
    /// More follow-ups than any one question is given.
    static let maximumFollowUps = 20
    /// A concept weight or a penalty; rubric weights are small numbers.
    static let maximumWeight = 1_000.0

    static func firstProblem(in transcript: Transcript) -> Problem? {
        var checker = Checker()
        checker.check(transcript)
        return checker.problem
    }

    private struct Checker {
        var problem: Problem?

        mutating func fail(_ field: String, _ message: String) {
            if problem == nil { problem = Problem(field: field, message: message) }
        }

        mutating func require(_ condition: Bool, _ field: String, _ message: @autoclosure () -> String) {
            if !condition { fail(field, message()) }
        }

        mutating func check(_ transcript: Transcript) {
            let plan = transcript.plan
            require(!plan.questionIDs.isEmpty, "plan.questionIDs", "the list of questions is empty")
            require(
                plan.questionIDs.count <= maximumQuestions, "plan.questionIDs",
                "\(plan.questionIDs.count) questions, more than \(maximumQuestions)")
            require(Set(plan.questionIDs).count == plan.questionIDs.count, "plan.questionIDs", "a question is repeated")
            require(
                (1...maximumQuestions).contains(plan.count), "plan.count",
                "\(plan.count); must be 1 to \(maximumQuestions)")
            let firstAttempts = transcript.entries.filter { $0.attempt == nil }.count
            require(
                firstAttempts <= plan.questionIDs.count, "entries",
                "\(firstAttempts) answers for \(plan.questionIDs.count) questions")
            let planned = Set(plan.questionIDs)
            var answered: Set<String> = []
            for (index, entry) in transcript.entries.enumerated() {
                let field = "entries[\(index)]"
                require(
                    planned.contains(entry.questionID), "\(field).questionID",
                    "'\(entry.questionID)' is not one of the plan's questions")
                // Another attempt at a question (`attempt` 2, 3, ...) follows its first.
                if let attempt = entry.attempt {
                    require(
                        attempt >= 2 && answered.contains(entry.questionID), "\(field).attempt",
                        "attempt \(attempt) of '\(entry.questionID)' without its first attempt before it")
                } else {
                    require(answered.insert(entry.questionID).inserted, "\(field).questionID", "answered twice")
                }
                check(entry, field)
            }
        }

        mutating func check(_ entry: Transcript.Entry, _ field: String) {
            checkText(entry.answer, "\(field).answer")
            checkSeconds(entry.seconds, "\(field).seconds")
            require(
                (1...maximumTimeLimit).contains(entry.timeLimit), "\(field).timeLimit",
                "\(entry.timeLimit); must be 1 to \(maximumTimeLimit) seconds")
            require(
                entry.followUps.count <= maximumFollowUps, "\(field).followUps",
                "\(entry.followUps.count) follow-ups, more than \(maximumFollowUps)")
            for (index, followUp) in entry.followUps.enumerated() {
                checkText(followUp.answer, "\(field).followUps[\(index)].answer")
                checkSeconds(followUp.seconds, "\(field).followUps[\(index)].seconds")
            }
            let textLength = entry.gradedText.utf8.count
            check(entry.grade, "\(field).grade", textLength: textLength)
            require(
                (1...gradingRevision).contains(entry.gradingRevision), "\(field).gradingRevision",
                "\(entry.gradingRevision); this rehearse knows revisions 1 to \(gradingRevision)")
            for (index, record) in entry.history.enumerated() {
                check(record.grade, "\(field).history[\(index)].grade", textLength: nil)
            }
        }

        mutating func check(_ grade: Grade, _ field: String, textLength: Int?) {
            require((0...100).contains(grade.score), "\(field).score", "\(grade.score); scores run from 0 to 100")
            for (index, concept) in grade.concepts.enumerated() {
                let path = "\(field).concepts[\(index)]"
                checkWeight(concept.weight, "\(path).weight")
                require(
                    concept.credit.isFinite && (0...1).contains(concept.credit), "\(path).credit",
                    "\(concept.credit); credit runs from 0 to 1")
                if let evidence = concept.evidence { check(evidence, "\(path).evidence", textLength: textLength) }
                if let evidence = concept.negatedMention {
                    check(evidence, "\(path).negatedMention", textLength: textLength)
                }
            }
            for (index, misconception) in grade.misconceptions.enumerated() {
                let path = "\(field).misconceptions[\(index)]"
                checkWeight(misconception.penalty, "\(path).penalty")
                check(misconception.evidence, "\(path).evidence", textLength: textLength)
            }
        }

        /// Offsets are UTF-8 bytes of the graded text; nil `textLength` for history, whose text may differ.
        mutating func check(_ evidence: Evidence, _ field: String, textLength: Int?) {
            let limit = textLength ?? Int.max
            require(
                evidence.start >= 0 && evidence.start <= evidence.end && evidence.end <= limit, field,
                "offsets \(evidence.start)–\(evidence.end) are outside the answer")
        }

        mutating func checkWeight(_ value: Double, _ field: String) {
            require(
                value.isFinite && (0...maximumWeight).contains(value), field,
                "\(value); must be 0 to \(Int(maximumWeight))")
        }

        mutating func checkSeconds(_ value: Double, _ field: String) {
            require(
                value.isFinite && (0...maximumSeconds).contains(value), field,
                "\(value); must be 0 to \(Int(maximumSeconds)) seconds")
        }

        mutating func checkText(_ text: String, _ field: String) {
            let bytes = text.utf8.count
            require(
                bytes <= AnswerText.maximumBytes, field,
                "\(bytes) bytes, more than the \(AnswerText.maximumBytes)-byte limit for one answer")
        }
    }
}
