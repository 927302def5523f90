import Foundation
import Testing

@testable import RehearseCore

@Suite("The bank cache")
struct BankCacheTests {
    /// A fixture bank and an empty cache folder beside it.
    final class CachedFixture {
        let bank: FixtureBank
        let cache: BankCache

        init() throws {
            bank = try FixtureBank()
            cache = BankCache(folder: bank.root.deletingLastPathComponent().appendingPathComponent("cache"))
        }

        func load() throws -> BankLoader.Result { try BankLoader(cache: cache).loadReportingAll(from: bank.root) }

        var cached: BankLoader.Result? { cache.cachedResult(for: bank.root) }
    }

    @Test("A load writes the cache, and the next load reads the same bank from it")
    func warmLoadEqualsFullLoad() throws {
        let fixture = try CachedFixture()
        #expect(fixture.cached == nil)
        let first = try fixture.load()
        let cached = try #require(fixture.cached)
        let full = try BankLoader().loadReportingAll(from: fixture.bank.root)
        let bank = try #require(cached.bank), fullBank = try #require(full.bank)
        #expect(bank.questions == fullBank.questions)
        #expect(bank.concepts == fullBank.concepts)
        #expect(bank.domains == fullBank.domains)
        #expect(bank.contentHash == fullBank.contentHash)
        #expect(bank.synonyms == fullBank.synonyms)
        #expect(cached.diagnostics == full.diagnostics)
        #expect(cached.patternSites == full.patternSites)
        #expect(bank.patterns.sources == fullBank.patterns.sources)
        #expect(try fixture.load().bank?.questions == first.bank?.questions)
    }

    @Test("Patterns read from the cache compile on first use and grade as a full load does")
    func cachedPatternsGrade() throws {
        let fixture = try CachedFixture()
        _ = try fixture.load()
        let bank = try #require(fixture.cached?.bank)
        let full = try fixture.bank.load()
        let answer = "We compare the live feature distributions with training and retrain weekly."
        let question = try full.question(id: "drift")
        #expect(try Grader(bank: bank).grade(answer, for: question) == Grader(bank: full).grade(answer, for: question))
    }

    /// Edits that must each invalidate the cache: a changed byte in every kind of file, a new file, a
    /// removed file, a renamed one.
    static let edits: [(String, @Sendable (FixtureBank) throws -> Void)] = [
        ("a question", { try $0.write("monitoring/drift.yaml", FixtureBank.driftYAML + "\nhint: Think.\n") }),
        (
            "a shared concept",
            {
                try $0.write(
                    "concepts/core.yaml",
                    FixtureBank.conceptsYAML.replacingOccurrences(of: "Detects drift", with: "Spots drift"))
            }
        ),
        ("bank.yaml", { try $0.write("bank.yaml", FixtureBank.bankYAML.replacingOccurrences(of: "60", with: "61")) }),
        ("a new synonyms.yaml", { try $0.write("synonyms.yaml", "synonyms:\n  ship: [ship, release]\n") }),
        (
            "a new question",
            {
                try $0.write(
                    "monitoring/drift-two.yaml",
                    FixtureBank.driftYAML.replacingOccurrences(of: "id: drift\n", with: "id: drift-two\n"))
            }
        ),
        (
            "a removed question",
            { try FileManager.default.removeItem(atPath: $0.path("deployment/pick-strategy.yaml")) }
        ),
        (
            "a renamed question file",
            {
                try FileManager.default.moveItem(
                    atPath: $0.path("deployment/pick-strategy.yaml"), toPath: $0.path("deployment/pick.yaml"))
            }
        ),
    ]

    @Test("Any edit of the rubric files invalidates the cache", arguments: 0..<edits.count)
    func editInvalidates(edit: Int) throws {
        let fixture = try CachedFixture()
        _ = try fixture.load()
        #expect(fixture.cached != nil)
        try Self.edits[edit].1(fixture.bank)
        #expect(fixture.cached == nil, "after editing \(Self.edits[edit].0)")
        let reloaded = try fixture.load()
        let full = try BankLoader().loadReportingAll(from: fixture.bank.root)
        #expect(reloaded.bank?.questions == full.bank?.questions)
        #expect(reloaded.bank?.concepts == full.bank?.concepts)
        #expect(reloaded.bank?.domains == full.bank?.domains)
        #expect(reloaded.diagnostics == full.diagnostics)
        #expect(fixture.cached?.bank?.contentHash == full.bank?.contentHash)
    }

