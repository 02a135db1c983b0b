// What the scanner asks about the text that needs no scanner state: where a URL, an email
// address or an emoji sequence ends, what an apostrophe or a final period is, a token's
// shape. These run on rarer paths and are called, not inlined, from the hot loop.

/// What an apostrophe inside a word turns out to be.
@usableFromInline
enum ApostropheRole {
    /// Part of the word (`O’Brien`, `d'Estaing`, `rock'n'roll`).
    case inside
    /// Not part of the word: it ends the word, and will be a token of its own (`analysts'`).
    case ends
    /// Starts a clitic (or, for `n't`, is one byte into it): the word ends at `split` and the
    /// clitic runs from `split` to `end`.
    case clitic(split: Int, end: Int)
}

extension BorrowedText {
    /// Where the URL that starts at `start` ends, if one does: `http://`, `https://` or
    /// `www.` followed by a letter or digit, in any case.
    ///
    /// The URL runs to the next space or to a byte that cannot stand in a URL unescaped
    /// (`"`, `<`, `>`, ...); trailing sentence punctuation and unbalanced closing brackets
    /// are left out (`(see https://example.org/a).`).
    ///
    /// - Returns: One past the URL's last byte, or `nil`.
    @usableFromInline
    func urlEnd(from start: Int) -> Int? {
        let first = byte(at: start) | 0x20
        guard first == UInt8(ascii: "h") || first == UInt8(ascii: "w") else { return nil }
        var i: Int
        if hasPrefix("http://", at: start) {
            i = start &+ 7
        } else if hasPrefix("https://", at: start) {
            i = start &+ 8
        } else if hasPrefix("www.", at: start), start &+ 4 < count,
            byte(at: start &+ 4).isASCIILetter || byte(at: start &+ 4).isASCIIDigit
        {
            i = start &+ 4
        } else {
            return nil
        }
        let bodyStart = i
        var openParentheses = 0
        var closeParentheses = 0
        while i < count {
            let b = byte(at: i)
            // Space, control and non-ASCII bytes end a URL, and so do the ASCII characters
            // that must be escaped in one.
            if b <= 0x20 || b >= 0x7F || b == UInt8(ascii: "\"") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
                || b == UInt8(ascii: "\\") || b == UInt8(ascii: "^") || b == UInt8(ascii: "`")
                || b == UInt8(ascii: "{") || b == UInt8(ascii: "|") || b == UInt8(ascii: "}")
            {
                break
            }
            if b == UInt8(ascii: "(") { openParentheses &+= 1 }
            if b == UInt8(ascii: ")") { closeParentheses &+= 1 }
            i &+= 1
        }
        while i > bodyStart {
            switch byte(at: i &- 1) {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
                UInt8(ascii: "?"), UInt8(ascii: "'"), UInt8(ascii: "]"):
                i &-= 1
            case UInt8(ascii: ")") where closeParentheses > openParentheses:
                closeParentheses &-= 1
                i &-= 1
            default:
                return i
            }
        }
        return i
    }

    /// Whether the bytes at `i` are `prefix` (lowercase ASCII), ignoring case.
    @usableFromInline
    func hasPrefix(_ prefix: StaticString, at i: Int) -> Bool {
        prefix.withUTF8Buffer { expected in
            guard i &+ expected.count <= count else { return false }
            for k in 0..<expected.count {
                let b = byte(at: i &+ k)
                let folded = b.isASCIILetter ? b | 0x20 : b
                if folded != expected[k] { return false }
            }
            return true
        }
    }

