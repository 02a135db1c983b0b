import Foundation
@testable import LedeSample

/// Helpers shared by the LedeSample test suites.
enum SampleTestSupport {
    /// Parses one JSON line with Foundation (an independent decoder) and
    /// returns its string fields; nil when it is not a JSON object of strings.
    static func decode(_ line: [UInt8]) -> [String: String]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)),
              let dictionary = object as? [String: Any] else { return nil }
        var fields: [String: String] = [:]
        for (key, value) in dictionary {
            guard let string = value as? String else { return nil }
            fields[key] = string
        }
        return fields
    }

    /// Words of `text` with surrounding punctuation and possessive ’s removed.
    static func tokens(_ text: String) -> [String] {
        let trim = CharacterSet(charactersIn: ",.:;“”‘’\"()!?…—").union(.whitespacesAndNewlines)
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { raw -> String? in
            var word = String(raw).trimmingCharacters(in: trim)
            if word.hasSuffix("’s") { word.removeLast(2) }
            word = word.trimmingCharacters(in: trim)
            return word.isEmpty ? nil : word
        }
    }

    /// Full names of `entities` found in `text`, matched on runs of two to
    /// four tokens (cheap enough to scan thousands of documents).
    static func names(in text: String, among entities: Set<String>) -> Set<String> {
        let words = tokens(text)
        var found: Set<String> = []
        for i in words.indices {
            var candidate = words[i]
            for j in (i + 1)..<min(i + 4, words.count) {
                candidate += " " + words[j]
                if entities.contains(candidate) { found.insert(candidate) }
            }
        }
        return found
    }
}