    /// Ways a cache file can be damaged: each must be ignored, and the next load rewrites it.
    static let damages: [(String, @Sendable (Data) -> Data)] = [
        ("emptied", { _ in Data() }),
        ("cut in half", { $0.prefix($0.count / 2) }),
        (
            "one byte of the bank changed",
            { data in
                var copy = data; copy[copy.count - 10] ^= 0x01; return copy
            }
        ),
        ("not a cache at all", { _ in Data("{\"domains\": []}".utf8) }),
        (
            "from another cache format",
            { data in
                Data(
                    String(decoding: data, as: UTF8.self).replacingOccurrences(
                        of: "\(BankCache.magic) \(BankCache.formatVersion)\n",
                        with: "\(BankCache.magic) \(BankCache.formatVersion + 1)\n"
                    ).utf8)
            }
        ),
    ]

    @Test("A damaged cache is ignored and rebuilt", arguments: 0..<damages.count)
    func damagedCacheIgnored(damage: Int) throws {
        let fixture = try CachedFixture()
        let expected = try fixture.load()
        let file = fixture.cache.fileURL(for: fixture.bank.root)
        try Self.damages[damage].1(try Data(contentsOf: file)).write(to: file)
        #expect(fixture.cached == nil, "a cache \(Self.damages[damage].0)")
        let reloaded = try fixture.load()
        #expect(reloaded.bank?.questions == expected.bank?.questions)
        #expect(reloaded.diagnostics == expected.diagnostics)
        #expect(fixture.cached?.bank?.questions == expected.bank?.questions)
    }

    /// Everything a load returns, compared field by field.
    static func expectSame(_ loaded: BankLoader.Result?, _ expected: BankLoader.Result, _ comment: Comment? = nil) {
        let bank = loaded?.bank, other = expected.bank
        #expect(bank?.domains == other?.domains, comment)
        #expect(bank?.concepts == other?.concepts, comment)
        #expect(bank?.misconceptions == other?.misconceptions, comment)
        #expect(bank?.questions == other?.questions, comment)
        #expect(bank?.contentHash == other?.contentHash, comment)
        #expect(bank?.patterns.sources == other?.patterns.sources, comment)
        #expect(bank?.synonyms == other?.synonyms, comment)
        #expect(bank?.typoCorrector.vocabularyWords == other?.typoCorrector.vocabularyWords, comment)
        #expect(bank?.typoCorrector.targetWords == other?.typoCorrector.targetWords, comment)
        #expect(loaded?.diagnostics == expected.diagnostics, comment)
        #expect(loaded?.setAside == expected.setAside, comment)
        #expect(loaded?.patternSites == expected.patternSites, comment)
    }

