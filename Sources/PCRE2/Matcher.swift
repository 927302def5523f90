internal import CPCRE2

/// The limits every match runs under, so that a rubric pattern can never hang the grader.
public struct MatchLimits: Sendable, Equatable {
    /// How many times PCRE2 may call its internal match function (backtracking steps).
    public var matchLimit: UInt32
    /// How deep backtracking may nest.
    public var depthLimit: UInt32
    /// Heap memory for backtracking, in KiB.
    public var heapLimitKiB: UInt32

    public init(matchLimit: UInt32 = 200_000, depthLimit: UInt32 = 10_000, heapLimitKiB: UInt32 = 20_000) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.heapLimitKiB = heapLimitKiB
    }

    public static let `default` = MatchLimits()
}

/// Scratch space for matching: one match-data block, one match context with the limits, one JIT stack.
///
/// Reused across patterns and answers so that matching allocates nothing. It is mutable scratch, so it is
/// deliberately not `Sendable`: give each thread its own.
public final class Matcher {
    public let limits: MatchLimits
    private let matchData: OpaquePointer
    private let context: OpaquePointer
    private let jitStack: OpaquePointer?

    public init(limits: MatchLimits = .default) {
        self.limits = limits
        // One ovector pair is enough: callers only need the whole match, and PCRE2 fills what fits.
        guard let matchData = pcre2_match_data_create_8(1, nil),
            let context = pcre2_match_context_create_8(nil)
        else { fatalError("PCRE2 could not allocate a few bytes of match data: out of memory") }
        self.matchData = matchData
        self.context = context
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        pcre2_set_heap_limit_8(context, limits.heapLimitKiB)
        jitStack = pcre2_jit_stack_create_8(32 * 1024, 1024 * 1024, nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }

    /// The first match of `pattern` in `text` at or after byte `start`, as a range of UTF-8 byte offsets.
    ///
    /// `text` must be valid UTF-8 (a Swift `String`'s bytes always are): the check is skipped. Pass
    /// `textIsASCII: true` when every byte is below 0x80, and the faster ASCII form of the pattern runs.
    public func firstMatch(
        of pattern: Pattern, in text: UnsafeBufferPointer<UInt8>, from start: Int = 0, textIsASCII: Bool = false
    ) throws(PCRE2Error) -> Range<Int>? {
        // A zero-length buffer may have no base address; PCRE2 still wants a valid pointer.
        let empty: UInt8 = 0
        let rc = withUnsafePointer(to: empty) { emptyPointer in
            let subject = text.baseAddress ?? emptyPointer
            if textIsASCII, let ascii = pattern.asciiCode {
                return pcre2_jit_match_8(ascii, subject, text.count, start, 0, matchData, context)
            }
            if pattern.isJITCompiled {
                // The JIT fast path: skips the checks pcre2_match repeats on every call.
                return pcre2_jit_match_8(pattern.code, subject, text.count, start, 0, matchData, context)
            }
            return pcre2_match_8(
                pattern.code, subject, text.count, start, UInt32(PCRE2_NO_UTF_CHECK), matchData, context)
        }
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        guard rc >= 0 else { throw error(for: rc, pattern: pattern) }
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        return Int(ovector[0])..<Int(ovector[1])
    }

    /// Every non-overlapping match, in order. An empty match advances one character so the loop ends.
    public func allMatches(
        of pattern: Pattern, in text: UnsafeBufferPointer<UInt8>
    ) throws(PCRE2Error) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while start <= text.count, let range = try firstMatch(of: pattern, in: text, from: start) {
            ranges.append(range)
            start = range.isEmpty ? nextCharacterStart(after: range.upperBound, in: text) : range.upperBound
        }
        return ranges
    }

    /// Convenience for tests and tools: the first match in a `String`, as a `Range<String.Index>`.
    public func firstMatch(of pattern: Pattern, in string: String) throws(PCRE2Error) -> Range<String.Index>? {
        var string = string
        // `withUTF8` rethrows untyped errors, so carry the typed one out in a Result.
        let result = string.withUTF8 { buffer in
            Result { () throws(PCRE2Error) in try firstMatch(of: pattern, in: buffer) }
        }
        guard let byteRange = try result.get() else { return nil }
        let utf8 = string.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: byteRange.lowerBound)
        let upper = utf8.index(utf8.startIndex, offsetBy: byteRange.upperBound)
        return lower..<upper
    }

    private func error(for code: Int32, pattern: Pattern) -> PCRE2Error {
        switch code {
        case PCRE2_ERROR_MATCHLIMIT:
            return .matchLimitExceeded(pattern: pattern.source)
        case PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_HEAPLIMIT, PCRE2_ERROR_JIT_STACKLIMIT:
            return .depthLimitExceeded(pattern: pattern.source)
        default:
            return .matchFailed(pattern: pattern.source, code: code, message: errorMessage(for: code))
        }
    }
}

private func nextCharacterStart(after offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
    var next = offset + 1
    while next < text.count, text[next] & 0b1100_0000 == 0b1000_0000 { next += 1 }
    return next
}
