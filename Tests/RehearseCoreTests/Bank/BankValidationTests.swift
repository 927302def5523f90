import Foundation
import PCRE2
import Testing

@testable import RehearseCore

/// Mistakes the loader used to let through or place wrongly: each is an error (or a warning) where
/// the coach made it, and no command that loads the bank sees the mistake.
@Suite("Validating the bank where it is written")
struct BankValidationTests {
    func diagnostics(_ path: String, _ contents: String) throws -> [Diagnostic] {
        try FixtureBank(files: [path: contents]).diagnostics()
    }

    func onlyError(_ path: String, _ contents: String) throws -> Diagnostic {
        let errors = try diagnostics(path, contents).errors
        #expect(errors.count == 1, "\(errors)")
        return try #require(errors.first)
    }

    static let weakExpect = "    expect: {missing: [drift-detection, retrain]}"

    @Test("An example range no score can land in is an error at its bound, and the bank does not load")
    func impossibleRanges() throws {
        let above = FixtureBank.driftYAML.replacingOccurrences(
            of: Self.weakExpect, with: "    expect: {min_score: 50, missing: [drift-detection, retrain]}")
        let error = try onlyError("monitoring/drift.yaml", above)
        #expect(error.location.line == 29)
        #expect(error.location.column == 25)
        #expect(
            error.message
                == "example 3 of question 'drift' expects min_score 50, above 40, the top of a weak example's range (0–40); lower it, set max_score too, or change the level"
        )
        let swapped = FixtureBank.driftYAML.replacingOccurrences(
            of: Self.weakExpect, with: "    expect: {min_score: 90, max_score: 10, missing: [drift-detection, retrain]}"
        )
        #expect(try onlyError("monitoring/drift.yaml", swapped).message.contains("min_score 90 above its max_score 10"))
        let outside = FixtureBank.driftYAML.replacingOccurrences(
            of: Self.weakExpect, with: "    expect: {max_score: 140, missing: [drift-detection, retrain]}")
        #expect(try onlyError("monitoring/drift.yaml", outside).message.contains("is 140; a score is 0 to 100"))
        #expect(throws: BankError.self) { try FixtureBank(files: ["monitoring/drift.yaml": swapped]).load() }
    }

    @Test("rubric test grades an example built in code with an impossible range instead of trapping")
    func impossibleRangeInCode() throws {
        var question = try FixtureBank().load().question(id: "drift")
        question.examples = [
            RubricExample(level: .weak, answer: "Nothing.", minScore: 90, maxScore: 10, location: question.source)
        ]
        let bank = try FixtureBank().load()
        let report = RubricTestRunner(grader: Grader(bank: bank)).run([question])
        #expect(report.failed >= 1)
    }

    @Test("A pattern that backtracks catastrophically is set aside by the loader: reported, and never run")
    func catastrophicPatternSetAside() throws {
        let yaml = FixtureBank.driftYAML.replacingOccurrences(
            of: #"pattern: '\broll(ing)?[- ]?back\b.{0,40}\b(fix|cure)\w*'"#, with: "pattern: '(a+)+$'")
        let fixture = try FixtureBank(files: ["monitoring/drift.yaml": yaml])
        let loaded = try BankLoader().loadReportingAll(from: fixture.root)
        let error = try #require(loaded.setAside.first)
        #expect(loaded.setAside.count == 1)
        #expect(
            error.message.contains(
                "pattern '(a+)+$' in misconception 'rollback-cures-drift' of question 'drift' hits PCRE2's match limit")
        )
        #expect(error.location.line == 18)
        let bank = try #require(loaded.bank)
        #expect(bank.patterns["(a+)+$"] == nil)
        #expect(throws: GradingError.self) {
            try Grader(bank: bank).grade("Rolling back fixes it.", for: bank.question(id: "drift"))
        }
        #expect(try fixture.lintErrors().contains(error))
    }

    @Test(
        "The probe cache, in a file or in memory, remembers only patterns found safe, and a remembered pattern is not probed again",
        arguments: [false, true])
    func probeCache(inMemory: Bool) throws {
        let yaml = FixtureBank.driftYAML.replacingOccurrences(
            of: #"pattern: '\broll(ing)?[- ]?back\b.{0,40}\b(fix|cure)\w*'"#, with: "pattern: '(a+)+$'")
        let fixture = try FixtureBank(files: ["monitoring/drift.yaml": yaml])
        let file = fixture.root.deletingLastPathComponent().appendingPathComponent("cache/safe")
        let cache = inMemory ? ProbeCache.inMemory() : ProbeCache(file: file)
        let loader = BankLoader(probeCache: cache)
        #expect(try !loader.loadReportingAll(from: fixture.root).setAside.isEmpty)
        let remembered = cache.load()
        #expect(remembered.contains(ProbeCache.fingerprint(of: #"\bre-?train\w*"#, limits: .default)))
        #expect(!remembered.contains(ProbeCache.fingerprint(of: "(a+)+$", limits: .default)))
        // Still set aside on the next load, from the cache.
        #expect(try !loader.loadReportingAll(from: fixture.root).setAside.isEmpty)
        // A fingerprint in the cache skips the probe: the cache is what makes start-up cheap.
        cache.save(remembered.union([ProbeCache.fingerprint(of: "(a+)+$", limits: .default)]))
        #expect(try loader.loadReportingAll(from: fixture.root).setAside.isEmpty)
    }

    @Test("The probe cache in memory stays bounded: past its capacity it starts again")
    func probeCacheInMemoryIsBounded() {
        let cache = ProbeCache.inMemory()
        let capacity = ProbeCache.Remembered.capacity
        cache.save(Set((0..<capacity).map(String.init)))
        #expect(cache.load().count == capacity)
        cache.save(Set((0...capacity).map(String.init)))
        #expect(cache.load().isEmpty)
    }

    @Test("An unclosed quote is reported where it opened, not where the file ran out")
    func unclosedQuote() throws {
        let yaml = FixtureBank.driftYAML.replacingOccurrences(
            of: "label: Retrains on recent data", with: "label: \"Retrains on recent data")
        let error = try onlyError("monitoring/drift.yaml", yaml)
        #expect(error.location.line == 11)
        #expect(error.location.column == 12)
        #expect(error.message.hasPrefix("invalid YAML: this quote is never closed"))
    }

    @Test("A byte that is not UTF-8 and a control character are reported at their line and column")
    func badBytes() throws {
        let fixture = try FixtureBank()
        var bytes = Array(FixtureBank.driftYAML.utf8)
        let prompt = Array("prompt: How do you".utf8)
        let start = try #require((0..<bytes.count).first { Array(bytes[$0..<($0 + prompt.count)]) == prompt })
        bytes.insert(0xFF, at: start + 8)
        try Data(bytes).write(to: fixture.root.appendingPathComponent("monitoring/drift.yaml"))
        let error = try #require(try fixture.diagnostics().errors.first)
        #expect(error.location.line == 3)
        #expect(error.location.column == 9)
        #expect(error.message == "byte 0xFF is not UTF-8; save the file as UTF-8")
        let control = FixtureBank.driftYAML.replacingOccurrences(of: "Retrains on", with: "Retrains é\u{7}on")
        let controlError = try onlyError("monitoring/drift.yaml", control)
        #expect(controlError.location.line == 11)
        #expect(controlError.location.column == 22)
        #expect(controlError.message.contains("control character U+0007 (bell)"))
    }

    @Test("The byte scan agrees with YAML's rule on every character it rejects")
    func disallowedCharacters() {
        for value: UInt32 in [0x00, 0x08, 0x1F, 0x7F, 0x80, 0x9F, 0xFFFE, 0xFFFF, 0x09, 0x0A, 0x85, 0xE9, 0x20AC] {
            let scalar = Unicode.Scalar(value)!
            let bytes = Array("ab".utf8) + Array(String(scalar).utf8)
            #expect((SourceText.firstDisallowedCharacter(in: bytes) == 2) == !SourceText.isAllowed(scalar), "\(value)")
        }
    }

    @Test("The sample answer's problems are reported at its key")
    func sampleAnswerLocation() throws {
        let report = try TemporaryBank(questions: [
            "drift": TemporaryBank.question.replacingOccurrences(of: "and retrain on recent data", with: "and act")
        ]).lint()
        let diagnostic = try #require(report.diagnostics.first { $0.message.contains("sample answer") })
        #expect(diagnostic.location.line == 4)
        #expect(diagnostic.location.column == 1)
    }

    @Test("A second correct option is reported at its own 'correct:'")
    func twoCorrectOptionsLocation() throws {
        let yaml = FixtureBank.choiceYAML.replacingOccurrences(
            of: "Shadow, correct: false", with: "Shadow, correct: true")
        let error = try onlyError("deployment/pick-strategy.yaml", yaml)
        #expect(error.location.line == 7)
        #expect(error.location.column == 40)
        #expect(error.message.contains("has 2 correct options"))
        #expect(error.message.contains("the first is at "))
    }

    @Test("An invalid pattern is placed at PCRE2's offset in characters, through quotes and escapes")
    func invalidPatternColumns() throws {
        // Double quotes: "\\" is two columns for one character; "é" is two bytes for one column.
        let yaml = FixtureBank.driftYAML.replacingOccurrences(
            of: #"patterns: ['\bre-?train\w*']"#, with: #"patterns: ["\\bré-?train(\\w*"]"#)
        let error = try onlyError("monitoring/drift.yaml", yaml)
        #expect(error.message.contains("at offset 16: missing closing parenthesis"))
        #expect(error.location.line == 13)
        // The closing quote: columns 16 ", then \\b (2+1), ré-?train( (10), \\w* (4).
        #expect(error.location.column == 16 + 1 + 3 + 10 + 4)
        let single = FixtureBank.driftYAML.replacingOccurrences(
            of: #"patterns: ['\bre-?train\w*']"#, with: #"patterns: ['it''s \bre-?train[a-']"#)
        let quoteError = try onlyError("monitoring/drift.yaml", single)
        // PCRE2 stops at the end, the closing quote: 'it''s \bre-?train[a-' has 19 bytes in 21 columns.
        #expect(quoteError.message.contains("at offset 19"))
        #expect(quoteError.location.column == 16 + 1 + 6 + 14)
    }

    @Test("A control character in a pattern is an error naming double quotes as the likely cause")
    func backspaceInPattern() throws {
        let yaml = FixtureBank.driftYAML.replacingOccurrences(
            of: #"patterns: ['\bre-?train\w*']"#, with: #"patterns: ["\bretrain"]"#)
        let error = try onlyError("monitoring/drift.yaml", yaml)
        #expect(error.location.line == 13)
        #expect(error.location.column == 17)
        #expect(error.message.contains("control character U+0008 (backspace)"))
        #expect(error.message.contains(#"in double quotes YAML reads \b as that character"#))
        #expect(error.message.contains("single quotes"))
    }

    @Test("A question file at the bank's root or in a subfolder of a domain is an error")
    func misplacedFiles() throws {
        let other = FixtureBank.driftYAML.replacingOccurrences(of: "id: drift", with: "id: other")
        let root = try onlyError("other.yaml", other)
        #expect(root.message.hasPrefix("'other.yaml' is at the bank's root"))
        let nested = try onlyError("monitoring/extra/other.yaml", other)
        #expect(
            nested.message
                == "'monitoring/extra/other.yaml' is in a subfolder of 'monitoring', which the bank does not read; move a question file into its domain's folder, e.g. monitoring/other.yaml"
        )
        #expect(nested.location.file.hasSuffix("Rubrics/monitoring/extra/other.yaml"))
    }

    @Test("A multiple-choice example whose letter is no option is an error; a non-answer is not")
    func choiceExampleLetter() throws {
        let yaml = FixtureBank.choiceYAML.replacingOccurrences(
            of: "{level: weak, answer: A}", with: "{level: weak, answer: E}")
        let error = try onlyError("deployment/pick-strategy.yaml", yaml)
        #expect(
            error.message
                == "example 2 of question 'pick-strategy' answers 'E', which is not an option; use one of A, B, C")
        let shrug = FixtureBank.choiceYAML.replacingOccurrences(
            of: "{level: weak, answer: A}", with: "{level: weak, answer: \"I am not sure\"}")
        #expect(try diagnostics("deployment/pick-strategy.yaml", shrug).errors.isEmpty)
    }

    @Test("rubric new's skeleton reports every placeholder until it is filled in, then loads")
    func placeholders() throws {
        for kind in QuestionKind.allCases {
            let skeleton = RubricScaffold(id: "fresh", domain: "monitoring", kind: kind).text()
            let errors = try diagnostics("monitoring/fresh.yaml", skeleton).errors
            let todoLines = skeleton.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .filter { !$0.element.hasPrefix("#") && $0.element.contains("TODO") }.map { $0.offset + 1 }
            #expect(!todoLines.isEmpty)
            #expect(errors.allSatisfy { $0.message.contains("still holds the placeholder TODO") }, "\(errors)")
            // A block scalar is reported at its indicator line, just above the text.
            #expect(Set(errors.map(\.location.line)).count == todoLines.count, "\(kind)")
            let filled = skeleton.replacingOccurrences(of: "TODO", with: "Filled in")
            #expect(try diagnostics("monitoring/fresh.yaml", filled).errors.isEmpty, "\(kind)")
        }
    }

    @Test("A ref can exclude a shared pattern; an exclusion the shared concept lacks is an error")
    func excludePatterns() throws {
        let yaml = FixtureBank.driftYAML.replacingOccurrences(
            of: "    required: true\n",
            with: "    required: true\n    exclude_patterns: ['\\b(monitor|compar)\\w*\\b.{0,40}\\bdistribution\\w*']\n"
        )
        let bank = try FixtureBank(files: ["monitoring/drift.yaml": yaml]).load()
        let concept = try bank.question(id: "drift").rubric.concepts[0].concept
        #expect(concept.patterns == [#"\bdrift\w*\b.{0,30}\bdetect\w*"#])
        #expect(bank.concepts["drift-detection"]?.patterns.count == 2)
        let typo = yaml.replacingOccurrences(of: "{0,40}", with: "{0,50}")
        let error = try onlyError("monitoring/drift.yaml", typo)
        #expect(error.message.contains("excludes pattern"))
        #expect(error.message.contains(#"did you mean '\b(monitor|compar)\w*\b.{0,40}\bdistribution\w*'?"#))
    }

    @Test("Unused shared concepts and question concepts that shadow a shared id are warnings")
    func conceptWarnings() throws {
        let warnings = try FixtureBank().diagnostics().filter { $0.severity == .warning }
        #expect(
            warnings.map(\.message) == [
                "shared concept 'rollback' is used by no question; add '- ref: rollback' where it belongs, or delete it"
            ])
        #expect(warnings.first?.location.line == 9)
        let shadow = FixtureBank.driftYAML.replacingOccurrences(of: "  - id: retrain", with: "  - id: rollback")
            .replacingOccurrences(of: "[drift-detection, retrain]", with: "[drift-detection, rollback]")
        let shadowing = try diagnostics("monitoring/drift.yaml", shadow).filter {
            $0.message.contains("has the id of the shared concept")
        }
        #expect(shadowing.map(\.severity) == [.warning])
        #expect(shadowing.first?.location.line == 10)
    }

    @Test("The bank's fingerprint does not depend on how its folder was spelled")
    func fingerprintIsRelative() throws {
        let fixture = try FixtureBank()
        let absolute = try BankLoader().load(from: fixture.root).contentHash
        let parent = fixture.root.deletingLastPathComponent()
        let spelled = URL(fileURLWithPath: parent.path + "/./Rubrics/../Rubrics")
        #expect(try BankLoader().load(from: spelled).contentHash == absolute)
        let relative = URL(fileURLWithPath: "Rubrics", relativeTo: parent)
        #expect(try BankLoader().load(from: relative).contentHash == absolute)
    }
}
