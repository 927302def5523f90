/// The layout of a `BankCache` payload: each cached type's fields in the order written, read back in the
/// same order. A change here is a change of layout: bump `BankCache.formatVersion`. A field added to one
/// of these types must be added here too; `BankCacheCodecTests` fails on a sample that does not come
/// back equal.

extension BankSnapshot: CacheCodable {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        domains = try reader.read()
        concepts = try reader.read()
        misconceptions = try reader.read()
        questions = try reader.read()
        contentHash = try reader.read()
        patterns = try reader.read()
        synonyms = try reader.read()
        vocabulary = try reader.read()
        targets = try reader.read()
        diagnostics = try reader.read()
        setAside = try reader.read()
        patternSites = try reader.read()
    }

    func write(to writer: inout CacheWriter) {
        writer.write(domains)
        writer.write(concepts)
        writer.write(misconceptions)
        writer.write(questions)
        writer.write(contentHash)
        writer.write(patterns)
        writer.write(synonyms)
        writer.write(vocabulary)
        writer.write(targets)
        writer.write(diagnostics)
        writer.write(setAside)
        writer.write(patternSites)
    }
}

extension Domain: CacheCodable {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(id: try reader.read(), title: try reader.read(), weight: try reader.read())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(id)
        writer.write(title)
        writer.write(weight)
    }
}

extension Concept: CacheCodable {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(
            id: try reader.read(), label: try reader.read(), patterns: try reader.read(), why: try reader.read(),
            followUp: try reader.read(), typos: try reader.read())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(id)
        writer.write(label)
        writer.write(patterns)
        writer.write(why)
        writer.write(followUp)
        writer.write(typos)
    }
}

extension RubricConcept: CacheCodable {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(
            concept: try reader.read(), weight: try reader.read(), required: try reader.read(),
            location: try reader.read())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(concept)
        writer.write(weight)
        writer.write(required)
        writer.write(location)
    }
}

extension Misconception: CacheCodable {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(
            id: try reader.read(), label: try reader.read(), patterns: try reader.read(), penalty: try reader.read(),
            why: try reader.read(), contradicts: try reader.read(), location: try reader.read())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(id)
        writer.write(label)
        writer.write(patterns)
        writer.write(penalty)
        writer.write(why)
        writer.write(contradicts)
        writer.write(location)
    }
}

extension Rubric: CacheCodable {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(
            concepts: try reader.read(), misconceptions: try reader.read(), scoring: try reader.read(),
            namedOnly: try reader.read(), negation: try reader.read())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(concepts)
        writer.write(misconceptions)
        writer.write(scoring)
        writer.write(namedOnly)
        writer.write(negation)
    }
}

extension ScoringCurve: CacheCodable {}
extension NamedOnlyCredit: CacheCodable {}
extension NegationRule: CacheCodable {}
extension QuestionKind: CacheCodable {}
extension RubricExample.Level: CacheCodable {}
extension Diagnostic.Severity: CacheCodable {}

extension ChoiceOption: CacheCodable {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(
            letter: try reader.read(), text: try reader.read(), correct: try reader.read(), why: try reader.read())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(letter)
        writer.write(text)
        writer.write(correct)
        writer.write(why)
    }
}

extension RubricExample: CacheCodable {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(
            level: try reader.read(), answer: try reader.read(), minScore: try reader.read(),
            maxScore: try reader.read(), missing: try reader.read(), matched: try reader.read(),
            misconceptions: try reader.read(), blind: try reader.read(), location: try reader.read())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(level)
        writer.write(answer)
        writer.write(minScore)
        writer.write(maxScore)
        writer.write(missing)
        writer.write(matched)
        writer.write(misconceptions)
        writer.write(blind)
        writer.write(location)
    }
}

extension Question: CacheCodable {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(
            id: try reader.read(), domain: try reader.read(), kind: try reader.read(), prompt: try reader.read(),
            timeLimit: try reader.read(), hint: try reader.read(), sampleAnswer: try reader.read(),
            options: try reader.read(), rubric: try reader.read(), examples: try reader.read(),
            source: try reader.read(), contentHash: try reader.read())
        sampleAnswerLocation = try reader.read()
    }

    func write(to writer: inout CacheWriter) {
        writer.write(id)
        writer.write(domain)
        writer.write(kind)
        writer.write(prompt)
        writer.write(timeLimit)
        writer.write(hint)
        writer.write(sampleAnswer)
        writer.write(options)
        writer.write(rubric)
        writer.write(examples)
        writer.write(source)
        writer.write(contentHash)
        writer.write(sampleAnswerLocation)
    }
}

extension SourceLocation: CacheCodable {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(file: try reader.read(), line: try reader.read(), column: try reader.read())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(file)
        writer.write(line)
        writer.write(column)
    }
}

extension Diagnostic: CacheCodable {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        self.init(try reader.read(), at: try reader.read(), try reader.read())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(severity)
        writer.write(location)
        writer.write(message)
    }
}

extension PatternSite: CacheCodable {
    init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
        let source: String = try reader.read()
        let location: SourceLocation = try reader.read()
        let columns = try reader.read(Bool.self) ? try ColumnRuns.read(from: &reader, upTo: source.utf8.count + 1) : nil
        self.init(source: source, location: location, columns: columns, owner: try reader.read())
    }

    func write(to writer: inout CacheWriter) {
        writer.write(source)
        writer.write(location)
        writer.write(columns != nil)
        if let columns { ColumnRuns.write(columns, to: &writer) }
        writer.write(owner)
    }
}

/// `PatternSite.columns` as runs of consecutive columns, each its first column and its length: a
/// pattern's characters mostly stand one column apart, so a pattern is a run or a few, where a column
/// each made up a third of the cache.
enum ColumnRuns {
    static func write(_ columns: [Int], to writer: inout CacheWriter) {
        var runs: [(first: Int, count: Int)] = []
        for column in columns {
            if let last = runs.last, last.first + last.count == column {
                runs[runs.count - 1].count += 1
            } else {
                runs.append((column, 1))
            }
        }
        writer.unsigned(UInt64(runs.count))
        for run in runs {
            writer.write(run.first)
            writer.unsigned(UInt64(run.count))
        }
    }

    /// Throws when the runs hold more than `limit` columns (a pattern has one per character, and one
    /// after the last) or a run is empty or runs past `Int.max`.
    static func read(from reader: inout CacheReader, upTo limit: Int) throws(CacheReader.Malformed) -> [Int] {
        let runs = try reader.count()
        var columns: [Int] = []
        for _ in 0..<runs {
            let first: Int = try reader.read()
            let count = try reader.unsigned()
            guard count > 0, count <= UInt64(limit - columns.count), first <= Int.max - Int(count) else {
                throw CacheReader.Malformed()
            }
            columns.append(contentsOf: first..<first + Int(count))
        }
        return columns
    }
}
