import Foundation
import Testing

@testable import RehearseCore

/// Rubrics/schema/*.json must allow exactly the keys and values the loader accepts, so an editor's
/// completion never offers a key that lint then rejects.
@Suite("Rubric schemas agree with the loader")
struct RubricSchemaConsistencyTests {
    static let schemaFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rubrics/schema")

    static func schema(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: schemaFolder.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func keys(_ object: Any?) -> Set<String> {
        Set(((object as? [String: Any])?["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
    }

    static func at(_ object: Any?, _ path: String...) -> Any? {
        path.reduce(object) { ($0 as? [String: Any])?[$1] }
    }

    @Test("Question, concept, misconception, option, example and expect keys match RubricKeys")
    func questionKeys() throws {
        let rubric = try Self.schema("rubric.schema.json")
        #expect(Self.keys(rubric) == Set(RubricKeys.question))
        #expect(Self.keys(Self.at(rubric, "definitions", "inlineConcept")) == Set(RubricKeys.inlineConcept))
        #expect(Self.keys(Self.at(rubric, "definitions", "reference")) == Set(RubricKeys.conceptReference))
        #expect(Self.keys(Self.at(rubric, "definitions", "misconception")) == Set(RubricKeys.misconception))
        #expect(
            Self.keys(Self.at(rubric, "definitions", "misconceptionReference"))
                == Set(RubricKeys.misconceptionReference))
        #expect(Self.keys(Self.at(rubric, "definitions", "option")) == Set(RubricKeys.option))
        #expect(Self.keys(Self.at(rubric, "definitions", "example")) == Set(RubricKeys.example))
        #expect(
            Self.keys(Self.at(rubric, "definitions", "example", "properties", "expect")) == Set(RubricKeys.expectation))
        #expect(Self.keys(Self.at(rubric, "properties", "grading")) == Set(RubricKeys.grading))
        #expect(
            Self.at(rubric, "properties", "grading", "properties", "named_only", "enum") as? [String]
                == NamedOnlyCredit.allCases.map(\.rawValue))
    }

    @Test("The kind and level enums are the loader's")
    func enums() throws {
        let rubric = try Self.schema("rubric.schema.json")
        #expect(Self.at(rubric, "properties", "kind", "enum") as? [String] == QuestionKind.allCases.map(\.rawValue))
        #expect(
            Self.at(rubric, "definitions", "example", "properties", "level", "enum") as? [String]
                == RubricExample.Level.allCases.map(\.rawValue))
    }

    @Test("Concept files and bank.yaml match RubricKeys")
    func conceptAndBankKeys() throws {
        let concepts = try Self.schema("concepts.schema.json")
        #expect(Self.keys(concepts) == Set(RubricKeys.conceptsFile))
        #expect(Self.keys(Self.at(concepts, "definitions", "concept")) == Set(RubricKeys.sharedConcept))
        let misconceptions = try Self.schema("misconceptions.schema.json")
        #expect(Self.keys(misconceptions) == Set(RubricKeys.misconceptionsFile))
        #expect(Self.keys(Self.at(misconceptions, "definitions", "misconception")) == Set(RubricKeys.misconception))
        let bank = try Self.schema("bank.schema.json")
        #expect(Self.keys(bank) == Set(RubricKeys.bank))
        #expect(Self.keys(Self.at(bank, "properties", "domains", "items")) == Set(RubricKeys.domain))
    }

    @Test("Every id pattern in the schemas is the loader's one id syntax")
    func idPattern() throws {
        var patterns: [String] = []
        func collect(_ value: Any?) {
            if let object = value as? [String: Any] {
                for (key, child) in object {
                    if ["id", "ref", "propertyNames"].contains(key),
                        let pattern = (child as? [String: Any])?["pattern"] as? String
                    {
                        patterns.append(pattern)
                    }
                    collect(child)
                }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        for name in [
            "rubric.schema.json", "concepts.schema.json", "misconceptions.schema.json", "synonyms.schema.json",
        ] {
            collect(try Self.schema(name))
        }
        #expect(!patterns.isEmpty)
        #expect(Set(patterns) == [Identifier.pattern])
        #expect(Identifier.isValid("canary-vs-blue-green") && Identifier.isValid("2-phase"))
        for bad in ["Upper", "under_score", "-leading", "", "ré", "a b"] { #expect(!Identifier.isValid(bad), "\(bad)") }
    }
}
