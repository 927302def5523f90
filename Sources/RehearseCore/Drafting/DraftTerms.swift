/// A key term of a sample answer: a word, a phrase kept whole ("root cause", "roll back"), or a synonym
/// group the answer uses.
struct DraftTerm: Sendable, Hashable {
    /// The words as the sample answer wrote them.
    var text: String
    /// The stems of its words, to compare with the prompt's.
    var stems: [String]
    var pattern: String
    /// The regex of the term without its outer word boundaries, for misconception patterns.
    var core: String
    var weight: Double
    /// Times the sample answer uses it.
    var count: Int
    /// Index of its first word in the sample answer.
    var position: Int
    /// The synonym group it comes from, if any: its name becomes the concept's id.
    var group: String?
}

/// Finds the key terms of a sample answer.
struct DraftTermFinder {
    let synonyms: SynonymTable
    let wordList: WordList
    let stemmer: Stemmer
    /// Two adjacent words that other answers of the bank also write together are one phrase.
    let phrases: Set<String>
    let weighsKeyTerms: Bool
    let matchesWholeWords: Bool
    /// Short answers' words too: the filler words, numbers and one- or two-letter names ("N", "1").
    var keepsEveryWord = false

    private var forms: WordForms { WordForms(stemmer: stemmer, wordList: wordList) }

    /// Every term of `answer`, in the order they first appear, counted.
    func terms(of answer: String) -> [DraftTerm] {
        let words = Words.of(answer).map(RubricDrafter.droppingPossessive)
        var terms: [String: DraftTerm] = [:]
        var index = 0
        while index < words.count {
            guard let (term, length) = term(at: index, in: words) else {
                index += 1
                continue
            }
            let key = term.group.map { "{{\($0)}}" } ?? term.stems.joined(separator: " ")
            if terms[key] == nil { terms[key] = term } else { terms[key]!.count += 1 }
            index += length
        }
        return terms.values.sorted { $0.position < $1.position }
    }

    private func term(at index: Int, in words: [String]) -> (DraftTerm, Int)? {
        // The longest synonym phrase first: "push to production" before "push".
        for length in stride(from: 4, through: 1, by: -1) where index + length <= words.count {
            let text = words[index..<(index + length)].joined(separator: " ")
            let american = Spelling.american(text, isKnownWord: wordList.contains)
            guard let group = synonyms.group(containing: text) ?? synonyms.group(containing: american) else {
                continue
            }
            guard length > 1 || isContentWord(text) else { break }
            let term = DraftTerm(
                text: text, stems: words[index..<(index + length)].map(stemmer.stem),
                pattern: "\\b{{\(group)}}\\w*", core: "{{\(group)}}\\w*", weight: weight(of: american), count: 1,
                position: index, group: group)
            return (term, length)
        }
        let word = words[index]
        guard isContentWord(word) else { return nil }
        if index + 1 < words.count, isContentWord(words[index + 1]) {
            let pair = [word, words[index + 1]]
            if phrases.contains(Self.phraseKey(pair, stemmer: stemmer)) {
                let american = pair.map { Spelling.american($0, isKnownWord: wordList.contains) }
                let term = DraftTerm(
                    text: pair.joined(separator: " "), stems: pair.map(stemmer.stem),
                    pattern: forms.pattern(ofPhrase: american),
                    core: american.map(forms.core).joined(separator: "[- ]"),
                    weight: american.map(weight).max() ?? 1, count: 1, position: index)
                return (term, 2)
            }
        }
        if let number = Self.smallNumber(word) {
            let core = "(?:\(number)|\(Self.spelledNumbers[number]))"
            let term = DraftTerm(
                text: word, stems: [Self.spelledNumbers[number]], pattern: "\\b\(core)\\b", core: core, weight: 1,
                count: 1, position: index)
            return (term, 1)
        }
        let american = Spelling.american(word, isKnownWord: wordList.contains)
        // Misconceptions read the answer as written, so their pattern needs the British spelling too.
        let core = american == word ? forms.core(of: word) : "(?:\(forms.core(of: word))|\(forms.core(of: american)))"
        let stem = stemmer.stem(word)
        let pattern =
            Self.isShortName(word)
            ? "\\b\(SynonymTable.escape(word))\\b"
            : matchesWholeWords ? forms.pattern(of: american) : "\\b\(Self.prefix(stem: stem, word: american))\\w*"
        let term = DraftTerm(
            text: word, stems: [stem], pattern: pattern,
            core: core, weight: weight(of: american), count: 1, position: index)
        return (term, 1)
    }

