import Foundation
import RehearseCore

/// Start-up: the CPU a command spends before it does anything, as a ratio to `rehearse --version`
/// (which loads nothing), with no cache (cold) and with one (warm), for the bundled bank and for one
/// grown to 300 questions.
struct StartupBench {
    let binary: String
    let work: URL
    let runs: Int

    func run(rubrics: URL, answer: (question: String, text: String)) throws {
        let cache = work.appendingPathComponent("startup-cache")
        let environment = ["XDG_CACHE_HOME": cache.path]
        let answerFile = work.appendingPathComponent("answer.txt")
        try Data(answer.text.utf8).write(to: answerFile)
        let version = medianCPU(runs) { runProcess(binary, ["--version"]) }
        let big = try grownBank(from: rubrics, to: 300)
        print("")
        print("start-up, CPU per process (median of \(runs) runs), against --version (\(milliseconds(version)))")
        print("command                                   cold (no cache)        warm (cached)")
        for (name, folder, arguments) in [
            ("bank list, bundled bank", rubrics, ["bank", "list"]),
            (
                "grade one answer, bundled bank", rubrics,
                ["grade", "--question", answer.question, "--answer-file", answerFile.path]
            ),
            ("bank list, 300 questions", big, ["bank", "list"]),
        ] {
            let full = arguments + ["--rubrics", folder.path]
            let cold = medianCPU(runs, prepare: { try? FileManager.default.removeItem(at: cache) }) {
                runProcess(binary, full, environment: environment)
            }
            _ = runProcess(binary, full, environment: environment)
            let warm = medianCPU(runs) { runProcess(binary, full, environment: environment) }
            print(
                name.padding(toLength: 36, withPad: " ", startingAt: 0)
                    + "\(milliseconds(cold)) = \(ratio(cold / version))".leftPadded(22)
                    + "\(milliseconds(warm)) = \(ratio(warm / version))".leftPadded(21))
        }
    }

    /// A copy of `rubrics` with question files cloned under new ids until it holds `count` questions.
    private func grownBank(from rubrics: URL, to count: Int) throws -> URL {
        let target = work.appendingPathComponent("Rubrics-\(count)")
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: rubrics, to: target)
        let bank = try BankLoader().load(from: rubrics)
        var total = bank.questions.count
        var copy = 1
        while total < count {
            for question in bank.questions where total < count {
                let source = URL(
                    fileURLWithPath: question.source.file,
                    relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                let text = try String(contentsOf: source, encoding: .utf8)
                let id = "\(question.id)-copy-\(copy)"
                var lines = text.components(separatedBy: "\n")
                if let line = lines.firstIndex(of: "id: \(question.id)") { lines[line] = "id: \(id)" }
                let cloned = lines.joined(separator: "\n")
                try Data(cloned.utf8).write(
                    to: target.appendingPathComponent(question.domain).appendingPathComponent("\(id).yaml"))
                total += 1
            }
            copy += 1
        }
        return target
    }
}

func milliseconds(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }

func ratio(_ value: Double) -> String { String(format: "%.1fx", value) }

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
