// Measures how well drafted rubrics agree with human graders: drafts a rubric from every reference
// answer of the short-answer development set (../shared/data/short-answers-dev.json, read in place and
// never copied into the project), grades every student answer with it, and prints Pearson's r against
// the humans' mean mark: for the default draft, for the drafter's choices chosen by 5-fold
// cross-validation by question (chosen on four fifths of the questions, measured on the fifth), and
// with each part of the default turned off.
//
//   swift run -c release rehearse-eval [path/to/short-answers-dev.json]
//   swift run -c release rehearse-eval --timing     grading throughput on the bundled bank (Timing.swift)
import Foundation
import RehearseCore

struct DevSet: Decodable {
    struct Item: Decodable {
        struct Answer: Decodable { var text: String, grade: Double }
        var id: String, question: String, reference: String, answers: [Answer]
    }
    var items: [Item]
}

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let arguments = CommandLine.arguments.dropFirst().filter { $0 != "--timing" }
let dataFile =
    arguments.first.map { URL(fileURLWithPath: $0) }
    ?? repositoryRoot.appendingPathComponent("../shared/data/short-answers-dev.json").standardizedFileURL

guard let data = FileManager.default.contents(atPath: dataFile.path) else {
    FileHandle.standardError.write(
        Data("rehearse-eval: cannot read \(dataFile.path); pass the data file's path\n".utf8))
    exit(66)
}
let devSet = try JSONDecoder().decode(DevSet.self, from: data)
if CommandLine.arguments.contains("--timing") {
    try measureThroughput(
        rubrics: repositoryRoot.appendingPathComponent("Rubrics"),
        answers: devSet.items.prefix(10).flatMap { $0.answers.map(\.text) })
    exit(0)
}

/// The scores of every answer, question by question, under one set of drafting choices: every question
/// drafted into a temporary rubric folder, loaded as a bank, and every answer graded.
func scores(options: RubricDrafter.Options, correctsTypos: Bool = true, checksExplanation: Bool = true) throws
    -> [[Double]]
{
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-eval-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("dev"), withIntermediateDirectories: true)
    try "domains:\n  - {id: dev, title: Development set, weight: 100}\n"
        .write(to: folder.appendingPathComponent("bank.yaml"), atomically: true, encoding: .utf8)
    let drafter = RubricDrafter(synonyms: SynonymTable(), options: options)
    for item in devSet.items {
        let draft = drafter.draft(
            id: questionID(item), domain: "dev", prompt: item.question, sampleAnswer: item.reference)
        try draft.yaml().write(
            to: folder.appendingPathComponent("dev/\(questionID(item)).yaml"), atomically: true, encoding: .utf8)
    }
    let bank = try BankLoader().load(from: folder)
    let grader = Grader(bank: bank, correctsTypos: correctsTypos, checksExplanation: checksExplanation)
    return try devSet.items.map { item in
        let question = try bank.question(id: questionID(item))
        return try item.answers.map { Double(try grader.grade($0.text, for: question).score) }
    }
}

func questionID(_ item: DevSet.Item) -> String { "q" + item.id.replacingOccurrences(of: ".", with: "-") }

/// Pearson's r of the scores against the humans' mean mark, pooled over the questions at `indices`.
func pearson(_ scores: [[Double]], questions indices: [Int]) -> Double {
    let pooled = indices.flatMap { scores[$0] }
    let marks = indices.flatMap { devSet.items[$0].answers.map(\.grade) }
    return Statistics.pearson(pooled, marks) ?? .nan
}

func show(_ label: String, _ r: Double) {
    print("\(label.padding(toLength: 52, withPad: " ", startingAt: 0)) r = \(String(format: "%.3f", r))")
}

let everyQuestion = Array(devSet.items.indices)

