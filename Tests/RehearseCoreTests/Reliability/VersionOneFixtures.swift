import Foundation

/// The transcripts of format version 1 written by rehearse 0.1.0, kept so that every later format
/// still reads them (Tests/EndToEndTests/Fixtures/TranscriptsV1/README.md).
enum VersionOneFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../EndToEndTests/Fixtures/TranscriptsV1").standardizedFileURL
    static let bank = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../EndToEndTests/Practice/Fixtures/practice-bank").standardizedFileURL
    static let names = ["finished", "stopped", "regraded"]

    static func url(_ name: String) -> URL { folder.appendingPathComponent("\(name).json") }

    /// The fixture's JSON with `edit` applied, for hostile variants of a real file.
    static func edited(_ name: String, _ edit: (inout [String: Any]) -> Void) throws -> Data {
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: url(name))) as! [String: Any]
        edit(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }
}

extension Dictionary where Key == String, Value == Any {
    /// Sets the value at a path such as ["entries", 0, "grade", "score"].
    mutating func set(_ path: [Any], to value: Any) {
        guard let first = path.first as? String else { return }
        if path.count == 1 {
            self[first] = value
            return
        }
        self[first] = Self.setting(self[first], Array(path.dropFirst()), value)
    }

    private static func setting(_ container: Any?, _ path: [Any], _ value: Any) -> Any {
        if let index = path.first as? Int, var list = container as? [Any] {
            list[index] = path.count == 1 ? value : setting(list[index], Array(path.dropFirst()), value)
            return list
        }
        if let key = path.first as? String, var object = container as? [String: Any] {
            object[key] = path.count == 1 ? value : setting(object[key], Array(path.dropFirst()), value)
            return object
        }
        return container as Any
    }
}
