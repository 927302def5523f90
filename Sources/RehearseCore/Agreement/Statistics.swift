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
    public static func pairwiseOrder(scores: [Double], marks: [Double]) -> (agreement: Double, pairs: Int)? {
        var agreeing = 0.0, pairs = 0
        for i in scores.indices {
            for j in scores.indices where j > i && marks[i] != marks[j] {
                pairs += 1
                let human = marks[i] < marks[j], rubric = scores[i] < scores[j]
                if scores[i] == scores[j] { agreeing += 0.5 } else if human == rubric { agreeing += 1 }
            }
        }
        return pairs == 0 ? nil : (agreeing / Double(pairs), pairs)
    }
}
