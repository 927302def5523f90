import Foundation
import RehearseCore

/// Batch grading and the commands that read many files, run as a user runs them, on data generated into
/// a temporary folder from the bank's own sample and example answers: answers per second end to end,
/// and each process's wall time and peak memory.
struct ScaleBench {
    let binary: String
    let work: URL
    let bank: Bank
    let rubrics: URL
    /// Every open question's sample and example answers, with their grades.
    let answers: [(question: Question, text: String, grade: Grade)]

    init(binary: String, work: URL, bank: Bank, rubrics: URL) throws {
        self.binary = binary
        self.work = work
        self.bank = bank
        self.rubrics = rubrics
        let grader = Grader(bank: bank)
        answers = try bank.questions.filter { $0.kind != .multipleChoice }.flatMap { question in
            try ([question.sampleAnswer] + question.examples.map(\.answer)).map {
                (question, $0, try grader.grade($0, for: question))
            }
        }
    }

    private var environment: [String: String] { ["XDG_CACHE_HOME": work.appendingPathComponent("scale-cache").path] }

    private func rehearse(_ arguments: [String], stdin: String = "/dev/null") -> ProcessRun {
        let run = runMeasuringPeak(
            binary, arguments + ["--rubrics", rubrics.path], environment: environment, stdin: stdin)
        return run
    }

    /// Wall time, the process's CPU time, peak memory; rates per second of CPU, which a busy machine
    /// stretches less than wall time.
    private func report(_ name: String, _ run: ProcessRun, items: Int? = nil, unit: String = "") {
        if run.status != 0 && run.status != 1 { print("  (\(name): rehearse exited \(run.status))") }
        let rate = items.map { String(format: "  %8.0f %@/s", Double($0) / run.cpuSeconds, unit) } ?? ""
        print(
            name.padding(toLength: 52, withPad: " ", startingAt: 0)
                + String(format: "%8.2f s %8.2f s %7.0f MB", run.wallSeconds, run.cpuSeconds, run.peakMegabytes) + rate)
    }

    func run(batchAnswers: Int, transcripts: Int, markedAnswers: Int) throws {
        _ = rehearse(["bank", "list"])  // writes the cache, as any earlier command would have
        print("")
        print("scale, one process each                                  wall      CPU     peak   rate per CPU second")
        let batch = work.appendingPathComponent("batch.jsonl")
        try writeBatch(batchAnswers, to: batch)
        report(
            "grade --batch, \(batchAnswers) answers", rehearse(["grade", "--batch", batch.path]), items: batchAnswers,
            unit: "answers")

        let folder = work.appendingPathComponent("transcripts")
        try writeTranscripts(transcripts, into: folder)
        report(
            "progress, \(transcripts) transcripts",
            runMeasuringPeak(binary, ["progress", folder.path], environment: environment))
        report(
            "regrade, \(transcripts) transcripts", rehearse(["regrade", folder.path]), items: transcripts * 5,
            unit: "answers")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
            folder.appendingPathComponent($0).path
        }
        let output = work.appendingPathComponent("reports")
        report(
            "export, \(transcripts) transcripts",
            runMeasuringPeak(binary, ["export", "--output", output.path] + files, environment: environment))

        let marked = work.appendingPathComponent("marked.jsonl")
        try writeMarked(markedAnswers, to: marked, oneQuestion: false)
        report(
            "rubric test --responses, \(markedAnswers) answers",
            rehearse(["rubric", "test", "--responses", marked.path]), items: markedAnswers, unit: "answers")
        try writeMarked(markedAnswers, to: marked, oneQuestion: true)
        report(
            "rubric test --responses, \(markedAnswers) to one question",
            rehearse(["rubric", "test", "--responses", marked.path]), items: markedAnswers, unit: "answers")
    }

    private struct BatchLine: Encodable {
        var question: String
        var answer: String
    }

    private struct MarkedLine: Encodable {
        var question: String
        var answer: String
        var mark: Int
    }

    private func writeLines(_ count: Int, to file: URL, _ line: (Int) throws -> Data) throws {
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        var pending = Data()
        for index in 0..<count {
            pending += try line(index) + Data("\n".utf8)
            if pending.count > 1 << 20 {
                handle.write(pending)
                pending.removeAll()
            }
        }
        handle.write(pending)
    }

    private func writeBatch(_ count: Int, to file: URL) throws {
        let encoder = JSONEncoder()
        try writeLines(count, to: file) { index in
            let answer = answers[index % answers.count]
            return try encoder.encode(BatchLine(question: answer.question.id, answer: answer.text))
        }
    }

    /// Marks that follow the rubric's score with some noise, so every measure has something to count.
    private func writeMarked(_ count: Int, to file: URL, oneQuestion: Bool) throws {
        let encoder = JSONEncoder()
        let pool = oneQuestion ? answers.filter { $0.question.id == answers[0].question.id } : answers
        try writeLines(count, to: file) { index in
            let answer = pool[index % pool.count]
            let mark = min(5, max(0, (answer.grade.score + 10) / 20 + (index % 3) - 1))
            return try encoder.encode(MarkedLine(question: answer.question.id, answer: answer.text, mark: mark))
        }
    }

    private func writeTranscripts(_ count: Int, into folder: URL) throws {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        // Five different questions a session, as a plan never repeats one; each time another of their answers.
        let byQuestion = Dictionary(grouping: answers, by: \.question.id).sorted { $0.key < $1.key }.map(\.value)
        for index in 0..<count {
            let picked = (0..<5).map { offset in
                let pool = byQuestion[(index * 5 + offset) % byQuestion.count]
                return pool[(index / byQuestion.count + offset) % pool.count]
            }
            let began = start.addingTimeInterval(Double(index) * 3_600)
            var transcript = Transcript(
                plan: InterviewPlan(count: 5, seed: UInt64(index), questionIDs: picked.map(\.question.id)),
                bankHash: bank.contentHash, startedAt: began)
            for (offset, answer) in picked.enumerated() {
                let asked = began.addingTimeInterval(Double(offset) * 300)
                transcript.entries.append(
                    Transcript.Entry(
                        question: answer.question, answer: answer.text, skipped: false, askedAt: asked,
                        answeredAt: asked + 120, grade: answer.grade))
            }
            transcript.status = .finished
            try encoder.encode(transcript).write(
                to: folder.appendingPathComponent(TranscriptStore.fileName(for: transcript)))
        }
    }
}
