// Measures how well drafted rubrics agree with human graders: drafts a rubric from every reference
// answer of the short-answer development set (../shared/data/short-answers-dev.json, read in place and
// never copied into the project), grades every student answer with it, and prints Pearson's r against
// the humans' mean mark, for the full method and with each of its parts turned off.
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

/// Drafts every question into a temporary rubric folder, loads it as a bank, and grades every answer.
func pearson(options: RubricDrafter.Options, correctsTypos: Bool = true, checksExplanation: Bool = true, label: String)
    throws
{
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-eval-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("dev"), withIntermediateDirectories: true)
    try "domains:\n  - {id: dev, title: Development set, weight: 100}\n"
        .write(to: folder.appendingPathComponent("bank.yaml"), atomically: true, encoding: .utf8)
    let drafter = RubricDrafter(synonyms: SynonymTable(), options: options)
    for item in devSet.items {
        let id = "q" + item.id.replacingOccurrences(of: ".", with: "-")
        let draft = drafter.draft(id: id, domain: "dev", prompt: item.question, sampleAnswer: item.reference)
        try draft.yaml().write(to: folder.appendingPathComponent("dev/\(id).yaml"), atomically: true, encoding: .utf8)
    }
    let bank = try BankLoader().load(from: folder)
    let grader = Grader(bank: bank, correctsTypos: correctsTypos, checksExplanation: checksExplanation)
    var scores: [Double] = [], marks: [Double] = []
    let started = ContinuousClock.now
    for item in devSet.items {
        let question = try bank.question(id: "q" + item.id.replacingOccurrences(of: ".", with: "-"))
        for answer in item.answers {
            scores.append(Double(try grader.grade(answer.text, for: question).score))
            marks.append(answer.grade)
        }
    }
    let elapsed = ContinuousClock.now - started
    let r = Statistics.pearson(scores, marks) ?? .nan
    print(
        "\(label.padding(toLength: 52, withPad: " ", startingAt: 0)) r = \(String(format: "%.3f", r))   (\(scores.count) answers, \(elapsed))"
    )
}

print("Drafted rubrics against human marks, \(devSet.items.count) questions:")
var full = RubricDrafter.Options()
try pearson(options: full, label: "full method")
try pearson(options: full, correctsTypos: false, label: "  without typo tolerance")
try pearson(options: full, checksExplanation: false, label: "  full credit for a bare mention")
var linear = full
linear.scoring = .linear
try pearson(options: linear, label: "  linear scoring instead of sqrt")
var echo = full
echo.leavesOutQuestionWords = false
try pearson(options: echo, label: "  keeping the question's own words")
var equal = full
equal.weighsKeyTerms = false
try pearson(options: equal, label: "  equal weights")
