// Grading throughput of PCRE2 (JIT and interpreter) against Foundation's NSRegularExpression and Swift's
// Regex, on the same patterns and the same answers, and full grading against raw PCRE2 JIT; then the
// real `rehearse` executable: start-up against `--version` (cold and warm cache), `grade --batch`
// answers per second, and `progress`, `regrade`, `export` and `rubric test --responses` at scale, on
// data generated into a temporary folder. Measured in one run and reported as ratios and throughputs
// (Benchmarks/README.md keeps the figures).
//
//   swift run -c release rehearse-bench [--rubrics DIR] [--seconds S] [--runs N] [--batch N]
//       [--transcripts N] [--marked N] [--slowest N]
import Foundation
import PCRE2
import RehearseCore

struct Corpus {
    /// Every sample answer and example answer of the open questions, each with its question's patterns.
    var items: [(answer: String, patterns: [String])]
    var answerCount: Int { items.count }
    var patternRuns: Int { items.reduce(0) { $0 + $1.patterns.count } }

    init(bank: Bank) {
        items = bank.questions.filter { $0.kind != .multipleChoice }.flatMap { question in
            let patterns =
                question.rubric.concepts.flatMap(\.concept.patterns)
                + question.rubric.misconceptions.flatMap(\.patterns)
            let answers = [question.sampleAnswer] + question.examples.map(\.answer)
            // Patterns see whitespace folded to single spaces; give every engine the same text.
            return answers.map { ($0.split(whereSeparator: \.isWhitespace).joined(separator: " "), patterns) }
        }
    }
}

/// Runs `body` (one pass over the corpus) until `seconds` have passed; returns passes per second.
func measure(seconds: Double, _ body: () throws -> Int) rethrows -> (passesPerSecond: Double, checksum: Int) {
    var checksum = try body()  // warm-up, and a check that every engine found the same matches
    let start = DispatchTime.now().uptimeNanoseconds
    var passes = 0
    var elapsed = 0.0
    repeat {
        checksum = try body()
        passes += 1
        elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    } while elapsed < seconds
    return (Double(passes) / elapsed, checksum)
}

func pcre2Pass(_ corpus: Corpus, compiled: [String: Pattern], matcher: Matcher) throws -> Int {
    var found = 0
    for item in corpus.items {
        var answer = item.answer
        try answer.withUTF8 { bytes in
            // As the grader does: an all-ASCII answer runs each pattern's ASCII form.
            let ascii = !bytes.contains { $0 >= 0x80 }
            for source in item.patterns
            where try matcher.firstMatch(of: compiled[source]!, in: bytes, textIsASCII: ascii) != nil {
                found += 1
            }
        }
    }
    return found
}

func foundationPass(_ corpus: Corpus, compiled: [String: NSRegularExpression]) -> Int {
    var found = 0
    for item in corpus.items {
        let text = item.answer as NSString
        let range = NSRange(location: 0, length: text.length)
        for source in item.patterns {
            guard let regex = compiled[source] else { continue }
            if regex.firstMatch(in: item.answer, range: range) != nil { found += 1 }
        }
    }
    return found
}

func swiftRegexPass(_ corpus: Corpus, compiled: [String: Regex<AnyRegexOutput>]) -> Int {
    var found = 0
    for item in corpus.items {
        for source in item.patterns {
            guard let regex = compiled[source] else { continue }
            if item.answer.firstMatch(of: regex) != nil { found += 1 }
        }
    }
    return found
}

func argument(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    return arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}

let rubrics = URL(fileURLWithPath: argument("--rubrics") ?? "Rubrics")
let seconds = Double(argument("--seconds") ?? "") ?? 2

let loadStart = DispatchTime.now().uptimeNanoseconds
let bank = try BankLoader().load(from: rubrics)
let loadMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e6
let corpus = Corpus(bank: bank)
let sources = Set(corpus.items.flatMap(\.patterns))

var jit: [String: Pattern] = [:]
var interpreted: [String: Pattern] = [:]
var foundation: [String: NSRegularExpression] = [:]
var swiftRegex: [String: Regex<AnyRegexOutput>] = [:]
for source in sources {
    jit[source] = try Pattern(source)
    interpreted[source] = try Pattern(source, useJIT: false)
    foundation[source] = try? NSRegularExpression(
        pattern: source, options: [.caseInsensitive, .dotMatchesLineSeparators])
    swiftRegex[source] = (try? Regex(source)).map { $0.ignoresCase().dotMatchesNewlines() }
}
let matcher = Matcher()
let grader = Grader(bank: bank)
let openQuestions = bank.questions.filter { $0.kind != .multipleChoice }

print(
    "rehearse-bench: \(corpus.answerCount) answers × their question's patterns = \(corpus.patternRuns) pattern runs per pass"
)
print(
    "bank: \(bank.questions.count) questions, \(sources.count) distinct patterns, JIT: \(jit.values.allSatisfy(\.isJITCompiled) ? "yes" : "no"); loaded and compiled in \(String(format: "%.1f", loadMilliseconds)) ms"
)
if foundation.count < sources.count || swiftRegex.count < sources.count {
    print(
        "note: NSRegularExpression compiled \(foundation.count) and Swift Regex \(swiftRegex.count) of the \(sources.count) patterns; the rest are skipped for them"
    )
}