    /// Where the email address that starts at `start` ends, if one does.
    ///
    /// The local part is 1 to 64 ASCII letters, digits and `. _ % + -`; the domain is at least
    /// two labels of letters, digits and `-`, the last of them two letters or more.
    ///
    /// - Returns: One past the address's last byte, or `nil`.
    @usableFromInline
    func emailEnd(from start: Int) -> Int? {
        var i = start
        // A local part is at most 64 bytes (RFC 5321). The cap also keeps text like `a_a_a_…`,
        // which asks at every `_`, from rescanning the rest of the run each time.
        while i < count && i &- start < 64 {
            let b = byte(at: i)
            guard
                b.isASCIILetter || b.isASCIIDigit || b == UInt8(ascii: ".") || b == UInt8(ascii: "_")
                    || b == UInt8(ascii: "%") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
            else { break }
            i &+= 1
        }
        guard i > start, i < count, byte(at: i) == UInt8(ascii: "@"), byte(at: i &- 1) != UInt8(ascii: ".") else {
            return nil
        }
        i &+= 1
        var labelStart = i
        var labels = 1
        var lastLabelIsAlphabetic = true
        while i < count {
            let b = byte(at: i)
            if b.isASCIILetter {
                i &+= 1
            } else if b.isASCIIDigit || b == UInt8(ascii: "-") {
                lastLabelIsAlphabetic = false
                i &+= 1
            } else if b == UInt8(ascii: "."), i > labelStart, i &+ 1 < count,
                byte(at: i &+ 1).isASCIILetter || byte(at: i &+ 1).isASCIIDigit
            {
                labels &+= 1
                i &+= 1
                labelStart = i
                lastLabelIsAlphabetic = true
            } else {
                break
            }
        }
        guard labels >= 2 && lastLabelIsAlphabetic && i &- labelStart >= 2 else { return nil }
        return i
    }

    /// Where a symbol that starts with `scalar` and runs to `end` really ends, taking in the
    /// scalars that modify or join it: variation selectors, skin tones, keycaps, tags, a
    /// second regional indicator (a flag), and emoji joined by U+200D.
    @usableFromInline
    func symbolEnd(scalar: UInt32, end: Int) -> Int {
        var i = end
        var pairsWithRegionalIndicator = (0x1F1E6...0x1F1FF).contains(scalar)
        while i < count && byte(at: i) >= 0xC0 {
            let (next, length) = decodeScalar(at: i)
            guard length != 0 else { break }
            if pairsWithRegionalIndicator && (0x1F1E6...0x1F1FF).contains(next) {
                pairsWithRegionalIndicator = false
                i &+= length
                continue
            }
            guard ScalarClass.of(next).isExtender else { break }
            i &+= length
            if next == 0x200D, i < count, byte(at: i) >= 0xC0 {  // ZWJ: take the joined emoji too
                let (joined, joinedLength) = decodeScalar(at: i)
                if joinedLength != 0 && ScalarClass.of(joined) == .symbol { i &+= joinedLength }
            }
        }
        return i
    }

