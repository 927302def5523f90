/// The words `Stance` reads: how people turn a practice down, and the words that look like a rejection
/// but are not one. One home for each list; `Stance` holds the rules that use them.
extension Stance {
    // MARK: Before the mention

    static let negators: WordSet = [
        "not", "never", "no", "neither", "nor", "cannot", "none", "nothing",
    ]
    /// Words that turn down what follows. Not "remove" or "drop" (ML answers remove duplicates and drop
    /// leaky features) and not "against" (answers compare against a baseline).
    static let rejecters: WordSet = [
        "avoid", "avoids", "avoided", "avoiding", "skip", "skips", "skipped", "skipping", "disable", "disables",
        "disabled", "disabling", "ditch", "ditched", "forgo", "forget", "abandon", "abandoned", "scrap", "scrapped",
        "ignore", "ignored", "ignoring", "unnecessary", "overkill", "pointless",
        "needless",
    ]
    /// Two-word rejections: "turn off", "get rid", "do away", "stop using", "instead of", "rather than",
    /// "leave out", "hold off", "steer clear", "throw away", "rip out", "give up", "skeptical of",
    /// "nobody needs". "rather" alone is a
    /// preference for what follows: "I'd rather roll back than patch".
    static let rejectingPairs: WordKeyed<WordSet> = [
        "turn": ["off"], "turned": ["off"], "turning": ["off"], "switch": ["off"], "switched": ["off"],
        "rid": ["of"], "away": ["with"], "stop": ["using", "doing", "running"],
        "stopped": ["using", "doing", "running"], "instead": ["of"], "rather": ["than"],
        "leave": ["out"], "left": ["out"], "leaving": ["out"], "hold": ["off"], "holding": ["off"],
        "steer": ["clear"], "throw": ["away", "out"], "threw": ["away", "out"], "thrown": ["away", "out"],
        "rip": ["out"], "ripped": ["out"], "tore": ["out"], "give": ["up"], "gave": ["up"],
        "skeptical": ["of", "about"], "sceptical": ["of", "about"], "nobody": dismissiveVerbs,
        "no-one": dismissiveVerbs,
    ]
    /// What "nobody" must do to dismiss: "nobody needs a feature store", not "nobody had compared it to a
    /// baseline" (a story's situation) or "nobody writes the documents by hand" (automation).
    static let dismissiveVerbs: WordSet = [
        "needs", "need", "cares", "care", "wants", "uses", "reads", "looks", "bothers", "misses", "missed", "asked",
    ]
    /// "not only X", "not just X", "no matter", "no doubt", "no worse than", "not more than": these affirm.
    static let affirmingFollowers: WordSet = [
        "only", "just", "merely", "simply", "matter", "doubt", "exception", "worse", "better", "less", "more",
        "fewer", "later", "sooner", "earlier", "lower", "higher", "greater", "smaller", "bigger", "slower", "faster",
    ]
    /// Words that make the rejection after them a warning: "it would be a mistake to skip the canary".
    static let blame: WordSet = [
        "mistake", "wrong", "dangerous", "reckless", "careless", "irresponsible", "risky", "foolish", "bad", "unwise",
    ]
    /// Words that open a condition: "if you don't track the data version, you can't reproduce the run".
    static let conditions: WordSet = ["if", "when", "whenever"]
    /// Verbs that, before "without", dismiss what follows: "we can do without a feature store".
    static let doingWithout: WordSet = ["do", "live", "manage", "by", "cope"]

