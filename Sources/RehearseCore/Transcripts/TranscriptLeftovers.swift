import Foundation

extension TranscriptStore {
    /// Removes what an earlier run left behind: a temporary file of a save that a kill interrupted
    /// (".name.json.<pid>.tmp" of a process that is gone), and an empty ".json" whose first save failed
    /// (unless a running session holds its lock: it is still trying). Returns what was removed.
    @discardableResult
    public func removeLeftovers() -> [URL] {
        var removed: [URL] = []
        for url in files.hiddenFiles(in: folder) where Self.isStaleTemporary(url.lastPathComponent) {
            files.remove(url)
            removed.append(url)
        }
        for url in (try? files.files(in: folder)) ?? [] where url.pathExtension == "json" {
            guard files.size(url) == 0, !files.isLocked(url) else { continue }
            files.remove(url)
            removed.append(url)
        }
        return removed
    }

    /// ".x.json.4242.tmp" whose process 4242 no longer runs.
    static func isStaleTemporary(_ name: String) -> Bool {
        let parts = name.split(separator: ".")
        guard name.hasPrefix("."), name.hasSuffix(".tmp"), parts.count >= 3,
            let pid = Int32(parts[parts.count - 2])
        else { return false }
        return pid != ProcessInfo.processInfo.processIdentifier && kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Locks the transcript at `url` for this process, or says which process holds it.
    public func lock(_ url: URL) throws(TranscriptError) -> FileLock {
        do {
            return try files.lock(url, holder: FlockFile.thisProcess)
        } catch {
            switch error {
            case let .held(path, holder): throw .locked(path: path, holder: holder)
            case let .failed(failure): throw .cannotWrite(path: url.path, detail: failure.localizedDescription)
            }
        }
    }

    /// Deletes a session: its transcript, the Markdown report beside it and its lock file. Refused while
    /// another process holds the lock (an interview still running on it).
    public func delete(_ url: URL) throws(TranscriptError) {
        let lock = try self.lock(url)
        defer { withExtendedLifetime(lock) {} }
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            throw .cannotWrite(path: url.path, detail: error.localizedDescription)
        }
        let report = url.deletingPathExtension().appendingPathExtension("md")
        if FileManager.default.fileExists(atPath: report.path) { try? FileManager.default.removeItem(at: report) }
        files.remove(FlockFile.lockURL(for: url))
    }
}
