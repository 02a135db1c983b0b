import Foundation
import LedeSample
import Testing
@testable import LedeText

/// Invariants that must hold for any input: checked over seeded random text.
@Suite("Tokenizer: properties")
struct TokenizerPropertyTests {
    /// Scalars the tokenizer treats as white space: Unicode's White_Space, plus the invisible
    /// separators and control characters it skips (U+FEFF, U+200B, U+2060, U+180E, C0, DEL).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F
            || [0xFEFF, 0x200B, 0x2060, 0x180E].contains(scalar.value)
    }

    /// Pieces that random text is assembled from: words, numbers, abbreviations, clitics,
    /// punctuation, multi-byte letters and symbols, and every kind of white space.
    static let pieces: [String] = [
        "the", "Guaido", "U.S.", "Mr.", "e.g.", "J.", "don’t", "it's", "O’Brien", "short-lived", "1,200", "3.5",
        "30th", "£", "€", "$", "%", "&", "AT&T", "@", "#", "@jguaido", "#Venezuela", "jane@example.org",
        "https://example.org/a?b=1", "www.example.com", "http://", ".", ",", ";", ":", "!", "?", "...", "…", "—", "–",
        "-", "--", "'", "’", "‘", "\"", "“", "”", "(", ")", "[", "]", "«", "»", "é", "Á", "Ö", "ß", "ж", "東京",
        "👍", "🏽", "\u{200D}", "🇻", "🇪", "\u{0301}", "\u{FE0F}", "\u{00AD}", "a", "n", "t", "s", "A", "0", "_", "+",
        "<", "/", "\\", "\u{7F}", "\u{1}", " ", " ", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\u{00A0}", "\u{2003}",
        "\u{3000}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{200B}", "\u{0085}", "𝐀", "\u{E000}", "𐍈",
    ]

    /// Checks every invariant on one text.
    static func checkInvariants(_ bytes: [UInt8], validUTF8: Bool, sourceLocation: SourceLocation = #_sourceLocation) {
        var sink = TokenBuffer()
        Tokenizer().tokenize(bytes, into: &sink)
        let tokens = sink.tokens
        var covered = [Bool](repeating: false, count: bytes.count)
        var previousEnd = 0
        for token in tokens {
            let start = Int(token.start)
            let end = Int(token.end)
            #expect(
                start >= previousEnd && end > start && end <= bytes.count, "order: \(token)",
                sourceLocation: sourceLocation)
            guard start >= previousEnd && end > start && end <= bytes.count else { return }
            for i in start..<end { covered[i] = true }
            previousEnd = end
        }
        guard validUTF8 else {
            // Whatever the bytes, ASCII white space is never covered and every other ASCII byte is.
            for (i, b) in bytes.enumerated() where b < 0x80 {
                let space = b <= 0x20 || b == 0x7F
                #expect(covered[i] != space, "byte \(i) (\(b)) in \(bytes)", sourceLocation: sourceLocation)
            }
            return
        }
        // Tokens start and end on scalar boundaries.
        func isBoundary(_ i: Int) -> Bool { i == bytes.count || bytes[i] & 0xC0 != 0x80 }
        for token in tokens {
            #expect(
                isBoundary(Int(token.start)) && isBoundary(Int(token.end)), "boundary: \(token)",
                sourceLocation: sourceLocation)
        }
        // A scalar is covered exactly when it is not white space.
        var offset = 0
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let length = UTF8.width(scalar)
            for i in offset..<offset + length {
                #expect(
                    covered[i] != isWhitespace(scalar), "U+\(String(scalar.value, radix: 16)) at \(offset)",
                    sourceLocation: sourceLocation)
            }
            offset += length
        }
    }

    @Test func randomMixesOfTextPieces() {
        var rng = SeededGenerator(seed: 0x1ede_7e47)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...30, using: &rng) {
                text += TokenizerPropertyTests.pieces.randomElement(using: &rng)!
                if Int.random(in: 0..<3, using: &rng) == 0 { text += " " }
            }
            TokenizerPropertyTests.checkInvariants(Array(text.utf8), validUTF8: true)
        }
    }

    @Test func randomScalars() {
        var rng = SeededGenerator(seed: 42)
        let ranges: [ClosedRange<UInt32>] = [
            0x00...0x7F, 0x80...0x2FF, 0x300...0x36F, 0x370...0x7FF, 0x2000...0x206F, 0x20A0...0x2BFF,
            0x3000...0x30FF, 0xFE00...0xFFFF, 0x1F000...0x1FAFF, 0xE0000...0xE01EF,
        ]
        for _ in 0..<3000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...24, using: &rng) {
                let range = ranges.randomElement(using: &rng)!
                if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &rng)) { scalars.append(scalar) }
            }
            TokenizerPropertyTests.checkInvariants(Array(String(scalars).utf8), validUTF8: true)
        }
    }

    @Test func randomBytesNeverTrapOrStall() {
        var rng = SeededGenerator(seed: 7)
        let interesting: [UInt8] = [
            0x20, 0x0A, 0x2E, 0x27, 0x2D, 0x40, 0x23, 0x41, 0x61, 0x30, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xF0, 0xF4, 0xFF,
        ]
        for _ in 0..<5000 {
            let bytes = (0..<Int.random(in: 0...32, using: &rng)).map { _ in
                Bool.random(using: &rng)
                    ? interesting.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            }
            TokenizerPropertyTests.checkInvariants(bytes, validUTF8: false)
        }
    }

    @Test func sampleCorpusTexts() throws {
        // The texts of the project's own sample documents, decoded by Foundation, some with
        // scalars above U+FFFF put in.
        var rng = SeededGenerator(seed: 12)
        let corpus = SampleCorpus(seed: 8)
        for number in 0..<300 {
            let line = Data(corpus.document(number: number))
            let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
            var text = try #require(object["text"] as? String)
            if number % 3 == 0 {
                let position = text.unicodeScalars.index(
                    text.unicodeScalars.startIndex, offsetBy: Int.random(in: 0...text.unicodeScalars.count, using: &rng))
                text.unicodeScalars.insert(contentsOf: "\u{1F642}\u{1D400} ".unicodeScalars, at: position)
            }
            TokenizerPropertyTests.checkInvariants(Array(text.utf8), validUTF8: true)
        }
    }

    @Test func longTextKeepsExactOffsets() {
        // 1.2 MB: offsets past 16 bits, and the eight-byte scans near the end of the text.
        let sentence = "Mr. Guaido’s aides met U.S. officials on Monday, and “nobody” objected. "
        let sentenceBytes = sentence.utf8.count
        let repeats = 16_000
        let tokens = Tokenizer().tokens(of: String(repeating: sentence, count: repeats))
        let perSentence = Tokenizer().tokens(of: sentence)
        #expect(perSentence.count == 16)
        #expect(tokens.count == perSentence.count * repeats)
        let last = tokens[tokens.count - perSentence.count..<tokens.count]
        for (token, single) in zip(last, perSentence) {
            let shift = Int32(sentenceBytes * (repeats - 1))
            #expect(token.start == single.start + shift && token.end == single.end + shift && token.kind == single.kind)
        }
        #expect(tokens.last!.end == Int32(sentenceBytes * repeats - 1))
    }

    @Test func adversarialRunsStayLinear() {
        // Each of these asks a look-ahead question at every few bytes (an email at each `_`,
        // an apostrophe's role, a hashtag, an emoji's extenders); quadratic look-ahead
        // would take minutes here.
        let runs = [
            String(repeating: "a_", count: 100_000), String(repeating: "a+", count: 100_000),
            String(repeating: "a'", count: 100_000), String(repeating: "#", count: 200_000),
            String(repeating: "x@b-b-b.", count: 25_000), String(repeating: "👍\u{200D}", count: 50_000),
            String(repeating: ".", count: 200_000) + "U.S.",
        ]
        for text in runs {
            let tokens = Tokenizer().tokens(of: text)
            #expect(!tokens.isEmpty && Int(tokens.last!.end) == text.utf8.count)
        }
    }

    @Test func truncatedSequencesAtTheEnd() {
        // Each prefix of a multi-byte text ends inside a scalar at some point.
        let text = Array("Guaido’s 👍🏽 “Á”".utf8)
        for count in 0...text.count {
            TokenizerPropertyTests.checkInvariants(Array(text[0..<count]), validUTF8: false)
        }
        let bad: [UInt8] = [0xFF, 0x41, 0xC3, 0x28, 0xE2, 0x80, 0x20, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80]
        var sink = TokenBuffer()
        Tokenizer().tokenize(bad, into: &sink)
        #expect(
            sink.tokens.first
                == Token(start: 0, end: 1, kind: .symbol, flags: [.sentenceStart, .spaceBefore, .nonASCII]))
        #expect(sink.tokens.filter { $0.kind == .symbol }.allSatisfy { $0.length == 1 })
    }
}
