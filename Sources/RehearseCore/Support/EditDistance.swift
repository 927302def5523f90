/// Levenshtein distance with adjacent transpositions counted as one edit (optimal string alignment).
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    return alignmentDistance(a, b, limit: max(a.count, b.count))
}

/// `editDistance(a, b)` when it is at most `limit`, else `limit + 1`. The typo corrector only asks
/// "within one or two edits?" of each bank word, so this stops at the first row that cannot stay
/// within the limit, and compares bytes when both words are ASCII (a byte is then a character).
func editDistance(_ a: String, _ b: String, atMost limit: Int) -> Int {
    if isPlainASCII(a), isPlainASCII(b),
        let distance = a.utf8.withContiguousStorageIfAvailable({ a in
            b.utf8.withContiguousStorageIfAvailable { b in alignmentDistance(a, b, limit: limit) }
        }) ?? nil
    {
        return distance
    }
    return alignmentDistance(Array(a), Array(b), limit: limit)
}

/// ASCII without "\r", which "\r\n" would join into one character.
private func isPlainASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } }

private func alignmentDistance<A: RandomAccessCollection, B: RandomAccessCollection>(_ a: A, _ b: B, limit: Int) -> Int
where A.Element == B.Element, A.Element: Equatable, A.Index == Int, B.Index == Int {
    let (a0, b0) = (a.startIndex - 1, b.startIndex - 1)
    guard abs(a.count - b.count) <= limit else { return limit + 1 }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    let width = b.count + 1
    // Three rows (two before the current one, for transpositions) in one buffer, without a heap allocation.
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
        var (previous2, previous, current) = (0, width, 2 * width)
        for j in 0..<width { (rows[previous2 + j], rows[previous + j]) = (0, j) }
        var previousMinimum = 0
        for i in 1...a.count {
            rows[current] = i
            var minimum = i
            for j in 1...b.count {
                let cost = a[a0 + i] == b[b0 + j] ? 0 : 1
                var value = Swift.min(
                    rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                if i > 1, j > 1, a[a0 + i] == b[b0 + j - 1], a[a0 + i - 1] == b[b0 + j] {
                    value = Swift.min(value, rows[previous2 + j - 2] + 1)
                }
                rows[current + j] = value
                minimum = Swift.min(minimum, value)
            }
            // Every later cell builds on one of the last two rows plus an edit: none can get back under.
            if minimum > limit, previousMinimum > limit { return limit + 1 }
            previousMinimum = minimum
            (previous2, previous, current) = (previous, current, previous2)
        }
        return Swift.min(rows[previous + b.count], limit + 1)
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
    let scored = candidates.map { ($0, editDistance(word, $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
    return best.0
}
