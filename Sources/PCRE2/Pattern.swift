internal import CPCRE2

/// A compiled PCRE2 pattern.
///
/// The compiled code is immutable once `init` returns and PCRE2 documents it as safe to share between
/// threads, hence `@unchecked Sendable`. Matching needs mutable scratch space, which lives in `Matcher`.
public final class Pattern: @unchecked Sendable {
    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        public static let caseless = Options(rawValue: UInt32(PCRE2_CASELESS))
        /// `.` also matches a newline: answers are prose, and their line breaks fall anywhere.
        public static let dotAll = Options(rawValue: UInt32(PCRE2_DOTALL))
        public static let utf = Options(rawValue: UInt32(PCRE2_UTF))
        /// Unicode properties for `\w`, `\b` and caseless matching, so "Ä" is a word character.
        public static let unicodeProperties = Options(rawValue: UInt32(PCRE2_UCP))

        /// What rubric patterns are compiled with.
        public static let `default`: Options = [.utf, .unicodeProperties, .caseless, .dotAll]
    }

    /// The pattern as written.
    public let source: String
    /// Whether the JIT compiled the pattern; when it did not, matches run in the interpreter.
    public let isJITCompiled: Bool

    let code: OpaquePointer
    /// The same pattern without Unicode properties, for subjects that are pure ASCII. On ASCII text `\w`,
    /// `\b`, `\d` and caseless matching mean exactly what they mean with UCP, and skipping the
    /// property lookups makes matching about a fifth faster. Nil when UCP was not asked for.
    let asciiCode: OpaquePointer?

    /// `useJIT: false` keeps the pattern in the interpreter (benchmarks compare the two).
    public init(_ source: String, options: Options = .default, useJIT: Bool = true) throws(PCRE2Error) {
        let code = try Self.compile(source, options: options)
        self.code = code
        self.source = source
        // JIT is an optimisation: where the platform lacks it, the interpreter gives the same answers.
        self.isJITCompiled = useJIT && pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE)) == 0
        if options.contains(.unicodeProperties), isJITCompiled {
            let ascii = try? Self.compile(source, options: options.subtracting(.unicodeProperties))
            if let ascii, pcre2_jit_compile_8(ascii, UInt32(PCRE2_JIT_COMPLETE)) == 0 {
                self.asciiCode = ascii
            } else {
                if let ascii { pcre2_code_free_8(ascii) }
                self.asciiCode = nil
            }
        } else {
            self.asciiCode = nil
        }
    }

    private static func compile(_ source: String, options: Options) throws(PCRE2Error) -> OpaquePointer {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compiled = source.utf8CString.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt8.self) { bytes in
                pcre2_compile_8(bytes.baseAddress, source.utf8.count, options.rawValue, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw .invalidPattern(pattern: source, offset: errorOffset, message: errorMessage(for: errorCode))
        }
        return compiled
    }

    deinit {
        pcre2_code_free_8(code)
        if let asciiCode { pcre2_code_free_8(asciiCode) }
    }

    /// Whether the pattern can match an empty string, which would make it fire on every answer.
    public func matchesEmptyString(using matcher: Matcher) throws(PCRE2Error) -> Bool {
        try matcher.firstMatch(of: self, in: "") != nil
    }
}

extension Pattern {
    /// The PCRE2 library's version, "10.42 2022-12-11": compiled code is only valid for the library that
    /// compiled it, so anything that remembers which patterns compile records this beside them.
    public static let libraryVersion: String = {
        let length = pcre2_config_8(UInt32(PCRE2_CONFIG_VERSION), nil)
        guard length > 0 else { return "unknown" }
        var buffer = [UInt8](repeating: 0, count: Int(length))
        _ = pcre2_config_8(UInt32(PCRE2_CONFIG_VERSION), &buffer)
        return String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
    }()
}

func errorMessage(for code: Int32) -> String {
    var buffer = [UInt8](repeating: 0, count: 256)
    let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
    guard length > 0 else { return "PCRE2 error \(code)" }
    return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
}
