import Foundation

/// A lock held on a transcript while one process writes it; released when dropped (or when the
/// process dies: the kernel releases flock locks with the descriptor).
public final class FileLock: @unchecked Sendable {
    private let descriptor: Int32

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// A lock that locks nothing, for stores that are not a shared disk.
    public static let none = FileLock(descriptor: -1)

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}

/// Why a transcript could not be locked.
public enum TranscriptLockError: Error, Equatable, Sendable {
    /// Another process holds it: its pid and command, as it wrote them in the lock file.
    case held(path: String, holder: String)
    case failed(FileStoreError)
}

extension TranscriptLockError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case let .held(path, holder):
            return "the transcript '\(path)' is in use by another rehearse (\(holder)); finish or stop that one "
                + "first, so the two do not overwrite each other's answers."
        case let .failed(error):
            return "cannot lock the transcript: \(error.localizedDescription)"
        }
    }
}

/// flock(2) on a hidden lock file beside the transcript (".name.json.lock"), which holds the pid and
/// command of the process that has it, so the next one can say who.
enum FlockFile {
    static func lockURL(for url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).lock")
    }

    static func acquire(for url: URL, holder: String) throws(TranscriptLockError) -> FileLock {
        let lockURL = lockURL(for: url)
        let descriptor = open(lockURL.path, O_CREAT | O_RDWR | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .failed(FileStoreError(.lock, path: lockURL.path, code: errno)) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let owner = holderText(descriptor)
            close(descriptor)
            if code == EWOULDBLOCK { throw .held(path: url.path, holder: owner) }
            throw .failed(FileStoreError(.lock, path: lockURL.path, code: code))
        }
        let text = Array(holder.utf8)
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, text, text.count, 0)
        return FileLock(descriptor: descriptor)
    }

    /// Whether another process holds the lock of `url` now.
    static func isHeld(for url: URL) -> Bool {
        let descriptor = open(lockURL(for: url).path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return false
        }
        return errno == EWOULDBLOCK
    }

    private static func holderText(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        let text = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
        return text.isEmpty ? "a process that did not say who it is" : TerminalSafe.escape(text)
    }

    /// "pid 4242: rehearse practice --resume Transcripts/x.json": this process, as a lock holder.
    static var thisProcess: String {
        let arguments = CommandLine.arguments
        let name = arguments.first.map { ($0 as NSString).lastPathComponent } ?? "rehearse"
        return "pid \(ProcessInfo.processInfo.processIdentifier): "
            + ([name] + arguments.dropFirst()).joined(separator: " ")
    }
}