    /// The shape flags of the bytes `from..<to`, for the token kinds whose scan does not
    /// track them on the way (URLs, emails, handles, hashtags, clitics).
    @usableFromInline
    func shapeFlags(from: Int, to: Int) -> TokenFlags {
        var flags: TokenFlags = []
        var upper = false
        var lower = false
        var i = from
        while i < to {
            let b = byte(at: i)
            var length = 1
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if !(upper || lower) { flags.insert(.capitalized) }
                upper = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                lower = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                flags.insert(.hasDigit)
            case UInt8(ascii: "."):
                flags.insert(.hasPeriod)
            case UInt8(ascii: "-"):
                flags.insert(.hasHyphen)
            case 0x80...:
                flags.insert(.nonASCII)
                let (scalar, scalarLength) = decodeScalar(at: i)
                length = max(scalarLength, 1)
                switch ScalarClass.of(scalar) {
                case .letterUpper where scalarLength != 0:
                    if !(upper || lower) { flags.insert(.capitalized) }
                    upper = true
                case .letterLower where scalarLength != 0:
                    lower = true
                case .dash where scalar == 0x2010 || scalar == 0x2011:
                    flags.insert(.hasHyphen)
                default:
                    break
                }
            default:
                break
            }
            i &+= length
        }
        if lower {
            flags.insert(.hasLowercase)
        } else if upper {
            flags.insert(.allUppercase)
        }
        return flags
    }

    /// Whether a word keeps the period that follows it, and if so what that period says about
    /// the end of the sentence.
    ///
    /// - Returns: `nil` if the period is a token of its own (it then ends the sentence);
    ///   ``SentenceBoundary/weak`` for abbreviations with inner periods (`U.S.`), single
    ///   capital initials (`J.`) and abbreviations that can end a sentence (`Inc.`);
    ///   ``SentenceBoundary/none`` for those that cannot (`Mr.`).
    @usableFromInline
    func finalPeriod(
        start: Int, end: Int, segmentStart: Int, innerPeriods: Bool, isSingleUppercase: Bool, shape: TokenFlags,
        abbreviations: Abbreviations
    ) -> SentenceBoundary? {
        if innerPeriods {
            // `U.S.`, `e.g.`, `Ph.D.` keep it; `Amazon.com.` ends a sentence.
            return end &- segmentStart <= 2 ? .weak : nil
        }
        if isSingleUppercase && !shape.contains(.hasDigit) && !shape.contains(.hasHyphen) {
            if end &- start == 1 { return .weak }  // J.
            if shape.contains(.nonASCII) && decodeScalar(at: start).length == end &- start { return .weak }  // Á.
        }
        guard shape.isDisjoint(with: [.hasDigit, .hasHyphen, .nonASCII]) else { return nil }
        switch abbreviations.role(base + start, count: end &- start) {
        case .prefix?: return SentenceBoundary.none
        case .other?: return .weak
        case nil: return nil
        }
    }

    /// Decides what the apostrophe (`'` or `’`, `length` bytes) at `i` inside a word is.
    ///
    /// A clitic is `'s` `'re` `'ll` `'ve` `'d` `'m` at the end of a word, or `n't`; letters
    /// after the apostrophe that do not end the word keep it inside (`O’Brien`, `d’Ivoire`).
    @usableFromInline
    func apostropheRole(at i: Int, length: Int, wordStart: Int) -> ApostropheRole {
        let suffixStart = i &+ length
        var k = suffixStart
        while k < count && k &- suffixStart < 3 && byte(at: k).isASCIILetter { k &+= 1 }
        if k > suffixStart && !isWordCharacter(at: k) {
            if isCliticSuffix(from: suffixStart, to: k) { return .clitic(split: i, end: k) }
            if k &- suffixStart == 1 && byte(at: suffixStart) | 0x20 == UInt8(ascii: "t") && i > wordStart
                && byte(at: i &- 1) | 0x20 == UInt8(ascii: "n")
            {
                return .clitic(split: i &- 1, end: k)
            }
        }
        return k > suffixStart || isWordCharacter(at: suffixStart) ? .inside : .ends
    }

    /// Where the clitic that starts with the apostrophe at `i` ends, if one does (`'s` in
    /// `Germany 's` or `U.S.'s`).
    @usableFromInline
    func separateCliticEnd(at i: Int, apostropheLength: Int) -> Int? {
        let suffixStart = i &+ apostropheLength
        var k = suffixStart
        while k < count && k &- suffixStart < 3 && byte(at: k).isASCIILetter { k &+= 1 }
        guard k > suffixStart && !isWordCharacter(at: k) && isCliticSuffix(from: suffixStart, to: k) else {
            return nil
        }
        return k
    }

    /// Whether the ASCII letters `from..<to` are `s`, `re`, `ll`, `ve`, `d` or `m`, in any case.
    @usableFromInline
    func isCliticSuffix(from: Int, to: Int) -> Bool {
        let first = byte(at: from) | 0x20
        switch to &- from {
        case 1:
            return first == UInt8(ascii: "s") || first == UInt8(ascii: "d") || first == UInt8(ascii: "m")
        case 2:
            let second = byte(at: from &+ 1) | 0x20
            return (first == UInt8(ascii: "r") && second == UInt8(ascii: "e"))
                || (first == UInt8(ascii: "l") && second == UInt8(ascii: "l"))
                || (first == UInt8(ascii: "v") && second == UInt8(ascii: "e"))
        default:
            return false
        }
    }
}
