import Foundation

/// Why an interview could not be planned, started or resumed.
public enum InterviewError: Error, Equatable, Sendable {
    case unknownDomain(id: String, known: [String], suggestion: String?)
    /// The filter leaves fewer questions than asked for.
    case notEnoughQuestions(asked: Int, available: Int, filter: String)
    /// A transcript being resumed names a question the bank no longer has.
    case questionsGone(ids: [String], transcript: String)
    case alreadyFinished(transcript: String)
    case nothingToResume(folder: String)
}

extension InterviewError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case let .unknownDomain(id, known, suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "no domain '\(id)'.\(hint) Known domains: \(known.joined(separator: ", "))."
        case let .notEnoughQuestions(asked, available, filter):
            if filter.isEmpty {
                return
                    "the bank has only \(available) question\(available == 1 ? "" : "s"), but \(asked) were asked for; "
                    + "pass --count \(available) or fewer."
            }
            if available == 0 {
                return "no question matches \(filter); widen the filter ('rehearse bank list' shows what there is)."
            }
            return
                "only \(available) question\(available == 1 ? "" : "s") match\(available == 1 ? "es" : "") \(filter), "
                + "but \(asked) were asked for; pass --count \(available) or widen the filter."
        case let .questionsGone(ids, transcript):
            return "the bank no longer has \(ids.map { "'\($0)'" }.joined(separator: ", ")), which '\(transcript)' "
                + "still has to ask; restore the rubric, pass the --rubrics folder the interview started with, "
                + "or start a new interview."
        case let .alreadyFinished(transcript):
            return "the interview in '\(transcript)' is finished; start a new one with 'rehearse practice', or "
                + "export it with 'rehearse export'."
        case let .nothingToResume(folder):
            return "no unfinished interview in '\(folder)'; start one with 'rehearse practice', or pass the "
                + "transcript to resume: 'rehearse practice --resume FILE'."
        }
    }
}
