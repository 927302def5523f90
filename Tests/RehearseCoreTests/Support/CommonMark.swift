import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Markdown parsed by GitHub's reference parser, `cmark-gfm -e table -t xml`, for tests that assert on
/// the document tree rather than on strings (scripts/setup.sh --test installs it).
struct CommonMarkTree {
    let document: XMLDocument

    init(_ markdown: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["cmark-gfm", "-e", "table", "-t", "xml"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            try? input.fileHandleForWriting.write(contentsOf: Data(markdown.utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let xml = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // The DTD reference points at a file that does not exist; the tree does not need it.
        let text = String(decoding: xml, as: UTF8.self).replacingOccurrences(
            of: "<!DOCTYPE document SYSTEM \"CommonMark.dtd\">", with: ""
        )
        .replacingOccurrences(of: " xmlns=\"http://commonmark.org/xml/1.0\"", with: "")
        document = try XMLDocument(xmlString: text)
    }

    /// Every element matching an XPath, e.g. `//table[1]/table_row`.
    func nodes(_ xpath: String) throws -> [XMLNode] {
        try document.nodes(forXPath: xpath)
    }

    func count(_ xpath: String) throws -> Int { try nodes(xpath).count }

    /// The text of each element matching `xpath`, its text, code and line breaks joined.
    func texts(_ xpath: String) throws -> [String] {
        try nodes(xpath).map { $0.stringValue ?? "" }
    }
}
