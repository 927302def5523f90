import Foundation
import PCRE2
import Yams

/// Loads Rubrics/: bank.yaml (domains), concepts/*.yaml (shared concepts) and one file per question in a
/// folder per domain. Every problem found is reported, each with its file, line and column.
public struct BankLoader: Sendable {
    /// What a load produced: the bank when there were no errors, and every diagnostic either way.
    public struct Result: Sendable {
        public var bank: Bank?
        public var diagnostics: [Diagnostic]
        /// Everything that did load, even when some files had errors, so lint can check the rest.
        public var partial: Bank
        /// Every pattern as written, with where it is written and whose it is.
        public var patternSites: [PatternSite]
    }

    public static let bankFile = "bank.yaml"
    public static let conceptsFolder = "concepts"

    private let matchLimits: MatchLimits
    private let wordList: WordList

    /// `wordList` holds the English words that typo tolerance never corrects.
    public init(matchLimits: MatchLimits = .default, wordList: WordList = .system) {
        self.matchLimits = matchLimits
        self.wordList = wordList
    }

    /// Loads the bank or throws every error found.
    public func load(from folder: URL) throws(BankError) -> Bank {
        let result = try loadReportingAll(from: folder)
        guard let bank = result.bank else { throw .invalid(result.diagnostics) }
        return bank
    }

    /// Loads the bank and returns every diagnostic, errors and warnings, in file order.
    public func loadReportingAll(from folder: URL) throws(BankError) -> Result {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .missingFolder(path: folder.path)
        }
        var session = LoadSession(root: folder)
        session.loadDomains()
        session.loadSynonyms()
        session.loadConcepts()
        session.loadQuestions()
        let patterns = session.compilePatterns(limits: matchLimits)
        let diagnostics = session.diagnostics.sorted { $0.location < $1.location }
        let bank = Bank(
            domains: session.domains, concepts: session.concepts, questions: session.questions,
            contentHash: session.hash.hex, patterns: patterns, synonyms: session.synonyms,
            typoCorrector: TypoCorrector(vocabulary: session.vocabulary(), wordList: wordList))
        return Result(
            bank: diagnostics.hasErrors ? nil : bank, diagnostics: diagnostics, partial: bank,
            patternSites: session.patternSites)
    }
}

/// A pattern as written in a file, kept with its node so a compile error points at it.
public struct PatternSite: Sendable, Hashable {
    public var source: String
    /// Where the scalar starts (its opening quote, if quoted).
    public var location: SourceLocation
    /// 1 when the pattern is quoted, so a column inside it is `location.column + quoteWidth + offset`.
    public var quoteWidth: Int
    /// Whose pattern it is, as messages name it: "concept 'alerting' of question 'handle-data-drift'".
    public var owner: String
    /// False when `{{synonyms}}` were expanded, so offsets into `source` are not columns in the file.
    public var offsetsApply = true
}

/// The mutable state of one load; lives only for the duration of `loadReportingAll`.
private struct LoadSession {
    let root: URL
    var diagnostics: [Diagnostic] = []
    var domains: [Domain] = []
    var concepts: [String: Concept] = [:]
    var conceptLocations: [String: SourceLocation] = [:]
    var questions: [Question] = []
    var questionLocations: [String: SourceLocation] = [:]
    var patternSites: [PatternSite] = []
    var synonyms = SynonymTable()
    var hash = ContentHash()

    init(root: URL) { self.root = root }

    // MARK: Files

    func displayPath(_ url: URL) -> String {
        let rootPath = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        let relative = path.hasPrefix(rootPath + "/") ? String(path.dropFirst(rootPath.count + 1)) : path
        return (root.relativePath as NSString).appendingPathComponent(relative)
    }

    mutating func read(_ url: URL) -> (YAMLReader, Node, String)? {
        var reader = YAMLReader(file: displayPath(url))
        guard let data = reader.readFile(url) else {
            diagnostics += reader.diagnostics
            return nil
        }
        hash.combine(displayPath(url).utf8)
        hash.combine(data)
        guard let text = String(data: data, encoding: .utf8) else {
            reader.error(at: nil, "the file is not valid UTF-8; save it as UTF-8")
            diagnostics += reader.diagnostics
            return nil
        }
        guard let node = reader.compose(text) else {
            diagnostics += reader.diagnostics
            return nil
        }
        return (reader, node, ContentHash.of(text))
    }

