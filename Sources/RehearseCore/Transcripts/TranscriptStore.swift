import Foundation

/// Reads and writes files. The real one is `LocalFileStore`; tests may pass their own.
public protocol FileStore: Sendable {
    /// Replaces `url` with `data` so that a crash leaves either the old or the new file, never a torn one.
    func writeAtomically(_ data: Data, to url: URL) throws
    func read(_ url: URL) throws -> Data
    /// The files directly in `folder`, sorted by name; empty when the folder does not exist.
    func files(in folder: URL) throws -> [URL]
    func createFolder(_ url: URL) throws
    func isFolder(_ url: URL) -> Bool
    /// Creates an empty file at `url` only if nothing is there, in one step no other process can
    /// interleave with; false when the file already exists.
    func createNew(_ url: URL) throws -> Bool
    /// Removes a file if it is there.
    func remove(_ url: URL)
    /// Takes the lock of the transcript at `url` for this process, or says who holds it.
    func lock(_ url: URL, holder: String) throws(TranscriptLockError) -> FileLock
    /// Whether another process holds the lock of `url`.
    func isLocked(_ url: URL) -> Bool
    /// The hidden files (temporary files, locks) directly in `folder`.
    func hiddenFiles(in folder: URL) -> [URL]
    /// The size of the regular file at `url`; nil when it is not one.
    func size(_ url: URL) -> Int?
}

extension FileStore {
    /// The local disk's answer; a store that is not the local disk overrides it.
    public func isFolder(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    // A store that is not a shared disk has no other process to lock out and leaves nothing behind.
    public func remove(_ url: URL) {}
    public func lock(_ url: URL, holder: String) throws(TranscriptLockError) -> FileLock { .none }
    public func isLocked(_ url: URL) -> Bool { false }
    public func hiddenFiles(in folder: URL) -> [URL] { [] }
    public func size(_ url: URL) -> Int? { nil }
}

/// Why a transcript could not be read or written.
public enum TranscriptError: Error, Equatable, Sendable {
    case unreadable(path: String)
    /// It is there but cannot be read: a folder, a FIFO, permissions, an I/O error.
    case cannotRead(path: String, reason: String)
    case damaged(path: String, detail: String)
    case unsupportedVersion(path: String, found: Int, supported: Int)
    case cannotWrite(path: String, detail: String)
    case noTranscripts(folder: String)
    /// Every session of the folder was scripted (answers piped in), and those do not count unless asked.
    case onlyScripted(folder: String)
    case cannotWriteReport(path: String, detail: String)
    /// Another process has the transcript open for writing.
    case locked(path: String, holder: String)
}

extension TranscriptError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case let .unreadable(path):
            return "cannot read the transcript '\(path)': no such file, or it is not readable."
        case let .cannotRead(path, reason):
            return "cannot read the transcript '\(path)': \(reason)."
        case let .damaged(path, detail):
            return "the transcript '\(path)' is damaged or not a rehearse transcript (\(detail)); "
                + "restore it from a backup or remove it."
        case let .unsupportedVersion(path, found, supported):
            return "the transcript '\(path)' has format version \(found), but this rehearse reads version "
                + "\(supported) and older; upgrade rehearse to read it."
        case let .cannotWrite(path, detail):
            return "cannot save the transcript to '\(path)' (\(detail)); pass --transcripts DIR with a "
                + "folder you can write to."
        case let .cannotWriteReport(path, detail):
            return "cannot write '\(path)' (\(detail)); pass --output DIR with a folder you can write to."
        case let .onlyScripted(folder):
            return "the transcripts in '\(folder)' are all of scripted runs (answers piped in), which do not count; "
                + "pass --include-scripted to count them, or practise at a terminal."
        case let .locked(path, holder):
            return TranscriptLockError.held(path: path, holder: holder).localizedDescription
        case let .noTranscripts(folder):
            return "no transcripts in '\(folder)'; run 'rehearse practice' first, or pass the folder that holds them."
        }
    }
}

