/// What a multi-byte Unicode scalar can start or continue, for the tokenizer's slow path.
///
/// Sixteen classes, so that two fit in a byte of the generated table
/// (`ScalarClass+Table.swift`). They follow the Unicode general category, with the
/// adjustments a tokenizer of news text wants: digits of other scripts count as letters
/// (they continue words), sentence terminators such as `…` and `。` have their own class,
/// and invisible separators (U+FEFF, U+200B, U+2060) count as space.
@usableFromInline
enum ScalarClass: UInt8, Sendable {
    /// A letter without case (CJK, Arabic, modifier letters), a non-ASCII digit, or an
    /// unassigned scalar (most likely a letter of a newer Unicode version).
    case letterOther = 0
    /// An uppercase or titlecase letter (`Á`, `Ö`, `Ж`).
    case letterUpper
    /// A lowercase letter (`é`, `ß`, `ж`).
    case letterLower
    /// A combining mark (`U+0301`, variation selectors, emoji skin tones): continues the token before it.
    case mark
    /// An invisible format character (soft hyphen, ZWJ, bidi marks): continues the token before it.
    case format
    /// White space that does not end a line (no-break space, the U+2000 spaces, U+3000).
    case space
    /// A line or paragraph separator (U+0085, U+2028, U+2029).
    case newline
    /// An opening bracket (Unicode `Ps`).
    case openBracket
    /// An opening quotation mark (`“`, `‘`, `«`, `„`).
    case openQuote
    /// A closing bracket (Unicode `Pe`).
    case closeBracket
    /// A closing quotation mark (`”`, `’`, `»`); also the typographic apostrophe.
    case closeQuote
    /// A dash or hyphen (`—`, `–`, U+2010).
    case dash
    /// Punctuation that can end a sentence (`…`, `‼`, `。`, `？`).
    case terminal
    /// Any other punctuation (`·`, `¿`, `、`).
    case punctuation
    /// A currency sign (`£`, `€`, `¥`).
    case currency
    /// Any other symbol: maths, arrows, emoji, private use, C1 controls.
    case symbol

    /// Whether the scalar is a letter of any case: it starts or continues a word.
    @inlinable
    var isLetter: Bool { rawValue <= ScalarClass.letterLower.rawValue }

    /// Whether the scalar continues a word or symbol without starting one.
    @inlinable
    var isExtender: Bool { self == .mark || self == .format }
}

extension ScalarClass {
    /// The class of a Unicode scalar value.
    ///
    /// Scalars below U+10000 come from a generated table; the supplementary planes are
    /// classified by ranges, since they hold few characters that news text uses besides
    /// emoji and CJK extensions.
    ///
    /// - Parameter scalar: A Unicode scalar value (not a surrogate, at most U+10FFFF).
    /// - Returns: The scalar's class.
    /// - Complexity: O(1): two table loads.
    @usableFromInline
    static func of(_ scalar: UInt32) -> ScalarClass {
        if scalar < 0x1_0000 {
            return table.classOfBMP(scalar)
        }
        return ofSupplementary(scalar)
    }

    /// Classes scalars in the supplementary planes by block.
    static func ofSupplementary(_ scalar: UInt32) -> ScalarClass {
        switch scalar {
        case 0x1F3FB...0x1F3FF: .mark  // emoji skin tones modify the emoji before them
        case 0x1D000...0x1D3FF: .symbol  // musical and other notation symbols
        case 0x1F000...0x1FBFF: .symbol  // emoji, pictographs, playing cards, legacy computing
        case 0xE0000...0xE007F: .format  // tag characters (flag subdivisions)
        case 0xE0100...0xE01EF: .mark  // variation selectors supplement
        case 0xF0000...0x10FFFF: .symbol  // private use planes
        default: .letterOther  // historic scripts, maths letters, CJK extensions
        }
    }

    /// The decoded generated table, built once on first use.
    static let table = BMPTable()
}

/// The generated class table for the Basic Multilingual Plane, decoded from hex once.
struct BMPTable: Sendable {
    /// For each run of 128 scalars, the index of its block in ``blocks``.
    let blockIndex: [UInt8]
    /// The distinct blocks, 64 bytes each, two 4-bit classes per byte.
    let blocks: [UInt8]

    init() {
        blockIndex = BMPTable.decodeHex(ScalarClass.blockIndexHex)
        blocks = BMPTable.decodeHex(ScalarClass.blockDataHex)
        precondition(blockIndex.count == 512 && blocks.count % 64 == 0, "corrupt scalar class table")
    }

    /// The class of a scalar below U+10000.
    func classOfBMP(_ scalar: UInt32) -> ScalarClass {
        let block = Int(blockIndex[Int(scalar &>> 7)])
        let packed = blocks[block &* 64 &+ Int((scalar & 0x7F) &>> 1)]
        let nibble = (scalar & 1) == 0 ? packed & 0x0F : packed &>> 4
        // Every nibble names a case: the enum has exactly 16.
        return ScalarClass(rawValue: nibble)!
    }

    /// Decodes hex digits, skipping anything else (the line breaks and indentation of the literal).
    static func decodeHex(_ text: StaticString) -> [UInt8] {
        text.withUTF8Buffer { utf8 in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count / 2)
            var high: UInt8? = nil
            for c in utf8 {
                let value: UInt8
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): value = c &- UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): value = c &- UInt8(ascii: "a") &+ 10
                default: continue
                }
                if let h = high {
                    bytes.append(h &<< 4 | value)
                    high = nil
                } else {
                    high = value
                }
            }
            return bytes
        }
    }
}
