/// What a token is, as far as the tokenizer can tell from its bytes.
public enum TokenKind: UInt8, Sendable, CaseIterable {
    /// Letters, with inner apostrophes, hyphens and periods (`U.S.`, `Mr.`, `co-op`).
    case word
    /// Digits with inner `,` `.` and an ordinal or unit suffix (`1,200`, `3.5`, `30th`).
    case number
    /// Sentence and clause punctuation, quotes, brackets, dashes, ellipses.
    case punctuation
    /// `http://…`, `https://…`, `www.…`.
    case url
    /// `someone@example.org`.
    case email
    /// `@handle`.
    case handle
    /// `#hashtag`.
    case hashtag
    /// Anything else: currency signs, `%`, `&`, emoji, other symbols.
    case symbol
}

/// Facts about a token's shape and position that later stages ask about often.
///
/// The flags are computed properties rather than stored `static let`s so that a flag test
/// compiles to a constant in other modules: a `static let` is reached through a lazy-global
/// accessor call, which cost several percent of the tokenizer's time.
public struct TokenFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16

    @inlinable
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The token opens a sentence.
    ///
    /// When a sentence opens with quotes, brackets or dashes (`“We`), they and the first word
    /// after them all carry the flag. ``Tokenizer`` documents when a sentence starts.
    @inlinable public static var sentenceStart: TokenFlags { TokenFlags(rawValue: 1 << 0) }
    /// The first letter is uppercase (`Guaido`, `U.S.`, `McDonald`).
    @inlinable public static var capitalized: TokenFlags { TokenFlags(rawValue: 1 << 1) }
    /// Every letter is uppercase and there is at least one (`SOUTHCOM`, `U.S.`, `I`).
    @inlinable public static var allUppercase: TokenFlags { TokenFlags(rawValue: 1 << 2) }
    /// At least one letter is lowercase.
    @inlinable public static var hasLowercase: TokenFlags { TokenFlags(rawValue: 1 << 3) }
    /// At least one ASCII digit.
    @inlinable public static var hasDigit: TokenFlags { TokenFlags(rawValue: 1 << 4) }
    /// Contains a period (`U.S.`, `Mr.`): an abbreviation or initial.
    ///
    /// Also set for the inner periods of numbers (`3.5`) and domain-like words (`Amazon.com`);
    /// check ``TokenKind`` to tell them apart.
    @inlinable public static var hasPeriod: TokenFlags { TokenFlags(rawValue: 1 << 5) }
    /// Contains a hyphen.
    @inlinable public static var hasHyphen: TokenFlags { TokenFlags(rawValue: 1 << 6) }
    /// Contains a multi-byte scalar.
    @inlinable public static var nonASCII: TokenFlags { TokenFlags(rawValue: 1 << 7) }
    /// White space stands right before the token (or it starts the text).
    @inlinable public static var spaceBefore: TokenFlags { TokenFlags(rawValue: 1 << 8) }
    /// A line break stands between this token and the previous one.
    @inlinable public static var newlineBefore: TokenFlags { TokenFlags(rawValue: 1 << 9) }
    /// A possessive or contraction suffix split from its word (`’s`, `'s`, `n’t`).
    @inlinable public static var clitic: TokenFlags { TokenFlags(rawValue: 1 << 10) }
}

/// One token: a byte span of the text with its kind and shape.
///
/// Offsets are byte offsets into the UTF-8 text the tokenizer was given, end exclusive.
/// They always lie on Unicode scalar boundaries.
public struct Token: Sendable, Hashable {
    /// Offset of the first byte.
    public var start: Int32
    /// Offset one past the last byte.
    public var end: Int32
    /// What the token is.
    public var kind: TokenKind
    /// Shape and position facts.
    public var flags: TokenFlags

    @inlinable
    public init(start: Int32, end: Int32, kind: TokenKind, flags: TokenFlags) {
        self.start = start
        self.end = end
        self.kind = kind
        self.flags = flags
    }

    /// The number of bytes the token spans.
    @inlinable
    public var length: Int { Int(end &- start) }
}

/// A consumer of tokens, called once per token in text order.
///
/// Tokenizers take their sink as a generic `inout` parameter so that the call is
/// specialised and inlined: never pass a sink as an existential in a hot loop.
public protocol TokenSink {
    /// Takes the next token.
    mutating func consume(_ token: Token)
}

/// A reusable, growable list of tokens for one document at a time.
///
/// Keep one per worker and call ``removeAll()`` between documents: its storage is
/// kept, so steady-state tokenizing allocates nothing.
public struct TokenBuffer: TokenSink, Sendable {
    /// The tokens collected since the last ``removeAll()``.
    public var tokens: [Token]

    /// Creates an empty buffer with room for `capacity` tokens.
    public init(capacity: Int = 4096) {
        tokens = []
        tokens.reserveCapacity(capacity)
    }

    @inlinable
    public mutating func consume(_ token: Token) { tokens.append(token) }

    /// Empties the buffer, keeping its storage.
    public mutating func removeAll() { tokens.removeAll(keepingCapacity: true) }

    /// The number of tokens collected.
    public var count: Int { tokens.count }
}