/// Transcripts named on a command line: files, and folders of them.
public enum TranscriptSet {
    /// One file to read: named on the command line, or found in a named folder.
    public struct File: Sendable {
        public var url: URL
        /// A named file must load (its error is thrown); a folder's file that does not is a problem
        /// to report, so one damaged file does not hide the rest.
        public var named: Bool

        /// The transcript, or nil after adding the problem with a folder's file to `problems`.
        public func load(
            files: any FileStore = LocalFileStore(), problems: inout [TranscriptError]
        ) throws(TranscriptError) -> LoadedTranscript? {
            do {
                let transcript = try TranscriptStore(folder: url.deletingLastPathComponent(), files: files).load(url)
                return LoadedTranscript(url: url, transcript: transcript)
            } catch {
                if named { throw error }
                problems.append(error)
                return nil
            }
        }
    }

    /// Every file of `paths` in order: a file as named, a folder's `.json` files oldest first. Reading
    /// them one at a time keeps one transcript in memory, however many there are.
    public static func files(_ paths: [URL], files: any FileStore = LocalFileStore()) throws(TranscriptError) -> [File]
    {
        var found: [File] = []
        for path in paths {
            if files.isFolder(path) {
                found += try TranscriptStore(folder: path, files: files).all().map { File(url: $0, named: false) }
            } else {
                found.append(File(url: path, named: true))
            }
        }
        return found
    }

    /// Loads every path: a file must load (its error is thrown, naming it); in a folder, every `.json`
    /// file that does not load is returned as a problem, so one damaged file does not hide the rest.
    public static func load(
        _ paths: [URL], files: any FileStore = LocalFileStore()
    ) throws(TranscriptError) -> (transcripts: [LoadedTranscript], problems: [TranscriptError]) {
        var loaded: [LoadedTranscript] = []
        var problems: [TranscriptError] = []
        for file in try Self.files(paths, files: files) {
            if let transcript = try file.load(files: files, problems: &problems) { loaded.append(transcript) }
        }
        return (loaded, problems)
    }
}

/// A transcript and the file it was read from.
public struct LoadedTranscript: Sendable {
    public var url: URL
    public var transcript: Transcript

    public init(url: URL, transcript: Transcript) {
        self.url = url
        self.transcript = transcript
    }
}

/// Transcripts as JSON files in one folder.
public struct TranscriptStore: Sendable {
    public let folder: URL
    let files: any FileStore

    public init(folder: URL, files: any FileStore = LocalFileStore()) {
        self.folder = folder
        self.files = files
    }

