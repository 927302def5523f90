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
    public static let misconceptionsFolder = "misconceptions"

    private let matchLimits: MatchLimits
    private let wordList: WordList
    private let probeCache: ProbeCache

    /// `wordList` holds the English words that typo tolerance never corrects; `probeCache` remembers the
    /// patterns already found free of catastrophic backtracking.
    public init(matchLimits: MatchLimits = .default, wordList: WordList = .system, probeCache: ProbeCache = .none) {
        self.matchLimits = matchLimits
        self.wordList = wordList
        self.probeCache = probeCache
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
        session.loadSharedMisconceptions()
        session.loadQuestions()
        session.reportUnusedConcepts()
        let patterns = session.compilePatterns(limits: matchLimits, probeCache: probeCache)
        let diagnostics = session.diagnostics.sorted { $0.location < $1.location }
        let bank = Bank(
            domains: session.domains, concepts: session.concepts, misconceptions: session.misconceptions,
            questions: session.questions,
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
    /// The column in the file of each character of `source` (see `ScalarColumns`); nil when `{{synonyms}}`
    /// were expanded or the pattern spans lines, so an offset into it is no column in the file.
    public var columns: [Int]?
    /// Whose pattern it is, as messages name it: "concept 'alerting' of question 'handle-data-drift'".
    public var owner: String

    /// Where the character at a UTF-8 byte offset of `source` is written; the pattern's start when unknown.
    public func location(ofByte offset: Int) -> SourceLocation {
        guard let columns else { return location }
        var place = location
        place.column = ScalarColumns.column(ofByte: offset, in: source, columns: columns)
        return place
    }
}

/// The mutable state of one load; lives only for the duration of `loadReportingAll`.
private struct LoadSession {
    let root: URL
    var diagnostics: [Diagnostic] = []
    var domains: [Domain] = []
    var concepts: [String: Concept] = [:]
    var conceptLocations: [String: SourceLocation] = [:]
    var misconceptions: [String: Misconception] = [:]
    var misconceptionLocations: [String: SourceLocation] = [:]
    var questions: [Question] = []
    var questionLocations: [String: SourceLocation] = [:]
    var patternSites: [PatternSite] = []
    var usedConcepts: Set<String> = []
    var synonyms = SynonymTable()
    var hash = ContentHash()

    init(root: URL) { self.root = root }

    // MARK: Files

    func displayPath(_ url: URL) -> String {
        (root.relativePath as NSString).appendingPathComponent(relativePath(url))
    }

    /// The path inside the bank: "deployment/canary.yaml".
    func relativePath(_ url: URL) -> String {
        let rootPath = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(rootPath + "/") ? String(path.dropFirst(rootPath.count + 1)) : path
    }

    mutating func read(_ url: URL) -> (YAMLReader, Node, String)? {
        var reader = YAMLReader(file: displayPath(url))
        guard let data = FileManager.default.contents(atPath: url.path) else {
            reader.error(at: nil, "cannot read the file; check its permissions")
            diagnostics += reader.diagnostics
            return nil
        }
        // Relative to the bank, so the fingerprint does not change with how --rubrics was spelled.
        hash.combine(relativePath(url).utf8)
        hash.combine(data)
        if let problem = SourceText.problem(in: data) {
            reader.error(
                at: SourceLocation(file: reader.file, line: problem.line, column: problem.column), problem.message)
            diagnostics += reader.diagnostics
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        guard let node = reader.compose(text) else {
            diagnostics += reader.diagnostics
            return nil
        }
        return (reader, node, ContentHash.of(text))
    }

    func yamlFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter(isYAML).sorted()
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
    func vocabulary() -> TypoCorrector.Vocabulary {
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
            // A compile error's offset is into the expanded text, so point at the pattern's start then.
            let site = PatternSite(
                source: source, location: reader.location(node),
                columns: source == written ? reader.columns(of: node) : nil, owner: owner)
            PatternChecks.controlCharacter(in: site, style: node.scalar?.style).map { reader.error(at: $0.0, $0.1) }
            patternSites.append(site)
            return source
        }
    }

    func checkIdentifier(_ id: String, node: Node?, reader: inout YAMLReader) {
        if !Identifier.isValid(id) { reader.error(at: node, Identifier.problem(id)) }
    }

    // MARK: Questions

    mutating func loadQuestions() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        let libraries = [BankLoader.conceptsFolder, BankLoader.misconceptionsFolder]
        for name in names.sorted() where !libraries.contains(name) && !name.hasPrefix(".") {
            let url = root.appendingPathComponent(name)
            guard isFolder(url) else {
                if isYAML(name), ![BankLoader.bankFile, SynonymTable.fileName].contains(name) {
                    misplaced(url, "is at the bank's root, where only bank.yaml and synonyms.yaml are read")
                }
                continue
            }
            let files = yamlFiles(in: url)
            reportSubfolders(of: url)
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

    func isFolder(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    func isYAML(_ name: String) -> Bool { name.hasSuffix(".yaml") || name.hasSuffix(".yml") }

    /// A question file the bank would never read: an error, or the coach thinks it is served.
    mutating func misplaced(_ url: URL, _ reason: String, into domain: String? = nil) {
        let folder = domain ?? domains.first?.id ?? "<domain>"
        diagnostics.append(
            Diagnostic(
                .error, at: SourceLocation(file: displayPath(url)),
                "'\(relativePath(url))' \(reason); move a question file into its domain's folder, e.g. \(folder)/\(url.lastPathComponent)"
            ))
    }

    /// YAML files in folders below a domain folder, at any depth.
    mutating func reportSubfolders(of folder: URL, domain: String? = nil) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            guard isFolder(url) else { continue }
            for file in yamlFiles(in: url) {
                misplaced(
                    file, "is in a subfolder of '\(domain ?? folder.lastPathComponent)', which the bank does not read",
                    into: domain ?? folder.lastPathComponent)
            }
            reportSubfolders(of: url, domain: domain ?? folder.lastPathComponent)
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
        Placeholders.report(in: node, of: what, reader: &reader)
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
        question.sampleAnswerLocation = map.first { $0.key.scalar?.string == "sample_answer" }.map {
            reader.location($0.key)
        }
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
        question.rubric.misconceptions = parseMisconceptions(
            map, what: what, conceptIDs: Set(question.rubric.concepts.map(\.id)), reader: &reader)
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
        reader.error(
            at: map[text: "scoring"], "'scoring' of \(what) is '\(text)'; use calibrated (the default), linear or sqrt")
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
                usedConcepts.insert(ref)
                let owner = "concept '\(ref)' of \(what)"
                concept.patterns = excluding(entry, from: shared, owner: owner, reader: &reader)
                concept.patterns += readPatterns(entry, key: "patterns", owner: owner, reader: &reader)
                if concept.patterns.isEmpty {
                    reader.error(
                        at: entry[text: "exclude_patterns"] ?? item,
                        "\(owner) excludes every pattern of the shared concept; keep one or add 'patterns:'")
                }
                if let label = reader.string(entry, "label", in: owner) { concept.label = label }
                if let why = reader.string(entry, "why", in: owner) { concept.why = why }
                if let followUp = reader.string(entry, "follow_up", in: owner) { concept.followUp = followUp }
                if let typos = reader.bool(entry, "typos", in: owner) { concept.typos = typos }
            } else {
                guard let inline = parseConcept(item, reader: &reader, inQuestion: question) else { continue }
                concept = inline
                if let shared = conceptLocations[inline.id] {
                    reader.warning(
                        at: entry[text: "id"],
                        "concept '\(inline.id)' of \(what) has the id of the shared concept defined at \(shared), so the two can drift apart; use '- ref: \(inline.id)' (adding patterns there) or rename this one"
                    )
                }
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

    /// The shared concept's patterns without those the question's `exclude_patterns` drops, each of
    /// which must be one of them as written in concepts/.
    func excluding(_ entry: Node.Mapping, from shared: Concept, owner: String, reader: inout YAMLReader) -> [String] {
        var patterns = shared.patterns
        for (written, node) in reader.strings(entry, "exclude_patterns", in: owner) {
            let source = synonyms.expand(written).0
            guard let index = patterns.firstIndex(of: source) else {
                let hint = closestMatch(to: source, in: shared.patterns).map { "did you mean '\($0)'? " } ?? ""
                reader.error(
                    at: node,
                    "\(owner) excludes pattern '\(written)', which the shared concept does not have; \(hint)copy it exactly from concepts/"
                )
                continue
            }
            patterns.remove(at: index)
        }
        return patterns
    }

    /// A shared concept no question refers to: dead weight, or a question that forgot its `ref`.
    mutating func reportUnusedConcepts() {
        for (id, location) in conceptLocations.sorted(by: { $0.value < $1.value }) where !usedConcepts.contains(id) {
            diagnostics.append(
                Diagnostic(
                    .warning, at: location,
                    "shared concept '\(id)' is used by no question; add '- ref: \(id)' where it belongs, or delete it"))
        }
    }

    // MARK: misconceptions/

    mutating func loadSharedMisconceptions() {
        for url in yamlFiles(in: root.appendingPathComponent(BankLoader.misconceptionsFolder)) {
            guard case (var reader, let node, _)? = read(url) else { continue }
            if let top = reader.mapping(node, "a misconceptions file") {
                reader.rejectUnknownKeys(top, allowed: RubricKeys.misconceptionsFile, in: "a misconceptions file")
                for item in reader.sequence(top[text: "misconceptions"], "'misconceptions'") {
                    guard let entry = reader.mapping(item, "a misconception") else { continue }
                    guard let misconception = parseMisconception(entry, item: item, question: nil, reader: &reader)
                    else { continue }
                    if let previous = misconceptionLocations[misconception.id] {
                        reader.error(
                            at: item,
                            "misconception '\(misconception.id)' is already defined at \(previous); rename one")
                        continue
                    }
                    misconceptions[misconception.id] = misconception
                    misconceptionLocations[misconception.id] = reader.location(item)
                }
            }
            diagnostics += reader.diagnostics
        }
    }

    /// A misconception defined in place (`question` is "question 'its-id'") or in misconceptions/ (nil).
    mutating func parseMisconception(
        _ entry: Node.Mapping, item: Node, question: String?, reader: inout YAMLReader
    ) -> Misconception? {
        let place = question.map { " of \($0)" } ?? ""
        reader.rejectUnknownKeys(entry, allowed: RubricKeys.misconception, in: "a misconception\(place)")
        guard let id = reader.string(entry, "id", in: "a misconception\(place)", required: true) else { return nil }
        checkIdentifier(id, node: entry[text: "id"], reader: &reader)
        let owner = "misconception '\(id)'\(place)"
        let patterns =
            readPatterns(entry, key: "pattern", owner: owner, reader: &reader)
            + readPatterns(entry, key: "patterns", owner: owner, reader: &reader)
        if patterns.isEmpty { reader.error(at: item, "\(owner) has no pattern; add 'pattern:'") }
        let penalty = readPenalty(entry, owner: owner, reader: &reader) ?? 1
        return Misconception(
            id: id, label: reader.string(entry, "label", in: owner) ?? id, patterns: patterns, penalty: penalty,
            why: reader.string(entry, "why", in: owner, required: true) ?? "",
            contradicts: reader.strings(entry, "contradicts", in: owner).map(\.0), location: reader.location(item))
    }

    func readPenalty(_ entry: Node.Mapping, owner: String, reader: inout YAMLReader) -> Double? {
        guard let penalty = reader.number(entry, "penalty", in: owner) else { return nil }
        if penalty <= 0 {
            reader.error(
                at: entry[text: "penalty"], "\(owner) has penalty \(penalty.formatted); a penalty must be positive")
        }
        return penalty
    }

    mutating func parseMisconceptions(
        _ map: Node.Mapping, what: String, conceptIDs: Set<String>, reader: inout YAMLReader
    ) -> [Misconception] {
        var result: [Misconception] = []
        for item in reader.sequence(map[text: "misconceptions"], "'misconceptions' of \(what)") {
            guard let entry = reader.mapping(item, "a misconception of \(what)") else { continue }
            let misconception: Misconception
            if let ref = reader.string(entry, "ref", in: "a misconception of \(what)") {
                guard let shared = referencedMisconception(ref, entry: entry, what: what, reader: &reader) else {
                    continue
                }
                // A shared claim may contradict concepts this question does not use.
                misconception = shared.contradicting(only: conceptIDs)
            } else {
                guard let inline = parseMisconception(entry, item: item, question: what, reader: &reader) else {
                    continue
                }
                for id in inline.contradicts where !conceptIDs.contains(id) {
                    let hint = closestMatch(to: id, in: conceptIDs).map { "did you mean '\($0)'? " } ?? ""
                    reader.error(
                        at: entry[text: "contradicts"],
                        "misconception '\(inline.id)' of \(what) contradicts concept '\(id)', which the question does not use; \(hint)fix the id"
                    )
                }
                misconception = inline
            }
            if result.contains(where: { $0.id == misconception.id }) {
                reader.error(at: item, "misconception '\(misconception.id)' appears twice in \(what); keep one")
                continue
            }
            result.append(misconception)
        }
        return result
    }

    mutating func referencedMisconception(
        _ ref: String, entry: Node.Mapping, what: String, reader: inout YAMLReader
    ) -> Misconception? {
        let owner = "misconception '\(ref)' of \(what)"
        reader.rejectUnknownKeys(entry, allowed: RubricKeys.misconceptionReference, in: owner)
        guard var shared = misconceptions[ref] else {
            let hint = closestMatch(to: ref, in: misconceptions.keys).map { "did you mean '\($0)'? " } ?? ""
            reader.error(
                at: entry[text: "ref"],
                "\(what) refers to misconception '\(ref)', which no file in misconceptions/ defines; \(hint)define it or fix the ref"
            )
            return nil
        }
        shared.patterns += readPatterns(entry, key: "patterns", owner: owner, reader: &reader)
        if let label = reader.string(entry, "label", in: owner) { shared.label = label }
        if let why = reader.string(entry, "why", in: owner) { shared.why = why }
        if let penalty = readPenalty(entry, owner: owner, reader: &reader) { shared.penalty = penalty }
        if entry[text: "contradicts"] != nil {
            shared.contradicts = reader.strings(entry, "contradicts", in: owner).map(\.0)
        }
        return shared
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
        if correct == 0 {
            reader.error(
                at: map[text: "options"] ?? .mapping(map),
                "\(what) has 0 correct options; mark exactly one with 'correct: true'")
        }
        // Each correct option after the first, at its own 'correct:', where the fix is.
        let items = reader.sequence(map[text: "options"], "'options' of \(what)").compactMap(\.mapping)
        let correctNodes = items.filter { $0[text: "correct"]?.string?.lowercased() == "true" }.map {
            $0[text: "correct"]
        }
        for node in correctNodes.dropFirst() {
            reader.error(
                at: node,
                "\(what) has \(correct) correct options; mark exactly one with 'correct: true' (the first is at \(reader.location(correctNodes[0])))"
            )
        }
        let letters = options.map(\.letter)
        if Set(letters).count != letters.count {
            reader.error(at: map[text: "options"], "\(what) repeats an option letter; letters must be unique")
        }
        return options
    }

    func parseExamples(_ map: Node.Mapping, question: Question, reader: inout YAMLReader) -> [RubricExample] {
        let what = "question '\(question.id)'"
        return reader.sequence(map[text: "examples"], "'examples' of \(what)").enumerated().compactMap { index, item in
            let owner = "example \(index + 1) of \(what)"
            guard let entry = reader.mapping(item, owner) else { return nil }
            reader.rejectUnknownKeys(entry, allowed: RubricKeys.example, in: owner)
            guard let levelText = reader.string(entry, "level", in: owner, required: true) else { return nil }
            guard let level = RubricExample.Level(rawValue: levelText) else {
                let levels = RubricExample.Level.allCases.map(\.rawValue).joined(separator: ", ")
                reader.error(at: entry[text: "level"], "'level' of \(owner) is '\(levelText)'; use one of: \(levels)")
                return nil
            }
            guard let answer = reader.string(entry, "answer", in: owner, required: true) else { return nil }
            let letters = question.options.map(\.letter)
            // A lone letter that is no option is a typo; "I don't know" chooses nothing on purpose.
            let words = answer.split { !$0.isLetter }
            if question.kind == .multipleChoice, !letters.isEmpty, words.count == 1, words[0].count == 1,
                ChoiceParser.letter(in: answer, among: letters) == nil
            {
                reader.error(
                    at: entry[text: "answer"],
                    "\(owner) answers '\(answer)', which is not an option; use one of \(question.options.map(\.letter).joined(separator: ", "))"
                )
            }
            var example = RubricExample(
                level: level, answer: answer, minScore: RubricExample.defaultRange(for: level).lowerBound,
                maxScore: RubricExample.defaultRange(for: level).upperBound,
                blind: reader.bool(entry, "blind", in: owner) ?? false, location: reader.location(item))
            if example.blind, level != .strong {
                reader.error(
                    at: entry[text: "blind"], "\(owner) is \(level.rawValue); only a strong example is marked blind")
            }
            if let expectNode = entry[text: "expect"], let expect = reader.mapping(expectNode, "'expect' of \(owner)") {
                reader.rejectUnknownKeys(expect, allowed: RubricKeys.expectation, in: "'expect' of \(owner)")
                let range = ExampleRange.read(expect, level: level, owner: owner, reader: &reader)
                example.minScore = range.lowerBound
                example.maxScore = range.upperBound
                example.missing = reader.strings(expect, "missing", in: "'expect'").map(\.0)
                example.matched = reader.strings(expect, "matched", in: "'expect'").map(\.0)
                example.misconceptions = reader.strings(expect, "misconceptions", in: "'expect'").map(\.0)
                for id in example.misconceptions where !question.rubric.misconceptions.contains(where: { $0.id == id })
                {
                    reader.error(at: expectNode, "\(owner) expects misconception '\(id)', which \(what) does not list")
                }
                if level.isAdversarial, example.maxScore > RubricExample.adversarialMaximum {
                    reader.error(
                        at: expectNode,
                        "\(owner) is \(level.rawValue) with max_score \(example.maxScore); a \(level.rawValue) answer may score \(RubricExample.adversarialMaximum) at most"
                    )
                }
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
    mutating func compilePatterns(limits: MatchLimits, probeCache: ProbeCache) -> PatternLibrary {
        var compiled: [String: Pattern] = [:]
        var failed: [String: PCRE2Error] = [:]
        var blowUps: [String: BacktrackingProbe.Input?] = [:]
        let matcher = Matcher(limits: limits)
        let probe = BacktrackingProbe(matcher: matcher)
        let knownSafe = probeCache.load()
        var safe: Set<String> = []
        defer { if !safe.isSubset(of: knownSafe) { probeCache.save(knownSafe.union(safe)) } }
        for site in patternSites {
            if compiled[site.source] == nil, failed[site.source] == nil {
                do { compiled[site.source] = try Pattern(site.source) } catch { failed[site.source] = error }
            }
            if let pattern = compiled[site.source], blowUps[site.source] == nil {
                let fingerprint = ProbeCache.fingerprint(of: site.source, limits: limits)
                let input = knownSafe.contains(fingerprint) ? nil : probe.firstBlowUp(of: pattern)
                if input == nil { safe.insert(fingerprint) }
                blowUps[site.source] = .some(input)
            }
            if case let input?? = blowUps[site.source] {
                // Refused here, so no command that loads the bank can grade a candidate with it.
                diagnostics.append(Diagnostic(.error, at: site.location, PatternChecks.backtracking(site, on: input)))
                continue
            }
            if case let .invalidPattern(_, offset, message)? = failed[site.source] {
                diagnostics.append(
                    Diagnostic(
                        .error, at: site.location(ofByte: offset),
                        "invalid pattern '\(site.source)' in \(site.owner) at offset \(offset): \(message)"))
            } else if let pattern = compiled[site.source], (try? pattern.matchesEmptyString(using: matcher)) ?? false {
                diagnostics.append(
                    Diagnostic(
                        .error, at: site.location,
                        "pattern '\(site.source)' in \(site.owner) matches the empty string, so it would fire on every answer; require at least one word"
                    ))
            }
        }
        // Set aside, so even the partial bank lint grades with never runs one.
        return PatternLibrary(compiled.filter { blowUps[$0.key].map { $0 == nil } ?? true })
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
