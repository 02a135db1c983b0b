import Testing
@testable import LedeEntities

@Suite("CanonicalName")
struct CanonicalNameTests {
    private func canonical(_ text: String, _ mention: Mention, lexicon: CanonicalLexicon = .empty) -> String {
        Array(text.utf8).withUnsafeBytes { CanonicalName.string(text: $0, mention: mention, lexicon: lexicon) }
    }

    @Test func foldsWhiteSpaceRuns() {
        let text = "met Juan \n\t  Guaido today"
        let mention = Mention(start: 4, end: 19, label: .person)
        #expect(canonical(text, mention) == "Juan Guaido")
    }

    @Test func trimsBothEnds() {
        let text = "  \nJuan Guaido\r\n "
        #expect(canonical(text, Mention(start: 0, end: Int32(text.utf8.count), label: .person)) == "Juan Guaido")
        #expect(canonical(" \n ", Mention(start: 0, end: 3, label: .person)) == "")
    }

    @Test func aliasSpansAndLexiconEntries() {
        let text = "Juan\nGuaido spoke. Guaido said"
        let alias = Mention(start: 19, end: 25, label: .person, canonical: .span(start: 0, end: 11))
        #expect(canonical(text, alias) == "Juan Guaido")
        let lexicon = CanonicalLexicon(names: ["United  States "])
        #expect(canonical("U.S.", Mention(start: 0, end: 4, label: .location, canonical: .lexicon(0)), lexicon: lexicon)
                == "United States")
    }

    @Test func appendsWithoutClearing() {
        var out = Array("x|".utf8)
        Array("a  b".utf8).withUnsafeBytes {
            CanonicalName.append(text: $0, mention: Mention(start: 0, end: 4, label: .organization),
                                 lexicon: .empty, to: &out)
        }
        #expect(String(decoding: out, as: UTF8.self) == "x|a b")
    }

    @Test func keepsMultiByteText() {
        let text = "Álvaro  Uribe"
        #expect(canonical(text, Mention(start: 0, end: Int32(text.utf8.count), label: .person)) == "Álvaro Uribe")
    }
}
