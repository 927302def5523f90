import Foundation

/// Which rubric files a command looks at: every file, or those in one file or folder of the bank.
public struct PathScope: Sendable, Equatable {
    /// The standardised absolute path of the file or folder; nil for the whole bank.
    public let path: String?

    public static let everything = PathScope(path: nil)

    /// `path` is relative to the working folder, as the user typed it.
    public init(path: String?) {
        self.path = path.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }

    /// Whether `file` (a path as diagnostics and questions name it) is in scope.
    public func contains(_ file: String) -> Bool {
        guard let path else { return true }
        let candidate = URL(fileURLWithPath: file).standardizedFileURL.path
        return candidate == path || candidate.hasPrefix(path + "/")
    }
}

extension PathScope {
    /// The bank a rubric file or folder belongs to: the nearest folder at or above `path` that holds
    /// bank.yaml, named relative to the working folder when it lies inside it. Nil when there is none.
    public static func bankRoot(containing path: String) -> URL? {
        let workingFolder = FileManager.default.currentDirectoryPath
        var candidate = URL(fileURLWithPath: path).standardizedFileURL.path
        while true {
            let bankFile = (candidate as NSString).appendingPathComponent(BankLoader.bankFile)
            if FileManager.default.fileExists(atPath: bankFile) {
                if candidate == workingFolder { return URL(fileURLWithPath: ".") }
                if candidate.hasPrefix(workingFolder + "/") {
                    return URL(fileURLWithPath: String(candidate.dropFirst(workingFolder.count + 1)))
                }
                return URL(fileURLWithPath: candidate)
            }
            let parent = (candidate as NSString).deletingLastPathComponent
            if parent == candidate || parent.isEmpty { return nil }
            candidate = parent
        }
    }
}
