import Foundation
import RehearseCore

// libFuzzer targets for the readers of untrusted input, one binary selected by REHEARSE_FUZZ_TARGET:
//   rubric      YAML text as a question file (or, by its first byte, a concept file or bank.yaml)
//   grade       answer bytes graded against several questions of the bundled bank
//   transcript  a transcript file (JSON), then its export, progress report and drill plan
//   responses   a file of human-marked responses (JSON Lines or CSV)
// scripts/fuzz.sh builds it with -sanitize=fuzzer,address -DFUZZING and runs each target; without
// FUZZING it is a plain program that replays files, so `swift build` keeps it compiling.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: size) } ?? Data()
    FuzzTargets.run(FuzzTargets.selected, data)
    return 0
}

enum FuzzTargets {
    enum Name: String, CaseIterable { case rubric, grade, transcript, responses }

    static let selected: Name = {
        let name = ProcessInfo.processInfo.environment["REHEARSE_FUZZ_TARGET"] ?? ""
        guard let target = Name(rawValue: name) else {
            fatalError("set REHEARSE_FUZZ_TARGET to one of: \(Name.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return target
    }()

    static func prepare(_ target: Name) {
        switch target {
        case .grade: _ = GradeTarget.questions
        case .rubric: _ = RubricTarget.folder
        case .transcript, .responses: break
        }
    }

    static func run(_ target: Name, _ data: Data) {
        switch target {
        case .rubric: RubricTarget.run(data)
        case .grade: GradeTarget.run(data)
        case .transcript: TranscriptTarget.run(data)
        case .responses: ResponsesTarget.run(data)
        }
    }
}

/// The loader reads folders: a scratch bank of one domain, whose files the input replaces. The folder is
/// in memory (/dev/shm) where there is one, so the files cost no disk writes.
enum RubricTarget {
    static let folder: URL = {
        let memory = URL(fileURLWithPath: "/dev/shm")
        let parent = FileManager.default.isWritableFile(atPath: memory.path) ? memory : FileManager.default.temporaryDirectory
        let folder = parent.appendingPathComponent("rehearse-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(
            at: folder.appendingPathComponent("concepts"), withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(at: folder.appendingPathComponent("d"), withIntermediateDirectories: true)
        return folder
    }()
    static let bankYAML = Data("domains:\n  - id: d\n    title: D\n    weight: 1\n".utf8)
    /// As a command's file cache does, it spares the probe of patterns an earlier input already had, so
    /// runs go to what changed.
    static let loader = BankLoader(probeCache: .inMemory())

    /// Whether bank.yaml holds an input rather than `bankYAML`; the one process runs one input at a time.
    nonisolated(unsafe) static var bankReplaced = true

    static func run(_ data: Data) {
        let selector = data.first ?? 0
        let bank = folder.appendingPathComponent("bank.yaml")
        let concept = folder.appendingPathComponent("concepts/c.yaml")
        let question = folder.appendingPathComponent("d/q.yaml")
        if selector == 1 || bankReplaced { try? (selector == 1 ? data.dropFirst() : bankYAML).write(to: bank) }
        bankReplaced = selector == 1
        try? (selector == 2 ? data.dropFirst() : Data()).write(to: concept)
        if selector == 2 { try? Data().write(to: question) } else { try? data.write(to: question) }
        if selector != 2 { try? FileManager.default.removeItem(at: concept) }
        _ = try? loader.loadReportingAll(from: folder)
    }
}

/// The bundled bank, loaded once per process: grading is the work, not loading.
enum GradeTarget {
    static let bank: Bank = {
        let path = ProcessInfo.processInfo.environment["REHEARSE_RUBRICS"] ?? "Rubrics"
        do { return try BankLoader().load(from: URL(fileURLWithPath: path)) } catch {
            fatalError("the grade target needs the bundled bank (REHEARSE_RUBRICS or ./Rubrics): \(error)")
        }
    }()
    // Read-only after its first use, and libFuzzer runs one input at a time.
    nonisolated(unsafe) static let grader = Grader(bank: bank)
    /// A technical, a behavioural and a multiple-choice question, at least.
    static let questions: [Question] = {
        var picked: [Question] = []
        for kind in QuestionKind.allCases { picked += bank.questions.filter { $0.kind == kind }.prefix(2) }
        return picked
    }()

    static func run(_ data: Data) {
        guard let selector = data.first, !questions.isEmpty,
            let answer = try? AnswerText.decode(data.dropFirst())
        else { return }
        let question = questions[Int(selector) % questions.count]
        guard let grade = try? grader.grade(answer, for: question) else { return }
        _ = GradeReport(grade: grade, question: question).render(.text)
    }
}

/// Reads the input as a transcript file through the store, then uses it as every command would.
enum TranscriptTarget {
    static func run(_ data: Data) {
        let store = TranscriptStore(folder: URL(fileURLWithPath: "/fuzz"), files: OneFile(data: data))
        guard let transcript = try? store.load(URL(fileURLWithPath: "/fuzz/t.json")) else { return }
        _ = TranscriptMarkdown(transcript, timeZone: TimeZone(identifier: "UTC")!).render()
        _ = ProgressReport(transcripts: [transcript]).render(.text)
        _ = transcript.averageScore
    }

    struct OneFile: FileStore {
        let data: Data
        func writeAtomically(_ data: Data, to url: URL) throws {}
        func read(_ url: URL) throws -> Data { data }
        func files(in folder: URL) throws -> [URL] { [] }
        func createFolder(_ url: URL) throws {}
        func createNew(_ url: URL) throws -> Bool { false }
    }
}

enum ResponsesTarget {
    static func run(_ data: Data) {
        let name = data.first.map { $0 % 2 == 0 ? "marked.jsonl" : "marked.csv" } ?? "marked.jsonl"
        _ = try? MarkedResponses.parse(String(decoding: data.dropFirst(), as: UTF8.self), file: name)
    }
}

/// With libFuzzer (FUZZING): hands over to its driver. SwiftPM renames an executable's entry point, so
/// libFuzzer's own `main` is never linked in; `LLVMFuzzerRunDriver` is its documented way in.
/// Without: replays the files named on the command line through the selected target.
@main
struct FuzzMain {
    static func main() {
        #if FUZZING
            // The bank is loaded here, once, not in the first input (where it would count as a timeout).
            FuzzTargets.prepare(FuzzTargets.selected)
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        #else
            for path in CommandLine.arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                FuzzTargets.run(FuzzTargets.selected, data)
            }
        #endif
    }
}

#if FUZZING
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt
#endif
