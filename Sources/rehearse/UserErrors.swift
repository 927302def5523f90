import ArgumentParser
import Foundation
import RehearseCore

/// Runs a command body, turning the core's errors into a message on stderr and a documented exit code.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        if case let BankError.invalid(diagnostics) = error {
            for diagnostic in diagnostics { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
        }
        Terminal.printError(message(for: error))
        throw ExitCode(exitCode(for: error))
    }
}

private func message(for error: Error) -> String {
    (error as? LocalizedError)?.errorDescription ?? "\(error)"
}

/// The sysexits(3) codes listed in `rehearse --help`.
enum ExitStatus {
    static let checkFailed: Int32 = 1
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let cannotCreate: Int32 = 73
    static let inUse: Int32 = 75
}

private func exitCode(for error: Error) -> Int32 {
    switch error {
    case let error as BankError:
        switch error {
        case .missingFolder: ExitStatus.noInput
        case .invalid: ExitStatus.dataError
        case .unknownQuestion, .unknownDomain: ExitStatus.usage
        }
    case is AnswerError, is GradingError: ExitStatus.dataError
    case let error as InterviewError:
        switch error {
        case .unknownDomain, .notEnoughQuestions, .alreadyFinished: ExitStatus.usage
        case .questionsGone: ExitStatus.dataError
        case .nothingToResume: ExitStatus.noInput
        }
    case let error as TranscriptError:
        switch error {
        case .unreadable, .cannotRead, .noTranscripts, .onlyScripted: ExitStatus.noInput
        case .damaged, .unsupportedVersion: ExitStatus.dataError
        case .cannotWrite, .cannotWriteReport: ExitStatus.cannotCreate
        case .locked: ExitStatus.inUse
        }
    case let error as InputReadError:
        switch error {
        case .tooLarge: ExitStatus.dataError
        case .notAFile, .failed: ExitStatus.noInput
        }
    case let error as ScaffoldError:
        switch error {
        case .invalidID, .unknownDomain, .idInUse: ExitStatus.usage
        case .fileExists, .cannotWrite: ExitStatus.cannotCreate
        }
    case let error as AgreementError:
        switch error {
        case .unknownQuestion: ExitStatus.usage
        case .badLines, .missingColumn, .mixedScale, .unknownConcepts, .empty: ExitStatus.dataError
        }
    case let error as SessionError:
        switch error {
        case .noSuchNumber: ExitStatus.usage
        case .cannotDelete: ExitStatus.cannotCreate
        }
    case let error as InputError:
        switch error {
        case .missingFile: ExitStatus.noInput
        }
    case is OutputWriteError: ExitStatus.cannotCreate
    default: ExitStatus.dataError
    }
}

enum InputError: Error, LocalizedError {
    case missingFile(String)

    var errorDescription: String? {
        switch self {
        case let .missingFile(path): "cannot read '\(path)': no such file, or it is not readable."
        }
    }
}

/// Reads a whole file, or standard input when `path` is nil or "-", refusing more than `limit` bytes
/// (`grade < /dev/zero` stops at the limit and says so, rather than filling memory).
func readInput(_ path: String?, limit: Int, what: String) throws -> Data {
    guard let path, path != "-" else {
        return try BoundedFile.read(descriptor: STDIN_FILENO, path: "standard input", limit: limit, what: what)
    }
    do {
        return try BoundedFile.read(URL(fileURLWithPath: path), limit: limit, what: what)
    } catch let InputReadError.failed(failure) where failure.code == ENOENT {
        throw InputError.missingFile(path)
    }
}
