import Yams

/// The score range an example's `expect` sets: `min_score` and `max_score`, each defaulting to its
/// level's bound. A range that no score can land in is an error here, where it is written, and the
/// level's own range stands in for it, so nothing downstream builds an impossible range.
enum ExampleRange {
    static let scores = 0...100

    static func read(
        _ expect: Node.Mapping, level: RubricExample.Level, owner: String, reader: inout YAMLReader
    ) -> ClosedRange<Int> {
        let levelRange = RubricExample.defaultRange(for: level)
        let minimum = bound(expect, "min_score", owner: owner, reader: &reader)
        let maximum = bound(expect, "max_score", owner: owner, reader: &reader)
        let lower = minimum ?? levelRange.lowerBound
        let upper = maximum ?? levelRange.upperBound
        guard lower > upper else { return lower...upper }
        let what = "\(level.rawValue) example"
        let message: String
        switch (minimum, maximum) {
        case (let low?, let high?):
            message =
                "\(owner) expects min_score \(low) above its max_score \(high), a range no score can land in; swap them"
        case (let low?, nil):
            message =
                "\(owner) expects min_score \(low), above \(upper), the top of a \(what)'s range (\(levelRange.lowerBound)–\(levelRange.upperBound)); lower it, set max_score too, or change the level"
        default:
            message =
                "\(owner) expects max_score \(upper), below \(lower), the bottom of a \(what)'s range (\(levelRange.lowerBound)–\(levelRange.upperBound)); raise it, set min_score too, or change the level"
        }
        reader.error(at: expect[text: minimum != nil ? "min_score" : "max_score"], message)
        return levelRange
    }

    private static func bound(_ expect: Node.Mapping, _ key: String, owner: String, reader: inout YAMLReader) -> Int? {
        guard let value = reader.integer(expect, key, in: "'expect' of \(owner)") else { return nil }
        guard scores.contains(value) else {
            reader.error(at: expect[text: key], "'\(key)' of \(owner) is \(value); a score is 0 to 100")
            return nil
        }
        return value
    }
}
