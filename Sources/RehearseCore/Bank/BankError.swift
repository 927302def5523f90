import Foundation

/// Why the bank could not be loaded or a question found.
public enum BankError: Error, Equatable, Sendable {
    /// The rubric folder does not exist.
    case missingFolder(path: String)
    /// One or more rubric files are invalid; every problem found is listed.
    case invalid([Diagnostic])
    case unknownQuestion(id: String, suggestion: String?)
    case unknownDomain(id: String, known: [String])
}

extension BankError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case let .missingFolder(path):
            return "no rubric folder at '\(path)'. Run from the project folder, pass --rubrics DIR "
                + "or set REHEARSE_RUBRICS to the folder that holds bank.yaml, or install the bank with "
                + "scripts/install.sh; 'rehearse bank path' says where rehearse looks."
        case let .invalid(diagnostics):
            let count = diagnostics.errors.count
            return "\(count) error\(count == 1 ? "" : "s") in the rubrics (listed above); "
                + "fix them, then check with 'rehearse rubric lint'."
        case let .unknownQuestion(id, suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "no question with id '\(id)'.\(hint) 'rehearse bank list' shows every id."
        case let .unknownDomain(id, known):
            let hint = RehearseCore.suggestion(for: id, in: known).map { " Did you mean '\($0)'?" } ?? ""
            return "no domain '\(id)'.\(hint) Known domains: \(known.joined(separator: ", "))."
        }
    }
}
