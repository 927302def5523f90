import Foundation

/// Why `rehearse rubric new` wrote nothing.
public enum ScaffoldError: Error, Equatable, Sendable {
    case invalidID(String)
    case unknownDomain(id: String, known: [String])
    case fileExists(path: String)
    case idInUse(id: String, file: String)
    case cannotWrite(path: String, reason: String)
}

extension ScaffoldError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case let .invalidID(id):
            return
                "'\(id)' is not a valid question id; use lower-case letters, digits and '-', e.g. 'feature-store-basics'."
        case let .unknownDomain(id, known):
            let hint = suggestion(for: id, in: known).map { " Did you mean '\($0)'?" } ?? ""
            return
                "no domain '\(id)' in bank.yaml.\(hint) Use one of \(known.joined(separator: ", ")), or add the domain "
                + "to bank.yaml first."
        case let .fileExists(path):
            return "'\(path)' already exists; rubric new never overwrites. Edit that file, or pick another id."
        case let .idInUse(id, file):
            return "question id '\(id)' is already used by '\(file)'; ids must be unique across the bank."
        case let .cannotWrite(path, reason):
            return "cannot write '\(path)': \(reason). Check that the folder is writable."
        }
    }
}

/// `rehearse rubric new`: a commented skeleton question file whose only errors are its placeholders
/// (`Placeholders`): with every TODO replaced it passes lint and `rubric test`, and until then the bank
/// refuses to load, so a skeleton is never served to a candidate.
public struct RubricScaffold: Sendable {
    public var id: String
    public var domain: String
    public var kind: QuestionKind

    public init(id: String, domain: String, kind: QuestionKind) {
        self.id = id
        self.domain = domain
        self.kind = kind
    }

    /// Writes Rubrics/<domain>/<id>.yaml under `root` and returns its path.
    public func create(in root: URL) throws -> String {
        guard Self.isValidID(id) else { throw ScaffoldError.invalidID(id) }
        let loaded = try BankLoader().loadReportingAll(from: root)
        guard loaded.partial.domain(id: domain) != nil else {
            throw ScaffoldError.unknownDomain(id: domain, known: loaded.partial.domains.map(\.id))
        }
        let folder = root.appendingPathComponent(domain)
        let file = folder.appendingPathComponent("\(id).yaml")
        let path = (root.relativePath as NSString).appendingPathComponent("\(domain)/\(id).yaml")
        guard !FileManager.default.fileExists(atPath: file.path) else { throw ScaffoldError.fileExists(path: path) }
        if let existing = loaded.partial.questions.first(where: { $0.id == id }) {
            throw ScaffoldError.idInUse(id: id, file: existing.source.file)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text().utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            throw ScaffoldError.cannotWrite(path: path, reason: error.localizedDescription)
        }
        return path
    }

    /// What to do after `create`: printed by the command.
    public func nextSteps(for path: String) -> String {
        """
        Created \(path)
        Next:
          1. Replace every TODO: the prompt, the sample answer, the concepts and their patterns, the examples.
             Until then lint reports each one and the bank does not load, so no candidate sees the skeleton.
          2. rehearse rubric lint \(path)
          3. rehearse rubric test \(path)
          4. echo "an answer" | rehearse rubric explain --question \(id)

        """
    }

    static func isValidID(_ id: String) -> Bool { Identifier.isValid(id) }

    public func text() -> String {
        header + "\n" + (kind == .multipleChoice ? choiceBody : openBody)
    }

    /// The first line of a question file under Rubrics/DOMAIN/: editors that read it check the file
    /// against the schema as it is typed.
    public static let schemaLine = "# yaml-language-server: $schema=../schema/rubric.schema.json"

    private var header: String {
        """
        \(Self.schemaLine)
        # A new \(kind.rawValue) question. Replace every TODO, one at a time, and keep it green:
        #   rehearse rubric lint Rubrics/\(domain)/\(id).yaml
        #   rehearse rubric test Rubrics/\(domain)/\(id).yaml
        # The format and the scoring rule are in Rubrics/README.md.
        id: \(id)
        domain: \(domain)
        kind: \(kind.rawValue)
        prompt: >-
          TODO: the question, as an interviewer would ask it.
        """
    }

