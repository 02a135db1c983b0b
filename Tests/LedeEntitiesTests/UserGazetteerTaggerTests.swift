import Foundation
@testable import LedeEntities
import LedeText
import Testing

/// A tagger that finds fixed surfaces, to test the override on known input.
struct FixedTagger: AliasResolvingTagger {
    var marked: [(surface: String, label: EntityLabel)]
    var resolvesAliases = true
    var gazetteer: Gazetteer { .builtIn }
    var lexicon: CanonicalLexicon { .empty }
    private var aliases = MentionAliasResolver()

    init(_ marked: [(String, EntityLabel)]) {
        self.marked = marked.map { (surface: $0.0, label: $0.1) }
    }

    mutating func tag(text: UnsafeRawBufferPointer, tokens: UnsafeBufferPointer<Token>, into mentions: inout [Mention]) {
        let string = String(decoding: text, as: UTF8.self)
        let base = mentions.count
        var from = string.startIndex
        for (surface, label) in marked {
            guard let range = string.range(of: surface, range: from..<string.endIndex) else { continue }
            let start = string.utf8.distance(from: string.startIndex, to: range.lowerBound)
            mentions.append(Mention(start: Int32(start), end: Int32(start + surface.utf8.count), label: label))
            from = range.upperBound
        }
        if resolvesAliases { aliases.resolve(text: text, tokens: tokens, mentions: &mentions, from: base) }
    }
}

@Suite("User gazetteer overrides")
struct UserGazetteerTaggerTests {
    static let names = UserGazetteer(entries: [
        Gazetteer.Entry(name: "SOUTHCOM", label: .organization, canonical: "U.S. Southern Command"),
        Gazetteer.Entry(name: "Guaido", label: .person, canonical: "Juan Guaidó"),
        Gazetteer.Entry(name: "Caracas", label: .organization, canonical: "Caracas FC"),
        Gazetteer.Entry(name: "Southern Command", label: .miscellaneous),
        Gazetteer.Entry(name: "the Bolivarian Republic of Venezuela today", label: .location, canonical: "Venezuela"),
        Gazetteer.Entry(name: "iPhone 12", label: .miscellaneous),
        Gazetteer.Entry(name: "AT&T", label: .organization),
        Gazetteer.Entry(name: "Yahoo!", label: .organization, canonical: "Yahoo"),
        Gazetteer.Entry(name: "Washington", label: .location, canonical: "Washington, D.C."),
        Gazetteer.Entry(name: "Zorbatov  Quillane", label: .person, canonical: "Z. Quillane"),
    ])

    static let text = """
        Opposition leader Juan Guaido met officers of the U.S. Southern Command in Caracas. \
        GUAIDO thanked SOUTHCOM and Southcom alike.
        """

    /// The mentions of `text` are in order, disjoint, and every user name in it
    /// is a mention of its own with the user's label and canonical name.
    static func checkUserNamesWin(_ found: [CheckedMention]) {
        for (a, b) in zip(found, found.dropFirst()) {
            #expect(a.mention.end <= b.mention.start, "\(a.tagged) overlaps \(b.tagged)")
        }
        let tagged = found.map(\.tagged)
        for expected in [
            Tagged("Guaido", "PER", "Juan Guaidó"), Tagged("Southern Command", "MISC"),
            Tagged("Caracas", "ORG", "Caracas FC"), Tagged("GUAIDO", "PER", "Juan Guaidó"),
            Tagged("SOUTHCOM", "ORG", "U.S. Southern Command"), Tagged("Southcom", "ORG", "U.S. Southern Command"),
        ] {
            #expect(tagged.contains(expected), "missing \(expected) in \(tagged)")
        }
        // The tagger's own mentions that overlap a user name are gone.
        #expect(!tagged.contains { $0.text == "Juan Guaido" || $0.text == "U.S. Southern Command" }, "\(tagged)")
    }

    @Test func userNamesWinOverTheRules() {
        var tagger = UserGazetteerTagger(base: RuleTagger(), userGazetteer: Self.names)
        Self.checkUserNamesWin(mentions(Self.text, tagger: &tagger))
    }

    @Test func userNamesWinOverTheModel() throws {
        var tagger = UserGazetteerTagger(
            base: PerceptronTagger(model: try PerceptronModel(contentsOf: CommittedModelTests.path)),
            userGazetteer: Self.names)
        Self.checkUserNamesWin(mentions(Self.text, tagger: &tagger))
    }

