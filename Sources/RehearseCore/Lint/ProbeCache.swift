import Foundation
import PCRE2

/// The patterns `BacktrackingProbe` has already found safe, remembered by fingerprint in one file so a
/// command that loads the bank probes only the patterns that are new or changed: probing them all is
/// most of a start-up. A fingerprint covers the pattern, the match limits and the probe's inputs, so a
/// change to any of them probes again. A pattern that blew up is never remembered: it is probed, and
/// refused, every time.
public struct ProbeCache: Sendable {
    /// Where the fingerprints live; nil keeps nothing (every pattern is probed).
    public var file: URL?

    public init(file: URL?) { self.file = file }

    public static let none = ProbeCache(file: nil)

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
        guard let file, let data = FileManager.default.contents(atPath: file.path) else { return [] }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    /// Best effort: a cache that cannot be written only costs the next start-up its probing.
    func save(_ fingerprints: Set<String>) {
        guard let file else { return }
        try? FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data((fingerprints.sorted().joined(separator: "\n") + "\n").utf8).write(to: file, options: .atomic)
    }
}