    /// Verbs that report someone else's view: "she thought tracking tools were only for big teams" is the
    /// story's problem, not the candidate's stance. "I thought" and "we felt" are the candidate's own, and
    /// "says" is left out: "an answer that says X is unnecessary" turns X down.
    static let reportedViews: WordSet = [
        "thought", "believed", "assumed", "felt", "claimed", "argued", "insisted", "complained", "worried", "figured",
    ]
    static let firstPersons: WordSet = ["i", "we", "i'd", "we'd"]
    /// How a statement or clause hands a practice to someone else before turning it down: "Sure, you can
    /// run KS tests…", "You could track licences per page…", "People will suggest tagging everything…",
    /// "The usual advice is…". Mentions before a
    /// "but" in such a statement are not the candidate's claim.
    static let othersSuggestions: WordKeyed<WordSet> = [
        "sure": ["you", "there's", "there", "one"], "you": ["could"],
        "people": [
            "will", "would", "often", "usually", "always", "like", "love", "talk", "suggest", "say", "recommend",
            "push",
        ],
        "the": ["usual", "standard", "textbook", "conventional", "typical"],
        "conventional": ["wisdom"], "everyone": ["says", "suggests", "recommends"],
    ]
    /// What "the usual …" must be to hand the practice away: "the usual advice", not "the usual answer is
    /// hybrid" (the candidate's own choice).
    static let suggestionNouns: WordSet = ["advice", "pitch", "suggestion", "recommendation", "playbook", "line"]
    /// What ends the part of a statement that reports someone else's suggestion.
    static let turningWords: WordSet = ["but", "however", "instead", "though", "yet", "whereas"]

    // MARK: After the mention

    /// Words that, following a mention in its clause, turn it down: "X is overkill", "X isn't needed".
    static let rejectingWords: WordSet = [
        "unnecessary", "overkill", "pointless", "useless", "needless", "overrated", "waste", "optional",
        "formality", "nice-to-have", "distraction", "superfluous", "unneeded", "anecdotal", "bureaucracy",
        "hassle", "confuse", "confuses", "undermine", "undermines", "whack", "luxury", "theatre", "theater",
        "busywork", "over-engineering", "overengineering", "over-engineered", "overengineered", "gold-plating",
        "premature", "yagni", "box-ticking", "nonsense", "hype", "overhyped", "gimmick", "fad", "academic",
    ]
    static let rejectingAfterNegation: WordSet = [
        "needed", "necessary", "required", "worth", "matter", "matters", "help", "helps", "problem", "issue",
        "concern", "important", "useful", "bother", "need", "needs", "translate", "translates", "priority",
        "roadmap", "radar",
    ]
    /// The reasons a pronoun's negation must give to dismiss what came before: "that isn't needed",
    /// "none of it matters". Not "it's not a problem" or "it never needs a human", which affirm.
    static let backReferenceReasons = rejectingAfterNegation.subtracting([
        "problem", "issue", "concern", "need", "needs", "bother",
    ])
    /// Negations that only dismiss after a mention: "X is hardly worth it", "X rarely matters".
    static let weakNegators: WordSet = ["hardly", "rarely", "seldom", "barely", "scarcely", "little"]
    /// What a weak negation must be followed by to dismiss: "of little use", "rarely worth it".
    static let weakReasons = backReferenceReasons.union(["use", "value", "benefit", "point", "sense", "difference"])
    /// "doesn't tell you much", "won't add any value", "doesn't pay off", "doesn't make sense": a verb
    /// after a negation, and what it must be followed by (within two words) to dismiss.
    static let dismissingAfterNegation: WordKeyed<WordSet> = [
        "tell": ["much", "anything"], "add": ["value", "anything"], "pay": ["off"], "make": ["sense", "difference"],
        "buy": ["much", "anything"], "give": ["much", "anything"],
    ]
    /// "adds nothing", "buys you nothing", "brings little": a verb whose object is the negation.
    static let givingVerbs: WordSet = [
        "add", "adds", "buy", "buys", "bring", "brings", "give", "gives", "offer", "offers", "contribute",
        "contributes", "tell", "tells", "achieve", "achieves", "gain", "gains",
    ]
    /// "too much effort", "too much engineering work": what "too much" dismisses.
    static let costs: WordSet = [
        "effort", "work", "hassle", "trouble", "engineering", "bureaucracy", "complexity", "overhead", "paperwork",
        "ceremony", "process",
    ]
    /// Phrases that dismiss what they follow: "X can wait", "X is for big companies", "X costs more than
    /// it saves", "X is more trouble than it's worth".
    static let rejectingPhrases: [[String]] =
        [
            ["can", "wait"], ["could", "wait"], ["can", "come", "later"],
            ["not", "for", "us"], ["more", "trouble", "than"], ["mostly", "false", "positives"], ["mostly", "noise"],
            ["just", "noise"], ["pure", "noise"], ["looking", "for", "a", "problem"], ["better", "things", "to", "do"],
            ["down", "the", "list"], ["bottom", "of", "the", "list"], ["low", "on", "the", "list"],
            ["more", "than", "it", "saves"], ["more", "than", "it's", "worth"], ["more", "than", "they", "save"],
        ]
        + ["big", "large", "bigger", "larger", "huge"].flatMap { size in
            ["companies", "company", "teams", "orgs", "organisations", "organizations", "shops", "enterprises"].map {
                ["for", size, $0]
            }
        }
    /// `rejectingPhrases` by their first word.
    static let rejectingPhrasesByFirstWord = WordKeyed(Dictionary(grouping: rejectingPhrases, by: { $0[0] }))
    /// Who a dismissal can be scoped to without dismissing the practice: "none of that matters to the
    /// data scientists day to day" (the platform hides it from them).
    static let scopingWords: WordSet = ["to"]

