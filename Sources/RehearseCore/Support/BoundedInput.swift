import Foundation

/// Why a file or standard input was not read: too large, not a regular file, or a system error.
public enum InputReadError: Error, Equatable, Sendable {
    /// More than `limit` bytes; reading stopped there.
    case tooLarge(path: String, limit: Int, what: String)
    /// A folder, a FIFO, a device: named, since "no permission" would send the user the wrong way.
    case notAFile(path: String, kind: String)
    case failed(FileStoreError)
}

extension InputReadError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case let .tooLarge(path, limit, what):
            return "'\(path)' is larger than the \(BoundedFile.describe(limit)) limit for \(what); "
                + "stopped reading there. Split it, or check that it is the file you meant."
        case let .notAFile(path, kind):
            return "cannot read '\(path)': it is \(kind), not a regular file."
        case let .failed(error):
            return error.localizedDescription
        }
    }
}

/// Reads files and standard input with a size limit, so `< /dev/zero` or a 50 MB file is refused
/// with a message instead of filling memory. The limits are documented in README.md ("Limits").
public enum BoundedFile {
    /// A transcript: answers are at most `AnswerText.maximumBytes` each; 8 MB is far above any interview.
    public static let transcriptLimit = 8 << 20
    /// One rubric, concept or bank file: the largest bundled one is 8 KB.
    public static let rubricFileLimit = 1 << 20
    /// A file of human-marked responses for `rubric test --responses`: 100,000 answers of interview
    /// length are about 70 MB.
    public static let markedResponsesLimit = 128 << 20

    /// "100 KB", "8 MB".
    public static func describe(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0
            ? "\(bytes >> 20) MB" : bytes % 1000 == 0 ? "\(bytes / 1000) KB" : "\(bytes)-byte"
    }

    /// The whole regular file at `url`, if it is at most `limit` bytes.
    public static func read(_ url: URL, limit: Int, what: String = "this file") throws(InputReadError) -> Data {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .failed(FileStoreError(.read, path: url.path, code: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw .failed(FileStoreError(.read, path: url.path, code: errno))
        }
        if let kind = kindName(info.st_mode) { throw .notAFile(path: url.path, kind: kind) }
        if Int(info.st_size) > limit { throw .tooLarge(path: url.path, limit: limit, what: what) }
        return try read(descriptor: descriptor, path: url.path, limit: limit, what: what)
    }

    /// Everything from `descriptor` (standard input, a pipe), stopping after `limit` bytes.
    public static func read(descriptor: Int32, path: String, limit: Int, what: String) throws(InputReadError)
        -> Data
    {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { waitReadable(descriptor); continue }
                throw .failed(FileStoreError(.read, path: path, code: errno))
            }
            if count == 0 { return data }
            if data.count + count > limit { throw .tooLarge(path: path, limit: limit, what: what) }
            data.append(contentsOf: chunk[0..<count])
        }
    }

    private static func waitReadable(_ descriptor: Int32) {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&poller, 1, -1)
    }

    /// What a non-regular file is, in words; nil for a regular file.
    static func kindName(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }
}
