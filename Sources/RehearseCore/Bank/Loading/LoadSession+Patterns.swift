import Foundation
import PCRE2
import Yams

extension LoadSession {
    // MARK: Patterns

    /// Compiles every distinct pattern once; each invalid one is reported where it is written.
    mutating func compilePatterns(limits: MatchLimits, probeCache: ProbeCache) -> PatternLibrary {
        var compiled: [String: Pattern] = [:]
        var failed: [String: PCRE2Error] = [:]
        var blowUps: [String: BacktrackingProbe.Input?] = [:]
        let matcher = Matcher(limits: limits)
        let probe = BacktrackingProbe(matcher: matcher)
        let knownSafe = probeCache.load()
        var safe: Set<String> = []
        defer { if !safe.isSubset(of: knownSafe) { probeCache.save(knownSafe.union(safe)) } }
        for site in patternSites {
            if compiled[site.source] == nil, failed[site.source] == nil {
                do { compiled[site.source] = try Pattern(site.source) } catch { failed[site.source] = error }
            }
            if let pattern = compiled[site.source], blowUps[site.source] == nil {
                let fingerprint = ProbeCache.fingerprint(of: site.source, limits: limits)
                let input = knownSafe.contains(fingerprint) ? nil : probe.firstBlowUp(of: pattern)
                if input == nil { safe.insert(fingerprint) }
                blowUps[site.source] = .some(input)
            }
            if case let input?? = blowUps[site.source] {
                // Set aside here, so no command that loads the bank ever runs it on a candidate's answer.
                setAside.append(Diagnostic(.error, at: site.location, PatternChecks.backtracking(site, on: input)))
                continue
            }
            if case let .invalidPattern(_, offset, message)? = failed[site.source] {
                diagnostics.append(
                    Diagnostic(
                        .error, at: site.location(ofByte: offset),
                        "invalid pattern '\(site.source)' in \(site.owner) at offset \(offset): \(message)"))
            } else if let pattern = compiled[site.source], (try? pattern.matchesEmptyString(using: matcher)) ?? false {
                diagnostics.append(
                    Diagnostic(
                        .error, at: site.location,
                        "pattern '\(site.source)' in \(site.owner) matches the empty string, so it would fire on every answer; require at least one word"
                    ))
            }
        }
        // Left out of the library: grading a question that uses one is a clear error, not a hang.
        return PatternLibrary(compiled.filter { blowUps[$0.key].map { $0 == nil } ?? true })
    }
}