    @Test("The bundled bank read from the cache is the bank its YAML loads, field by field")
    func bundledBankRoundTrips() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Rubrics").standardizedFileURL
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rehearse-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = BankCache(folder: folder)
        let full = try BankLoader(cache: cache).loadReportingAll(from: root)
        let cached = try #require(cache.cachedResult(for: root))
        Self.expectSame(cached, full)
        #expect(cached.bank?.questions.count ?? 0 > 100)
    }

    static let loadEvery = 29

    /// The file with its payload replaced and the checksum line made to match it, so that only the
    /// payload's reader can tell.
    static func resealed(_ file: Data, payload: (Data) -> Data) -> Data {
        var lines = file.split(separator: UInt8(ascii: "\n"), maxSplits: 3, omittingEmptySubsequences: false)
        let changed = payload(Data(lines.removeLast()))
        var checksum = BankCacheChecksum()
        checksum.combine(changed)
        lines[2] = Data(checksum.hex.utf8)[...]
        return Data(lines.joined(separator: [UInt8(ascii: "\n")])) + Data([UInt8(ascii: "\n")]) + changed
    }

    @Test("A cache cut short at any byte is ignored, even when its checksum matches, and the load is the YAML's")
    func truncatedAnywhere() throws {
        let fixture = try CachedFixture()
        let expected = try fixture.load()
        let file = fixture.cache.fileURL(for: fixture.bank.root)
        let valid = try Data(contentsOf: file)
        for end in 0..<valid.count {
            try valid.prefix(end).write(to: file)
            #expect(fixture.cached == nil, "cut at byte \(end)")
            try Self.resealed(valid) { $0.prefix(max(0, end - (valid.count - $0.count))) }.write(to: file)
            #expect(fixture.cached == nil, "payload cut at byte \(end) of the file, checksum matching")
            // Ignored, the cache cannot change what a load returns; a full load at each offset would take minutes.
            if end % Self.loadEvery == 0 { Self.expectSame(try fixture.load(), expected, "after a cut at byte \(end)") }
        }
        Self.expectSame(try fixture.load(), expected)
        #expect(try Data(contentsOf: file) == valid, "the last load rewrote the cache")
    }

    @Test("A cache with any byte changed is ignored and the load is the YAML's; resealed, it never traps")
    func flippedAnywhere() throws {
        let fixture = try CachedFixture()
        let expected = try fixture.load()
        let file = fixture.cache.fileURL(for: fixture.bank.root)
        let valid = try Data(contentsOf: file)
        for offset in 0..<valid.count {
            var flipped = valid
            flipped[offset] ^= offset % 2 == 0 ? 0x01 : 0x80
            try flipped.write(to: file)
            #expect(fixture.cached == nil, "byte \(offset) changed")
            if offset % Self.loadEvery == 0 { Self.expectSame(try fixture.load(), expected, "byte \(offset) changed") }
        }
        #expect(try fixture.load().bank != nil)
        #expect(try Data(contentsOf: file) == valid, "the load rewrote the cache")
        var payloadCount = 0
        _ = Self.resealed(valid) {
            payloadCount = $0.count; return $0
        }
        for offset in 0..<payloadCount {
            for mask: UInt8 in [0x01, 0xff] {
                try Self.resealed(valid) { payload in
                    var copy = payload
                    copy[copy.startIndex + offset] ^= mask
                    return copy
                }.write(to: file)
                // A changed letter of a string reads back as another bank; the checksum is what guards that.
                _ = fixture.cached
            }
        }
    }

    @Test("A bank with errors is never cached, and reports exactly what a load without a cache does")
    func failingBankNotCached() throws {
        let fixture = try CachedFixture()
        _ = try fixture.load()
        let broken = FixtureBank.driftYAML.replacingOccurrences(of: "weight: 2", with: "weight: 0")
        try fixture.bank.write("monitoring/drift.yaml", broken)
        let result = try fixture.load()
        #expect(result.bank == nil)
        #expect(result.diagnostics == (try BankLoader().loadReportingAll(from: fixture.bank.root).diagnostics))
        #expect(fixture.cached == nil)
        #expect(try fixture.load().diagnostics == result.diagnostics)
    }

    @Test("The cache lives in $XDG_CACHE_HOME/rehearse, else ~/.cache/rehearse")
    func standardFolder() {
        #expect(
            BankCache.standardFolder(environment: ["XDG_CACHE_HOME": "/tmp/c", "HOME": "/home/a"])?.path
                == "/tmp/c/rehearse")
        #expect(BankCache.standardFolder(environment: ["HOME": "/home/a"])?.path == "/home/a/.cache/rehearse")
        // The XDG specification ignores a relative path.
        #expect(
            BankCache.standardFolder(environment: ["XDG_CACHE_HOME": "cache", "HOME": "/home/a"])?.path
                == "/home/a/.cache/rehearse")
        #expect(BankCache.standardFolder(environment: [:]) == nil)
    }
}

@Suite("The bank cache's codec")
struct BankCacheCodecTests {
    static let location = SourceLocation(file: "monitoring/q.yaml", line: 3, column: 7)

    /// A question that sets every field of every cached type it holds, none to its default.
    static let question: Question = {
        let concept = Concept(
            id: "c", label: "naïve — “quoted”", patterns: ["\\bdrift\\b"], why: "why", followUp: "f?", typos: true)
        let misconception = Misconception(
            id: "m", label: "l", patterns: ["p"], penalty: 1.5, why: "w", contradicts: ["c"], location: location)
        var question = Question(
            id: "q", domain: "d", kind: .multipleChoice, prompt: "p", timeLimit: 90, hint: "h", sampleAnswer: "s",
            options: [ChoiceOption(letter: "A", text: "t", correct: true, why: "w")],
            rubric: Rubric(
                concepts: [RubricConcept(concept: concept, weight: 2, required: true, location: location)],
                misconceptions: [misconception], scoring: .sqrt, namedOnly: .full, negation: .ignored),
            examples: [
                RubricExample(
                    level: .starSkeleton, answer: "a", minScore: -1, maxScore: 30, missing: ["c"], matched: ["c"],
                    misconceptions: ["m"], blind: true, location: location)
            ],
            source: location, contentHash: "hash")
        question.sampleAnswerLocation = location
        return question
    }()

    static func roundTrip<Value: CacheCodable>(_ value: Value) throws -> Value {
        var writer = CacheWriter()
        writer.write(value)
        var reader = try CacheReader(writer.bytes)
        let read = try reader.read(Value.self)
        try reader.finish()
        return read
    }