    private var openBody: String {
        let shared =
            kind == .behavioural
            ? "star-situation, star-task, star-action, star-result and lesson-learned (concepts/behavioural.yaml)"
            : "the ones in concepts/"
        let starSkeleton =
            kind == .behavioural
            ? """
              - level: star-skeleton          # the shape of a story with no content: 0-30
                answer: TODO a story with a situation, an action and a result, and nothing in them.
            """ : ""
        return #"""
            time_limit: 3m                  # 90s, 3m or 2m30s; shown in feedback, never enforced
            hint: "TODO: a nudge shown on :hint, or delete this line."
            sample_answer: |
              TODO: a strong answer in your own words. It covers the first idea and the second idea.
              It must score at least 80 on this rubric.
            concepts:
              # Reuse a shared concept with '- ref: <id>', e.g. \#(shared),
              # or define one in place as below. Weight is its share of the score; a required concept is
              # always flagged when missing, so give it at least the weight of every optional one.
              - id: first-idea
                label: "TODO: states the first idea"
                weight: 2
                required: true
                patterns:                     # PCRE2, caseless; the first pattern that fires earns it
                  - '\bfirst idea\b'
                why: "TODO: why an answer without the first idea falls short."
                follow_up: "TODO: the question an interviewer asks when it is missing."
              - id: second-idea
                label: "TODO: states the second idea"
                weight: 1
                patterns:
                  - '\bsecond idea\b'
                why: "TODO: why the second idea matters."
            misconceptions:                   # wrong claims: each costs its penalty and cancels what it contradicts
              - id: wrong-idea                # shared ones live in misconceptions/: '- ref: <id>'
                label: "TODO: believes the wrong idea"
                pattern: '\bwrong idea\b'
                penalty: 2
                contradicts: [first-idea]
                why: "TODO: why the wrong idea is wrong."
              - id: other-wrong-idea
                label: "TODO: believes the other wrong idea"
                pattern: '\bother wrong claim\b'
                penalty: 1
                why: "TODO: why it is wrong."
            examples:                         # the rubric's own tests, run by 'rehearse rubric test'
              - level: strong                 # scores 80-100; write each in other words than the sample answer
                answer: |
                  TODO: a strong answer as a candidate would say it, with the first idea and the second idea.
              - level: strong
                answer: |
                  TODO: another strong answer, worded differently, that has the first idea and then the second idea.
              - level: strong                 # written from the prompt alone by someone who never saw this rubric
                blind: true
                answer: |
                  TODO: a third strong answer, in a third way, that explains the first idea and the second idea.
              - level: partial                # scores 41-79
                answer: TODO an answer with only the first idea.
                expect: {missing: [second-idea]}
              - level: weak                   # scores 0-40 and names what it misses
                answer: TODO an answer with neither.
                expect: {missing: [first-idea, second-idea]}
              - level: wrong                  # confident, the right terms, a wrong core claim: 0-30
                answer: TODO a confident answer built on the wrong idea, with the first idea and the second idea. And the other wrong claim.
                expect: {misconceptions: [wrong-idea, other-wrong-idea]}
              - level: negated                # names the practices and turns them down: 0-30
                answer: TODO an answer that says the first idea is unnecessary and would skip the second idea.
              - level: buzzword               # the right words, nothing concrete: 0-30
                answer: TODO fluent prose where the first idea and the second idea are really important.
            \#(starSkeleton)
            """#
    }

    private var choiceBody: String {
        """
        time_limit: 90s
        options:                          # exactly one is correct; every 'why' is shown after answering
          - letter: A
            text: "TODO: a plausible wrong option."
            correct: false
            why: "TODO: why A is wrong."
          - letter: B
            text: "TODO: the right option."
            correct: true
            why: "TODO: why B is right."
          - letter: C
            text: "TODO: another plausible wrong option."
            correct: false
            why: "TODO: why C is wrong."
        examples:                         # graded exactly: 100 for the right letter, 0 otherwise
          - level: strong
            answer: B
          - level: weak
            answer: A

        """
    }
}