    mutating func yamlFiles(in folder: URL) -> [URL] {
        let (names, problem) = FolderListing.names(in: folder, display: displayPath(folder))
        diagnostics += [problem].compactMap { $0 }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    // MARK: bank.yaml

    mutating func loadDomains() {
        let url = root.appendingPathComponent(BankLoader.bankFile)
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.append(
                Diagnostic(
                    .error, at: SourceLocation(file: displayPath(url)),
                    "bank.yaml is missing; it lists the domains and their exam weights (see Rubrics/README.md)"))
            return
        }
        guard case (var reader, let node, _)? = read(url) else { return }
        defer { diagnostics += reader.diagnostics }
        guard let top = reader.mapping(node, "bank.yaml") else { return }
        reader.rejectUnknownKeys(top, allowed: RubricKeys.bank, in: "bank.yaml")
        for item in reader.sequence(top[text: "domains"], "'domains'") {
            guard let map = reader.mapping(item, "a domain") else { continue }
            reader.rejectUnknownKeys(map, allowed: RubricKeys.domain, in: "a domain")
            guard let id = reader.string(map, "id", in: "a domain", required: true) else { continue }
            let what = "domain '\(id)'"
            let title = reader.string(map, "title", in: what, required: true) ?? id
            let weight = reader.number(map, "weight", in: what) ?? 0
            if weight <= 0 {
                reader.error(
                    at: map[text: "weight"] ?? item, "\(what) needs a positive 'weight' (its percent of an exam)")
            }
            if domains.contains(where: { $0.id == id }) {
                reader.error(at: map[text: "id"], "domain '\(id)' is listed twice")
            }
            domains.append(Domain(id: id, title: title, weight: weight))
        }
        if domains.isEmpty { reader.error(at: node, "bank.yaml lists no domains; add a 'domains:' list") }
        let total = domains.reduce(0) { $0 + $1.weight }
        if !domains.isEmpty, abs(total - 100) > 0.01 {
            reader.warning(at: top[text: "domains"], "domain weights add up to \(total.formatted), not 100")
        }
    }

    // MARK: synonyms.yaml

    mutating func loadSynonyms() {
        let url = root.appendingPathComponent(SynonymTable.fileName)
        guard FileManager.default.fileExists(atPath: url.path), case (var reader, let node, _)? = read(url) else {
            return
        }
        defer { diagnostics += reader.diagnostics }
        guard let top = reader.mapping(node, "synonyms.yaml") else { return }
        reader.rejectUnknownKeys(top, allowed: ["synonyms"], in: "synonyms.yaml")
        guard let groupsNode = top[text: "synonyms"], let groups = reader.mapping(groupsNode, "'synonyms'") else {
            return
        }
        var table: [String: [String]] = [:]
        for (key, _) in groups {
            guard let name = key.string else { continue }
            checkIdentifier(name, node: key, reader: &reader)
            let terms = reader.strings(groups, name, in: "synonym group '\(name)'").map { $0.0.collapsingWhitespace }
                .filter { !$0.isEmpty }
            if terms.isEmpty {
                reader.error(at: key, "synonym group '\(name)' has no terms; list them: \(name): [word, other word]")
            }
            table[name] = terms
        }
        synonyms = SynonymTable(table)
    }

    /// The words of the bank that answers are corrected towards (see `TypoCorrector`).
    func vocabulary() -> Set<String> {
        var texts: [String] = synonyms.groups.values.flatMap { $0 }
        for question in questions {
            texts += [question.prompt, question.sampleAnswer] + question.examples.map(\.answer)
            texts += question.rubric.concepts.map(\.concept.label)
        }
        texts += concepts.values.map(\.label)
        return TypoCorrector.vocabulary(patterns: patternSites.map(\.source), texts: texts)
    }

    // MARK: concepts/

    mutating func loadConcepts() {
        for url in yamlFiles(in: root.appendingPathComponent(BankLoader.conceptsFolder)) {
            guard case (var reader, let node, _)? = read(url) else { continue }
            if let top = reader.mapping(node, "a concepts file") {
                reader.rejectUnknownKeys(top, allowed: RubricKeys.conceptsFile, in: "a concepts file")
                for item in reader.sequence(top[text: "concepts"], "'concepts'") {
                    guard let concept = parseConcept(item, reader: &reader, inQuestion: nil) else { continue }
                    if let previous = conceptLocations[concept.id] {
                        reader.error(at: item, "concept '\(concept.id)' is already defined at \(previous); rename one")
                        continue
                    }
                    concepts[concept.id] = concept
                    conceptLocations[concept.id] = reader.location(item)
                }
            }
            diagnostics += reader.diagnostics
        }
    }

