import Foundation

/// The words of English, lower-cased: from a system word list such as Debian's wamerican
/// (/usr/share/dict/words). Typo tolerance never "corrects" a word on this list, and drafts weigh
/// words that are not on it (jargon: MLflow, Kubernetes) above common ones.
public struct WordList: Sendable {
    private let words: Set<String>

    public init(_ words: some Sequence<String>) { self.words = Set(words.map { $0.lowercased() }) }

    public static let empty = WordList([])

    /// The system list, read once per process (about 100,000 words); empty when none is installed.
    public static let system = WordList.load(from: systemLocation)

    /// Where Debian and macOS keep the list.
    public static let systemLocation = URL(fileURLWithPath: "/usr/share/dict/words")

    /// The list in `file`, one word a line; empty when the file is missing (then every unknown word is
    /// a typo candidate, and only the bank's own words are protected).
    public static func load(from file: URL) -> WordList {
        guard let data = FileManager.default.contents(atPath: file.path) else { return .empty }
        var words = Set<String>(minimumCapacity: 120_000)
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.contains(UInt8(ascii: "'")) {
            words.insert(String(decoding: line, as: UTF8.self).lowercased())
        }
        return WordList(storage: words)
    }

    private init(storage: Set<String>) { words = storage }

    public var isEmpty: Bool { words.isEmpty }

    public func contains(_ word: String) -> Bool { words.contains(word) }
}
