import Foundation

/// Reading a transcript file: JSON, the format version, migrations from older versions, decoding, then
/// a range check of every field, so a hand-edited or hostile file is refused with the field's path
/// instead of trapping later on arithmetic overflow.
extension TranscriptStore {
    static func decode(_ data: Data, path: String) throws(TranscriptError) -> Transcript {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .damaged(path: path, detail: "not JSON")
        }
        guard var object = parsed as? [String: Any] else {
            throw .damaged(path: path, detail: "not a JSON object, so not a rehearse transcript")
        }
        let found = try formatVersion(object, path: path)
        var body = data
        if found < Transcript.currentFormatVersion {
            do {
                try TranscriptMigrations.migrate(&object, from: found)
                body = try JSONSerialization.data(withJSONObject: object)
            } catch let error as TranscriptMigrations.MigrationError {
                throw .damaged(path: path, detail: "bad value at '\(error.field)': \(error.problem)")
            } catch {
                throw .damaged(path: path, detail: "cannot upgrade it from format version \(found): \(error)")
            }
        }
        let transcript = try decodeFields(body, path: path)
        if let problem = TranscriptValidator.firstProblem(in: transcript) {
            throw .damaged(path: path, detail: "bad value at '\(problem.field)': \(problem.message)")
        }
        return transcript
    }

    private static func formatVersion(_ object: [String: Any], path: String) throws(TranscriptError) -> Int {
        guard let value = object["formatVersion"] else { throw .damaged(path: path, detail: "no formatVersion") }
        guard let number = value as? NSNumber, let version = Int(exactly: number.doubleValue)
        else {
            throw .damaged(path: path, detail: "bad value at 'formatVersion': must be a whole number")
        }
        guard version >= 1 else {
            throw .damaged(path: path, detail: "bad value at 'formatVersion': \(version); versions start at 1")
        }
        guard version <= Transcript.currentFormatVersion else {
            throw .unsupportedVersion(path: path, found: version, supported: Transcript.currentFormatVersion)
        }
        return version
    }

    private static func decodeFields(_ data: Data, path: String) throws(TranscriptError) -> Transcript {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(Transcript.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw .damaged(path: path, detail: "missing '\(fieldPath(context.codingPath + [key]))'")
        } catch let DecodingError.typeMismatch(type, context) {
            throw .damaged(
                path: path, detail: "bad value at '\(fieldPath(context.codingPath))': must be \(describe(type))")
        } catch let DecodingError.valueNotFound(type, context) {
            throw .damaged(
                path: path,
                detail: "bad value at '\(fieldPath(context.codingPath))': must be \(describe(type)), not null")
        } catch let DecodingError.dataCorrupted(context) {
            throw .damaged(
                path: path,
                detail: "bad value at '\(fieldPath(context.codingPath))': \(context.debugDescription.lowercasedFirst)")
        } catch {
            throw .damaged(path: path, detail: "\(error)")
        }
    }

    /// "entries[2].grade.score"; "the top level" for the root.
    static func fieldPath(_ keys: [any CodingKey]) -> String {
        var path = ""
        for key in keys {
            if let index = key.intValue, key.stringValue.hasPrefix("Index ") || Int(key.stringValue) == index {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return path.isEmpty ? "the top level" : path
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is UInt64.Type: "a whole number"
        case is Double.Type: "a number"
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        case is Date.Type: "a date"
        default:
            "\(type)".hasPrefix("Array") ? "a list" : "\(type)".hasPrefix("Dictionary") ? "an object" : "a \(type)"
        }
    }
}

extension String {
    fileprivate var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
