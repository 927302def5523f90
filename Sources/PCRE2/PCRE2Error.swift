/// What went wrong compiling or running a PCRE2 pattern.
///
/// Every case carries the pattern so that a caller several layers up can still say which rule failed.
public enum PCRE2Error: Error, Equatable, Sendable {
    /// The pattern does not compile. `offset` is the byte offset in the pattern where PCRE2 stopped.
    case invalidPattern(pattern: String, offset: Int, message: String)
    /// The match gave up after the match limit: the pattern backtracks catastrophically on this text.
    case matchLimitExceeded(pattern: String)
    /// The match gave up after the depth (or heap, or JIT stack) limit.
    case depthLimitExceeded(pattern: String)
    /// Any other failure that PCRE2 reported while matching.
    case matchFailed(pattern: String, code: Int32, message: String)
}

extension PCRE2Error: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .invalidPattern(pattern, offset, message):
            return "invalid pattern '\(pattern)' at offset \(offset): \(message)"
        case let .matchLimitExceeded(pattern):
            return "pattern '\(pattern)' hit the match limit (catastrophic backtracking); "
                + "rewrite it without nested repetition such as (a+)+"
        case let .depthLimitExceeded(pattern):
            return "pattern '\(pattern)' hit the depth limit; simplify its nesting or repetition"
        case let .matchFailed(pattern, code, message):
            return "pattern '\(pattern)' failed to match (PCRE2 error \(code)): \(message)"
        }
    }
}
