/// What the token just emitted says about whether the next one opens a sentence.
///
/// The raw value is a bit set, so that the check in `TokenScanner.emit` is a few `and`s
/// rather than a jump per token: bit 0, a line break starts a sentence;
/// bit 1, white space and then a capitalised word or an opening quote or bracket start one;
/// bit 2, the next token starts one whatever it is.
@usableFromInline
enum SentenceBoundary: UInt8, Sendable {
    /// Nothing: the next token continues the sentence (unless a blank line follows).
    case none = 0
    /// An abbreviation's period (`U.S.`, `Inc.`, `J.`): a sentence starts only after a line break.
    case weak = 1
    /// `.` `!` `?` `…`: a sentence starts after a line break, or after white space when the
    /// next token is a capitalised word or an opening quote or bracket.
    case strong = 3
    /// The start of the text, or a sentence that opened with punctuation (`“We`): the next
    /// token opens a sentence whatever it is.
    case forced = 7
}

/// The state of one ``Tokenizer/tokenize(_:into:)`` call: a cursor over borrowed bytes.
///
/// A scanner lives on the stack for the length of one call. It reads the text through
/// ``BorrowedText``, so that the hot loop has no bounds checks and no reference counting.
///
/// - Warning: The scanner holds pointers into memory it does not own: it must not escape
///   the closure that lends them.
@usableFromInline
struct TokenScanner {
    /// The text and the byte class table.
    @usableFromInline let text: BorrowedText
    /// The abbreviations that keep their final period.
    @usableFromInline let abbreviations: Abbreviations

    /// The offset of the next byte to read.
    @usableFromInline var position = 0
    /// Whether white space stands between the previous token and `position`. True at the
    /// start, because ``TokenFlags/spaceBefore`` includes the first token of the text.
    @usableFromInline var sawSpace = true
    /// Line breaks since the previous token; two or more make a paragraph break.
    @usableFromInline var newlines = 0
    /// What the previous token says about the next sentence start.
    @usableFromInline var boundary = SentenceBoundary.forced
    /// Whether the previous token was a word or number, which a separated clitic (`'s`) can follow.
    @usableFromInline var previousIsWordLike = false

    /// Creates a scanner at the start of `text`.
    @inlinable
    init(text: BorrowedText, abbreviations: Abbreviations) {
        self.text = text
        self.abbreviations = abbreviations
    }

    /// The number of bytes in the text.
    @inlinable
    var count: Int { text.count }

    /// Tokenizes the whole text into `sink`, one token at a time, in order.
    ///
    /// - Complexity: O(*n*) in the number of bytes: every branch moves `position` forward.
    @inlinable
    mutating func run<Sink: TokenSink>(into sink: inout Sink) {
        while position < count {
            let b = text.byte(at: position)
            let byteClass = text.classes[Int(b)]
            // Words, spaces, commas and line breaks are nearly all of the text: test them
            // before the table dispatch, whose indirect jump mispredicts.
            if byteClass.rawValue <= ByteClass.digit.rawValue {
                if byteClass == .digit || !scanPlainWord(into: &sink) {
                    scanWord(into: &sink)
                }
                continue
            }
            if b == 0x20 {
                sawSpace = true
                position = text.spaceRunEnd(from: position &+ 1)
                continue
            }
            if byteClass == .punctuation {
                emitPunctuation(to: position &+ 1, into: &sink)
                continue
            }
            switch byteClass {
            case .space:
                sawSpace = true
                position &+= 1
            case .newline:
                sawSpace = true
                newlines &+= 1
                position &+= 1
            case .lower, .upper, .digit:
                scanWord(into: &sink)
            case .period:
                // `.` ends a sentence; `..`, `...` and longer runs are one ellipsis token.
                emitPunctuation(
                    to: text.runEnd(of: UInt8(ascii: "."), from: position), endsSentence: .strong, into: &sink)
            case .terminal:
                emitPunctuation(to: position &+ 1, endsSentence: .strong, into: &sink)
            case .hyphen:
                // `--` is a dash in typewriter text: one token, like `—`.
                emitPunctuation(to: text.runEnd(of: UInt8(ascii: "-"), from: position), into: &sink)
            case .apostrophe:
                scanQuoteOrClitic(length: 1, into: &sink)
            case .quote:
                emitQuote(length: 1, into: &sink)
            case .openBracket:
                emitPunctuation(to: position &+ 1, opensSentence: true, into: &sink)
            case .closeBracket:
                emitPunctuation(to: position &+ 1, keepsBoundary: true, into: &sink)
            case .punctuation:
                emitPunctuation(to: position &+ 1, into: &sink)  // not reached: tested above
            case .at:
                scanHandle(into: &sink)
            case .hash:
                scanHashtag(into: &sink)
            case .lead2, .lead3, .lead4:
                scanNonASCII(into: &sink)
            case .symbol, .invalid:
                // A bad byte is a one-byte symbol, so that the cursor always moves on.
                emitSymbol(to: position &+ 1, into: &sink)
            }
        }
    }