    /// The children of `value`, recursively, that hold a type's default: nil, empty, false or zero.
    static func defaults(in value: Any, at path: String = "") -> [String] {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return [path] }
            return defaults(in: wrapped, at: path)
        }
        switch value {
        case let text as String: return text.isEmpty ? [path] : []
        case let flag as Bool: return flag ? [] : [path]
        case let number as Int: return number == 0 ? [path] : []
        case let number as Double: return number == 0 ? [path] : []
        default: break
        }
        if mirror.displayStyle == .collection && mirror.children.isEmpty { return [path] }
        return mirror.children.enumerated().flatMap { index, child in
            defaults(in: child.value, at: path + "." + (child.label ?? String(index)))
        }
    }

    @Test("Every field of every cached type reads back as written")
    func everyField() throws {
        #expect(Self.defaults(in: Self.question) == [], "set these in the sample so the test can see them")
        #expect(try Self.roundTrip(Self.question) == Self.question)
        let site = PatternSite(
            source: "\\bxy-z", location: Self.location, columns: [4, 5, 6, 9, 10, 3, -2], owner: "concept 'c'")
        #expect(Self.defaults(in: site) == [])
        #expect(
            try Self.roundTrip([site, PatternSite(source: "", location: Self.location, owner: "")]) == [
                site, PatternSite(source: "", location: Self.location, owner: ""),
            ])
        let diagnostic = Diagnostic(.warning, at: Self.location, "careful")
        #expect(try Self.roundTrip(diagnostic) == diagnostic)
        let domain = Domain(id: "d", title: "D", weight: 0.1)
        #expect(try Self.roundTrip(domain) == domain)
    }

    @Test("The checksum changes with any changed byte and any change of length")
    func checksum() {
        func hex(_ bytes: [UInt8]) -> String {
            var checksum = BankCacheChecksum()
            bytes.withUnsafeBytes { checksum.combine($0) }
            return checksum.hex
        }
        let bytes = (0..<41).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        var seen = Set([hex(bytes)])
        for index in bytes.indices {
            for mask: UInt8 in [0x01, 0x80] {
                var changed = bytes
                changed[index] ^= mask
                #expect(seen.insert(hex(changed)).inserted, "byte \(index) ^ \(mask)")
            }
            #expect(seen.insert(hex(Array(bytes[..<index]))).inserted, "cut at \(index)")
        }
        #expect(hex([0]) != hex([0, 0]), "trailing zero bytes count")
    }

    @Test(
        "Whole numbers of any size and sign read back",
        arguments: [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, .max, .min])
    func integers(value: Int) throws {
        #expect(try Self.roundTrip(value) == value)
    }

    @Test("Bytes the writer never writes throw instead of reading out of bounds")
    func malformed() throws {
        var writer = CacheWriter()
        writer.write(Self.question)
        let bytes = writer.bytes
        for end in 0..<bytes.count {
            #expect(throws: CacheReader.Malformed.self) {
                var reader = try CacheReader(Array(bytes[..<end]))
                _ = try reader.read(Question.self)
            }
        }
        // After an empty string table (0): a count beyond the bytes left, an overlong varint, a tag that
        // is neither 0 nor 1, a string past the table; a table entry that is not UTF-8; an unknown case;
        // more columns than the pattern has characters; a byte left over.
        let samples: [(String, [UInt8], (inout CacheReader) throws -> Void)] = [
            ("count", [0, 0x05, 0x00], { _ = try $0.read([Bool].self) }),
            ("overlong", [0] + Array(repeating: 0xff, count: 11), { _ = try $0.read(Int.self) }),
            ("tag", [0, 0x02], { _ = try $0.read(Bool.self) }),
            ("string index", [0, 0x00], { _ = try $0.read(String.self) }),
            ("UTF-8", [1, 0x02, 0xc3, 0x28, 0x00], { _ = try $0.read(String.self) }),
            ("kind", [1, 0x03] + Array("odd".utf8) + [0x00], { _ = try $0.read(QuestionKind.self) }),
            (
                "columns", [1, 0x01, 0x61, 0x00, 0x00, 0x02, 0x02, 0x01, 0x01, 0x02, 0x03, 0x00],
                {
                    _ = try $0.read(PatternSite.self)
                }
            ),
            (
                "left over", [0, 0x01, 0x00],
                { reader in
                    _ = try reader.read(Bool.self)
                    try reader.finish()
                }
            ),
        ]
        for (name, bytes, read) in samples {
            #expect(throws: CacheReader.Malformed.self, "\(name)") {
                var reader = try CacheReader(bytes)
                try read(&reader)
            }
        }
    }
}
