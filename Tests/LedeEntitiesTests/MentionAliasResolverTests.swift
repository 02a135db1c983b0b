@testable import LedeEntities
import LedeText
import Testing

@Suite("Mention alias resolution")
struct MentionAliasResolverTests {
    /// Resolves the aliases among `marked` (surfaces and labels, found left to
    /// right in `text`) and returns the result as surfaces and canonical names.
    /// One-word mentions get `canonical` (a gazetteer name, for mentions the gazetteer knows).
    static func resolved(
        _ text: String, _ marked: [(String, EntityLabel)], canonical: CanonicalSource = .surface
    ) -> [Tagged] {
        let bytes = Array(text.utf8)
        let tokens = TestTokens.tokenize(text)
        var mentions: [Mention] = []
        var from = text.startIndex
        for (surface, label) in marked {
            let range = text.range(of: surface, range: from..<text.endIndex)!
            let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            let single = !surface.contains(" ")
            mentions.append(Mention(start: Int32(start), end: Int32(start + surface.utf8.count), label: label,
                                    canonical: single ? canonical : .surface))
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

    @Test func surnameFirstNameAnswersToItsFirstWord() {
        let text = "Huang Jun arrived in Beijing. Huang said talks went well; later huang left and Jun stayed."
        #expect(Self.resolved(text, [("Huang Jun", .person), ("Beijing", .location), ("Huang", .organization)]) == [
            Tagged("Huang Jun", "PER"), Tagged("Beijing", "LOC"), Tagged("Huang", "PER", "Huang Jun"),
            Tagged("Jun", "PER", "Huang Jun"),
        ])
    }

    @Test func givenNameFirstAnswersOnlyToTheSurname() {
        // `Juan` is a known given name: the name reads given-name first.
        let text = "Juan Guaido spoke. Juan later met Guaido supporters."
        #expect(Self.resolved(text, [("Juan Guaido", .person)]) == [
            Tagged("Juan Guaido", "PER"), Tagged("Guaido", "PER", "Juan Guaido"),
        ])
        // A first word the lists know (a place, an ordinary word) does not link either.
        let place = "Jordan Henderson scored. Jordan rejoiced."
        #expect(Self.resolved(place, [("Jordan Henderson", .person), ("Jordan", .location)]).last
                == Tagged("Jordan", "LOC"))
    }

    @Test func headlineSurnameInCapitals() {
        let text = "SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN .\nAlan Shearer was named captain."
        #expect(Self.resolved(text, [("ENGLAND", .location), ("Alan Shearer", .person)]) == [
            Tagged("SHEARER", "PER", "Alan Shearer"), Tagged("ENGLAND", "LOC"), Tagged("Alan Shearer", "PER"),
        ])
    }

    @Test func untaggedWordsThatAreOrdinaryWordsStayUntagged() {
        let text = "Prime Minister Theresa May spoke on Monday. May elections follow."
        #expect(Self.resolved(text, [("Theresa May", .person)]) == [Tagged("Theresa May", "PER")])
    }

    @Test func oneWordPersonExplainsUntaggedWords() {
        let text = "President Clinton spoke on Friday. Clinton said taxes would fall."
        #expect(Self.resolved(text, [("Clinton", .person)]) == [
            Tagged("Clinton", "PER"), Tagged("Clinton", "PER"),
        ])
    }

    @Test func organisationAnswersToItsFirstWord() {
        let text = "Shares of Cofinec S.A. fell. Cofinec said results would improve."
        #expect(Self.resolved(text, [("Cofinec S.A.", .organization)]) == [
            Tagged("Cofinec S.A.", "ORG"), Tagged("Cofinec", "ORG", "Cofinec S.A."),
        ])
        // A word tagged as a place is not re-read as a company named after it.
        let place = "Wuxi Cable Company Ltd opened a plant in Wuxi."
        #expect(Self.resolved(place, [("Wuxi Cable Company Ltd", .organization), ("Wuxi", .location)]).last
                == Tagged("Wuxi", "LOC"))
    }

    @Test func periodAbbreviationsGiveAllTheirLettersToInitials() {
        let text = "The U.S. Southern Command moved. USSC officers agreed."
        #expect(Self.resolved(text, [("U.S. Southern Command", .organization), ("USSC", .miscellaneous)]).last
                == Tagged("USSC", "ORG", "U.S. Southern Command"))
    }

    @Test func knownPlaceBecomesAPersonOnlyAfterTheFullName() {
        let text = "Washington said no. George Washington left. Washington returned."
        let marked: [(String, EntityLabel)] = [("Washington", .location), ("George Washington", .person),
                                               ("Washington", .location)]
        let lexicon = Gazetteer.builtIn.lookup("Washington")!.canonical
        #expect(Self.resolved(text, marked, canonical: .lexicon(lexicon)) == [
            Tagged("Washington", "LOC"), Tagged("George Washington", "PER"),
            Tagged("Washington", "PER", "George Washington"),
        ])
    }

    @Test func knownAcronymTakesOnlyADefinition() {
        let acronym = Gazetteer.builtIn.lookup("NATO")!.canonical
        let initials = "The Northern Alliance of Trading Organisations met. NATO troops watched."
        #expect(Self.resolved(initials, [("Northern Alliance of Trading Organisations", .organization),
                                         ("NATO", .organization)], canonical: .lexicon(acronym)).last
                == Tagged("NATO", "ORG"))
    }
}
