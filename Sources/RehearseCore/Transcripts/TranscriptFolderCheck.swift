import Foundation

extension TranscriptStore {
    /// How much a probe writes: more than a long session's transcript and report, so a folder that
    /// takes the probe takes the session.
    static let probeSize = 256 * 1024

    /// Makes sure the session can be saved before the first question is asked, never after an answer:
    /// creates the folder when it is missing, then writes and removes a probe file the size of a long
    /// transcript, which fails on a read-only folder and on a full disk.
    public func checkWritable() throws(TranscriptError) {
        if files is LocalFileStore, let problem = Self.localProblem(folder) {
            throw .cannotWrite(path: folder.path, detail: problem)
        }
        let probe = folder.appendingPathComponent(".rehearse-write-check-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try files.createFolder(folder)
            try files.writeAtomically(Data(count: Self.probeSize), to: probe)
        } catch {
            try? FileManager.default.removeItem(at: probe)
            throw .cannotWrite(path: folder.path, detail: Self.describe(error))
        }
        try? FileManager.default.removeItem(at: probe)
    }

    /// Why the local disk would refuse the folder, in plain words, asked of the nearest folder that
    /// exists: not writable (read-only, permission) or less free space than a probe.
    static func localProblem(_ folder: URL) -> String? {
        var existing = folder.standardizedFileURL
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            existing.deleteLastPathComponent()
        }
        if access(existing.path, W_OK) != 0 {
            switch errno {
            case EROFS: return "the file system is read-only"
            case EACCES, EPERM: return "permission denied"
            default: return String(cString: strerror(errno))
            }
        }
        var stats = statvfs()
        // A pseudo file system (/proc, /sys) has no blocks at all: not full, just not for files.
        if statvfs(existing.path, &stats) == 0, stats.f_blocks > 0,
            UInt64(stats.f_bavail) * UInt64(stats.f_frsize) < UInt64(probeSize)
        {
            return "the disk is full"
        }
        return nil
    }

    /// "the disk is full", "permission denied", or the system's own words.
    static func describe(_ error: Error) -> String {
        var current: NSError? = error as NSError
        while let nsError = current {
            if nsError.domain == NSPOSIXErrorDomain {
                switch Int32(nsError.code) {
                case ENOSPC, EDQUOT: return "the disk is full"
                case EACCES, EPERM: return "permission denied"
                case EROFS: return "the file system is read-only"
                default: break
                }
            }
            if nsError.domain == NSCocoaErrorDomain, nsError.code == CocoaError.fileWriteOutOfSpace.rawValue {
                return "the disk is full"
            }
            if nsError.domain == NSCocoaErrorDomain,
                [CocoaError.fileWriteNoPermission.rawValue, CocoaError.fileWriteVolumeReadOnly.rawValue]
                    .contains(nsError.code), current?.userInfo[NSUnderlyingErrorKey] == nil
            {
                return "cannot write there: permission denied or read-only"
            }
            current = nsError.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        return error.localizedDescription
    }
}
