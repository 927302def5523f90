import Foundation

/// `rehearse export`: writes each transcript's Markdown report, beside it or into one folder.
public struct TranscriptExport {
    private let files: any FileStore
    private let timeZone: TimeZone

    public init(files: any FileStore = LocalFileStore(), timeZone: TimeZone = .current) {
        self.files = files
        self.timeZone = timeZone
    }

    /// `session.json` becomes `session.md`, in `folder` when given, else beside the transcript.
    public static func reportURL(for transcript: URL, in folder: URL?) -> URL {
        let name = transcript.deletingPathExtension().lastPathComponent + ".md"
        return (folder ?? transcript.deletingLastPathComponent()).appendingPathComponent(name)
    }

    /// Writes the report atomically and returns where.
    @discardableResult
    public func export(_ loaded: LoadedTranscript, to folder: URL?) throws(TranscriptError) -> URL {
        let target = Self.reportURL(for: loaded.url, in: folder)
        let markdown = TranscriptMarkdown(loaded.transcript, timeZone: timeZone).render()
        do {
            try files.createFolder(target.deletingLastPathComponent())
            try files.writeAtomically(Data(markdown.utf8), to: target)
        } catch {
            throw .cannotWriteReport(path: target.path, detail: error.localizedDescription)
        }
        return target
    }
}
