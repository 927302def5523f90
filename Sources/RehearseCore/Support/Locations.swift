import Foundation

/// What a location rule looks at: the option given, the environment, the working folder and where the
/// executable lives. Passed in, so a test can ask the rule about any machine.
public struct LocationContext: Sendable {
    public var environment: [String: String]
    public var workingFolder: URL
    /// The running executable, symbolic links resolved; nil when unknown.
    public var executable: URL?

    public init(environment: [String: String], workingFolder: URL, executable: URL?) {
        self.environment = environment
        self.workingFolder = workingFolder
        self.executable = executable
    }

    /// This process's.
    public static var current: LocationContext {
        LocationContext(
            environment: ProcessInfo.processInfo.environment,
            workingFolder: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            executable: Bundle.main.executableURL?.resolvingSymlinksInPath())
    }

    func variable(_ name: String) -> String? {
        environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A project folder (a clone of rehearse, or a coach's copy) holds Rubrics/bank.yaml.
    var projectRubrics: URL { workingFolder.appendingPathComponent("Rubrics") }

    var holdsBank: Bool {
        FileManager.default.fileExists(
            atPath: projectRubrics.appendingPathComponent(BankLoader.bankFile).path)
    }
}

/// Which question bank a command uses, and why: the one home of that rule.
///
/// `--rubrics`, then `$REHEARSE_RUBRICS`, then `./Rubrics` when it holds bank.yaml, then the bank
/// installed beside the executable (`PREFIX/share/rehearse/Rubrics` for `PREFIX/bin/rehearse`).
public struct BankLocation: Sendable, Equatable {
    public enum Source: String, Sendable, Codable {
        case option = "--rubrics"
        case environment = "REHEARSE_RUBRICS"
        case workingFolder = "working folder"
        case installed
        /// Nothing found: the path is where the working-folder rule would look.
        case none
    }

    public var folder: URL
    public var source: Source

    /// The installed bank's place relative to the executable's folder.
    public static let installedRelativePath = "../share/rehearse/Rubrics"

    public init(folder: URL, source: Source) {
        self.folder = folder
        self.source = source
    }

    public static func resolve(option: String?, in context: LocationContext) -> BankLocation {
        if let option { return BankLocation(folder: URL(fileURLWithPath: option), source: .option) }
        if let path = context.variable("REHEARSE_RUBRICS") {
            return BankLocation(folder: URL(fileURLWithPath: path), source: .environment)
        }
        if context.holdsBank { return BankLocation(folder: URL(fileURLWithPath: "Rubrics"), source: .workingFolder) }
        if let executable = context.executable {
            let installed = executable.deletingLastPathComponent()
                .appendingPathComponent(installedRelativePath).standardizedFileURL
            if FileManager.default.fileExists(atPath: installed.appendingPathComponent(BankLoader.bankFile).path) {
                return BankLocation(folder: installed, source: .installed)
            }
        }
        return BankLocation(folder: URL(fileURLWithPath: "Rubrics"), source: .none)
    }

    /// Why this bank, in a sentence, for `rehearse bank path`.
    public var reason: String {
        switch source {
        case .option: "given with --rubrics"
        case .environment: "set by $REHEARSE_RUBRICS"
        case .workingFolder: "the working folder holds Rubrics/bank.yaml"
        case .installed: "the bank installed with rehearse (no --rubrics, no $REHEARSE_RUBRICS, no ./Rubrics)"
        case .none:
            "none found: no --rubrics, no $REHEARSE_RUBRICS, no ./Rubrics/bank.yaml, and no bank installed beside "
                + "the executable (scripts/install.sh installs one)"
        }
    }
}

/// Where transcripts are saved and read, and why: the one home of that rule.
///
/// `--transcripts`, then `$REHEARSE_TRANSCRIPTS`; in a project folder (it holds Rubrics/bank.yaml and
/// Transcripts/) `./Transcripts`; anywhere else the user's data folder,
/// `$XDG_DATA_HOME/rehearse/transcripts` (default `~/.local/share/rehearse/transcripts`).
public struct TranscriptLocation: Sendable, Equatable {
    public enum Source: String, Sendable, Codable {
        case option = "--transcripts"
        case environment = "REHEARSE_TRANSCRIPTS"
        case projectFolder = "project folder"
        case userData = "user data"
    }

    public var folder: URL
    public var source: Source

    public init(folder: URL, source: Source) {
        self.folder = folder
        self.source = source
    }

    public static func resolve(option: String?, in context: LocationContext) -> TranscriptLocation {
        if let option { return TranscriptLocation(folder: URL(fileURLWithPath: option), source: .option) }
        if let path = context.variable("REHEARSE_TRANSCRIPTS") {
            return TranscriptLocation(folder: URL(fileURLWithPath: path), source: .environment)
        }
        let project = context.workingFolder.appendingPathComponent("Transcripts")
        var isFolder: ObjCBool = false
        if context.holdsBank, FileManager.default.fileExists(atPath: project.path, isDirectory: &isFolder),
            isFolder.boolValue
        {
            return TranscriptLocation(folder: URL(fileURLWithPath: "Transcripts"), source: .projectFolder)
        }
        let dataHome =
            context.variable("XDG_DATA_HOME").map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: context.variable("HOME") ?? NSHomeDirectory())
            .appendingPathComponent(".local/share")
        return TranscriptLocation(
            folder: dataHome.appendingPathComponent("rehearse/transcripts"), source: .userData)
    }

    public var reason: String {
        switch source {
        case .option: "given with --transcripts"
        case .environment: "set by $REHEARSE_TRANSCRIPTS"
        case .projectFolder: "the working folder is a project folder (Rubrics/bank.yaml and Transcripts/)"
        case .userData: "your data folder ($XDG_DATA_HOME, default ~/.local/share)"
        }
    }
}
