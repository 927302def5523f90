import Foundation

/// The words of English, lower-cased: from a system word list such as Debian's wamerican
/// (/usr/share/dict/words). Typo tolerance never "corrects" a word on this list, and drafts weigh
/// words that are not on it (jargon: MLflow, Kubernetes) above common ones.
public struct WordList: Sendable {
    private enum Source: Sendable {
        case words(Set<String>)
        /// The system list, read on first use: commands that never correct a typo never pay for it.
        case system
    }

    private let source: Source

    public init(_ words: some Sequence<String>) { source = .words(Set(words.map { $0.lowercased() })) }

    public static let empty = WordList([])

    /// The system list (about 100,000 words), read once per process and only when first asked;
    /// empty when none is installed.
    public static let system = WordList(source: .system)

    /// A global `let` is initialised lazily and exactly once, even with several threads.
    private static let systemWords: Set<String> = load(from: systemLocation).words

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
        return WordList(source: .words(words))
    }

    private init(source: Source) { self.source = source }

    private var words: Set<String> {
        switch source {
        case let .words(words): words
        case .system: Self.systemWords
        }
    }

    public var isEmpty: Bool { words.isEmpty }

    public func contains(_ word: String) -> Bool { words.contains(word) }
}