let results: [(String, Double, Int)] = try [
    ("PCRE2 JIT", measure(seconds: seconds) { try pcre2Pass(corpus, compiled: jit, matcher: matcher) }),
    ("PCRE2 interpreter", measure(seconds: seconds) { try pcre2Pass(corpus, compiled: interpreted, matcher: matcher) }),
    ("NSRegularExpression", measure(seconds: seconds) { foundationPass(corpus, compiled: foundation) }),
    ("Swift Regex", measure(seconds: seconds) { swiftRegexPass(corpus, compiled: swiftRegex) }),
].map { ($0.0, $0.1.passesPerSecond * Double(corpus.answerCount), $0.1.checksum) }

@MainActor func gradingPass() throws -> Int {
    var total = 0
    for question in openQuestions {
        for answer in [question.sampleAnswer] + question.examples.map(\.answer) {
            total += try grader.grade(answer, for: question).score
        }
    }
    return total
}

/// Full grading against raw PCRE2 JIT, pass for pass in turn, so that a machine busy with other work
/// slows both alike and the ratio holds.
@MainActor func gradingAgainstJIT(seconds: Double) throws -> (gradingPerSecond: Double, ratio: Double) {
    func time(_ body: () throws -> Int) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
    _ = try gradingPass()
    var jitTime = 0.0, gradingTime = 0.0, passes = 0
    repeat {
        jitTime += try time { try pcre2Pass(corpus, compiled: jit, matcher: matcher) }
        gradingTime += try time(gradingPass)
        passes += 1
    } while jitTime + gradingTime < 2 * seconds
    return (Double(passes * corpus.answerCount) / gradingTime, gradingTime / jitTime)
}

let fullGrading = try gradingAgainstJIT(seconds: seconds)

let baseline = results[0].1
print("")
print("engine                 answers/s   PCRE2 JIT is   matches")
for (name, rate, checksum) in results {
    let ratio = name == "PCRE2 JIT" ? "—" : String(format: "%.1fx faster", baseline / rate)
    print(
        name.padding(toLength: 20, withPad: " ", startingAt: 0), String(format: "%12.0f", rate),
        ratio.padding(toLength: 14, withPad: " ", startingAt: 0).leftPadded(16), String(checksum).leftPadded(8))
}
print("")
print(
    String(
        format:
            "full grading (Grader: normalise, match, negation, evidence, score): %.0f answers/s, %.2fx the time of raw PCRE2 JIT (the two run in turn)",
        fullGrading.gradingPerSecond, fullGrading.ratio))

/// With --slowest N: the patterns that take the most time under PCRE2 JIT over the whole corpus, with
/// NSRegularExpression's time on the same work beside them, so a coach sees which rules to tighten.
if let slowest = argument("--slowest").flatMap(Int.init) {
    let answers = corpus.items.map(\.answer)
    func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<20 { try body() }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / 20
    }
    var timings: [(source: String, pcre2: Double, foundation: Double)] = []
    for source in sources {
        let pattern = jit[source]!
        let pcre2 = try seconds {
            for answer in answers {
                var text = answer
                _ = try text.withUTF8 { try matcher.firstMatch(of: pattern, in: $0) }
            }
        }
        let foundationTime = seconds {
            guard let regex = foundation[source] else { return }
            for answer in answers {
                _ = regex.firstMatch(in: answer, range: NSRange(location: 0, length: (answer as NSString).length))
            }
        }
        timings.append((source, pcre2, foundationTime))
    }
    let total = timings.reduce(0) { $0 + $1.pcre2 }
    print("")
    print(
        "slowest patterns under PCRE2 JIT, over all \(answers.count) answers (all patterns: \(String(format: "%.2f", total * 1000)) ms)"
    )
    for timing in timings.sorted(by: { $0.pcre2 > $1.pcre2 }).prefix(slowest) {
        print(
            String(format: "%7.3f ms  (NSRegularExpression %7.3f ms)  ", timing.pcre2 * 1000, timing.foundation * 1000)
                + timing.source)
    }
}

let work = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }
let binary = rehearseBinary()
guard let sample = openQuestions.first else { fatalError("the bank has no open question to grade") }
try StartupBench(binary: binary, work: work, runs: Int(argument("--runs") ?? "") ?? 15)
    .run(rubrics: rubrics, answer: (sample.id, sample.sampleAnswer))
try ScaleBench(binary: binary, work: work, bank: bank, rubrics: rubrics).run(
    batchAnswers: Int(argument("--batch") ?? "") ?? 10_000,
    transcripts: Int(argument("--transcripts") ?? "") ?? 5_000,
    markedAnswers: Int(argument("--marked") ?? "") ?? 100_000)
