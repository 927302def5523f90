/// British to American spelling by the regular suffixes: containerised → containerized,
/// modelling → modeling, analyse → analyze, behaviour → behavior, centre → center.
enum Spelling {
    /// Suffix rewrites, longest first, each only after a stem long enough that short words
    /// ("rise", "four", "acre") are never touched.
    private static let rules: [(british: String, american: String, minimumStem: Int)] = [
        ("isations", "izations", 3), ("isation", "ization", 3),
        ("ising", "izing", 4), ("ised", "ized", 4), ("isers", "izers", 4), ("iser", "izer", 4), ("ises", "izes", 4),
        ("ise", "ize", 4),
        ("ysing", "yzing", 3), ("ysed", "yzed", 3), ("yses", "yzes", 3), ("yse", "yze", 3),
        ("elling", "eling", 3), ("elled", "eled", 3),
        ("ours", "ors", 4), ("our", "or", 4), ("oural", "oral", 4),
        ("tres", "ters", 3), ("tre", "ter", 3),
        ("ogues", "ogs", 4), ("ogue", "og", 4),
    ]

    /// American words that end like British ones, for when no English word list is installed.
    private static let americanLookalikes: Set<String> = [
        "advertise", "advise", "comprise", "compromise", "concise", "devise", "disguise", "enterprise", "excise",
        "exercise", "expertise", "franchise", "improvise", "merchandise", "precise", "premise", "promise",
        "revise", "supervise", "surprise", "televise", "otherwise", "likewise", "noise", "raise", "praise",
        "cruise", "paradise", "analyse", "contour", "detour", "devour", "massacre", "mediocre", "genre",
        "compelling", "dispelling", "excelling", "expelling", "propelling", "repelling", "smelling", "spelling",
        "selling", "telling", "yelling", "dwelling", "swelling", "compelled", "dispelled", "excelled", "expelled",
        "propelled", "repelled", "smelled", "spelled", "swelled", "yelled",
    ]

    /// The word's American spelling, or the word itself. `isKnownWord` answers from an American word list
    /// when one is installed: a word it knows is already American.
    static func american(_ word: String, isKnownWord: (String) -> Bool = { _ in false }) -> String {
        guard word.count > 5, !isKnownWord(word), !isAmericanLookalike(word) else { return word }
        for rule in rules where word.hasSuffix(rule.british) {
            let stem = word.dropLast(rule.british.count)
            guard stem.count >= rule.minimumStem else { continue }
            return stem + rule.american
        }
        return word
    }

    private static func isAmericanLookalike(_ word: String) -> Bool {
        americanLookalikes.contains { word == $0 || (word.hasPrefix($0.dropLast()) && word.count <= $0.count + 2) }
    }
}
