import ArgumentParser
import Foundation
import RehearseCore

/// Where the rubrics are: the rule is `BankLocation`'s.
struct RubricOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The rubric folder (holds bank.yaml). Default: $REHEARSE_RUBRICS, else ./Rubrics when it holds "
                + "bank.yaml, else the installed bank ('rehearse bank path' says which).",
            valueName: "dir"))
    var rubrics: String?

    var location: BankLocation { BankLocation.resolve(option: rubrics, in: .current) }

    var folder: URL { location.folder }

    /// The bank and the part of it a command was pointed at: `path` may be a rubric file or folder;
    /// without --rubrics, its bank is the nearest folder above it that holds bank.yaml.
    func bankAndScope(for path: String?) throws -> (root: URL, scope: PathScope) {
        guard let path else { return (folder, .everything) }
        guard FileManager.default.fileExists(atPath: path) else { throw InputError.missingFile(path) }
        let root = rubrics == nil ? PathScope.bankRoot(containing: path) ?? folder : folder
        return (root, PathScope(path: path))
    }

    func loadBank() throws -> Bank { try loadBank(from: folder) }

    func loadBank(from root: URL) throws -> Bank { try loadBankAndSites(from: root).bank }

    /// The bank and where each of its patterns is written, for messages that point at a pattern.
    func loadBankAndSites(from root: URL? = nil) throws -> (bank: Bank, sites: [PatternSite]) {
        let environment = ProcessInfo.processInfo.environment
        let cache = BankCache.standardFolder(environment: environment).map(BankCache.init)
        let loader = BankLoader(cache: cache, probeCache: ProbeCache.standard(environment: environment))
        let result = try loader.loadReportingAll(from: root ?? folder)
        guard let bank = result.bank else { throw BankError.invalid(result.diagnostics + result.setAside) }
        for diagnostic in result.setAside {
            Terminal.printWarning(
                "\(diagnostic); set aside until it is fixed: an answer that needs it cannot be graded")
        }
        return (bank, result.patternSites)
    }
}

extension MarkScale: ExpressibleByArgument {}

/// `--format` of a command that prints text or JSON, so its help and completion offer only those.
enum TextOrJSON: String, CaseIterable, ExpressibleByArgument {
    case text, json
}

struct FormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: text, json or markdown.")
    var format: OutputFormat = .text
}

/// The terminal the command writes to: colour only on a TTY and never when NO_COLOR is set.
enum Terminal {
    static var style: TextStyle {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TextStyle(usesColor: isatty(STDOUT_FILENO) != 0 && !noColor)
    }

    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) != 0 }

    /// The terminal's width in columns, or nil when standard output is not a terminal.
    static var width: Int? {
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// `text` word-wrapped to the terminal, or unchanged when output goes to a file or a pipe.
    static func wrapped(_ text: String) -> String {
        width.map { TextWrap.wrap(text, width: $0) } ?? text
    }

    /// `url` relative to the working folder when it is inside it, for messages a user copies.
    static func displayPath(_ url: URL) -> String {
        let folder = FileManager.default.currentDirectoryPath
        let path = url.standardizedFileURL.path
        return path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("rehearse: error: \(message)\n".utf8))
    }

    static func printWarning(_ message: String) {
        FileHandle.standardError.write(Data("rehearse: warning: \(message)\n".utf8))
    }
}