    @Test func namesTheRulesCannotSee() {
        // More than four tokens, lowercase and digits, punctuation: the rules
        // never take these as names, the user gazetteer does.
        var tagger = UserGazetteerTagger(base: RuleTagger(), userGazetteer: Self.names)
        let text = "He praised the Bolivarian Republic of Venezuela today, bought an iPhone 12, AT&T and Yahoo ! shares."
        #expect(tagged(text, tagger: &tagger) == [
            Tagged("the Bolivarian Republic of Venezuela today", "LOC", "Venezuela"),
            Tagged("iPhone 12", "MISC"),
            Tagged("AT&T", "ORG"),
            Tagged("Yahoo !", "ORG", "Yahoo"),
        ])
    }

    @Test func theLongestNameWinsAndAPrefixAloneIsNoMatch() {
        let names = UserGazetteer(entries: [
            Gazetteer.Entry(name: "New York Times", label: .organization),
            Gazetteer.Entry(name: "New", label: .miscellaneous),
        ])
        var tagger = UserGazetteerTagger(base: FixedTagger([]), userGazetteer: names)
        #expect(tagged("The New York Times and new York Rangers.", tagger: &tagger) == [
            Tagged("New York Times", "ORG"), Tagged("new", "MISC", "New"),
        ])
    }

    @Test func userNamesWinOverAliases() {
        // The alias pass would make the place a person's surname; the user says it is a place.
        var tagger = UserGazetteerTagger(base: FixedTagger([("George Washington", .person), ("Washington", .location)]),
                                         userGazetteer: Self.names)
        #expect(tagged("George Washington arrived. Washington cheered.", tagger: &tagger) == [
            Tagged("Washington", "LOC", "Washington, D.C."), Tagged("Washington", "LOC", "Washington, D.C."),
        ])
        var plain = FixedTagger([("George Washington", .person), ("Washington", .location)])
        #expect(tagged("George Washington arrived. Washington cheered.", tagger: &plain).last
                == Tagged("Washington", "PER", "George Washington"))
    }

    @Test func userFullNamesExplainTheirShortForms() {
        // The base tagger finds nothing; the user's full name still resolves `Quillane`.
        var tagger = UserGazetteerTagger(base: FixedTagger([]), userGazetteer: Self.names)
        #expect(tagged("Zorbatov\nQuillane won. Later Quillane left.", tagger: &tagger) == [
            Tagged("Zorbatov\nQuillane", "PER", "Z. Quillane"), Tagged("Quillane", "PER", "Z. Quillane"),
        ])
    }

    @Test func withoutUserNamesInTheTextTheBaseTaggerIsUnchanged() {
        var base = RuleTagger()
        var wrapped = UserGazetteerTagger(base: RuleTagger(), userGazetteer: Self.names)
        let text = "Venezuelan President Nicolas Maduro met the OAS in Bogota. Maduro spoke; the U.S. listened."
        #expect(tagged(text, tagger: &wrapped) == tagged(text, tagger: &base))
        #expect(tagged(text, tagger: &wrapped) == tagged(text, tagger: &base))
        #expect(tagged("", tagger: &wrapped) == [])
    }

    @Test func copiesTagWithTheirOwnScratch() async {
        let original = UserGazetteerTagger(base: RuleTagger(), userGazetteer: Self.names)
        var fresh = original
        let expected = tagged(Self.text, tagger: &fresh)
        let results = await withTaskGroup(of: [[Tagged]].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var tagger = original
                    return (0..<10).map { _ in tagged(Self.text, tagger: &tagger) }
                }
            }
            return await group.reduce(into: [[Tagged]]()) { $0 += $1 }
        }
        #expect(results.count == 40 && results.allSatisfy { $0 == expected })
    }

    @Test func lexiconKeepsTheBaseIdsAndAddsTheUsers() throws {
        let tagger = UserGazetteerTagger(base: RuleTagger(), userGazetteer: Self.names)
        let base = Gazetteer.builtIn.lexicon
        #expect(tagger.lexicon.count == base.count + Self.names.lexicon.count)
        let us = try #require(Gazetteer.builtIn.lookup("U.S.")).canonical
        #expect(tagger.lexicon.name(us) == "United States")
        #expect(tagger.lexicon.name(Int32(base.count)) == Self.names.lexicon.name(0))
    }

    @Test func namesAreReadAsTokens() {
        #expect(Self.names.entries.map(\.name).contains("Yahoo !"))
        #expect(Self.names.entries.map(\.name).contains("Zorbatov Quillane"))
        #expect(UserGazetteer(entries: [Gazetteer.Entry(name: "Nobody", label: nil, flags: .givenName)]).isEmpty)
    }
}
