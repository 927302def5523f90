import Foundation

/// A file operation that failed, with the system's own reason (its errno), so the candidate reads
/// "the disk is full" rather than a generic "no permission".
public struct FileStoreError: Error, Equatable, Sendable {
    public enum Step: String, Sendable {
        case createFolder = "create the folder"
        case create = "create"
        case write = "write"
        case fsync = "flush to disk"
        case close = "close"
        case rename = "rename into place"
        case syncFolder = "flush the folder to disk"
        case read = "read"
        case list = "list"
        case lock = "lock"
    }

    public var step: Step
    public var path: String
    /// The errno of the failure (ENOSPC, EROFS, EACCES, EIO, ...).
    public var code: Int32

    public init(_ step: Step, path: String, code: Int32) {
        self.step = step
        self.path = path
        self.code = code
    }

    /// The cause in plain words, with the system's name for it: "the disk is full (ENOSPC)".
    public var reason: String { Self.reason(code) }

    public static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: "the disk is full (ENOSPC)"
        case EDQUOT: "the disk quota is used up (EDQUOT)"
        case EROFS: "the file system is read-only (EROFS)"
        case EACCES: "permission denied (EACCES)"
        case EPERM: "the operation is not permitted (EPERM)"
        case EIO: "an input/output error (EIO): the disk or its connection may be failing"
        case EXDEV: "the temporary file and the target are on different file systems (EXDEV)"
        case ENOENT: "the file or its folder does not exist any more (ENOENT)"
        case ENOTDIR: "a part of the path is not a folder (ENOTDIR)"
        case EISDIR: "it is a folder, not a file (EISDIR)"
        case ELOOP: "too many symbolic links: a symlink loop (ELOOP)"
        case ENAMETOOLONG: "the name is too long (ENAMETOOLONG)"
        case EMFILE, ENFILE: "too many open files (\(code == EMFILE ? "EMFILE" : "ENFILE"))"
        case EWOULDBLOCK: "another process holds it (EWOULDBLOCK)"
        default: String(cString: strerror(code)) + " (errno \(code))"
        }
    }
}

extension FileStoreError: LocalizedError {
    public var errorDescription: String? { "could not \(step.rawValue) '\(path)': \(reason)" }
}

extension Error {
    /// The errno behind a Foundation or POSIX error, when there is one.
    var posixCode: Int32? {
        if let error = self as? FileStoreError { return error.code }
        if let error = self as? POSIXError { return error.code.rawValue }
        let nsError = self as NSError
        if nsError.domain == NSPOSIXErrorDomain { return Int32(nsError.code) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? Error { return underlying.posixCode }
        return nil
    }
}
