import Foundation
import Testing

@testable import RehearseCore

/// The bluffs and the misreadings careful users found, each graded against the bundled bank: a grade is
/// for claims, not for keywords.
@Suite("Grades a candidate can trust")
struct GradingValidityTests {
    /// Loaded once: the suite grades some hundred answers against the same bank.
    static let bank = Result { try BankLoader().load(from: BundledBankTests.rubrics) }

    static func grade(_ answer: String, _ questionID: String, followUps: [String] = []) throws -> Grade {
        let bank = try Self.bank.get()
        return try Grader(bank: bank).grade(answer, followUps: followUps, for: try bank.question(id: questionID))
    }

    static let buzzwordList =
        "drift detection with PSI, monitoring, alerting, retraining, root cause analysis and Airflow automation"

    @Test(
        "A list of the right terms is named, not explained, however it is wrapped",
        arguments: [
            "We use \(buzzwordList).",
            "Drift detection with PSI, monitoring, alerting, retraining, root cause analysis and Airflow automation.",
            "Basically it is \(buzzwordList).",
            "- drift detection with PSI\n- monitoring\n- alerting\n- retraining\n- root cause analysis\n- Airflow automation",
        ])
    func namedList(answer: String) throws {
        let grade = try Self.grade(answer, "handle-data-drift")
        #expect(grade.score <= 25, "\(grade.score)")
        let earned = grade.concepts.filter(\.matched)
        #expect(earned.allSatisfy { $0.isNamedOnly })
    }

    @Test("A hyphenated compound is one word: 'always-on' is not the vague 'always', 'end-to-end' is vague")
    func hyphenatedCompounds() throws {
        let plain = try Self.grade(
            "The price suggestion needs a small always-on service behind an API, with the model loaded in memory.",
            "batch-vs-online-serving")
        let online = try #require(plain.concepts.first { $0.id == "online-inference" })
        #expect(online.matched && !online.isNamedOnly)
        let vague = try Self.grade(
            "The price suggestion needs an end-to-end always-on service behind an API, with the model loaded in memory.",
            "batch-vs-online-serving")
        let named = try #require(vague.concepts.first { $0.id == "online-inference" })
        #expect(named.matched && named.isNamedOnly)
    }

    @Test("A number in words is as specific as in digits: 'a golden set of twenty obvious tickets'")
    func numbersInWords() throws {
        for count in ["twenty", "20"] {
            let grade = try Self.grade(
                "Invariance checks on names, directional checks on urgency words, and a golden set of \(count) "
                    + "obvious tickets.", "model-behavioural-tests")
            let golden = try #require(grade.concepts.first { $0.id == "minimum-functionality" })
            #expect(golden.matched && !golden.isNamedOnly, "\(count)")
        }
    }

    @Test("A gap never joins two bullets: each item is a statement of its own")
    func bulletsAreStatements() throws {
        // "compare" and "distribution" stand in different bullets, so no pattern may join them.
        let grade = try Self.grade(
            "- compare\n- the weather\n- input distribution plots on a wiki", "handle-data-drift")
        #expect(grade.concepts.first { $0.id == "drift-detection" }?.matched == false)
    }

    @Test("Swapped definitions of data and concept drift earn neither and cost points")
    func swappedDefinitions() throws {
        let grade = try Self.grade(
            "Data drift is when the relationship between inputs and the label changes, and concept drift is when "
                + "the input distribution changes.", "concept-vs-data-drift")
        #expect(grade.score <= 25, "\(grade.score)")
        #expect(!grade.misconceptions.isEmpty)
        let definitions = grade.concepts.filter { $0.id.hasSuffix("-definition") }
        let earnedDefinition = definitions.contains { $0.matched }
        #expect(!definitions.isEmpty && !earnedDefinition)
    }

    struct WrongClaim: CustomTestStringConvertible, Sendable {
        var answer: String
        var question: String
        var concept: String
        var testDescription: String { "\(question): \(answer)" }
    }

