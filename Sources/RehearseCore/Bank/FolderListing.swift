import Foundation

/// Listing the bank's folders without dropping anything in silence: a folder that exists but cannot
/// be read (no permission, a symlink loop, an I/O error) is an error naming the system's reason, so
/// its questions are never skipped with "no problems found".
enum FolderListing {
    /// The names in `folder`; nothing (and no problem) when it does not exist.
    static func names(in folder: URL, display: String) -> (names: [String], problem: Diagnostic?) {
        do {
            return (try FileManager.default.contentsOfDirectory(atPath: folder.path), nil)
        } catch {
            let code = error.posixCode ?? EIO
            var info = stat()
            if code == ENOENT, lstat(folder.path, &info) != 0 { return ([], nil) }
            let reason = code == ENOENT ? "a symbolic link to nothing" : FileStoreError.reason(code)
            return ([], Diagnostic(.error, at: SourceLocation(file: display), "cannot read the folder: \(reason)"))
        }
    }

    /// Whether `url` is a folder, following symbolic links; a problem when it cannot be told.
    static func isFolder(_ url: URL, display: String) -> (isFolder: Bool, problem: Diagnostic?) {
        var info = stat()
        if stat(url.path, &info) == 0 { return ((info.st_mode & S_IFMT) == S_IFDIR, nil) }
        let code = errno
        guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK || code != ENOENT else {
            return (false, nil)
        }
        let reason = code == ENOENT ? "a symbolic link to nothing" : FileStoreError.reason(code)
        return (false, Diagnostic(.error, at: SourceLocation(file: display), "cannot read it: \(reason)"))
    }
}