// The drafter's choices, each on or off: few, so that choosing among them cannot fit the questions.
// The choice made on each fold's training questions is printed: `--style short-answer` is the one
// they agree on.
struct Choice: Hashable {
    var options: RubricDrafter.Options
    var name: String
}
var choices: [Choice] = []
for scoring in [ScoringCurve.calibrated, .sqrt, .linear] {
    for maximumConcepts in [30, 12, 5] {
        for namedOnly in NamedOnlyCredit.allCases {
            for negation in NegationRule.allCases {
                for wholeWords in [true, false] {
                    for keepsMainIdea in [true, false] {
                        for weighs in [true, false] {
                            for everyWord in [true, false] {
                                var options = RubricDrafter.Options()
                                options.scoring = scoring
                                options.maximumConcepts = maximumConcepts
                                options.grading = GradingRules(namedOnly: namedOnly, negation: negation)
                                options.matchesWholeWords = wholeWords
                                options.keepsMainIdea = keepsMainIdea
                                options.weighsKeyTerms = weighs
                                options.keepsEveryWord = everyWord
                                let name =
                                    "\(scoring.rawValue), at most \(maximumConcepts) concepts, named only \(namedOnly.rawValue), negation \(negation.rawValue), \(wholeWords ? "whole words" : "stem + any ending"), main idea \(keepsMainIdea ? "kept" : "left out"), \(weighs ? "jargon x2" : "equal weights"), \(everyWord ? "every word" : "filler left out")"
                                choices.append(Choice(options: options, name: name))
                            }
                        }
                    }
                }
            }
        }
    }
}
let scored = try choices.map { try scores(options: $0.options) }

print(
    "Drafted rubrics against human marks, \(devSet.items.count) questions, \(devSet.items.map(\.answers.count).reduce(0, +)) answers:"
)
let defaultIndex = choices.firstIndex { $0.options == RubricDrafter.Options() }!
show("the default draft ('rubric draft'), whole set", pearson(scored[defaultIndex], questions: everyQuestion))
let bestOnAll = scored.indices.max {
    pearson(scored[$0], questions: everyQuestion) < pearson(scored[$1], questions: everyQuestion)
}!
show("the best choice on the whole set (fitted)", pearson(scored[bestOnAll], questions: everyQuestion))
print("  (\(choices[bestOnAll].name))")

// Folds by question: the choice is made on four fifths of the questions and measured on the rest.
let folds = 5
var heldOut: [Double] = []
for fold in 0..<folds {
    let test = everyQuestion.filter { $0 % folds == fold }
    let train = everyQuestion.filter { $0 % folds != fold }
    let chosen = scored.indices.max { pearson(scored[$0], questions: train) < pearson(scored[$1], questions: train) }!
    let r = pearson(scored[chosen], questions: test)
    heldOut.append(r)
    show("  fold \(fold + 1): \(test.count) held-out questions", r)
    print("    chosen on the other \(train.count): \(choices[chosen].name)")
}
show("mean over the \(folds) held-out folds (target 0.55)", heldOut.reduce(0, +) / Double(folds))
let defaultFolds = (0..<folds).map { fold in
    pearson(scored[defaultIndex], questions: everyQuestion.filter { $0 % folds == fold })
}
show("the default draft, mean over the same folds", defaultFolds.reduce(0, +) / Double(folds))
let styleIndex = choices.firstIndex { $0.options == RubricDrafter.Options.shortAnswer }!
let styleFolds = (0..<folds).map { fold in
    pearson(scored[styleIndex], questions: everyQuestion.filter { $0 % folds == fold })
}
show("'rubric draft --style short-answer', whole set", pearson(scored[styleIndex], questions: everyQuestion))
show("  mean over the same folds", styleFolds.reduce(0, +) / Double(folds))
print("    folds: \(styleFolds.map { String(format: "%.3f", $0) }.joined(separator: ", "))")

print("Each part of the default turned off, whole set:")
show(
    "  without typo tolerance",
    pearson(try scores(options: RubricDrafter.Options(), correctsTypos: false), questions: everyQuestion))
show(
    "  full credit for a bare mention",
    pearson(try scores(options: RubricDrafter.Options(), checksExplanation: false), questions: everyQuestion))