    mutating func parseConcept(_ node: Node, reader: inout YAMLReader, inQuestion question: String?) -> Concept? {
        guard let map = reader.mapping(node, "a concept") else { return nil }
        let allowed = question == nil ? RubricKeys.sharedConcept : RubricKeys.inlineConcept
        reader.rejectUnknownKeys(map, allowed: allowed, in: "a concept")
        guard let id = reader.string(map, "id", in: "a concept", required: true) else { return nil }
        checkIdentifier(id, node: map[text: "id"], reader: &reader)
        let what = question.map { "concept '\(id)' of question '\($0)'" } ?? "concept '\(id)'"
        let label = reader.string(map, "label", in: what, required: true) ?? id
        let why = reader.string(map, "why", in: what, required: true) ?? ""
        let patterns = readPatterns(map, key: "patterns", owner: what, reader: &reader)
        if patterns.isEmpty { reader.error(at: node, "\(what) has no patterns; add 'patterns:' with at least one") }
        return Concept(
            id: id, label: label, patterns: patterns, why: why,
            followUp: reader.string(map, "follow_up", in: what), typos: reader.bool(map, "typos", in: what))
    }

    mutating func readPatterns(_ map: Node.Mapping, key: String, owner: String, reader: inout YAMLReader) -> [String] {
        reader.strings(map, key, in: owner).map { written, node in
            let (source, unknown) = synonyms.expand(written)
            for name in unknown {
                let hint = closestMatch(to: name, in: synonyms.groups.keys).map { "did you mean '{{\($0)}}'? " } ?? ""
                reader.error(
                    at: node,
                    "pattern '\(written)' in \(owner) uses the synonym group '{{\(name)}}', which \(SynonymTable.fileName) does not define; \(hint)add it there or fix the name"
                )
            }
            guard unknown.isEmpty else { return written }
            let quoted = [.singleQuoted, .doubleQuoted].contains(node.scalar?.style)
            // A compile error's offset is into the expanded text, so point at the pattern's start then.
            let expanded = source != written
            patternSites.append(
                PatternSite(
                    source: source, location: reader.location(node),
                    quoteWidth: quoted && !expanded ? 1 : 0, owner: owner, offsetsApply: !expanded))
            return source
        }
    }

