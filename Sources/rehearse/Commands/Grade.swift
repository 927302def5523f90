import ArgumentParser
import Foundation
import RehearseCore

struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade one answer against a question's rubric, or many with --batch.",
        discussion: """
            Reads the answer from --answer-file, or from standard input. For a multiple-choice question, the answer is the option letter.

              rehearse grade --question handle-data-drift --answer-file answer.txt
              rehearse grade --question model-versioning --format json < answer.txt

            With --batch, grades any number of answers in one run: the file (or '-' for standard input) holds one JSON object a line, {"question": ID, "answer": TEXT}, and every line that is not blank gives one line out, in the same order: the grade as --format json prints it, on one line, or {"line": N, "error": MESSAGE} for a line that could not be graded, without stopping. A line over \(BoundedFile.describe(BatchGrading.maximumLineBytes)) gets such an error line; one that runs past \(BoundedFile.describe(RunawayLine.batchLimit)) with no line break (a binary file, '/dev/zero') ends the input there. Exits 65 when any line was an error.

              rehearse grade --batch answers.jsonl > grades.jsonl
            """)

    @Option(name: .long, help: ArgumentHelp("The question id ('rehearse bank list' shows them).", valueName: "id"))
    var question: String?

    @Option(
        name: .long,
        help: ArgumentHelp("A file holding the answer; '-' or none reads standard input.", valueName: "file"))
    var answerFile: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "JSON Lines of {\"question\": ID, \"answer\": TEXT} to grade, '-' for standard input; writes JSON Lines.",
            valueName: "file"))
    var batch: String?

    @OptionGroup var rubricOptions: RubricOptions
    @OptionGroup var format: FormatOption

    func validate() throws {
        if batch != nil {
            if question != nil || answerFile != nil {
                throw ValidationError(
                    "--batch reads the question ids and answers from its file; drop --question and --answer-file.")
            }
            if format.format == .markdown { throw ValidationError("--batch writes JSON Lines; drop --format.") }
        } else if question == nil {
            throw ValidationError("name the question with --question ID, or grade a file of answers with --batch FILE.")
        }
    }

    func run() throws {
        try reportingErrors {
            if let batch { return try gradeBatch(batch) }
            let graded = try AnswerOptions.grade(
                question: question ?? "", answerFile: answerFile, rubricOptions: rubricOptions)
            let report = GradeReport(grade: graded.grade, question: graded.question)
            let rendered = report.render(format.format, style: Terminal.style)
            try printOutput(format.format == .text ? Terminal.wrapped(rendered) : rendered, terminator: "")
        }
    }

    private func gradeBatch(_ path: String) throws {
        let bank = try rubricOptions.loadBank()
        let input: FileHandle
        if path == "-" {
            input = .standardInput
        } else {
            guard let file = FileHandle(forReadingAtPath: path) else { throw InputError.missingFile(path) }
            input = file
        }
        let runaway = RunawayLineWatch(source: input.fileDescriptor)
        // `input` stays open until the copy is done with it.
        let errors = try withExtendedLifetime(input) {
            try BatchGrading(bank: bank).run(input: runaway.output) { try StandardOutput.shared.write($0) }
        }
        if let line = runaway.runawayLine {
            throw InputReadError.tooLarge(
                path: path == "-" ? "standard input" : path, limit: RunawayLine.batchLimit,
                what: "one line of --batch input (line \(line) has no line break)")
        }
        if errors > 0 { throw ExitCode(ExitStatus.dataError) }
    }
}

/// The batch's input through a pipe, copied on a thread that stops at a line with no end
/// (`RunawayLine`); the batch reads the pipe as it would the input, line by line as it arrives.
private final class RunawayLineWatch: @unchecked Sendable {
    let output: FileHandle
    private let lock = NSLock()
    private var line: Int?

    init(source: Int32) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            // No pipe to spare: read the input directly, without the watch.
            output = FileHandle(fileDescriptor: source, closeOnDealloc: false)
            return
        }
        output = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true)
        let writer = ends[1]
        Thread { [self] in
            let runaway = RunawayLine.copy(from: source, to: writer, lineLimit: RunawayLine.batchLimit)
            lock.withLock { line = runaway }
            close(writer)
        }.start()
    }

    /// Read once the batch has seen the end of `output`, that is after the copy closed the pipe.
    var runawayLine: Int? { lock.withLock { line } }
}
