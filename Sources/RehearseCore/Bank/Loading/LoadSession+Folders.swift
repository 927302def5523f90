import Foundation
import PCRE2
import Yams

extension LoadSession {
    // MARK: Questions

    mutating func loadQuestions() {
        let (names, problem) = FolderListing.names(in: root, display: displayPath(root))
        diagnostics += [problem].compactMap { $0 }
        let libraries = [BankLoader.conceptsFolder, BankLoader.misconceptionsFolder]
        for name in names.sorted() where !libraries.contains(name) && !name.hasPrefix(".") {
            let url = root.appendingPathComponent(name)
            let entry = FolderListing.isFolder(url, display: displayPath(url))
            diagnostics += [entry.problem].compactMap { $0 }
            guard entry.isFolder else {
                if isYAML(name), ![BankLoader.bankFile, SynonymTable.fileName].contains(name) {
                    misplaced(url, "is at the bank's root, where only bank.yaml and synonyms.yaml are read")
                }
                continue
            }
            let files = yamlFiles(in: url)
            reportSubfolders(of: url)
            if !domains.isEmpty, !domains.contains(where: { $0.id == name }), !files.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .error, at: SourceLocation(file: displayPath(url)),
                        "folder '\(name)' is not a domain of bank.yaml (\(domains.map(\.id).joined(separator: ", "))); move its files or add the domain"
                    ))
                continue
            }
            for file in files { loadQuestion(file, folderDomain: name) }
        }
    }

    func isFolder(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    func isYAML(_ name: String) -> Bool { name.hasSuffix(".yaml") || name.hasSuffix(".yml") }

    /// A question file the bank would never read: an error, or the coach thinks it is served.
    mutating func misplaced(_ url: URL, _ reason: String, into domain: String? = nil) {
        let folder = domain ?? domains.first?.id ?? "<domain>"
        diagnostics.append(
            Diagnostic(
                .error, at: SourceLocation(file: displayPath(url)),
                "'\(relativePath(url))' \(reason); move a question file into its domain's folder, e.g. \(folder)/\(url.lastPathComponent)"
            ))
    }

    /// YAML files in folders below a domain folder, at any depth.
    mutating func reportSubfolders(of folder: URL, domain: String? = nil) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            guard isFolder(url) else { continue }
            for file in yamlFiles(in: url) {
                misplaced(
                    file, "is in a subfolder of '\(domain ?? folder.lastPathComponent)', which the bank does not read",
                    into: domain ?? folder.lastPathComponent)
            }
            reportSubfolders(of: url, domain: domain ?? folder.lastPathComponent)
        }
    }

}
