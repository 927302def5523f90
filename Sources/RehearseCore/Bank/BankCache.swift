import Foundation
import PCRE2

/// A copy of a bank that loaded without errors, parsed, in `$XDG_CACHE_HOME/rehearse`: parsing the YAML
/// costs far more than reading and hashing the files, so a command whose rubrics did not change since the
/// last run reads this instead, and its patterns compile only when first run.
///
/// The copy is used only when its fingerprint matches one taken now over every file the loader reads
/// (each one's path and bytes), the engine and PCRE2 versions and the match limits, and its checksum
/// matches its bytes; anything else (an edit, a new or removed file, a damaged or foreign cache) means a
/// full load, which writes a fresh copy. A bank with errors is never cached, so every error is reported
/// by the full load, exactly as without a cache. The cache is a convenience: when it cannot be read or
/// written, loading works as if there were none.
public struct BankCache: Sendable {
    /// Changes whenever the layout of a cache file changes; a file of another version is ignored.
    static let formatVersion = 6
    static let magic = "rehearse-bank-cache"

    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// `$XDG_CACHE_HOME/rehearse`, else `~/.cache/rehearse` (the XDG default); nil without a home.
    public static func standardFolder(environment: [String: String]) -> URL? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return URL(fileURLWithPath: cache).appendingPathComponent("rehearse")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/rehearse")
    }

    /// The cached load of `root` when it is still valid, else `parse()`'s, cached when it has no errors.
    func load(
        _ root: URL, limits: MatchLimits, wordList: WordList, parse: () throws(BankError) -> BankLoader.Result
    ) throws(BankError) -> BankLoader.Result {
        guard let fingerprint = Self.fingerprint(of: root, limits: limits) else { return try parse() }
        if let cached = snapshot(for: root, fingerprint: fingerprint) { return cached.result(wordList: wordList) }
        let result = try parse()
        // A file edited during the parse would leave the copy under the old files' fingerprint.
        if let bank = result.bank, Self.fingerprint(of: root, limits: limits) == fingerprint {
            store(BankSnapshot(bank: bank, result: result), for: root, fingerprint: fingerprint)
        }
        return result
    }

    /// The cached load of `root`, if the cache holds a valid one for the files as they are now.
    public func cachedResult(
        for root: URL, limits: MatchLimits = .default, wordList: WordList = .system
    ) -> BankLoader.Result? {
        guard let fingerprint = Self.fingerprint(of: root, limits: limits) else { return nil }
        return snapshot(for: root, fingerprint: fingerprint)?.result(wordList: wordList)
    }

    /// The cache file for one rubric folder, as a command names it (messages print that name).
    public func fileURL(for root: URL) -> URL {
        let name = ContentHash.of(root.standardizedFileURL.path + "\u{0}" + root.relativePath)
        return folder.appendingPathComponent("bank-\(name).cache")
    }

    // MARK: The file

    /// Header lines, then the snapshot (BankCacheLayout.swift): magic and version, fingerprint, checksum.
    private func snapshot(for root: URL, fingerprint: String) -> BankSnapshot? {
        guard let data = FileManager.default.contents(atPath: fileURL(for: root).path) else { return nil }
        var lines = data.split(separator: UInt8(ascii: "\n"), maxSplits: 3, omittingEmptySubsequences: false)
        guard lines.count == 4 else { return nil }
        let payload = Data(lines.removeLast())
        let header = lines.map { String(decoding: $0, as: UTF8.self) }
        var checksum = BankCacheChecksum()
        checksum.combine(payload)
        guard header == [Self.headerLine, fingerprint, checksum.hex] else { return nil }
        return try? Self.decode(payload)
    }

    static func decode(_ payload: Data) throws(CacheReader.Malformed) -> BankSnapshot {
        var reader = try CacheReader([UInt8](payload))
        let snapshot = try reader.read(BankSnapshot.self)
        try reader.finish()
        return snapshot
    }

    static func encode(_ snapshot: BankSnapshot) -> Data {
        var writer = CacheWriter()
        writer.write(snapshot)
        return Data(writer.bytes)
    }

    private func store(_ snapshot: BankSnapshot, for root: URL, fingerprint: String) {
        let payload = Self.encode(snapshot)
        var checksum = BankCacheChecksum()
        checksum.combine(payload)
        let file = fileURL(for: root)
        let temporary = folder.appendingPathComponent(
            ".\(file.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        // No fsync: a torn file fails its checksum and is rebuilt.
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try (Data("\(Self.headerLine)\n\(fingerprint)\n\(checksum.hex)\n".utf8) + payload).write(to: temporary)
            guard rename(temporary.path, file.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    private static var headerLine: String { "\(magic) \(formatVersion)" }

    // MARK: Fingerprint

    /// A hash of everything a load depends on: the engine, the limits, how the folder is named (messages
    /// print paths under that name), and each file the loader reads, by path and content. Nil when a file
    /// cannot be read: the full load then reports it.
    static func fingerprint(of root: URL, limits: MatchLimits) -> String? {
        var hash = BankCacheChecksum()
        func add(_ text: String) { hash.combine(text) }
        add("\(formatVersion) \(RehearseCore.version) \(Pattern.libraryVersion)")
        add("\(limits.matchLimit) \(limits.depthLimit) \(limits.heapLimitKiB)")
        add(root.standardizedFileURL.path)
        add(root.relativePath)
        guard let files = loadedFiles(in: root) else { return nil }
        var bytes = 0
        for relative in files {
            add(relative)
            if relative.hasSuffix("/") { continue }
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path) else {
                return nil
            }
            hash.combine(data)
            bytes += data.count
        }
        return "\(hash.hex)-\(files.count)-\(bytes)"
    }

    /// Every file a load can read, relative to `root`, in a fixed order: bank.yaml and synonyms.yaml, and
    /// every YAML file of every folder (concepts/ and the domains; a folder that is not a domain is an
    /// error the full load reports). Folders are listed too, as "name/". Nil without the folder.
    private static func loadedFiles(in root: URL) -> [String]? {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: root.path) else { return nil }
        var files: [String] = []
        for name in names.sorted() {
            var isFolder: ObjCBool = false
            let path = root.appendingPathComponent(name).path
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if !isFolder.boolValue {
                if name == BankLoader.bankFile || name == SynonymTable.fileName { files.append(name) }
                continue
            }
            guard !name.hasPrefix(".") else { continue }
            guard let inner = try? manager.contentsOfDirectory(atPath: path) else { return nil }
            files.append(name + "/")
            for file in inner.sorted() where file.hasSuffix(".yaml") || file.hasSuffix(".yml") {
                files.append(name + "/" + file)
            }
        }
        return files
    }
}
