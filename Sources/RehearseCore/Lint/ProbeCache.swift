import Foundation
import PCRE2

/// The patterns `BacktrackingProbe` has already found safe, remembered by fingerprint in one file so a
/// command that loads the bank probes only the patterns that are new or changed: probing them all is
/// most of a start-up. A fingerprint covers the pattern, the match limits and the probe's inputs, so a
/// change to any of them probes again. A pattern that blew up is never remembered: it is probed, and
/// refused, every time.
public struct ProbeCache: Sendable {
    private enum Storage: Sendable {
        case nothing
        case file(URL)
        case memory(Remembered)
    }

    private let storage: Storage

    /// Keeps the fingerprints in `file`; nil keeps nothing (every pattern is probed).
    public init(file: URL?) { storage = file.map(Storage.file) ?? .nothing }

    public static let none = ProbeCache(file: nil)

    /// Keeps the fingerprints for as long as this value lives, for one process that loads many banks
    /// (the fuzz target of the loader): a file rewritten at every load would grow with every new pattern.
    public static func inMemory() -> ProbeCache { ProbeCache(storage: .memory(Remembered())) }

    private init(storage: Storage) { self.storage = storage }

    /// $XDG_CACHE_HOME/rehearse/safe-patterns, else ~/.cache/rehearse/safe-patterns.
    public static func standard(environment: [String: String]) -> ProbeCache {
        let base =
            environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? environment["HOME"].map { URL(fileURLWithPath: $0).appendingPathComponent(".cache") }
        return ProbeCache(file: base?.appendingPathComponent("rehearse/safe-patterns"))
    }

    static func fingerprint(of source: String, limits: MatchLimits) -> String {
        var hash = ContentHash()
        let probe =
            "\(BacktrackingProbe.version) \(BacktrackingProbe.runBytes) \(limits.matchLimit) \(limits.depthLimit) "
        hash.combine(probe.utf8)
        hash.combine(source.utf8)
        return hash.hex
    }

    func load() -> Set<String> {
        switch storage {
        case .nothing: return []
        case .memory(let remembered): return remembered.fingerprints
        case .file(let file):
            guard let data = FileManager.default.contents(atPath: file.path) else { return [] }
            return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
        }
    }

    /// Best effort: a cache that cannot be written only costs the next start-up its probing.
    func save(_ fingerprints: Set<String>) {
        switch storage {
        case .nothing: return
        case .memory(let remembered): remembered.keep(fingerprints)
        case .file(let file):
            try? FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data((fingerprints.sorted().joined(separator: "\n") + "\n").utf8).write(to: file, options: .atomic)
        }
    }

    /// Guarded by `lock`, hence `@unchecked Sendable`.
    final class Remembered: @unchecked Sendable {
        /// Several times the bundled bank's patterns; past it the set starts again, so it stays small
        /// (each save copies it).
        static let capacity = 10_000
        private let lock = NSLock()
        private var kept: Set<String> = []

        var fingerprints: Set<String> { lock.withLock { kept } }

        func keep(_ new: Set<String>) {
            lock.withLock { kept = new.count > Self.capacity ? [] : new }
        }
    }
}
