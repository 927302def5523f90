/// The forms of a word that share its stem (monitor, monitors, monitored, monitoring), as a pattern that
/// matches only whole words: `\bpsi\w*` would fire inside "psychology"-like words that merely begin the
/// same way, `\b(?:psi|psis)\b` cannot.
struct WordForms {
    private let stemmer: Stemmer
    private let wordList: WordList

    init(stemmer: Stemmer, wordList: WordList) {
        self.stemmer = stemmer
        self.wordList = wordList
    }

    /// Endings tried on the word and on its stem; a candidate is kept only when it stems back to the
    /// word's stem and, with a word list installed, is an English word.
    private static let endings = [
        "", "s", "es", "e", "ed", "d", "ing", "er", "ers", "ion", "ions", "ation", "ations", "ment", "ments", "al",
        "ally", "ly", "y", "ies", "ied", "ity", "ities", "ive", "able", "ance", "ence", "ency", "ant", "ent", "ize",
        "izes", "ized", "izing", "ization", "or", "ors",
    ]

    /// Every whole-word form, the word itself first.
    func forms(of word: String) -> [String] {
        let stem = stemmer.stem(word)
        var bases = [word, stem]
        if stem.hasSuffix("i") { bases.append(String(stem.dropLast()) + "y") }
        if let last = stem.last, !"aeiou".contains(last) { bases.append(stem + String(last)) }
        // Jargon the word list lacks ("endpoint") keeps every regular form; an English word only real ones.
        let checksWords = !wordList.isEmpty && wordList.contains(word)
        var forms = [word]
        var seen: Set<String> = [word]
        // Jargon takes only the plural: the stemmer would read every ending onto a name ("bentomlization").
        for base in checksWords ? bases : [word] {
            for ending in checksWords ? Self.endings : ["s", "es"] {
                let candidate = base + ending
                guard candidate.count >= 3, !seen.contains(candidate) else { continue }
                seen.insert(candidate)
                guard stemmer.stem(candidate) == stem, !checksWords || wordList.contains(candidate) else {
                    continue
                }
                forms.append(candidate)
            }
        }
        return forms
    }

    /// The regex for one word's forms, without word boundaries: `monitor(?:s|ed|ing)?`.
    func core(of word: String) -> String {
        let forms = forms(of: word).sorted { $0.count > $1.count || ($0.count == $1.count && $0 < $1) }
        let shared = forms.dropFirst().reduce(forms[0]) { prefix, form in
            String(zip(prefix, form).prefix { $0 == $1 }.map(\.0))
        }
        let rests = forms.map { String($0.dropFirst(shared.count)) }
        let escapedShared = SynonymTable.escape(shared)
        if rests.count == 1 { return escapedShared }
        let nonEmpty = rests.filter { !$0.isEmpty }.map(SynonymTable.escape)
        let group = "(?:" + nonEmpty.joined(separator: "|") + ")"
        return escapedShared + group + (rests.contains("") ? "?" : "")
    }

    /// `\b` + the forms + `\b`: the pattern of a single word.
    func pattern(of word: String) -> String { "\\b" + core(of: word) + "\\b" }

    /// A phrase ("root cause"): each word by its forms, a space or hyphen between.
    func pattern(ofPhrase words: [String]) -> String {
        "\\b" + words.map(core(of:)).joined(separator: "[- ]") + "\\b"
    }
}
