import Foundation

/// The hash that tells whether a cache file still fits the rubric files and its own bytes: every file
/// the loader reads is hashed at each start, so this takes eight bytes a step where `ContentHash` (the
/// rubric fingerprint that grades record) takes one, a fifth of a warm start for a 300-question bank.
///
/// Each step is a bijection of the state for a given input word, so two inputs of the same length that
/// differ in a single word always hash differently; lengths are hashed too.
struct BankCacheChecksum {
    private var state: UInt64 = 0x243f_6a88_85a3_08d3

    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= bytes.count {
            mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
        mix(tail)
        mix(UInt64(bytes.count))
    }

    mutating func combine(_ data: Data) { data.withUnsafeBytes { combine($0) } }

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    private mutating func mix(_ word: UInt64) {
        state = (state ^ word) &* 0x9e37_79b9_7f4a_7c15
        state ^= state >> 29
    }

    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
