import LedeText
import Testing
@testable import LedeEntities

@Suite("Gazetteer")
struct GazetteerTests {
    let gazetteer = Gazetteer.builtIn

    @Test func findsPlacesCaseInsensitively() throws {
        for spelling in ["Venezuela", "VENEZUELA", "venezuela"] {
            let match = try #require(gazetteer.lookup(spelling))
            #expect(match.label == .location)
            #expect(gazetteer.lexicon.name(match.canonical) == "Venezuela")
        }
        #expect(gazetteer.lookup("Caracas")?.label == .location)
    }

    @Test func countryVariantsShareACanonicalName() throws {
        for variant in ["U.S.", "US", "USA", "United States", "United States of America"] {
            let match = try #require(gazetteer.lookup(variant), "\(variant)")
            #expect(match.label == .location)
            #expect(gazetteer.lexicon.name(match.canonical) == "United States", "\(variant)")
        }
        for variant in ["U.K.", "UK", "Britain", "Great Britain"] {
            let match = try #require(gazetteer.lookup(variant), "\(variant)")
            #expect(gazetteer.lexicon.name(match.canonical) == "United Kingdom", "\(variant)")
        }
    }

    @Test func demonymsAreMiscellaneous() throws {
        let singular = try #require(gazetteer.lookup("Venezuelan"))
        #expect(singular.label == .miscellaneous)
        #expect(singular.flags.contains(.demonym))
        let plural = try #require(gazetteer.lookup("Venezuelans"))
        #expect(plural.label == .miscellaneous)
        #expect(gazetteer.lexicon.name(plural.canonical) == "Venezuelan")
        #expect(gazetteer.lookup("American")?.label == .miscellaneous)
    }

    @Test func flagOnlyEntriesHaveNoLabel() throws {
        let expectations: [(String, Gazetteer.Flags)] = [
            ("Juan", .givenName), ("Nicolas", .givenName), ("Ministry", .orgKeyword), ("Command", .orgKeyword),
            ("President", .personTitle), ("Mr.", .personTitle), ("spokesman", .personTitle),
            ("the", .commonLowercaseWord), ("However", .commonLowercaseWord), ("Monday", .monthOrDay),
            ("of", .connector), ("said", .speechVerb), ("in", .locationPreposition), ("River", .locationKeyword),
        ]
        for (word, flag) in expectations {
            let match = try #require(gazetteer.lookup(word), "\(word)")
            #expect(match.flags.contains(flag), "\(word)")
        }
        #expect(gazetteer.lookup("Juan")?.label == nil)
        #expect(gazetteer.lookup("Ministry")?.label == nil)
    }

    @Test func misses() {
        #expect(gazetteer.lookup("Guaido") == nil)
        #expect(gazetteer.lookup("Zzyzxq") == nil)
        #expect(gazetteer.lookup("") == nil)
        #expect(gazetteer.lookup("Caracass") == nil)
        #expect(gazetteer.lookup("United Natio") == nil)
    }

    @Test func multiTokenKeys() throws {
        #expect(gazetteer.lookup("United Nations")?.label == .organization)
        #expect(gazetteer.lookup("european union")?.label == .organization)
        #expect(gazetteer.lookup("Bank of America")?.label == .organization)
        #expect(gazetteer.lookup("White House")?.label == .organization)
        // The first word of a longer name tells how far to probe.
        let united = try #require(gazetteer.lookup("United"))
        #expect(united.maxTokens >= 2)
        #expect(gazetteer.lookup("Venezuela")?.maxTokens == 1)
    }

    @Test func probesTokensInPlaceAcrossWhiteSpace() throws {
        let text = "the United\n  Nations  said"
        let tokens = TestTokens.tokenize(text)
        let bytes = Array(text.utf8)
        let match = bytes.withUnsafeBytes { raw in
            tokens.withUnsafeBufferPointer { gazetteer.lookup(text: raw, tokens: $0, range: 1..<3) }
        }
        #expect(match?.label == .organization)
        let miss = bytes.withUnsafeBytes { raw in
            tokens.withUnsafeBufferPointer { gazetteer.lookup(text: raw, tokens: $0, range: 2..<4) }
        }
        #expect(miss == nil)
    }

    @Test func byteSliceProbe() {
        let key = Array("Southern Command".utf8)
        let match = key.withUnsafeBytes { gazetteer.lookup($0) }
        #expect(match?.label == .organization)
        #expect(match.map { gazetteer.lexicon.name($0.canonical) } == "U.S. Southern Command")
    }

