import Foundation

/// What the candidate gave for one question.
enum AnswerInput: Equatable {
    case answer(String)
    case skip
    /// `:quit`, or the end of input.
    case quit
}

/// Reads one answer, line by line, and carries out the commands typed on a line of their own.
///
/// An open answer ends with a line that holds only "."; blank lines inside it are kept. A
/// multiple-choice answer is one line that names an option letter.
struct AnswerReader {
    enum Command: String, CaseIterable {
        case hint, `repeat`, edit, skip, quit, help
    }

    static let endOfAnswer = "."
    static let firstLinePrompt = "> "
    static let nextLinePrompt = "| "
    static let usage = """
        Answer in as many lines as you like; a line holding only "." ends the answer (blank lines are kept).
        Commands, each on a line of its own: :hint  :repeat (the question again)  :edit (open $EDITOR with \
        the draft)  :skip  :quit (saved; resume later)  :help
        """

    let console: any InterviewConsole
    /// Shown on `:hint`.
    let hint: String?
    /// Writes the question again, for `:repeat`.
    let repeatQuestion: () -> Void
    /// Shows the time taken while typing; none for a follow-up.
    var timer: AnswerTimer? = nil

    private func prompt(firstLine: Bool) -> String {
        if let notice = timer?.noticeIfDue() { console.write(notice) }
        if firstLine { return Self.firstLinePrompt }
        return timer?.prompt(Self.nextLinePrompt) ?? Self.nextLinePrompt
    }

    func readOpenAnswer() -> AnswerInput {
        var lines: [String] = []
        while let line = console.readLine(prompt: prompt(firstLine: lines.isEmpty)) {
            if line.trimmingCharacters(in: .whitespaces) == Self.endOfAnswer {
                let answer = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
                if !answer.isEmpty { return .answer(answer) }
                console.write("The answer is empty: type it, then a line with only \".\" (or :skip).\n")
                lines = []
                continue
            }
            let command: Command
            switch classify(line) {
            case .text:
                lines.append(line)
                continue
            case .unknownCommand: continue
            case let .command(found): command = found
            }
            switch command {
            case .skip: return .skip
            case .quit: return .quit
            case .edit:
                lines = edited(lines)
            default:
                perform(command)
            }
        }
        return .quit
    }

    func readChoice(letters: [String]) -> AnswerInput {
        while let line = console.readLine(prompt: "Your choice (\(letters.joined(separator: ", "))): ") {
            switch classify(line) {
            case .unknownCommand: continue
            case let .command(command):
                switch command {
                case .skip: return .skip
                case .quit: return .quit
                case .edit: console.write("A multiple-choice answer is one letter; :edit is for open answers.\n")
                default: perform(command)
                }
                continue
            case .text: break
            }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if ChoiceParser.letter(in: line, among: letters) != nil { return .answer(line) }
            console.write("Answer with one letter: \(letters.joined(separator: ", ")) (or :skip).\n")
        }
        return .quit
    }

    private enum Line {
        case text
        case command(Command)
        case unknownCommand
    }

    /// A line that holds only `:word` is a command; an unknown one is reported, not kept in the answer.
    private func classify(_ line: String) -> Line {
        let word = line.trimmingCharacters(in: .whitespaces)
        guard word.hasPrefix(":"), word.count > 1, word.dropFirst().allSatisfy(\.isLetter) else { return .text }
        let name = word.dropFirst().lowercased()
        if let command = Command(rawValue: name) { return .command(command) }
        let suggestion =
            closestMatch(to: name, in: Command.allCases.map(\.rawValue)).map { " Did you mean :\($0)?" } ?? ""
        console.write("Unknown command \(word).\(suggestion) Type :help for the commands.\n")
        return .unknownCommand
    }

    private func perform(_ command: Command) {
        switch command {
        case .hint: console.write("Hint: \(hint ?? "there is no hint for this question.")\n")
        case .repeat: repeatQuestion()
        case .help: console.write(Self.usage + "\n")
        case .edit, .skip, .quit: break
        }
    }

    private func edited(_ lines: [String]) -> [String] {
        do {
            let text = try console.edit(lines.joined(separator: "\n"))
            let edited = text.hasSuffix("\n") ? String(text.dropLast()) : text
            let kept = edited.isEmpty ? [] : edited.components(separatedBy: "\n")
            console.write(
                "Draft from the editor (\(kept.count) line\(kept.count == 1 ? "" : "s")); type more, or \".\" to submit it:\n"
            )
            for line in kept { console.write("| \(line)\n") }
            return kept
        } catch {
            console.write(
                "Could not open the editor (\((error as? LocalizedError)?.errorDescription ?? "\(error)")); keep typing here.\n"
            )
            return lines
        }
    }
}
