/// The agreement measures `rubric test --responses` reports, between rubric scores and human marks.
public enum Statistics {
    /// Pearson's r; nil when either side is constant or there are fewer than two pairs.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 2 else { return nil }
        let meanX = x.reduce(0, +) / Double(x.count), meanY = y.reduce(0, +) / Double(y.count)
        var covariance = 0.0, varianceX = 0.0, varianceY = 0.0
        for (a, b) in zip(x, y) {
            covariance += (a - meanX) * (b - meanY)
            varianceX += (a - meanX) * (a - meanX)
            varianceY += (b - meanY) * (b - meanY)
        }
        guard varianceX > 0, varianceY > 0 else { return nil }
        return covariance / (varianceX * varianceY).squareRoot()
    }

    /// Spearman's rho: Pearson's r of the ranks, ties sharing their mean rank.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        pearson(ranks(x), ranks(y))
    }

    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for index in start...end { ranks[order[index]] = rank }
            start = end + 1
        }
        return ranks
    }

    /// Of the pairs the humans ranked apart, the share the scores put in the same order (a tie in the
    /// scores counts half); nil when the humans ranked no pair apart.
    ///
    /// Counted in n log n, not pair by pair: of all pairs, those tied in marks are left out; of the rest,
    /// those tied in scores count half, and the discordant ones are the inversions of the scores once
    /// the answers are sorted by mark, then score.
    public static func pairwiseOrder(scores: [Double], marks: [Double]) -> (agreement: Double, pairs: Int)? {
        let n = scores.count
        let order = scores.indices.sorted { (marks[$0], scores[$0]) < (marks[$1], scores[$1]) }
        let tiedMarks = tiedPairs(order.map { marks[$0] })
        let tiedBoth = tiedPairs(order.map { Pair(mark: marks[$0], score: scores[$0]) })
        let tiedScores = tiedPairs(scores.sorted())
        let pairs = n * (n - 1) / 2 - tiedMarks
        guard pairs > 0 else { return nil }
        let halves = tiedScores - tiedBoth
        var sortedScores = order.map { scores[$0] }
        let discordant = inversions(&sortedScores)
        let agreeing = Double(pairs - halves - discordant) + 0.5 * Double(halves)
        return (agreeing / Double(pairs), pairs)
    }

    private struct Pair: Equatable {
        var mark: Double, score: Double
    }

    /// The pairs of equal neighbours' runs in `sorted`: k equal values make k(k-1)/2 pairs.
    private static func tiedPairs<Value: Equatable>(_ sorted: [Value]) -> Int {
        var total = 0, run = 1
        for index in sorted.indices.dropFirst() {
            if sorted[index] == sorted[index - 1] {
                run += 1
            } else {
                total += run * (run - 1) / 2
                run = 1
            }
        }
        return sorted.isEmpty ? 0 : total + run * (run - 1) / 2
    }

    /// The pairs i < j with values[i] > values[j] (equal values are no inversion), by merge sort;
    /// sorts `values`.
    static func inversions(_ values: inout [Double]) -> Int {
        var buffer = values
        var count = 0
        var width = 1
        while width < values.count {
            var low = 0
            while low < values.count {
                let middle = min(low + width, values.count), high = min(low + 2 * width, values.count)
                var left = low, right = middle, out = low
                while left < middle, right < high {
                    if values[right] < values[left] {
                        count += middle - left
                        buffer[out] = values[right]
                        right += 1
                    } else {
                        buffer[out] = values[left]
                        left += 1
                    }
                    out += 1
                }
                while left < middle {
                    buffer[out] = values[left]
                    left += 1
                    out += 1
                }
                while right < high {
                    buffer[out] = values[right]
                    right += 1
                    out += 1
                }
                low = high
            }
            swap(&values, &buffer)
            width *= 2
        }
        return count
    }
}
