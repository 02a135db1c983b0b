/// What a single byte starts or continues, for the tokenizer's one pass over the text.
///
/// The tokenizer switches on ``table`` once per byte it cannot skip in bulk, so every
/// decision that depends on one byte alone is made by this table. Bytes of multi-byte
/// scalars only say how long the scalar is; the scalar itself is classed by ``ScalarClass``
/// on the slow path.
@usableFromInline
enum ByteClass: UInt8, Sendable {
    /// `a`...`z`.
    case lower
    /// `A`...`Z`.
    case upper
    /// `0`...`9`.
    case digit
    /// Space, tab, carriage return, vertical tab, form feed, and the other C0 controls and
    /// DEL, which carry no text and so separate tokens like spaces.
    case space
    /// Line feed.
    case newline
    /// `.`: ends a sentence, or belongs to an abbreviation or a number.
    case period
    /// `-`: joins words (`short-lived`), or a dash when doubled.
    case hyphen
    /// `'`: a quote, or the apostrophe of a clitic or of a name (`O'Brien`).
    case apostrophe
    /// `"`.
    case quote
    /// `(`, `[`, `{`.
    case openBracket
    /// `)`, `]`, `}`.
    case closeBracket
    /// `!`, `?`: always end a sentence.
    case terminal
    /// `,`, `;`, `:`, `/`, `_`, `` ` ``.
    case punctuation
    /// `$`, `%`, `&`, `*`, `+`, `<`, `=`, `>`, `^`, `|`, `~`, `\`.
    case symbol
    /// `@`: starts a handle, or separates an email address.
    case at
    /// `#`: starts a hashtag.
    case hash
    /// `0xC2`...`0xDF`: starts a two-byte scalar.
    case lead2
    /// `0xE0`...`0xEF`: starts a three-byte scalar.
    case lead3
    /// `0xF0`...`0xF4`: starts a four-byte scalar.
    case lead4
    /// A continuation byte out of place, or a byte that never occurs in UTF-8.
    case invalid

    /// The class of every byte value, built once; hoist it to a pointer before a loop.
    @usableFromInline
    static let table: [ByteClass] = (0...255).map { ByteClass(byte: UInt8($0)) }

    /// Classes one byte (used to build ``table``).
    init(byte: UInt8) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): self = .lower
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): self = .upper
        case UInt8(ascii: "0")...UInt8(ascii: "9"): self = .digit
        case UInt8(ascii: "\n"): self = .newline
        case 0x00...0x1F, 0x7F, UInt8(ascii: " "): self = .space
        case UInt8(ascii: "."): self = .period
        case UInt8(ascii: "-"): self = .hyphen
        case UInt8(ascii: "'"): self = .apostrophe
        case UInt8(ascii: "\""): self = .quote
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): self = .openBracket
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): self = .closeBracket
        case UInt8(ascii: "!"), UInt8(ascii: "?"): self = .terminal
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "/"),
            UInt8(ascii: "_"), UInt8(ascii: "`"):
            self = .punctuation
        case UInt8(ascii: "@"): self = .at
        case UInt8(ascii: "#"): self = .hash
        case 0x21...0x7E: self = .symbol
        case 0xC2...0xDF: self = .lead2
        case 0xE0...0xEF: self = .lead3
        case 0xF0...0xF4: self = .lead4
        default: self = .invalid
        }
    }
}
