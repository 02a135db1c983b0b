/// Splits UTF-8 news text into tokens in one pass over its bytes.
///
/// ```swift
/// let tokenizer = Tokenizer()
/// var buffer = TokenBuffer()
/// tokenizer.tokenize("Mr. Guaido’s aides met U.S. officials.", into: &buffer)
/// // Mr. | Guaido | ’s | aides | met | U.S. | officials | .
/// ```
///
/// A tokenizer is a small immutable value: share one across tasks.
///
/// ## What comes out
///
/// - Offsets are byte offsets into the text, end exclusive, on scalar boundaries; tokens are
///   in order and never overlap. White space (including U+00A0, the U+2000 spaces, U+FEFF,
///   U+200B and C0 control characters) is never part of a token; every other byte is.
/// - **Words** keep inner hyphens (`short-lived`, ``TokenFlags/hasHyphen``), inner
///   apostrophes (`O’Brien`, `d'Estaing`), `&` between capitals (`AT&T`) and inner periods
///   (`U.S`, `Ph.D`, `Amazon.com`). **Numbers** start with a digit and keep `,` `.` `:` `/`
///   between digits and any letters after (`1,200`, `3.5`, `10:30`, `30th`, `1990s`, `600m`).
///   A currency sign before a number is a symbol token of its own (`£` `600m`).
/// - **Final periods**: a word keeps the period after it if it has inner periods and a last
///   part of at most two letters (`U.S.`, `e.g.`, `Ph.D.`, but `Amazon.com` `.`), if it is a
///   single capital letter (an initial: `J.`, `Á.`), or if it is in ``Abbreviations``
///   (`Mr.`, `Inc.`, `Jan.`). Any other period is a punctuation token of its own. `...`
///   and `…` are one token. Nothing joins on after a kept period: `U.S.-based` is `U.S.`
///   `-` `based`.
/// - **Clitics**: `'s` `'re` `'ll` `'ve` `'d` `'m` (with `'` or `’`) at the end of a word, and
///   `n't`, are split from their word as tokens of kind ``TokenKind/word`` with
///   ``TokenFlags/clitic``: `Guaido’s` → `Guaido` `’s`; `don’t` → `do` `n’t`; `can't` → `ca`
///   `n't`. A lone clitic after a word (`Germany 's`, `U.S.'s`) is one too. Other apostrophes
///   (`analysts'`) are punctuation.
/// - **Quotes, brackets, dashes, ellipses** are punctuation tokens, one scalar each, except
///   that runs of `.` and of `-` (`--`) are one token.
/// - **URLs** (`http://`, `https://`, `www.`), **emails**, `@handles` and `#hashtags` are
///   tokens of their own kinds; the case flags of handles and hashtags describe the text
///   after `@` or `#`. A domain without `www.` or a scheme is a word (`Amazon.com`).
/// - **Sentence starts** (``TokenFlags/sentenceStart``): the first token; the first token
///   after a blank line; after `.` `!` `?` `…` (and closing quotes or brackets right after
///   them), the next token if a line break comes first, or if white space comes first and
///   the token is a capitalised word or an opening quote or bracket. When a sentence opens
///   with punctuation or a symbol (`“We`, `(Reuters)`, `— and`), those tokens and the first
///   token after them carry the flag. After an abbreviation that keeps its period and can
///   end a sentence (`U.S.`, `Inc.`, an initial `J.`), only a line break starts a sentence;
///   after a prefix abbreviation (`Mr.`, `Dr.`, `No.`), only a blank line. A single line
///   break alone does not start one: wire copy breaks lines mid-sentence
///   (``TokenFlags/newlineBefore`` tells the tagger where they are).
/// - Malformed UTF-8 never traps: each bad byte becomes a one-byte ``TokenKind/symbol``.
public struct Tokenizer: Sendable {
    /// The abbreviations that keep their final period.
    public let abbreviations: Abbreviations

    /// Creates a tokenizer.
    ///
    /// - Parameter abbreviations: The abbreviations that keep their final period;
    ///   ``Abbreviations/english`` by default.
    public init(abbreviations: Abbreviations = .english) {
        self.abbreviations = abbreviations
    }

    /// Tokenizes UTF-8 text into `sink`, in text order.
    ///
    /// The call allocates nothing: it reads the borrowed bytes and hands each token to the
    /// sink by value. Pass a concrete sink type so that the call is specialised.
    ///
    /// - Parameters:
    ///   - text: UTF-8 text, at most `Int32.max` bytes; malformed sequences are tolerated.
    ///   - sink: The consumer of the tokens.
    /// - Complexity: O(*n*) in the number of bytes.
    @inlinable
    public func tokenize<Sink: TokenSink>(_ text: UnsafeRawBufferPointer, into sink: inout Sink) {
        guard let start = text.baseAddress, text.count > 0 else { return }
        precondition(text.count <= Int(Int32.max), "Tokenizer: text longer than Int32.max bytes")
        let bytes = start.assumingMemoryBound(to: UInt8.self)
        ByteClass.table.withUnsafeBufferPointer { classes in
            var scanner = TokenScanner(
                text: BorrowedText(base: bytes, count: text.count, classes: classes.baseAddress!),
                abbreviations: abbreviations)
            scanner.run(into: &sink)
        }
    }

    /// Tokenizes UTF-8 bytes into `sink`, in text order.
    ///
    /// - Parameters:
    ///   - text: UTF-8 text; malformed sequences are tolerated.
    ///   - sink: The consumer of the tokens.
    @inlinable
    public func tokenize<Sink: TokenSink>(_ text: [UInt8], into sink: inout Sink) {
        text.withUnsafeBytes { tokenize($0, into: &sink) }
    }

    /// Tokenizes a string's UTF-8 into `sink`, in text order.
    ///
    /// - Parameters:
    ///   - text: The text. A native string is read in place; others are made contiguous first.
    ///   - sink: The consumer of the tokens.
    @inlinable
    public func tokenize<Sink: TokenSink>(_ text: String, into sink: inout Sink) {
        var text = text
        text.withUTF8 { tokenize(UnsafeRawBufferPointer($0), into: &sink) }
    }

    /// The tokens of a string, as an array: a convenience for tests and one-off calls.
    ///
    /// - Parameter text: The text.
    /// - Returns: Its tokens, in order.
    public func tokens(of text: String) -> [Token] {
        var buffer = TokenBuffer(capacity: 64)
        tokenize(text, into: &buffer)
        return buffer.tokens
    }
}
