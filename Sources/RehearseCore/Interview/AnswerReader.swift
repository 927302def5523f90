import Foundation

/// What the candidate gave for one question.
enum AnswerInput: Equatable {
    case answer(String)
    case skip
    /// `:quit`, or the end of input on a terminal (Ctrl-D); the draft stays saved.
    case quit
    /// A piped answer over the size limit for one answer: the script has to be fixed.
    case tooLong(AnswerError)
}

/// Reads one answer, line by line, and carries out the commands typed on a line of their own.
///
/// An open answer ends with a line that holds only "."; blank lines inside it are kept. A
/// multiple-choice answer is one line that names one option letter. Every change to the lines typed so
/// far goes to `keepDraft`, which saves them, so nothing typed is lost to a crash.
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
        the draft)  :skip  :quit (saved, the draft too; resume later)  :help
        """

    let console: any InterviewConsole
    /// Shown on `:hint`.
    let hint: String?
    /// Writes the question again, for `:repeat`.
    let repeatQuestion: () -> Void
    var mode: InterviewMode = .interactive
    /// Lines typed before a stop, restored from the transcript.
    var restored: [String] = []
    /// Called with the lines typed so far after every change.
    var keepDraft: ([String]) -> Void = { _ in }
    /// Shows the time taken while typing; none for a follow-up.
    var timer: AnswerTimer? = nil

    private func prompt(firstLine: Bool) -> String {
        if let notice = timer?.noticeIfDue() { console.write(notice) }
        if firstLine { return Self.firstLinePrompt }
        return timer?.prompt(Self.nextLinePrompt) ?? Self.nextLinePrompt
    }

    func readOpenAnswer() -> AnswerInput {
        var lines = restored
        if !lines.isEmpty {
            console.write(
                "Your draft so far (\(Self.count(lines.count))), restored; go on typing, or \".\" to submit:\n")
            for line in lines { console.write("| \(line)\n") }
        }
        // Kept as lines arrive: a piped answer of many lines must not be re-measured for each one.
        var size = Self.size(of: lines)
        while true {
            guard let line = console.readLine(prompt: prompt(firstLine: lines.isEmpty)) else {
                return endOfInput(lines)
            }
            if line.trimmingCharacters(in: .whitespaces) == Self.endOfAnswer {
                let answer = Self.text(of: lines)
                if !answer.isEmpty { return .answer(answer) }
                console.write("The answer is empty: type it, then a line with only \".\" (or :skip).\n")
                lines = []
                size = 0
                continue
            }
            let command: Command
            switch classify(line) {
            case .text:
                if let refused = Self.refusal(adding: line, to: size) {
                    if !mode.isInteractive { return .tooLong(refused) }
                    console.write(Self.tooLongAdvice(refused))
                    continue
                }
                size += (lines.isEmpty ? 0 : 1) + line.utf8.count
                lines.append(line)
                keepDraft(lines)
                continue
            case .unknownCommand: continue
            case let .command(found): command = found
            }
            switch command {
            case .skip:
                if confirmSkip(lines) { return .skip }
            case .quit:
                if !lines.isEmpty {
                    console.write("Your draft (\(Self.count(lines.count))) is kept; --resume brings it back.\n")
                }
                return .quit
            case .edit:
                lines = edited(lines)
                size = Self.size(of: lines)
                keepDraft(lines)
            default:
                perform(command)
            }
        }
    }

    func readChoice(letters: [String]) -> AnswerInput {
        let list = letters.joined(separator: ", ")
        while let line = console.readLine(prompt: mode.isInteractive ? "Your choice (\(list)): " : "") {
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
            // Saved as typed, so held to the one answer limit (a transcript refuses a longer answer).
            do { try AnswerText.checkSize(line.utf8.count) } catch {
                if !mode.isInteractive { return .tooLong(error) }
                console.write(
                    "That answer was not taken: \(error.errorDescription ?? "\(error)") Answer with one letter.\n")
                continue
            }
            let named = ChoiceAmbiguity.lettersNamed(in: line, among: letters)
            if named.count > 1 {
                console.write(
                    "That names \(named.joined(separator: " and ")); choose one: \(list) (or :skip).\n")
                continue
            }
            if ChoiceParser.letter(in: line, among: letters) != nil { return .answer(line) }
            console.write("Answer with one letter: \(list) (or :skip).\n")
        }
        return .quit
    }

    // MARK: Drafts

    /// The end of input: piped, it submits the answer being read; on a terminal (Ctrl-D) it stops, the
    /// draft saved.
    private func endOfInput(_ lines: [String]) -> AnswerInput {
        let answer = Self.text(of: lines)
        if !mode.isInteractive, !answer.isEmpty { return .answer(answer) }
        if !answer.isEmpty {
            console.write("\nEnd of input: your draft (\(Self.count(lines.count))) is kept; --resume brings it back.\n")
        }
        return .quit
    }

    /// `:skip` throws a draft away only when the candidate says so.
    private func confirmSkip(_ lines: [String]) -> Bool {
        guard mode.isInteractive, !Self.text(of: lines).isEmpty else { return true }
        console.write("Skip and discard your draft (\(Self.count(lines.count)))? y: skip it · Enter: keep typing\n")
        guard let reply = console.readLine(prompt: "Skip? ") else { return false }
        if reply.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("y") { return true }
        console.write("Kept; go on typing, or \".\" to submit.\n")
        return false
    }

    private static func text(of lines: [String]) -> String {
        lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func count(_ lines: Int) -> String { "\(lines) line\(lines == 1 ? "" : "s")" }

    // MARK: Size

    /// Why `line` cannot join an answer of `size` bytes: the same limit and message as `rehearse grade`.
    private static func refusal(adding line: String, to size: Int) -> AnswerError? {
        do { try AnswerText.checkSize(size + 1 + line.utf8.count) } catch { return error }
        return nil
    }

    /// The answer's size in bytes, its lines joined by line breaks.
    private static func size(of lines: [String]) -> Int {
        lines.isEmpty ? 0 : lines.reduce(lines.count - 1) { $0 + $1.utf8.count }
    }

    private static func tooLongAdvice(_ error: AnswerError) -> String {
        "That line was not added: \(error.errorDescription ?? "\(error)") Type \".\" to submit what you have, "
            + "or :edit it.\n"
    }

    // MARK: Commands

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
            do { try AnswerText.checkSize(edited.utf8.count) } catch {
                console.write("The edit was not kept: \(error.errorDescription ?? "\(error)")\n")
                return lines
            }
            let kept = edited.isEmpty ? [] : edited.components(separatedBy: "\n")
            console.write("Draft from the editor (\(Self.count(kept.count))); type more, or \".\" to submit it:\n")
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