    @Test(
        "A keyword inside a wrong claim or a rejection earns nothing",
        arguments: [
            WrongClaim(
                answer: "Accuracy is fine as long as it is above 99%, so that is the number I would report.",
                question: "evaluation-metrics-imbalanced", concept: "em-accuracy-misleading"),
            WrongClaim(
                answer: "As long as it returns no errors, the model works, so I only watch the error logs.",
                question: "why-monitor-models", concept: "silent-degradation"),
            WrongClaim(
                answer: "I would spot the most expensive jobs on the bill and ask their owners to cut them.",
                question: "cloud-cost-control", concept: "spot-instances"),
            WrongClaim(
                answer: "Checkpointing slows training, so I'd turn it off and rerun from scratch if a node dies.",
                question: "training-compute", concept: "checkpointing"),
            WrongClaim(
                answer: "Autoscaling sounds good on paper, but I'd avoid it and keep a fixed fleet sized for the peak.",
                question: "cloud-cost-control", concept: "inference-autoscaling"),
            WrongClaim(
                answer: "I would make the model fair by removing gender and age from the features before training.",
                question: "fairness-bias-testing", concept: "per-group-evaluation"),
        ])
    func wrongClaim(_ claim: WrongClaim) throws {
        let grade = try Self.grade(claim.answer, claim.question)
        let concept = try #require(grade.concepts.first { $0.id == claim.concept })
        #expect(!concept.matched, "earned by \(concept.evidence?.quote ?? "")")
    }

    @Test(
        "A practice dismissed in other words earns nothing: too much effort, tells you nothing, none of that",
        arguments: [
            WrongClaim(
                answer:
                    "Comparing the live input distributions with the training data is too much effort for one model.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "PSI on the input distributions against the training data doesn't tell you much in practice.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "Retraining on the last few weeks of labelled data would only confuse things, so I'd leave it.",
                question: "handle-data-drift", concept: "retraining"),
            WrongClaim(
                answer: "PSI on the input distributions, KS tests, nightly reports: none of that is needed here.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "Someone suggested comparing input distributions against the training data; no need for that.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "You could compare the live input distributions with the training data. Honestly, that's "
                    + "overkill for one model.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "- PSI on every input feature against the training data\n- KS tests on the inputs\n\n"
                    + "None of it is worth the effort.",
                question: "handle-data-drift", concept: "drift-detection"),
        ])
    func dismissedInOtherWords(_ claim: WrongClaim) throws {
        let grade = try Self.grade(claim.answer, claim.question)
        let concept = try #require(grade.concepts.first { $0.id == claim.concept })
        #expect(!concept.matched, "earned by \(concept.evidence?.quote ?? "")")
        #expect(grade.score == 0, "\(grade.score)")
    }

    @Test(
        "The same words affirm when the practice is the answer: a cost named, a failure it catches",
        arguments: [
            WrongClaim(
                answer: "I compare the live input distributions with the training data every night, which catches "
                    + "the cases where the model doesn't work any more.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "Retraining on the last few weeks of labelled data doesn't add much latency, and it fixes it.",
                question: "handle-data-drift", concept: "retraining"),
            WrongClaim(
                answer: "The retrained model has to be no worse than the current one on last week's data.",
                question: "champion-challenger-gate", concept: "baseline-comparison"),
            WrongClaim(
                answer: "I compare the live input distributions with the training data every night. That is not "
                    + "optional, and none of it is overkill.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "I compare the live input distributions with the training data every night. It never needs "
                    + "a human, and that's not a problem for the on-call team.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "I compare the live input distributions with the training data, so that it's not a problem "
                    + "when the upstream schema changes.",
                question: "handle-data-drift", concept: "drift-detection"),
        ])
    func affirmedDespiteCostWords(_ claim: WrongClaim) throws {
        let grade = try Self.grade(claim.answer, claim.question)
        let concept = try #require(grade.concepts.first { $0.id == claim.concept })
        #expect(concept.matched && concept.rejectedBy == nil, "\(concept.rejectedBy ?? "")")
    }

