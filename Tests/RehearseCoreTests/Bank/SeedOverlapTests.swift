import Foundation
import Testing

@testable import RehearseCore

/// The bank covers the domains of the source material in its own words: no prompt, sample answer,
/// option, explanation, label or example may share a run of `runLength` words with the source
/// documents in ../shared/seeds.
@Suite("The bank's words are its own")
struct SeedOverlapTests {
    static let runLength = 8
    static let seeds = BundledBankTests.rubrics.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/seeds")

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    static func runs(_ words: [String]) -> Set<[String]> {
        guard words.count >= runLength else { return [] }
        return Set((0...(words.count - runLength)).map { Array(words[$0..<($0 + runLength)]) })
    }

    /// Every text of the bank a candidate or a coach reads, with where it comes from.
    static func texts(of bank: Bank) -> [(place: String, text: String)] {
        var texts: [(String, String)] = []
        for question in bank.questions {
            let id = question.id
            texts += [("\(id) prompt", question.prompt), ("\(id) sample answer", question.sampleAnswer)]
            texts += question.hint.map { [("\(id) hint", $0)] } ?? []
            for option in question.options {
                texts.append(("\(id) option \(option.letter)", option.text))
                texts.append(("\(id) why \(option.letter)", option.why))
            }
            texts += question.examples.enumerated().map { ("\(id) example \($0.offset + 1)", $0.element.answer) }
            for concept in question.rubric.concepts {
                texts.append(("\(id) concept \(concept.id)", concept.concept.label))
                texts.append(("\(id) why of \(concept.id)", concept.concept.why))
                if let followUp = concept.concept.followUp {
                    texts.append(("\(id) follow-up of \(concept.id)", followUp))
                }
            }
            for misconception in question.rubric.misconceptions {
                texts.append(("\(id) misconception \(misconception.id)", misconception.label))
                texts.append(("\(id) why of \(misconception.id)", misconception.why))
            }
        }
        return texts
    }

    static var seedFiles: [String] { (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? [] }

    @Test(
        "No text of the bank shares 8 consecutive words with the source documents",
        .enabled(if: !seedFiles.isEmpty, "skipped: the source documents in ../shared/seeds are absent"))
    func noCopiedRuns() throws {
        let files = Self.seedFiles
        var seedRuns: Set<[String]> = []
        for file in files where file.hasSuffix(".txt") {
            let text = try String(contentsOf: Self.seeds.appendingPathComponent(file), encoding: .utf8)
            seedRuns.formUnion(Self.runs(Self.words(text)))
        }
        let bank = try BankLoader().load(from: BundledBankTests.rubrics)
        let copied = Self.texts(of: bank).compactMap { place, text -> String? in
            Self.runs(Self.words(text)).first(where: seedRuns.contains).map {
                "\(place): \"\($0.joined(separator: " "))\""
            }
        }
        #expect(copied.isEmpty, "\(copied.count) texts copy the source:\n\(copied.joined(separator: "\n"))")
    }

    @Test("The check finds a copied run")
    func findsACopy() {
        let seed = Self.runs(Self.words("one two three four five six seven eight nine"))
        #expect(Self.runs(Self.words("Zero, One two three four five six seven eight.")).contains(where: seed.contains))
        #expect(!Self.runs(Self.words("one two three four five six seven nine")).contains(where: seed.contains))
    }
}
