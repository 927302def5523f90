import Foundation
import PCRE2
import Yams

/// The mutable state of one load; lives only for the duration of `BankLoader.loadReportingAll`. Each
/// kind of file has its parser in an extension beside this file, and the pattern checks run last.
struct LoadSession {
    let root: URL
    var diagnostics: [Diagnostic] = []
    /// Patterns left out of the bank because they backtrack catastrophically (see `Result.setAside`).
    var setAside: [Diagnostic] = []
    var domains: [Domain] = []
    var concepts: [String: Concept] = [:]
    var conceptLocations: [String: SourceLocation] = [:]
    var misconceptions: [String: Misconception] = [:]
    var misconceptionLocations: [String: SourceLocation] = [:]
    var questions: [Question] = []
    var questionLocations: [String: SourceLocation] = [:]
    var patternSites: [PatternSite] = []
    var usedConcepts: Set<String> = []
    var synonyms = SynonymTable()
    var hash = ContentHash()

    init(root: URL) { self.root = root }

    // MARK: Files

    func displayPath(_ url: URL) -> String {
        (root.relativePath as NSString).appendingPathComponent(relativePath(url))
    }

    /// The path inside the bank: "deployment/canary.yaml".
    func relativePath(_ url: URL) -> String {
        let rootPath = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(rootPath + "/") ? String(path.dropFirst(rootPath.count + 1)) : path
    }

    mutating func read(_ url: URL) -> (YAMLReader, Node, String)? {
        var reader = YAMLReader(file: displayPath(url))
        guard let data = reader.readFile(url) else {
            diagnostics += reader.diagnostics
            return nil
        }
        // Relative to the bank, so the fingerprint does not change with how --rubrics was spelled.
        hash.combine(relativePath(url).utf8)
        hash.combine(data)
        if let problem = SourceText.problem(in: data) {
            reader.error(
                at: SourceLocation(file: reader.file, line: problem.line, column: problem.column), problem.message)
            diagnostics += reader.diagnostics
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        guard let node = reader.compose(text) else {
            diagnostics += reader.diagnostics
            return nil
        }
        return (reader, node, ContentHash.of(text))
    }

    mutating func yamlFiles(in folder: URL) -> [URL] {
        let (names, problem) = FolderListing.names(in: folder, display: displayPath(folder))
        diagnostics += [problem].compactMap { $0 }
        return names.filter(isYAML).sorted()
            .map { folder.appendingPathComponent($0) }
    }

}
