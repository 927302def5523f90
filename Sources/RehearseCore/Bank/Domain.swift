/// One interview domain of the bank, with its share of a practice exam.
public struct Domain: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    /// Percent of an exam drawn from this domain (the weights in Rubrics/bank.yaml add up to 100).
    public var weight: Double

    public init(id: String, title: String, weight: Double) {
        self.id = id
        self.title = title
        self.weight = weight
    }
}
