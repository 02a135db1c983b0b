@testable import LedeEntities
import LedeText
import Testing

@Suite("Mention alias resolution")
struct MentionAliasResolverTests {
    /// Resolves the aliases among `marked` (surfaces and labels, found left to
    /// right in `text`) and returns the result as surfaces and canonical names.
    static func resolved(_ text: String, _ marked: [(String, EntityLabel)]) -> [Tagged] {
        let bytes = Array(text.utf8)
        let tokens = TestTokens.tokenize(text)
        var mentions: [Mention] = []
        var from = text.startIndex
        for (surface, label) in marked {
            let range = text.range(of: surface, range: from..<text.endIndex)!
            let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            mentions.append(Mention(start: Int32(start), end: Int32(start + surface.utf8.count), label: label))
            from = range.upperBound
        }
        var resolver = MentionAliasResolver()
        bytes.withUnsafeBytes { raw in
            tokens.withUnsafeBufferPointer { resolver.resolve(text: raw, tokens: $0, mentions: &mentions) }
        }
        return bytes.withUnsafeBytes { raw in
            mentions.map { mention in
                Tagged(String(decoding: raw[Int(mention.start)..<Int(mention.end)], as: UTF8.self), mention.label.name,
                       CanonicalName.string(text: raw, mention: mention, lexicon: Gazetteer.builtIn.lexicon))
            }
        }
    }

    @Test func surnameTakesTheFullNameBefore() {
        let text = "Opposition leader Juan Guaido met officers in Caracas. Guaido said the command offered support."
        #expect(Self.resolved(text, [("Juan Guaido", .person), ("Caracas", .location), ("Guaido", .person)]) == [
            Tagged("Juan Guaido", "PER"), Tagged("Caracas", "LOC"), Tagged("Guaido", "PER", "Juan Guaido"),
        ])
    }

    @Test func headlineSurnameTakesTheFullNameAfter() {
        let text = "Guaido calls for protests. Opposition leader Juan Guaido spoke in Caracas."
        #expect(Self.resolved(text, [("Guaido", .organization), ("Juan Guaido", .person), ("Caracas", .location)]) == [
            Tagged("Guaido", "PER", "Juan Guaido"), Tagged("Juan Guaido", "PER"), Tagged("Caracas", "LOC"),
        ])
    }

    @Test func nearestFullNameWins() {
        let text = "Juan Guaido met Maria Guaido. Later Guaido left."
        #expect(Self.resolved(text, [("Juan Guaido", .person), ("Maria Guaido", .person), ("Guaido", .person)]).last
                == Tagged("Guaido", "PER", "Maria Guaido"))
    }

    @Test func untaggedSurnameIsAdded() {
        let text = "Juan Guaido spoke. Later Guaido’s aides left for Bogota."
        #expect(Self.resolved(text, [("Juan Guaido", .person), ("Bogota", .location)]) == [
            Tagged("Juan Guaido", "PER"), Tagged("Guaido", "PER", "Juan Guaido"), Tagged("Bogota", "LOC"),
        ])
    }

    @Test func definedAcronymTakesTheOrganisation() {
        let text = "The Organization of American States (OAS) met on Monday. The OAS said it would vote."
        #expect(Self.resolved(text, [("Organization of American States", .organization), ("OAS", .organization),
                                     ("OAS", .location)]) == [
            Tagged("Organization of American States", "ORG"),
            Tagged("OAS", "ORG", "Organization of American States"),
            Tagged("OAS", "ORG", "Organization of American States"),
        ])
    }

    @Test func initialsTakeTheOrganisation() {
        let text = "The Northwind Trading Company reported a loss. NTC shares fell."
        #expect(Self.resolved(text, [("Northwind Trading Company", .organization), ("NTC", .miscellaneous)]).last
                == Tagged("NTC", "ORG", "Northwind Trading Company"))
    }

    @Test func unrelatedMentionsAreLeftAlone() {
        let text = "Juan Guaido met Nicolas Maduro in Caracas."
        let marked: [(String, EntityLabel)] = [("Juan Guaido", .person), ("Nicolas Maduro", .person), ("Caracas", .location)]
        #expect(Self.resolved(text, marked) == [Tagged("Juan Guaido", "PER"), Tagged("Nicolas Maduro", "PER"), Tagged("Caracas", "LOC")])
    }
}
