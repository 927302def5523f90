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

@Suite("The bank cache's coder")
struct BankCacheCoderTests {
    struct Sample: Codable, Equatable {
        var text: String
        var count: Int
        var share: Double
        var flag: Bool
        var note: String?
        var missing: String?
        var kinds: [QuestionKind]
        var nested: [[String?]]
    }

    @Test("Values read back as written: optionals present and absent, nested arrays, enums")
    func roundTrip() throws {
        let sample = Sample(
            text: "naïve — “quoted”", count: -3, share: 0.3, flag: true, note: "", missing: nil,
            kinds: [.technical, .multipleChoice], nested: [["a", nil], [], [nil]])
        #expect(try BankCacheCoder.decode(Sample.self, from: BankCacheCoder.encode(sample)) == sample)
    }

    @Test("A dictionary is refused, and bytes of another layout do not read back")
    func refuses() throws {
        #expect(throws: (any Error).self) { try BankCacheCoder.encode(["id": "value"]) }
        let data = try BankCacheCoder.encode(
            Sample(text: "x", count: 1, share: 1, flag: false, note: nil, missing: nil, kinds: [], nested: []))
        #expect(throws: (any Error).self) { try BankCacheCoder.decode([String].self, from: data) }
        #expect(throws: (any Error).self) { try BankCacheCoder.decode(Sample.self, from: data.dropLast()) }
    }
}