    func checkIdentifier(_ id: String, node: Node?, reader: inout YAMLReader) {
        let valid = !id.isEmpty && id.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "-" }
        if !valid { reader.error(at: node, "id '\(id)' may hold only lower-case letters, digits and '-'") }
    }

    // MARK: Questions

    mutating func loadQuestions() {
        let (names, problem) = FolderListing.names(in: root, display: displayPath(root))
        diagnostics += [problem].compactMap { $0 }
        for name in names.sorted() where name != BankLoader.conceptsFolder && !name.hasPrefix(".") {
            let url = root.appendingPathComponent(name)
            let entry = FolderListing.isFolder(url, display: displayPath(url))
            diagnostics += [entry.problem].compactMap { $0 }
            guard entry.isFolder else { continue }
            let files = yamlFiles(in: url)
            if !domains.isEmpty, !domains.contains(where: { $0.id == name }), !files.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .error, at: SourceLocation(file: displayPath(url)),
                        "folder '\(name)' is not a domain of bank.yaml (\(domains.map(\.id).joined(separator: ", "))); move its files or add the domain"
                    ))
                continue
            }
            for file in files { loadQuestion(file, folderDomain: name) }
        }
    }

    mutating func loadQuestion(_ url: URL, folderDomain: String) {
        guard case (var reader, let node, let fileHash)? = read(url) else { return }
        defer { diagnostics += reader.diagnostics }
        guard let map = reader.mapping(node, "a question file") else { return }
        reader.rejectUnknownKeys(map, allowed: RubricKeys.question, in: "a question")
        guard let id = reader.string(map, "id", in: "the question", required: true) else { return }
        checkIdentifier(id, node: map[text: "id"], reader: &reader)
        let what = "question '\(id)'"
        if let previous = questionLocations[id] {
            reader.error(at: map[text: "id"], "question id '\(id)' is already used at \(previous); ids must be unique")
            return
        }
        questionLocations[id] = reader.location(map[text: "id"])
        if url.deletingPathExtension().lastPathComponent != id {
            reader.warning(
                at: map[text: "id"], "\(what) lives in '\(url.lastPathComponent)'; name the file '\(id).yaml'")
        }
        let domain = reader.string(map, "domain", in: what) ?? folderDomain
        if domain != folderDomain {
            reader.error(
                at: map[text: "domain"],
                "\(what) says domain '\(domain)' but lives in folder '\(folderDomain)'; move it or fix 'domain'")
        }
        // Without a valid kind, the kind-specific checks would only add noise to the one real error.
        let parsedKind = parseKind(map, what: what, reader: &reader)
        let kind = parsedKind ?? .technical
        let timeLimit = parseTimeLimit(map, what: what, reader: &reader) ?? (kind == .multipleChoice ? 90 : 180)
        var question = Question(
            id: id, domain: domain, kind: kind,
            prompt: reader.string(map, "prompt", in: what, required: true) ?? "",
            timeLimit: timeLimit, hint: reader.string(map, "hint", in: what),
            sampleAnswer: reader.string(
                map, "sample_answer", in: what, required: parsedKind.map { $0 != .multipleChoice } ?? false) ?? "",
            source: reader.location(node), contentHash: fileHash)
        if parsedKind == nil {
            // Reported above.
        } else if kind == .multipleChoice {
            question.options = parseOptions(map, what: what, reader: &reader)
            if map[text: "concepts"] != nil {
                reader.error(
                    at: map[text: "concepts"], "\(what) is multiple-choice and graded by its options; remove 'concepts'"
                )
            }
        } else {
            question.rubric.concepts = parseRubricConcepts(map, question: id, reader: &reader)
            if map[text: "options"] != nil {
                reader.error(
                    at: map[text: "options"],
                    "\(what) is \(kind.rawValue); only multiple-choice questions have 'options'")
            }
        }
        question.rubric.misconceptions = parseMisconceptions(map, what: what, reader: &reader)
        question.rubric.scoring = parseScoring(map, what: what, reader: &reader)
        question.examples = parseExamples(map, question: question, reader: &reader)
        questions.append(question)
    }

    func parseKind(_ map: Node.Mapping, what: String, reader: inout YAMLReader) -> QuestionKind? {
        guard let text = reader.string(map, "kind", in: what, required: true) else { return nil }
        if let kind = QuestionKind(rawValue: text) { return kind }
        reader.error(
            at: map[text: "kind"],
            "'kind' of \(what) is '\(text)'; use one of: \(QuestionKind.allCases.map(\.rawValue).joined(separator: ", "))"
        )
        return nil
    }

    func parseScoring(_ map: Node.Mapping, what: String, reader: inout YAMLReader) -> ScoringCurve? {
        guard let text = reader.string(map, "scoring", in: what) else { return nil }
        if let curve = ScoringCurve(rawValue: text) { return curve }
        reader.error(at: map[text: "scoring"], "'scoring' of \(what) is '\(text)'; use linear (the default) or sqrt")
        return nil
    }

    func parseTimeLimit(_ map: Node.Mapping, what: String, reader: inout YAMLReader) -> Int? {
        guard let text = reader.string(map, "time_limit", in: what) else { return nil }
        if let seconds = Duration.seconds(parsing: text), seconds > 0 { return seconds }
        reader.error(at: map[text: "time_limit"], "'time_limit' of \(what) is '\(text)'; write it as 90s, 3m or 2m30s")
        return nil
    }

    mutating func parseRubricConcepts(_ map: Node.Mapping, question: String, reader: inout YAMLReader)
        -> [RubricConcept]
    {
        var result: [RubricConcept] = []
        let what = "question '\(question)'"
        for item in reader.sequence(map[text: "concepts"], "'concepts' of \(what)") {
            guard let entry = reader.mapping(item, "a concept of \(what)") else { continue }
            var concept: Concept
            if let ref = reader.string(entry, "ref", in: "a concept of \(what)") {
                reader.rejectUnknownKeys(entry, allowed: RubricKeys.conceptReference, in: "concept '\(ref)' of \(what)")
                guard let shared = concepts[ref] else {
                    let hint = closestMatch(to: ref, in: concepts.keys).map { "did you mean '\($0)'? " } ?? ""
                    reader.error(
                        at: entry[text: "ref"],
                        "\(what) refers to concept '\(ref)', which no file in concepts/ defines; \(hint)define it or fix the ref"
                    )
                    continue
                }
                concept = shared
                let owner = "concept '\(ref)' of \(what)"
                concept.patterns += readPatterns(entry, key: "patterns", owner: owner, reader: &reader)
                if let label = reader.string(entry, "label", in: owner) { concept.label = label }
                if let why = reader.string(entry, "why", in: owner) { concept.why = why }
                if let followUp = reader.string(entry, "follow_up", in: owner) { concept.followUp = followUp }
                if let typos = reader.bool(entry, "typos", in: owner) { concept.typos = typos }
            } else {
                guard let inline = parseConcept(item, reader: &reader, inQuestion: question) else { continue }
                concept = inline
            }
            if result.contains(where: { $0.id == concept.id }) {
                reader.error(at: item, "concept '\(concept.id)' appears twice in \(what); keep one")
                continue
            }
            let weight = reader.number(entry, "weight", in: "concept '\(concept.id)' of \(what)") ?? 1
            if weight <= 0 {
                reader.error(
                    at: entry[text: "weight"],
                    "concept '\(concept.id)' of \(what) has weight \(weight.formatted); a weight must be positive")
            }
            let required = reader.bool(entry, "required", in: "concept '\(concept.id)' of \(what)") ?? false
            result.append(
                RubricConcept(concept: concept, weight: weight, required: required, location: reader.location(item)))
        }
        if result.isEmpty, map[text: "concepts"] == nil || !reader.diagnostics.hasErrors {
            reader.error(
                at: map[text: "concepts"] ?? .mapping(map),
                "\(what) has no concepts; add at least one under 'concepts:' so answers can be graded")
        }
        return result
    }

    mutating func parseMisconceptions(_ map: Node.Mapping, what: String, reader: inout YAMLReader) -> [Misconception] {
        reader.sequence(map[text: "misconceptions"], "'misconceptions' of \(what)").compactMap { item in
            guard let entry = reader.mapping(item, "a misconception of \(what)") else { return nil }
            reader.rejectUnknownKeys(entry, allowed: RubricKeys.misconception, in: "a misconception of \(what)")
            guard let id = reader.string(entry, "id", in: "a misconception of \(what)", required: true) else {
                return nil
            }
            let owner = "misconception '\(id)' of \(what)"
            let patterns =
                readPatterns(entry, key: "pattern", owner: owner, reader: &reader)
                + readPatterns(entry, key: "patterns", owner: owner, reader: &reader)
            if patterns.isEmpty { reader.error(at: item, "\(owner) has no pattern; add 'pattern:'") }
            let penalty = reader.number(entry, "penalty", in: owner) ?? 1
            if penalty <= 0 {
                reader.error(
                    at: entry[text: "penalty"], "\(owner) has penalty \(penalty.formatted); a penalty must be positive")
            }
            return Misconception(
                id: id, label: reader.string(entry, "label", in: owner) ?? id, patterns: patterns, penalty: penalty,
                why: reader.string(entry, "why", in: owner, required: true) ?? "")
        }
    }

    func parseOptions(_ map: Node.Mapping, what: String, reader: inout YAMLReader) -> [ChoiceOption] {
        let options: [ChoiceOption] = reader.sequence(map[text: "options"], "'options' of \(what)").compactMap { item in
            guard let entry = reader.mapping(item, "an option of \(what)") else { return nil }
            reader.rejectUnknownKeys(entry, allowed: RubricKeys.option, in: "an option of \(what)")
            guard let letter = reader.string(entry, "letter", in: "an option of \(what)", required: true) else {
                return nil
            }
            let owner = "option \(letter) of \(what)"
            if letter.count != 1 || !letter.allSatisfy({ $0.isUppercase }) {
                reader.error(at: entry[text: "letter"], "\(owner): a letter is one capital letter, A to Z")
            }
            return ChoiceOption(
                letter: letter, text: reader.string(entry, "text", in: owner, required: true) ?? "",
                correct: reader.bool(entry, "correct", in: owner) ?? false,
                why: reader.string(entry, "why", in: owner, required: true) ?? "")
        }
        if options.count < 2 {
            reader.error(at: map[text: "options"] ?? .mapping(map), "\(what) needs at least two options")
        }
        let correct = options.filter(\.correct).count
        if correct != 1 {
            reader.error(
                at: map[text: "options"] ?? .mapping(map),
                "\(what) has \(correct) correct options; mark exactly one with 'correct: true'")
        }
        let letters = options.map(\.letter)
        if Set(letters).count != letters.count {
            reader.error(at: map[text: "options"], "\(what) repeats an option letter; letters must be unique")
        }
        return options
    }

    func parseExamples(_ map: Node.Mapping, question: Question, reader: inout YAMLReader) -> [RubricExample] {
        let what = "question '\(question.id)'"
        return reader.sequence(map[text: "examples"], "'examples' of \(what)").compactMap { item in
            guard let entry = reader.mapping(item, "an example of \(what)") else { return nil }
            reader.rejectUnknownKeys(entry, allowed: RubricKeys.example, in: "an example of \(what)")
            let owner = "an example of \(what)"
            guard let levelText = reader.string(entry, "level", in: owner, required: true) else { return nil }
            guard let level = RubricExample.Level(rawValue: levelText) else {
                reader.error(
                    at: entry[text: "level"], "'level' of \(owner) is '\(levelText)'; use strong, partial or weak")
                return nil
            }
            guard let answer = reader.string(entry, "answer", in: owner, required: true) else { return nil }
            var example = RubricExample(
                level: level, answer: answer, minScore: RubricExample.defaultRange(for: level).lowerBound,
                maxScore: RubricExample.defaultRange(for: level).upperBound, location: reader.location(item))
            if let expectNode = entry[text: "expect"], let expect = reader.mapping(expectNode, "'expect' of \(owner)") {
                reader.rejectUnknownKeys(expect, allowed: RubricKeys.expectation, in: "'expect' of \(owner)")
                example.minScore = reader.integer(expect, "min_score", in: "'expect'") ?? example.minScore
                example.maxScore = reader.integer(expect, "max_score", in: "'expect'") ?? example.maxScore
                example.missing = reader.strings(expect, "missing", in: "'expect'").map(\.0)
                example.matched = reader.strings(expect, "matched", in: "'expect'").map(\.0)
                // Ids written under 'concepts', even one whose ref failed: that failure is reported once.
                let known = Set(
                    reader.sequence(map[text: "concepts"], "'concepts'").compactMap { $0.mapping }
                        .compactMap { $0[text: "ref"]?.string ?? $0[text: "id"]?.string })
                for id in example.missing + example.matched where !known.contains(id) {
                    reader.error(at: expectNode, "\(owner) expects concept '\(id)', which \(what) does not use")
                }
            }
            return example
        }
    }

    // MARK: Patterns

    /// Compiles every distinct pattern once; each invalid one is reported where it is written.
    mutating func compilePatterns(limits: MatchLimits) -> PatternLibrary {
        var compiled: [String: Pattern] = [:]
        var failed: [String: PCRE2Error] = [:]
        let matcher = Matcher(limits: limits)
        for site in patternSites {
            if compiled[site.source] == nil, failed[site.source] == nil {
                do { compiled[site.source] = try Pattern(site.source) } catch { failed[site.source] = error }
            }
            if case let .invalidPattern(_, offset, message)? = failed[site.source] {
                var location = site.location
                if site.offsetsApply { location.column += site.quoteWidth + offset }
                diagnostics.append(
                    Diagnostic(
                        .error, at: location,
                        "invalid pattern '\(site.source)' in \(site.owner) at offset \(offset): \(message)"))
            } else if let pattern = compiled[site.source], (try? pattern.matchesEmptyString(using: matcher)) ?? false {
                diagnostics.append(
                    Diagnostic(
                        .error, at: site.location,
                        "pattern '\(site.source)' in \(site.owner) matches the empty string, so it would fire on every answer; require at least one word"
                    ))
            }
        }
        return PatternLibrary(compiled)
    }
}

extension Duration {
    /// Parses "90", "90s", "3m", "2m30s" into whole seconds.
    static func seconds(parsing text: String) -> Int? {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let plain = Int(text) { return plain }
        var total = 0
        var digits = ""
        for character in text {
            if character.isNumber {
                digits.append(character)
            } else if let value = Int(digits), character == "m" || character == "s" {
                total += character == "m" ? value * 60 : value
                digits = ""
            } else {
                return nil
            }
        }
        return digits.isEmpty ? total : nil
    }
}

extension Double {
    /// 3 for 3.0, 2.5 for 2.5: how a coach wrote it.
    var formatted: String {
        rounded() == self && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