    @Test func acronymsThatAreWordsNeedCapitals() throws {
        let us = try #require(gazetteer.lookup("us"))
        #expect(us.label == .location)
        #expect(us.flags.contains(.labelNeedsUppercase))
        #expect(us.flags.contains(.commonLowercaseWord))
        #expect(gazetteer.lookup("Venezuela")?.flags.contains(.labelNeedsUppercase) == false)
    }

    @Test func userEntryOverridesBuiltIn() throws {
        let custom = Gazetteer(userEntries: [
            Gazetteer.Entry(name: "Caracas", label: .organization, canonical: "Caracas FC"),
            Gazetteer.Entry(name: "Juan  Guaido", label: .person),
            Gazetteer.Entry(name: "May", label: .person, canonical: "Theresa May"),
        ])
        let caracas = try #require(custom.lookup("caracas"))
        #expect(caracas.label == .organization)
        #expect(caracas.flags.contains(.userEntry))
        #expect(custom.lexicon.name(caracas.canonical) == "Caracas FC")
        let guaido = try #require(custom.lookup("Juan Guaido"))
        #expect(guaido.label == .person)
        #expect(custom.lexicon.name(guaido.canonical) == "Juan Guaido")
        #expect(custom.lookup("Juan")?.maxTokens == 2)
        let may = try #require(custom.lookup("May"))
        #expect(may.label == .person)
        #expect(!may.flags.contains(.monthOrDay))
        #expect(!may.flags.contains(.commonLowercaseWord))
        // The shared built-in gazetteer is untouched.
        #expect(Gazetteer.builtIn.lookup("Caracas")?.label == .location)
    }

    @Test func parsesUserTSV() throws {
        let entries = try Gazetteer.Entry.parseTSV("""
            # name, label, canonical
            Juan Guaido\tPER\t
            SOUTHCOM\tORG\tU.S. Southern Command

            Lede Labs\tORG
            """)
        #expect(entries == [
            Gazetteer.Entry(name: "Juan Guaido", label: .person),
            Gazetteer.Entry(name: "SOUTHCOM", label: .organization, canonical: "U.S. Southern Command"),
            Gazetteer.Entry(name: "Lede Labs", label: .organization),
        ])
        #expect(throws: Gazetteer.ParseError.self) { try Gazetteer.Entry.parseTSV("Guaido\tPERSON") }
        #expect(throws: Gazetteer.ParseError.self) { try Gazetteer.Entry.parseTSV("just a name") }
    }

    @Test func userTSVWithWindowsLineEndsAndStraySpaces() throws {
        let entries = try Gazetteer.Entry.parseTSV("SOUTHCOM\tORG \t U.S. Southern Command \r\nGuaido\tPER\r\n")
        #expect(entries == [
            Gazetteer.Entry(name: "SOUTHCOM", label: .organization, canonical: "U.S. Southern Command"),
            Gazetteer.Entry(name: "Guaido", label: .person),
        ])
        #expect(throws: Gazetteer.ParseError(line: 3, message: "unknown label 'PERSON' (PER, ORG, LOC or MISC)")) {
            try Gazetteer.Entry.parseTSV("a\tORG\r\n# comment\r\nb\tPERSON\r\n")
        }
    }

    @Test func customEntriesOnly() {
        let small = Gazetteer(entries: [Gazetteer.Entry(name: "Lede", label: .organization)])
        #expect(small.count == 1)
        #expect(small.lookup("LEDE")?.label == .organization)
        #expect(small.lookup("Caracas") == nil)
    }

    @Test func longKeysCompareBeyondTheFirstEightBytes() {
        #expect(gazetteer.lookup("Massachusetts")?.label == .location)
        #expect(gazetteer.lookup("Massachusettz") == nil)
        #expect(gazetteer.lookup("Organization of the Petroleum Exporting Countries")?.label == .organization)
    }
}

@Suite("CanonicalLexicon")
struct CanonicalLexiconTests {
    @Test func namesByID() {
        let lexicon = CanonicalLexicon(names: ["United States", "Juan Guaido", ""])
        #expect(lexicon.count == 3)
        #expect(lexicon.name(0) == "United States")
        #expect(lexicon.name(1) == "Juan Guaido")
        #expect(lexicon.name(2) == "")
        #expect(lexicon.withName(1) { $0.count } == 11)
    }
}
