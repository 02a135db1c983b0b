import LedeText
import Testing
@testable import LedeEntities

@Suite("RuleTagger")
struct RuleTaggerTests {
    @Test func guaidoExample() {
        let text = "Opposition leader Juan Guaido met officers of the U.S. Southern Command in Caracas on Monday. "
            + "Guaido said the command offered support."
        #expect(tagged(text) == [
            Tagged("Juan Guaido", "PER"),
            Tagged("U.S. Southern Command", "ORG"),
            Tagged("Caracas", "LOC"),
            Tagged("Guaido", "PER", "Juan Guaido"),
        ])
    }

    @Test func aliasSpanPointsAtTheFullName() throws {
        var tagger = RuleTagger()
        let found = mentions("Juan Guaido spoke. Later Guaido’s aides left.", tagger: &tagger)
        let alias = try #require(found.last)
        #expect(alias.tagged == Tagged("Guaido", "PER", "Juan Guaido"))
        #expect(alias.mention.canonical == .span(start: 0, end: 11))
    }

    @Test func demonymAndTitleBeforeAName() {
        #expect(tagged("Venezuelan President Nicolas Maduro spoke.") == [
            Tagged("Venezuelan", "MISC"),
            Tagged("Nicolas Maduro", "PER"),
        ])
        #expect(tagged("Thousands of Venezuelans marched.") == [Tagged("Venezuelans", "MISC", "Venezuelan")])
    }

    @Test func knownPlacesAndOrganizations() {
        #expect(tagged("Supporters held a rally in Caracas.") == [Tagged("Caracas", "LOC")])
        #expect(tagged("A statement from the Pentagon followed.") == [Tagged("Pentagon", "ORG")])
        #expect(tagged("The crisis in Venezuela deepened.") == [Tagged("Venezuela", "LOC")])
    }

    @Test func titlesAreEvidenceNotPartOfTheName() {
        #expect(tagged("They met Mr. Okonkwo-Brady yesterday.") == [Tagged("Okonkwo-Brady", "PER")])
        #expect(tagged("Prime Minister Theresa May resigned.") == [Tagged("Theresa May", "PER")])
        #expect(tagged("It was signed by Gen. Vladimir Padrino.") == [Tagged("Vladimir Padrino", "PER")])
        #expect(tagged("the opposition leader Zorbatov Quillane spoke") == [Tagged("Zorbatov Quillane", "PER")])
    }

    @Test func speakersBeforeSaidAndAfterAccordingTo() {
        #expect(tagged("Xochitl Oyelaran said the plan failed.") == [Tagged("Xochitl Oyelaran", "PER")])
        #expect(tagged("The talks stalled, according to Quillon Brackley.") == [Tagged("Quillon Brackley", "PER")])
    }

    @Test func organizationKeywords() {
        #expect(tagged("Officials at the Ministry of Defense agreed.") == [Tagged("Ministry of Defense", "ORG")])
        #expect(tagged("Shares of Qortex Widget Corp. fell.") == [Tagged("Qortex Widget Corp.", "ORG")])
        #expect(tagged("The Venezuelan Security Forces arrested him.") == [Tagged("Venezuelan Security Forces", "ORG")])
        #expect(tagged("She joined the Bank of America board.") == [Tagged("Bank of America", "ORG")])
    }

    @Test func connectors() {
        #expect(tagged("He played Ludwig van Beethoven at night.") == [Tagged("Ludwig van Beethoven", "PER")])
        #expect(tagged("Britain and France disagreed.") == [
            Tagged("Britain", "LOC", "United Kingdom"), Tagged("France", "LOC"),
        ])
        #expect(tagged("Shares of Marks & Spencer rose.") == [Tagged("Marks & Spencer", "ORG")])
        #expect(tagged("Procter and Gamble raised prices.") == [Tagged("Procter and Gamble", "ORG", "Procter & Gamble")])
    }

    @Test func sentenceInitialOrdinaryWordsAreNotNames() {
        #expect(tagged("However, the plan failed. The vote was close. In Caracas, calm returned.")
                == [Tagged("Caracas", "LOC")])
        #expect(tagged("Officials said nothing. Yesterday nobody came.") == [])
        #expect(tagged("The Pentagon declined to comment.") == [Tagged("Pentagon", "ORG")])
    }

    @Test func monthsAndDaysAreNotEntities() {
        #expect(tagged("They met on Monday and again in May.") == [])
        #expect(tagged("The vote is set for March 3.") == [])
    }

    @Test func allCapsHeadline() {
        #expect(tagged("VENEZUELA OPPOSITION CALLS FOR NEW PROTESTS IN CARACAS\nThe march began.") == [
            Tagged("VENEZUELA", "LOC", "Venezuela"),
            Tagged("CARACAS", "LOC", "Caracas"),
        ])
        #expect(tagged("SOCCER - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY .") == [])
    }

    @Test func acronymsInProse() {
        #expect(tagged("Troops of NATO and the US moved.") == [
            Tagged("NATO", "ORG"), Tagged("US", "LOC", "United States"),
        ])
        #expect(tagged("Analysts at ZNQT expect more.") == [Tagged("ZNQT", "ORG")])
    }

    @Test func acronymDefinedInTheDocument() {
        let text = "Agents of the Bolivarian Intelligence Service (SEBIN) detained him. SEBIN later released him."
        #expect(tagged(text) == [
            Tagged("Bolivarian Intelligence Service", "ORG"),
            Tagged("SEBIN", "ORG", "Bolivarian Intelligence Service"),
            Tagged("SEBIN", "ORG", "Bolivarian Intelligence Service"),
        ])
    }

    @Test func acronymMatchingInitials() {
        let text = "The Caribbean Oil Workers Union called a strike. The COWU said talks failed."
        #expect(tagged(text) == [
            Tagged("Caribbean Oil Workers Union", "ORG"),
            Tagged("COWU", "ORG", "Caribbean Oil Workers Union"),
        ])
    }

    @Test func countryVariantsAreCanonicalised() {
        let text = "The U.S. and the US, the USA and the United States agree; the U.K. and Britain too."
        #expect(tagged(text) == [
            Tagged("U.S.", "LOC", "United States"),
            Tagged("US", "LOC", "United States"),
            Tagged("USA", "LOC", "United States"),
            Tagged("United States", "LOC"),
            Tagged("U.K.", "LOC", "United Kingdom"),
            Tagged("Britain", "LOC", "United Kingdom"),
        ])
    }

    @Test func pronounUsIsNotTheCountry() {
        #expect(tagged("Us? Nobody told us anything.") == [])
    }

    @Test func shortFormBeforeTheFullName() {
        // Headlines often name someone by surname before the text gives the full name.
        #expect(tagged("Guaido calls for protests. Opposition leader Juan Guaido spoke in Caracas.") == [
            Tagged("Guaido", "PER", "Juan Guaido"),
            Tagged("Juan Guaido", "PER"),
            Tagged("Caracas", "LOC"),
        ])
    }

    @Test func surnameFirstNamesAndHeadlineSurnames() {
        #expect(tagged("Vice Premier Huang Jun visited Paris. Huang met officials.") == [
            Tagged("Huang Jun", "PER"), Tagged("Paris", "LOC"), Tagged("Huang", "PER", "Huang Jun"),
        ])
        #expect(tagged("QUILLANE WINS AGAIN\nThe champion Zorbatov Quillane won.") == [
            Tagged("QUILLANE", "PER", "Zorbatov Quillane"), Tagged("Zorbatov Quillane", "PER"),
        ])
    }

    @Test func unknownSingleWordsWithoutEvidenceAreDropped() {
        #expect(tagged("Protesters in Plaza Altamira chanted Zumbalo.") == [Tagged("Plaza Altamira", "LOC")])
        #expect(tagged("We saw Zumbalo there.") == [])
    }

    @Test func userEntriesWin() {
        let gazetteer = Gazetteer(userEntries: [
            Gazetteer.Entry(name: "Zumbalo", label: .organization, canonical: "Zumbalo Holdings"),
            Gazetteer.Entry(name: "Caracas", label: .organization),
        ])
        var tagger = RuleTagger(gazetteer: gazetteer)
        #expect(tagged("We saw Zumbalo in Caracas.", tagger: &tagger) == [
            Tagged("Zumbalo", "ORG", "Zumbalo Holdings"),
            Tagged("Caracas", "ORG"),
        ])
    }

    @Test func organizationsWithPlacesAndTrailingWords() {
        #expect(tagged("He told the U.S. Securities and Exchange Commission about it.")
                == [Tagged("U.S. Securities and Exchange Commission", "ORG")])
        #expect(tagged("Losses at AIG Financial Products grew.") == [Tagged("AIG Financial Products", "ORG")])
        #expect(tagged("One of (ZQX Chairman) Karsten Mahlmann's goals.") == [
            Tagged("ZQX", "ORG"), Tagged("Karsten Mahlmann", "PER"),
        ])
    }

    @Test func eventKeywordsGiveMiscellaneous() {
        #expect(tagged("She won the Zorvat Cup and then the Quellen Open.") == [
            Tagged("Zorvat Cup", "MISC"), Tagged("Quellen Open", "MISC"),
        ])
    }

    @Test func namesWrapOntoTheNextLineOfProse() {
        let wrapped = "The exchange said it would soon name a replacement for its president George\n"
            + "Sladoje, who retires in June."
        #expect(tagged(wrapped) == [Tagged("George\nSladoje", "PER", "George Sladoje")])
        // A short line (a byline) does not run on into the next one.
        #expect(tagged("Rolf Soderlind\nLONGYEAR , Norway 1996-08-30").contains(Tagged("Rolf Soderlind", "PER")))
    }

    @Test func mentionsAreOrderedAndDisjoint() {
        let text = """
            The U.S. Southern Command tweeted its readiness to act as soon as it is “invited by Guaido and the \
            legitimate government of Venezuela.”

            Venezuelan opposition leader Juan Guaido, backed by the US, called for a “direct relationship” with \
            the Pentagon at a rally in Caracas. He said he had asked his ambassador Carlos Vecchio to open \
            “direct communication” with the US military, Russia Today reports. Guaido’s campaign to overthrow \
            Venezuelan President Nicolas Maduro goes on; President Maduro said the Organization of American \
            States (OAS) and the European Union would not decide. Maduro spoke to Reuters in Caracas.
            """
        var tagger = RuleTagger()
        let found = mentions(text, tagger: &tagger)
        #expect(found.count > 15)
        for (a, b) in zip(found, found.dropFirst()) {
            #expect(a.mention.end <= b.mention.start, "\(a.tagged) overlaps \(b.tagged)")
        }
        for item in found {
            #expect(item.mention.start < item.mention.end)
            #expect(!item.tagged.text.hasSuffix("’s"))
        }
        let people = Set(found.filter { $0.tagged.label == "PER" }.map(\.tagged.canonical))
        #expect(people == ["Juan Guaido", "Carlos Vecchio", "Nicolas Maduro"])
        #expect(found.contains { $0.tagged == Tagged("Guaido", "PER", "Juan Guaido") })
        #expect(found.contains { $0.tagged == Tagged("Maduro", "PER", "Nicolas Maduro") })
        #expect(found.contains { $0.tagged == Tagged("OAS", "ORG", "Organization of American States") })
    }

    @Test func taggerIsReusableAndCopiesAreIndependent() {
        var first = RuleTagger()
        let a = tagged("Juan Guaido met officials in Caracas. Guaido left.", tagger: &first)
        var second = first
        let b = tagged("Nicolas Maduro spoke in Caracas.", tagger: &second)
        let c = tagged("Juan Guaido met officials in Caracas. Guaido left.", tagger: &first)
        #expect(a == c)
        #expect(b == [Tagged("Nicolas Maduro", "PER"), Tagged("Caracas", "LOC")])
        #expect(tagged("", tagger: &first) == [])
        #expect(tagged("   \n ", tagger: &first) == [])
    }

    @Test func lexiconIsTheGazetteers() {
        let tagger = RuleTagger()
        #expect(tagger.lexicon === Gazetteer.builtIn.lexicon)
    }
}
