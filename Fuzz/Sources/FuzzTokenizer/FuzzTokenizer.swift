import FuzzSupport
import LedeSample
import LedeText

/// libFuzzer target: the fuzzer's bytes as text for `Tokenizer`.
///
/// Checks what `Tokenizer` documents, against a reference split of the bytes into UTF-8 units
/// (``UTF8Unit``): tokens are non-empty, in order, inside the text and never overlap; they start
/// and end on unit boundaries; a unit is covered exactly when it is not white space, and an
/// invalid byte is a one-byte symbol; the first token opens a sentence and has white space
/// before it; later tokens have `spaceBefore` exactly when a gap precedes them, and
/// `newlineBefore` exactly when that gap holds a line break. Tokenizing twice gives the same tokens.
enum FuzzTokenizer {
    nonisolated(unsafe) static var buffer = TokenBuffer(capacity: 1 << 12)
    static let tokenizer = Tokenizer()

    /// Scalars the tokenizer treats as white space: Unicode's White_Space, plus the invisible
    /// separators and control characters it skips (U+FEFF, U+200B, U+2060, U+180E, C0, DEL).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F, 0xFEFF, 0x200B, 0x2060, 0x180E: true
        default: scalar.properties.isWhitespace
        }
    }

    /// Scalars that end a line: `\n`, NEL, and the line and paragraph separators.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    static func run(_ text: UnsafeRawBufferPointer) {
        buffer.removeAll()
        tokenizer.tokenize(text, into: &buffer)
        let tokens = buffer.tokens
        let bytes = Array(text)
        let units = UTF8Unit.split(bytes)
        // The unit each byte belongs to.
        var unitOf = [Int](repeating: 0, count: bytes.count)
        for (u, unit) in units.enumerated() {
            for i in unit.start..<unit.end { unitOf[i] = u }
        }
        func isUnitBoundary(_ offset: Int) -> Bool { offset == bytes.count || units[unitOf[offset]].start == offset }
        var covered = [Bool](repeating: false, count: units.count)
        var previousEnd = 0
        for (k, token) in tokens.enumerated() {
            let start = Int(token.start)
            let end = Int(token.end)
            func context() -> String { "token \(k) \(start)..<\(end) of \(bytes.count) bytes \(fuzzLiteral(bytes))" }
            fuzzCheck(start >= previousEnd && end > start && end <= bytes.count, "order: \(context())")
            fuzzCheck(isUnitBoundary(start) && isUnitBoundary(end), "not on a scalar boundary: \(context())")
            // The white space between the previous token (or the start) and this one.
            let gap = units[unitOf[previousEnd]..<unitOf[start]]
            fuzzCheck(
                token.flags.contains(.spaceBefore) == (k == 0 || !gap.isEmpty),
                "spaceBefore is \(token.flags.contains(.spaceBefore)): \(context())")
            let lineBreaks = gap.reduce(0) { count, unit in
                count + (unit.scalar.map { isLineBreak($0) ? ($0.value == 0x2029 ? 2 : 1) : 0 } ?? 0)
            }
            fuzzCheck(
                token.flags.contains(.newlineBefore) == (lineBreaks > 0),
                "newlineBefore is \(token.flags.contains(.newlineBefore)) after \(lineBreaks) line breaks: \(context())")
            if k == 0 || lineBreaks >= 2 {
                fuzzCheck(token.flags.contains(.sentenceStart), "no sentence start after a blank line: \(context())")
            }
            let nonASCII = bytes[start..<end].contains { $0 >= 0x80 }
            fuzzCheck(token.flags.contains(.nonASCII) == nonASCII, "nonASCII is wrong: \(context())")
            for u in unitOf[start]..<(end == bytes.count ? units.count : unitOf[end]) {
                covered[u] = true
                if units[u].scalar == nil {
                    fuzzCheck(
                        token.kind == .symbol && end - start == 1,
                        "invalid byte at \(units[u].start) is not a one-byte symbol: \(context())")
                }
            }
            previousEnd = end
        }
        for (u, unit) in units.enumerated() {
            let space = unit.scalar.map(isWhitespace) ?? false
            fuzzCheck(
                covered[u] != space,
                "unit at \(unit.start) (\(unit.scalar.map { "U+" + String($0.value, radix: 16) } ?? "invalid")) is \(covered[u] ? "" : "not ")covered in \(fuzzLiteral(bytes))")
        }
        var again = TokenBuffer(capacity: tokens.count)
        tokenizer.tokenize(text, into: &again)
        fuzzCheck(again.tokens == tokens, "a second tokenization differs for \(fuzzLiteral(bytes))")
    }

    /// Seeds: sample news text and the edge cases of the tokenizer's documentation.
    static func seeds() -> [[UInt8]] {
        let corpus = SampleCorpus(seed: 11)
        var seeds: [[UInt8]] = (0..<4).map { Array(corpus.document(number: $0).prefix(2_000)) }
        let texts = [
            "Mr. Guaido’s aides met U.S. officials.\n\nThe U.S.-based firm, AT&T Inc., said £600m on Jan. 3.",
            "“We won’t,” said O’Brien (Reuters) — don't can't it's analysts' 1,200 3.5 10:30 30th 1990s",
            "See https://example.org/a?b=1 or www.example.com, mail jane@example.org, @jguaido #Venezuela",
            "e.g. Ph.D. J. Á. Amazon.com ... … -- short-lived co-op\u{2028}next\u{2029}para\u{0085}nel",
            "東京 👍🏽 🇻🇪 é\u{0301} \u{00A0}\u{2003}\u{3000}\u{FEFF}\u{200B}x\u{00AD}y 𝐀 𐍈",
        ]
        seeds += texts.map { Array($0.utf8) }
        seeds.append([0xFF, 0x41, 0xC3, 0x28, 0xE2, 0x80, 0x20, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80])
        return seeds
    }
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzTokenizerInitialize(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> Int32 {
    SeedCorpus.writeIfRequested(FuzzTokenizer.seeds())
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenizerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTokenizer.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
