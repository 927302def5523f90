import Foundation

/// A short, stable fingerprint of file contents (64-bit FNV-1a, hex), recorded in transcripts so a
/// coach can tell whether a rubric changed since an answer was graded. Not a security hash.
public struct ContentHash: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01b3
        }
    }

    /// `Data`'s own iterator costs a hundred instructions a byte; its contiguous bytes cost a few.
    public mutating func combine(_ data: Data) {
        data.withUnsafeBytes { combine($0) }
    }

    public var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public static func of(_ text: String) -> String {
        var hash = ContentHash()
        hash.combine(text.utf8)
        return hash.hex
    }
}