    /// Sends one token to `sink`, adding the flags that depend on what came before it, and
    /// moves the cursor to its end.
    ///
    /// - Parameters:
    ///   - start: The token's first byte.
    ///   - end: One past the token's last byte.
    ///   - kind: The token's kind.
    ///   - shape: The flags that depend on the token's own bytes.
    ///   - opensSentence: Whether a sentence may start here after `.` and white space: a
    ///     capitalised word, an opening quote or bracket.
    ///   - keepsBoundary: Whether the token closes what the sentence end stands in (`."`,
    ///     `.)`), so that the boundary before it still counts after it.
    ///   - endsSentence: What the token says about the next sentence start.
    ///   - sink: The consumer.
    @inlinable @inline(__always)
    mutating func emit<Sink: TokenSink>(
        from start: Int, to end: Int, kind: TokenKind, shape: TokenFlags,
        opensSentence: Bool = false, keepsBoundary: Bool = false,
        endsSentence: SentenceBoundary = .none, into sink: inout Sink
    ) {
        var flags = shape
        if sawSpace { flags.insert(.spaceBefore) }
        if newlines > 0 { flags.insert(.newlineBefore) }
        // Which of the boundary's conditions hold; see `SentenceBoundary`.
        var conditions: UInt8 = newlines >= 2 ? 4 : 4 & boundary.rawValue  // a blank line always starts one
        if newlines > 0 { conditions |= 1 }
        if sawSpace && opensSentence { conditions |= 2 }
        let startsSentence = conditions & (boundary.rawValue | 4) != 0
        if startsSentence { flags.insert(.sentenceStart) }
        sink.consume(
            Token(
                start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end), kind: kind, flags: flags))
        if startsSentence && (kind == .punctuation || kind == .symbol) {
            // The sentence opens with a quote, bracket or dash: its first word opens it too,
            // so that the tagger need not look back for the flag.
            boundary = .forced
        } else if !(keepsBoundary && !startsSentence && boundary.rawValue & 0b101 == 1) {
            // A closing quote or bracket right after `.` or `U.S.` passes their boundary on.
            boundary = endsSentence
        }
        sawSpace = false
        newlines = 0
        previousIsWordLike = kind == .word || kind == .number
        position = end
    }

    /// Emits a punctuation token from the cursor to `end`.
    @inlinable
    mutating func emitPunctuation<Sink: TokenSink>(
        to end: Int, opensSentence: Bool = false, keepsBoundary: Bool = false,
        endsSentence: SentenceBoundary = .none, into sink: inout Sink
    ) {
        emit(
            from: position, to: end, kind: .punctuation, shape: text.byte(at: position) < 0x80 ? [] : .nonASCII,
            opensSentence: opensSentence, keepsBoundary: keepsBoundary, endsSentence: endsSentence, into: &sink)
    }

    /// Emits a symbol token from the cursor to `end`.
    @inlinable
    mutating func emitSymbol<Sink: TokenSink>(to end: Int, into sink: inout Sink) {
        emit(
            from: position, to: end, kind: .symbol, shape: text.byte(at: position) < 0x80 ? [] : .nonASCII, into: &sink)
    }

    /// Emits a quotation mark `length` bytes long that has no side of its own (`"`, `'`, `”`, `’`).
    ///
    /// After white space it opens a quotation (and may open a sentence); right after a token it
    /// closes one (`said."`), keeping a sentence end before it.
    @inlinable
    mutating func emitQuote<Sink: TokenSink>(length: Int, into sink: inout Sink) {
        emitPunctuation(to: position &+ length, opensSentence: sawSpace, keepsBoundary: !sawSpace, into: &sink)
    }

    /// Emits the clitic (`'s`, `'re`) that starts at the cursor, or else the apostrophe or
    /// single quote there, `length` bytes long.
    @inlinable
    mutating func scanQuoteOrClitic<Sink: TokenSink>(length: Int, into sink: inout Sink) {
        // A clitic stands apart from its word in pre-tokenized text (`Germany 's`) and after
        // an abbreviation or number (`U.S.'s`, `1990's`).
        if previousIsWordLike, let end = text.separateCliticEnd(at: position, apostropheLength: length) {
            emit(
                from: position, to: end, kind: .word, shape: text.shapeFlags(from: position, to: end).union(.clitic),
                into: &sink)
        } else {
            emitQuote(length: length, into: &sink)
        }
    }
}
