import Testing

@testable import RehearseCore

/// The column map on its own: where each character of a one-line scalar is written in its line.
@Suite("Columns inside a scalar")
struct ScalarColumnsTests {
    @Test("Plain, single-quoted and double-quoted scalars, escapes and multi-byte characters")
    func styles() throws {
        let plain = try #require(ScalarColumns.map(line: "x: ré(a", startColumn: 4, style: .plain, value: "ré(a"))
        #expect(plain == [4, 5, 6, 7, 8])
        // 'it''s': the doubled quote is one character written in two columns.
        let single = try #require(
            ScalarColumns.map(line: "x: 'it''s'", startColumn: 4, style: .singleQuoted, value: "it's"))
        #expect(single == [5, 6, 7, 9, 10])
        // "\\bé\x41": an escape is one character written in two (or four) columns.
        let double = try #require(
            ScalarColumns.map(line: #"x: "\\bé\x41""#, startColumn: 4, style: .doubleQuoted, value: #"\bé"# + "A"))
        #expect(double == [5, 7, 8, 9, 13])
        // A byte offset lands on its character's column: "é" is two bytes.
        #expect(ScalarColumns.column(ofByte: 2, in: #"\bé"# + "A", columns: double) == 8)
        #expect(ScalarColumns.column(ofByte: 4, in: #"\bé"# + "A", columns: double) == 9)
        #expect(ScalarColumns.column(ofByte: 5, in: #"\bé"# + "A", columns: double) == 13)
    }

    @Test("A value that does not lie on its line as written (folded, block) has no map")
    func multiLine() {
        #expect(
            ScalarColumns.map(line: "x: 'start", startColumn: 4, style: .singleQuoted, value: "start and more") == nil)
        #expect(ScalarColumns.map(line: "x: |", startColumn: 4, style: .literal, value: "text\n") == nil)
    }
}
