import Foundation

/// The local disk: temporary file in the same folder, write, fsync, rename, then fsync the folder so
/// the rename itself survives a power cut. Every failure names its step and the system's reason.
public struct LocalFileStore: FileStore {
    private let calls: any DiskCalls

    public init(calls: any DiskCalls = POSIXDiskCalls()) {
        self.calls = calls
    }

    /// ".name.json.<pid>.tmp": hidden, so listings skip it, and named by its process, so a leftover of a
    /// killed process can be told from a save in progress.
    static func temporaryURL(for url: URL, pid: Int32 = ProcessInfo.processInfo.processIdentifier) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(pid).tmp")
    }

    public func writeAtomically(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        let temporary = Self.temporaryURL(for: url)
        let descriptor = calls.open(temporary.path, flags: O_CREAT | O_TRUNC | O_WRONLY | O_NOFOLLOW, mode: 0o644)
        guard descriptor >= 0 else { throw failure(.create, at: folder, descriptor) }
        var closed = false
        do {
            try writeAll(data, to: descriptor, path: url)
            let synced = calls.fsync(descriptor)
            guard synced == 0 else { throw failure(.fsync, at: url, synced) }
            closed = true
            let closing = calls.close(descriptor)
            guard closing == 0 else { throw failure(.close, at: url, closing) }
            let renamed = calls.rename(temporary.path, url.path)
            guard renamed == 0 else { throw failure(.rename, at: url, renamed) }
        } catch {
            if !closed { _ = calls.close(descriptor) }
            unlink(temporary.path)
            throw error
        }
        try syncFolder(folder)
    }

    private func writeAll(_ data: Data, to descriptor: Int32, path: URL) throws {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let written = calls.write(descriptor, UnsafeRawBufferPointer(rebasing: bytes[offset..<bytes.count]))
                guard written > 0 else { throw failure(.write, at: path, written == 0 ? -EIO : Int32(written)) }
                offset += written
            }
        }
    }

    private func syncFolder(_ folder: URL) throws {
        let descriptor = calls.open(folder.path, flags: O_RDONLY | O_DIRECTORY, mode: 0)
        guard descriptor >= 0 else { throw failure(.syncFolder, at: folder, descriptor) }
        defer { _ = calls.close(descriptor) }
        let synced = calls.fsync(descriptor)
        // A file system that cannot sync folders (EINVAL) has made the rename as durable as it can.
        guard synced == 0 || synced == -EINVAL else { throw failure(.syncFolder, at: folder, synced) }
    }

    private func failure(_ step: FileStoreError.Step, at url: URL, _ result: Int32) -> FileStoreError {
        FileStoreError(step, path: url.path, code: -result)
    }

    public func read(_ url: URL) throws -> Data {
        try BoundedFile.read(url, limit: BoundedFile.transcriptLimit)
    }

    public func files(in folder: URL) throws -> [URL] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw FileStoreError(.list, path: folder.path, code: error.posixCode ?? EIO)
        }
        return names.sorted().filter { !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0) }
    }

    public func createFolder(_ url: URL) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw FileStoreError(.createFolder, path: url.path, code: ENOTDIR) }
            return
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw FileStoreError(.createFolder, path: url.path, code: error.posixCode ?? EIO)
        }
    }

    public func createNew(_ url: URL) throws -> Bool {
        let descriptor = calls.open(url.path, flags: O_CREAT | O_EXCL | O_WRONLY, mode: 0o644)
        if descriptor >= 0 {
            _ = calls.close(descriptor)
            return true
        }
        if descriptor == -EEXIST { return false }
        throw failure(.create, at: url, descriptor)
    }

    public func remove(_ url: URL) {
        unlink(url.path)
    }

    public func lock(_ url: URL, holder: String) throws(TranscriptLockError) -> FileLock {
        try FlockFile.acquire(for: url, holder: holder)
    }

    public func isLocked(_ url: URL) -> Bool {
        FlockFile.isHeld(for: url)
    }

    public func hiddenFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { $0.hasPrefix(".") }.map { folder.appendingPathComponent($0) }
    }

    public func size(_ url: URL) -> Int? {
        var info = stat()
        guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }
}
