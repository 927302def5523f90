import Testing

@testable import RehearseCore

/// Each statement is read into words once, and every mention takes the words before and after it as a
/// slice (`StatementWords`). A slice must hold exactly what reading its bytes alone gives, or a stance
/// would change: words cut where a match begins or ends mid-word, clause breaks, "and" before a subject.
@Suite struct StanceWordsTests {
    private struct Reading: Equatable {
        var words: [String]
        var clauses: [[String]]
        var tail: [String]
        var head: [String]

        init(_ words: StanceWords) {
            self.words = words.words
            self.clauses = words.clauses.map(Array.init)
            self.tail = words.clauseTail
            self.head = Array(words.clauseHead)
        }
    }

    @Test(
        arguments: [
            "We'd NEVER skip the Canary, but PSI checks (nightly) are overkill and we roll back in one command",
            "Drift: KS tests; retraining which I'd gate so it's safe without a human and they sign off",
            "naïve Café-style 2x rollout, then ‘shadow’ traffic because unless we test it fails",
        ])
    func sliceReadsAsTheBytesAlone(_ statement: String) {
        var text = statement
        text.withUTF8 { bytes in
            let whole = StatementWords(bytes, 0..<bytes.count)
            for start in 0...bytes.count {
                for end in start...bytes.count {
                    let part = start..<end
                    let sliced = Reading(StanceWords(whole, part, in: bytes))
                    let alone = Reading(StanceWords(StatementWords(bytes, part), part, in: bytes))
                    #expect(sliced == alone, "bytes \(start)..<\(end)")
                    if sliced != alone { return }
                }
            }
        }
    }

    @Test func wordsAreLowerCasedAndClausesBreakAtConnectivesAndSubjects() {
        var text = "No CANARY, but we test it and we roll back"
        text.withUTF8 { bytes in
            let words = StanceWords(StatementWords(bytes, 0..<bytes.count), 0..<bytes.count, in: bytes)
            #expect(words.words == ["no", "canary", "but", "we", "test", "it", "and", "we", "roll", "back"])
            #expect(
                words.clauses.map(Array.init) == [
                    ["no", "canary"], ["but", "we", "test", "it"], ["and", "we", "roll", "back"],
                ])
        }
    }
}