    /// The value of a small number written in digits or in words: "1" and "one" are one term, matched
    /// either way and as a whole word ("ten" never matches "tends"), weighing what a common word does.
    static func smallNumber(_ word: String) -> Int? {
        if let value = Int(word), spelledNumbers.indices.contains(value), String(value) == word { return value }
        return spelledNumbers.firstIndex(of: word)
    }

    /// What an open pattern matches from: the stem when it begins the word (retraining → retrain), a
    /// final i read as i or y (copies → copi → "cop[iy]", so "copy" matches too), else the part the stem
    /// and word share (study → studi → "stud").
    static func prefix(stem: String, word: String) -> String {
        if word.hasPrefix(stem) { return stem.count > 3 && stem.hasSuffix("i") ? stem.dropLast() + "[iy]" : stem }
        let shared = String(zip(stem, word).prefix { $0 == $1 }.map(\.0))
        return shared.count >= 3 ? shared : word
    }

    func isContentWord(_ word: String) -> Bool {
        guard keepsEveryWord else { return Self.isPlainContentWord(word) }
        return !word.isEmpty && word.allSatisfy { $0.isLetter || $0.isNumber } && !Words.stopWords.contains(word)
    }

    static let spelledNumbers = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ]

    /// A number or a name of one or two letters is matched as written: `\bn\w*` would match "no".
    static func isShortName(_ word: String) -> Bool { word.count <= 2 || word.contains(where: \.isNumber) }

    /// A word that may carry a point: three letters or more, neither a stop word nor filler.
    static func isPlainContentWord(_ word: String) -> Bool {
        word.count > 2 && word.allSatisfy(\.isLetter) && !Words.stopWords.contains(word)
            && !fillerWords.contains(word)
    }

    private func weight(of word: String) -> Double {
        guard weighsKeyTerms, !wordList.isEmpty else { return 1 }
        return word.split(separator: " ").allSatisfy { wordList.contains(String($0)) } ? 1 : 2
    }

    static func phraseKey(_ words: [String], stemmer: Stemmer) -> String {
        words.map(stemmer.stem).joined(separator: " ")
    }

    /// Adjacent content-word pairs that at least two of `documents` write: the bank's own phrases.
    static func phrases(in documents: [String], stemmer: Stemmer, isContentWord: (String) -> Bool) -> Set<String> {
        var counts: [String: Int] = [:]
        for document in documents {
            let words = Words.of(document)
            var seen = Set<String>()
            for (first, second) in zip(words, words.dropFirst()) where isContentWord(first) && isContentWord(second) {
                let key = phraseKey([first, second], stemmer: stemmer)
                if seen.insert(key).inserted { counts[key, default: 0] += 1 }
            }
        }
        return Set(counts.filter { $0.value >= 2 }.keys)
    }

    /// Words that carry no point of their own in an answer, beyond the stop words: "having", "per",
    /// "like", "using", "way". Numbers and ordinals are not here: "the first element" is the point.
    static let fillerWords: Set<String> = [
        "having", "per", "like", "such", "use", "used", "uses", "using", "way", "ways", "thing", "things", "get",
        "gets", "getting", "got", "need", "needs", "needed", "each", "every", "other", "others", "another", "many",
        "much", "well", "even", "still", "only", "both", "either", "there", "here", "where", "while", "whether",
        "because", "since", "though", "although", "however", "therefore", "thus", "hence", "etc", "via", "upon",
        "within", "without", "across", "between", "through", "over", "under", "before", "after", "again", "once",
        "being", "let", "lets", "may", "might", "must", "shall", "ones", "able", "sure", "really", "quite", "rather",
        "often", "usually", "always", "never", "sometimes", "same", "own", "lot", "lots", "kind", "sort", "say",
        "says", "said", "want", "wants", "going", "goes", "put", "puts", "take", "takes", "give", "gives", "know",
        "them", "him", "her", "his", "hers", "theirs", "ours", "yours", "into", "onto", "out", "off", "too", "now",
        "yet", "ever", "whatever", "something", "anything", "everything", "nothing", "someone", "anyone",
        "everyone", "also", "there's", "it's", "that's", "i'd", "we'd", "i'll", "we'll", "i'm", "we're", "they're",
        "don't", "doesn't", "didn't", "can't", "won't", "isn't", "aren't", "typically", "generally", "simply",
        "actually", "basically", "just", "mostly", "mainly", "especially", "particular", "particularly", "certain",
        "instead", "otherwise", "enough", "able", "make", "makes", "making", "made", "whole", "part", "parts",
    ]
}