    /// "2026-11-23-190512-deployment-technical.json": when, then what.
    public static func fileName(for transcript: Transcript) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: transcript.startedAt)
        let stamp = String(
            format: "%04d-%02d-%02d-%02d%02d%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!,
            parts.second!)
        return "\(stamp)-\(transcript.plan.slug).json"
    }

    public func url(for transcript: Transcript) -> URL {
        folder.appendingPathComponent(Self.fileName(for: transcript))
    }

    /// Claims a file name for a new session: `fileName(for:)`, or with -2, -3, ... when a session that
    /// started in the same second already has it, so two sessions never write over each other. The
    /// name's lock is taken before the file is created, so no other run takes the new, still empty
    /// file for a leftover of a failed save.
    public func reserveURL(for transcript: Transcript) throws(TranscriptError) -> (url: URL, lock: FileLock) {
        let base = url(for: transcript).deletingPathExtension().lastPathComponent
        do {
            try files.createFolder(folder)
        } catch {
            throw .cannotWrite(path: folder.path, detail: Self.detail(of: error))
        }
        for attempt in 1...1_000 {
            let name = attempt == 1 ? base : "\(base)-\(attempt)"
            let candidate = folder.appendingPathComponent(name).appendingPathExtension("json")
            let lock: FileLock
            do {
                lock = try self.lock(candidate)
            } catch {
                if case .locked = error { continue }
                throw error
            }
            do {
                if try files.createNew(candidate) { return (candidate, lock) }
            } catch {
                throw .cannotWrite(path: folder.path, detail: Self.detail(of: error))
            }
        }
        throw .cannotWrite(path: folder.path, detail: "a thousand sessions started in the same second")
    }

    /// Writes the transcript atomically and returns where.
    @discardableResult
    public func save(_ transcript: Transcript, to url: URL? = nil) throws(TranscriptError) -> URL {
        let target = url ?? self.url(for: transcript)
        do {
            try files.createFolder(target.deletingLastPathComponent())
            try files.writeAtomically(try Self.encoder.encode(transcript), to: target)
        } catch {
            throw .cannotWrite(path: target.path, detail: Self.detail(of: error))
        }
        return target
    }

    /// Writes the Markdown report beside the transcript's JSON file (same name, `.md`) and returns where.
    @discardableResult
    public func saveMarkdown(_ transcript: Transcript, beside jsonURL: URL) throws(TranscriptError) -> URL {
        let target = jsonURL.deletingPathExtension().appendingPathExtension("md")
        do {
            try files.writeAtomically(Data(TranscriptMarkdown(transcript).render().utf8), to: target)
        } catch {
            throw .cannotWrite(path: target.path, detail: Self.detail(of: error))
        }
        return target
    }

    public func load(_ url: URL) throws(TranscriptError) -> Transcript {
        let data: Data
        do {
            data = try files.read(url)
        } catch let error as InputReadError {
            switch error {
            case let .failed(failure) where failure.code == ENOENT: throw .unreadable(path: url.path)
            case let .failed(failure): throw .cannotRead(path: url.path, reason: failure.reason)
            case let .notAFile(_, kind): throw .cannotRead(path: url.path, reason: "it is \(kind), not a file")
            case let .tooLarge(_, limit, _):
                throw .damaged(
                    path: url.path, detail: "larger than the \(BoundedFile.describe(limit)) limit for a transcript")
            }
        } catch {
            throw .unreadable(path: url.path)
        }
        return try Self.decode(data, path: url.path)
    }

    /// Every transcript file in the folder, oldest first (the names start with the time).
    public func all() throws(TranscriptError) -> [URL] {
        do {
            return try files.files(in: folder).filter { $0.pathExtension == "json" }
        } catch let error as FileStoreError {
            throw .cannotRead(path: folder.path, reason: error.reason)
        } catch {
            throw .unreadable(path: folder.path)
        }
    }

    /// Every transcript of the folder that loads, oldest first, and the problem with each one that does
    /// not: one damaged file must not hide a candidate's other sessions.
    public func loadAll() throws(TranscriptError) -> (transcripts: [LoadedTranscript], problems: [TranscriptError]) {
        var loaded: [LoadedTranscript] = []
        var problems: [TranscriptError] = []
        try forEachTranscript { result in
            switch result {
            case .success(let transcript): loaded.append(transcript)
            case .failure(let problem): problems.append(problem)
            }
        }
        return (loaded, problems)
    }

    /// `loadAll` one transcript at a time, oldest first: `body` gets each transcript, or the problem
    /// with its file, and only one is held at a time however many the folder has.
    public func forEachTranscript(_ body: (Result<LoadedTranscript, TranscriptError>) -> Void) throws(TranscriptError) {
        removeLeftovers()
        for url in try all() {
            let result: Result<LoadedTranscript, TranscriptError>
            do { result = .success(LoadedTranscript(url: url, transcript: try load(url))) } catch {
                result = .failure(error)
            }
            body(result)
        }
    }

    /// The newest transcript that is still in progress, for `practice --resume`; never a scripted run
    /// (answers piped in), which a person would not mean to continue by hand.
    public func latestUnfinished() throws(TranscriptError) -> URL? {
        removeLeftovers()
        for url in try all().reversed() {
            if let transcript = try? load(url), transcript.status != .finished, transcript.scripted != true {
                return url
            }
        }
        return nil
    }

    /// The step and the system's reason: "could not flush to disk '…': the disk is full (ENOSPC)".
    static func detail(of error: Error) -> String {
        if let error = error as? FileStoreError { return error.localizedDescription }
        if let code = error.posixCode { return FileStoreError.reason(code) }
        return error.localizedDescription
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()
}