    @Test(
        "A practice turned down in the many ways people say it earns nothing",
        arguments: [
            WrongClaim(
                answer: "Comparing the input distributions with the training data is a luxury for big companies.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "Comparing the input distributions with the training data is theatre.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "Comparing the input distributions with the training data is premature for us.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "Comparing the input distributions with the training data costs more than it saves.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "I'd leave out comparing the input distributions with the training data.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "I'd hold off on comparing the input distributions with the training data.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "I'm skeptical of comparing the input distributions with the training data.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "Nobody needs to compare the input distributions with the training data.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "Comparing the input distributions with the training data can wait.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "Comparing the input distributions with the training data adds nothing.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "Comparing the input distributions with the training data is hardly worth it.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "Compare the input distributions with the training data? Not for us.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "Compare the input distributions with the training data? Never.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "We compared the input distributions with the training data for a while. We've never needed any of it.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "We compared the input distributions with the training data for a while, then threw it all away.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "Comparing the input distributions with the training data is more trouble than it's worth.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "Comparing input distributions, KS tests, nightly PSI reports and dashboards are all overkill for a team of three.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "We can do without comparing the input distributions with the training data.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "Comparing the input distributions with the training data is of little use.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "Honestly, comparing the input distributions with the training data is a solution looking for a problem.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "Comparing the input distributions with the training data? We've got better things to do.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "I wouldn't waste time comparing the input distributions with the training data.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "We tried comparing the input distributions with the training data and gave up on it.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "Comparing the input distributions with the training data never caught anything useful, so we stopped.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "Comparing the input distributions with the training data is way down the list.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "Comparing the input distributions with the training data sounds clever but it's a waste of compute.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "Comparing the input distributions with the training data is academic; in practice nobody looks at it.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "Retraining on the last few weeks of labelled data is pointless churn.",
                question: "handle-data-drift", concept: "retraining"),
            WrongClaim(
                answer: "I'd never bother retraining on the last few weeks of labelled data.",
                question: "handle-data-drift", concept: "retraining"),
            WrongClaim(
                answer: "Retraining on fresh labelled data? Not worth the risk.",
                question: "handle-data-drift", concept: "retraining"),
            WrongClaim(
                answer: "Retraining on fresh labelled data isn't on our roadmap and won't be.",
                question: "handle-data-drift", concept: "retraining"),
            WrongClaim(
                answer: "We don't do retraining on fresh labelled data, the model is fine as it is.",
                question: "handle-data-drift", concept: "retraining"),
            WrongClaim(
                answer:
                    "Sure, you can compare the input distributions with the training data. I'd rather spend the time on features.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "People will suggest comparing the input distributions with the training data. I'd wait for complaints.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "You could compare the input distributions with the training data every night. For one model it is ceremony.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "Comparing the input distributions with the training data flags every holiday, so why bother?",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "I didn't bother reading the dashboards in the first few weeks or comparing the input distributions with the training data.",
                question: "handle-data-drift", concept: "drift-detection"),
        ])
    func turnedDownInManyWays(_ claim: WrongClaim) throws {
        let grade = try Self.grade(claim.answer, claim.question)
        let concept = try #require(grade.concepts.first { $0.id == claim.concept })
        #expect(!concept.matched && concept.rejectedBy != nil, "earned by \(concept.evidence?.quote ?? "")")
    }

