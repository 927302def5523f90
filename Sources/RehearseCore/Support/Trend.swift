/// Which way a series of scores (0–100) is heading, shown as an arrow beside a sparkline.
public enum Trend: String, Codable, Sendable {
    case up, down, flat
    /// Fewer than two points: nothing to compare yet.
    case new

    /// Points the recent mean must move by before it counts as a trend rather than noise.
    static let threshold = 5.0
    /// How many of the latest points make up "recent".
    static let recentCount = 3

    /// Compares the mean of the latest three points with the mean of every point before them.
    public init(_ points: [Double]) {
        guard points.count >= 2 else {
            self = .new
            return
        }
        let recent = points.suffix(min(Self.recentCount, points.count - 1))
        let earlier = points.dropLast(recent.count)
        let difference = recent.mean - earlier.mean
        self = difference >= Self.threshold ? .up : difference <= -Self.threshold ? .down : .flat
    }

    public var arrow: String {
        switch self {
        case .up: "↑"
        case .down: "↓"
        case .flat: "→"
        case .new: "·"
        }
    }
}

/// A one-line chart of scores 0–100: "▁▃▅█".
public enum Sparkline {
    static let ticks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The latest `limit` points, one tick each.
    public static func of(_ points: [Double], limit: Int = 10) -> String {
        String(
            points.suffix(limit).map { point in
                ticks[Int((min(max(point, 0), 100) / 100 * Double(ticks.count - 1)).rounded())]
            })
    }
}

extension Collection where Element == Double {
    var mean: Double { isEmpty ? 0 : reduce(0, +) / Double(count) }
}