    // MARK: Pronouns

    static let pronouns: WordSet = ["it", "them", "that", "this", "those", "these"]
    /// Pronouns that open a clause about what came before: "that's overkill", "which isn't needed".
    static let openingPronouns: WordSet = [
        "it", "that", "this", "those", "these", "which", "it's", "that's", "this's", "all",
    ]
    /// Verbs that turn down a pronoun after them, besides the rejecters: "I'd scrap it". Not "cut" ("cut
    /// that part of the bill").
    static let pronounRejecters: WordSet = rejecters.subtracting(["ignore", "ignored", "ignoring"]).union([
        "scrap", "scrapped",
    ])
    /// Pronouns that stand for a noun only when no noun follows: "avoid that" but not "skip that step".
    static let demonstratives: WordSet = ["that", "this", "those", "these"]
    /// What may follow a demonstrative that stands for a noun: "skip that altogether", "avoid this for now".
    static let afterObject: WordSet = [
        "and", "or", "but", "because", "so", "entirely", "altogether", "completely", "too", "as", "for", "in", "on",
        "at", "until", "unless", "if", "now", "anyway", "then",
    ]
    /// Words that may open a clause before its pronoun: "but that's overkill", "so none of that".
    static let connectives: WordSet = ["but", "so", "and", "then", "though", "honestly", "frankly", "really"]
    /// A concession after a dismissal takes it back: "that isn't needed often, but when it is, …", "a
    /// hassle to write, but they catch bugs".
    static let concessions: WordSet = ["but", "though", "yet", "still"]
    static let concededSubjects: WordSet = [
        "when", "it", "it's", "they", "they're", "that", "that's", "this", "these", "those", "we", "i",
    ]
    /// Copulas that carry a whole list's verdict: "PSI, KS tests and nightly reports are all overkill".
    static let copulas: WordSet = ["is", "are", "was", "were", "seems", "seem", "sounds", "sound", "feels", "feel"]
    /// Short answers to a question the answer asked itself: "Drift detection? Never." "Not for us."
    static let curtAnswers: WordSet = ["nope", "nah", "no", "never", "not"]
    /// All the words a curt answer may have: "Not for us.", "No way.", "Not really."
    static let curtWords = curtAnswers.union(["for", "us", "really", "here", "needed", "worth", "it", "way", "chance"])

    // MARK: Misconceptions

    /// Words that report a wrong claim rather than make it: "a common mistake is ...", "... is a myth".
    static let disavowals: WordSet = [
        "myth", "mistake", "misconception", "fallacy", "pitfall", "trap", "tempting", "naive", "naively",
        "wrong", "false", "untrue", "incorrect", "misleading",
    ]
    static let reportingVerbs: WordSet = ["think", "thinks", "assume", "assumes", "believe", "believes", "claim"]
    static let reporters: WordSet = ["people", "teams", "some", "many", "often", "folks", "everyone"]
}