    @Test(
        "A negation or a dismissal aimed at something else leaves the practice earned",
        arguments: [
            WrongClaim(
                answer:
                    "I compare the input distributions with the training data every night. It doesn't add anything to the storage bill.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "I compare the input distributions with the training data every night, which doesn't add anything noticeable to latency.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "I compare the input distributions with the training data every night. None of that matters to the data scientists day to day, the platform does it.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "I retrain on the last few weeks of labelled data. That isn't needed often, but when it is, it is one command.",
                question: "handle-data-drift", concept: "retraining"),
            WrongClaim(
                answer: "I'd rather compare the input distributions with the training data than wait for complaints.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer: "It would be a mistake to skip comparing the input distributions with the training data.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "If you don't compare the input distributions with the training data, you can't tell drift from a bug.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "Comparing the input distributions with the training data is a hassle to set up, but it pays for itself.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "I never retrain blindly on a schedule and retraining on fresh labelled data is gated by an offline check.",
                question: "handle-data-drift", concept: "retraining"),
            WrongClaim(
                answer:
                    "I compare the input distributions with the training data every night. It isn't worth paging anyone for small shifts, so alerts go to a ticket.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "Nobody wants a silent failure, so I compare the input distributions with the training data every day.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "I compare the input distributions with the training data; it is cheap, it never pages anyone at night, and it catches upstream bugs.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "Without labels you can't see accuracy, so I compare the input distributions with the training data instead.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "Not all drift matters, so I compare the input distributions with the training data and weight by feature importance.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "I compare the input distributions with the training data. No, it doesn't need a big platform: a nightly job does it.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "Once drift is confirmed, retraining on the last few weeks of labelled data is the fix, not a rollback.",
                question: "handle-data-drift", concept: "retraining"),
            WrongClaim(
                answer:
                    "I don't panic on one alert; retraining on fresh labelled data happens when two weeks in a row show the shift.",
                question: "handle-data-drift", concept: "retraining"),
            WrongClaim(
                answer: "Retraining on fresh labelled data is not optional once the shift is confirmed.",
                question: "handle-data-drift", concept: "retraining"),
            WrongClaim(
                answer:
                    "People often skip it, but I compare the input distributions with the training data on every feature.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "I'd never ship a model without comparing the input distributions with the training data after launch.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "The usual answer is to compare the input distributions with the training data, and that is what I do every night.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "People will suggest waiting for complaints, but I compare the input distributions with the training data every night.",
                question: "handle-data-drift", concept: "drift-detection"),
            WrongClaim(
                answer:
                    "When labels haven't arrived or are weeks late, I compare the input distributions with the training data every night.",
                question: "handle-data-drift", concept: "drift-detection"),
        ])
    func dismissalAimedElsewhere(_ claim: WrongClaim) throws {
        let grade = try Self.grade(claim.answer, claim.question)
        let concept = try #require(grade.concepts.first { $0.id == claim.concept })
        #expect(concept.matched && concept.rejectedBy == nil, "\(concept.rejectedBy ?? "")")
    }

    @Test("Honesty about the model's limits is credited, not read as 'trust the model'")
    func honestUncertainty() throws {
        let grade = try Self.grade(
            "I'd be honest that the model is right most of the time but not always, and show her how often it "
                + "gets cases like this one wrong.", "explain-model-to-stakeholder")
        #expect(grade.misconceptions.isEmpty, "\(grade.misconceptions.map(\.id))")
        #expect(grade.concepts.first { $0.id == "states-uncertainty" }?.matched == true)
    }

    @Test("A STAR skeleton with no content scores 25 or less")
    func starSkeleton() throws {
        let grade = try Self.grade(
            "In my previous role we had an issue, I took ownership, as a result it shipped, and I learned a lot.",
            "incident-communication")
        #expect(grade.score <= 25, "\(grade.score)")
    }

    @Test("A point earned only in a follow-up earns less, and agreeing with it earns nothing")
    func followUpCredit() throws {
        let first = "I'd compare the live feature distributions against the training data with PSI every night."
        let alone = try Self.grade(first, "handle-data-drift")
        let followed = try Self.grade(
            first, "handle-data-drift",
            followUps: ["Then I retrain the model on the last few weeks of labelled data and compare it first."])
        let retraining = try #require(followed.concepts.first { $0.id == "retraining" })
        #expect(retraining.isViaFollowUp && retraining.credit == Scoring.followUpCredit)
        #expect(followed.score > alone.score)
        let agreed = try Self.grade(first, "handle-data-drift", followUps: ["Possibly, yes."])
        #expect(agreed.score == alone.score)
    }

    @Test(
        "Strong answers in unusual words earn what they plainly say",
        arguments: [
            WrongClaim(
                answer: "Concept drift is when P(Y given X) moves even though the inputs look the same as before.",
                question: "concept-vs-data-drift", concept: "concept-drift-definition"),
            WrongClaim(
                answer: "Our dashboard tracks prediction quality weekly once the outcomes come back from finance.",
                question: "why-monitor-models", concept: "performance-monitoring"),
        ])
    func unusualWords(_ claim: WrongClaim) throws {
        let grade = try Self.grade(claim.answer, claim.question)
        #expect(grade.concepts.first { $0.id == claim.concept }?.matched == true)
    }
}
