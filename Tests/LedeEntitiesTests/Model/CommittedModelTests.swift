import Foundation
@testable import LedeEntities
import LedeText
import Testing

/// The committed weights (`Models/ner-perceptron.bin`) on the README's example.
@Suite("Committed model")
struct CommittedModelTests {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Models/ner-perceptron.bin").path

    static func tagged(_ text: String) throws -> [Tagged] {
        var tagger = PerceptronTagger(model: try PerceptronModel(contentsOf: path))
        let bytes = Array(text.utf8)
        let tokens = TestTokens.tokenize(text)
        var mentions: [Mention] = []
        bytes.withUnsafeBytes { raw in
            tokens.withUnsafeBufferPointer { tagger.tag(text: raw, tokens: $0, into: &mentions) }
        }
        return bytes.withUnsafeBytes { raw in
            mentions.map { mention in
                Tagged(String(decoding: raw[Int(mention.start)..<Int(mention.end)], as: UTF8.self), mention.label.name,
                       CanonicalName.string(text: raw, mention: mention, lexicon: tagger.lexicon))
            }
        }
    }

    @Test func resolvesSurnamesAndCountryVariants() throws {
        let found = try Self.tagged(
            "Opposition leader Juan Guaido met officers of the U.S. Southern Command in Caracas on Monday. "
                + "Guaido said the United States would help. The U.S. embassy agreed.")
        #expect(found.contains(Tagged("Juan Guaido", "PER")), "\(found)")
        #expect(found.contains(Tagged("Guaido", "PER", "Juan Guaido")), "\(found)")
        #expect(found.contains(Tagged("Caracas", "LOC")), "\(found)")
        #expect(found.contains(Tagged("U.S.", "LOC", "United States")), "\(found)")
    }

    @Test func headlineSurnameResolvesForward() throws {
        let found = try Self.tagged("Guaido calls for protests\n\nOpposition leader Juan Guaido spoke in Caracas on Monday.")
        #expect(found.first == Tagged("Guaido", "PER", "Juan Guaido"), "\(found)")
    }
}
