extension TokenScanner {
    /// Emits the word at the cursor if it is plain ASCII letters followed by a space, comma
    /// or line break, the usual shape of a word; otherwise emits nothing.
    ///
    /// This is the hot path: it has no state beyond the case flags and leaves everything else
    /// (periods, apostrophes, hyphens, URLs, emails, non-ASCII) to ``scanWord(into:)``.
    ///
    /// - Returns: Whether it emitted the word.
    @inlinable @inline(__always)
    mutating func scanPlainWord<Sink: TokenSink>(into sink: inout Sink) -> Bool {
        let start = position
        if text.mayStartURL(at: start) { return false }
        var upper = text.byte(at: start).isASCIIUppercase
        var lower = !upper
        var i = start &+ 1
        while true {
            let b: UInt8
            if i &+ 8 <= count {
                let bytes = text.eightBytes(at: i)
                let run = text.lowercaseRunLength(of: bytes)
                i &+= run
                lower = lower || run != 0
                if run == 8 { continue }
                b = UInt8(truncatingIfNeeded: bytes &>> (UInt64(truncatingIfNeeded: run) &<< 3))
            } else {
                guard i < count else { break }
                b = text.byte(at: i)
            }
            if b == 0x20 || b == UInt8(ascii: ",") || b == UInt8(ascii: "\n") { break }
            if b.isASCIIUppercase {
                upper = true
            } else if b.isASCIILowercase {
                lower = true  // only in the last seven bytes of the text
            } else {
                return false  // something the full scan must look at
            }
            i &+= 1
        }
        let capitalized = text.byte(at: start).isASCIIUppercase
        emit(
            from: start, to: i, kind: .word, shape: wordFlags([], upper: upper, lower: lower, capitalized: capitalized),
            opensSentence: capitalized, into: &sink)
        // Take the comma and space after the word here, saving the main loop a dispatch each.
        if i < count && text.byte(at: i) == UInt8(ascii: ",") {
            emit(from: i, to: i &+ 1, kind: .punctuation, shape: [], into: &sink)
            i &+= 1
        }
        if i < count && text.byte(at: i) == 0x20 {
            sawSpace = true
            position = text.spaceRunEnd(from: i &+ 1)
        }
        return true
    }

    /// Scans a word or number starting at the cursor (an ASCII letter or digit, or a
    /// multi-byte letter) and emits it, with the clitic split from it if there is one.
    ///
    /// Words keep inner hyphens (`short-lived`), apostrophes (`O’Brien`), periods of
    /// abbreviations (`U.S.`, `Amazon.com`), and a final period after a known abbreviation or
    /// an initial (`Mr.`, `J.`). Numbers keep `,` `.` `:` `/` between digits and letter
    /// suffixes (`1,200`, `3.5`, `30th`). A word may turn out to be a URL or an email address.
    @inlinable @inline(never)
    mutating func scanWord<Sink: TokenSink>(into sink: inout Sink) {
        let start = position
        if text.mayStartURL(at: start), let end = text.urlEnd(from: start) {
            emit(from: start, to: end, kind: .url, shape: text.shapeFlags(from: start, to: end), into: &sink)
            return
        }
        let startsWithDigit = text.byte(at: start).isASCIIDigit
        var i = start
        var upper = false
        var lower = false
        var capitalized = false
        var shape: TokenFlags = []
        var segmentStart = start  // first byte after the last inner period
        var innerPeriods = false
        var endsSentence = SentenceBoundary.none

        scan: while true {
            let b: UInt8
            if i &+ 8 <= count {
                // Skip lowercase letters eight at a time; the first other byte comes with the load.
                let bytes = text.eightBytes(at: i)
                let run = text.lowercaseRunLength(of: bytes)
                i &+= run
                lower = lower || run != 0
                if run == 8 { continue }
                b = UInt8(truncatingIfNeeded: bytes &>> (UInt64(truncatingIfNeeded: run) &<< 3))
            } else {
                guard i < count else { break }
                b = text.byte(at: i)
            }
            // Most words end at a space: test it before the table dispatch, which mispredicts.
            if b == 0x20 { break }
            switch text.classes[Int(b)] {
            case .lower:
                lower = true
                i &+= 1
            case .upper:
                if !(upper || lower) { capitalized = true }
                upper = true
                i &+= 1
            case .digit:
                shape.insert(.hasDigit)
                i &+= 1
            case .hyphen:
                guard text.isWordCharacter(at: i &+ 1) else { break scan }
                shape.insert(.hasHyphen)
                i &+= 1
            case .period:
                let previous = text.byte(at: i &- 1)  // i > start: the first character is never a period
                let next = text.byteOrZero(at: i &+ 1)
                if previous.isASCIIDigit && next.isASCIIDigit {
                    shape.insert(.hasPeriod)  // 3.5
                    i &+= 1
                    continue
                }
                // `U.S`, `Ph.D`, `Amazon.com` go on; `said.The` (a missing space) does not.
                if previous.isASCIILetter && next.isASCIILetter
                    && (next.isASCIILowercase || i &- segmentStart <= 3)
                {
                    shape.insert(.hasPeriod)
                    innerPeriods = true
                    i &+= 1
                    segmentStart = i
                    continue
                }
                if next != UInt8(ascii: "."), !startsWithDigit,
                    let boundary = text.finalPeriod(
                        start: start, end: i, segmentStart: segmentStart, innerPeriods: innerPeriods,
                        isSingleUppercase: upper && !lower, shape: shape, abbreviations: abbreviations)
                {
                    shape.insert(.hasPeriod)
                    endsSentence = boundary
                    i &+= 1
                }
                break scan
            case .apostrophe:
                switch text.apostropheRole(at: i, length: 1, wordStart: start) {
                case .inside:
                    i &+= 1
                case .ends:
                    break scan
                case .clitic(let split, let end):
                    emitWordAndClitic(
                        start: start, split: split, end: end, apostrophe: i, startsWithDigit: startsWithDigit,
                        flags: wordFlags(shape, upper: upper, lower: lower, capitalized: capitalized), into: &sink)
                    return
                }
            case .punctuation, .symbol:
                // `1,200`, `10:30`, `1/2` keep separators between digits; `AT&T` keeps `&` between capitals.
                let previous = text.byte(at: i &- 1)
                let next = text.byteOrZero(at: i &+ 1)
                let joinsDigits =
                    (b == UInt8(ascii: ",") || b == UInt8(ascii: ":") || b == UInt8(ascii: "/"))
                    && previous.isASCIIDigit && next.isASCIIDigit
                let joinsCapitals = b == UInt8(ascii: "&") && previous.isASCIIUppercase && next.isASCIIUppercase
                guard joinsDigits || joinsCapitals else { break scan }
                i &+= 1
            case .lead2, .lead3, .lead4:
                let (scalar, length) = text.decodeScalar(at: i)
                guard length != 0 else { break scan }
                if scalar == 0x2019 {  // ’, the typographic apostrophe
                    switch text.apostropheRole(at: i, length: length, wordStart: start) {
                    case .inside:
                        shape.insert(.nonASCII)
                        i &+= length
                        continue
                    case .ends:
                        break scan
                    case .clitic(let split, let end):
                        emitWordAndClitic(
                            start: start, split: split, end: end, apostrophe: i, startsWithDigit: startsWithDigit,
                            flags: wordFlags(shape, upper: upper, lower: lower, capitalized: capitalized),
                            into: &sink)
                        return
                    }
                }
                switch ScalarClass.of(scalar) {
                case .letterUpper:
                    if !(upper || lower) { capitalized = true }
                    upper = true
                case .letterLower:
                    lower = true
                case .letterOther, .mark, .format:
                    break
                case .dash where (scalar == 0x2010 || scalar == 0x2011) && text.isWordCharacter(at: i &+ length):
                    shape.insert(.hasHyphen)  // U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN
                default:
                    break scan
                }
                shape.insert(.nonASCII)
                i &+= length
            default:
                break scan
            }
        }

        // A word that stops at `@` (or at `_` `+` in a local part) may be an email address.
        if i < count {
            let b = text.byte(at: i)
            if b == UInt8(ascii: "@") || b == UInt8(ascii: "_") || b == UInt8(ascii: "+"),
                let end = text.emailEnd(from: start)
            {
                emit(from: start, to: end, kind: .email, shape: text.shapeFlags(from: start, to: end), into: &sink)
                return
            }
        }
        let kind: TokenKind = startsWithDigit ? .number : .word
        emit(
            from: start, to: i, kind: kind,
            shape: wordFlags(shape, upper: upper, lower: lower, capitalized: capitalized),
            opensSentence: capitalized && !startsWithDigit, endsSentence: endsSentence, into: &sink)
    }

    /// Adds the case flags to a word's other shape flags.
    @inlinable @inline(__always)
    func wordFlags(_ shape: TokenFlags, upper: Bool, lower: Bool, capitalized: Bool) -> TokenFlags {
        var flags = shape
        if capitalized { flags.insert(.capitalized) }
        if lower {
            flags.insert(.hasLowercase)
        } else if upper {
            flags.insert(.allUppercase)
        }
        return flags
    }

    /// Emits a word and the clitic split from it (`Guaido` + `’s`, `do` + `n’t`).
    ///
    /// - Parameters:
    ///   - start: The word's first byte.
    ///   - split: Where the clitic starts: the apostrophe, or the `n` of `n't`.
    ///   - end: One past the clitic's last byte.
    ///   - apostrophe: The apostrophe's offset; the word's `flags` describe `start..<apostrophe`.
    ///   - startsWithDigit: Whether the word is a number (`1990` + `'s`).
    ///   - flags: The shape flags of `start..<apostrophe`.
    @inlinable
    mutating func emitWordAndClitic<Sink: TokenSink>(
        start: Int, split: Int, end: Int, apostrophe: Int, startsWithDigit: Bool, flags: TokenFlags,
        into sink: inout Sink
    ) {
        if split > start {
            // For `n't` the word lost its last letter, which may change its case flags.
            let wordShape = split == apostrophe ? flags : text.shapeFlags(from: start, to: split)
            emit(
                from: start, to: split, kind: startsWithDigit ? .number : .word, shape: wordShape,
                opensSentence: wordShape.contains(.capitalized) && !startsWithDigit, into: &sink)
        }
        emit(
            from: split, to: end, kind: .word, shape: text.shapeFlags(from: split, to: end).union(.clitic), into: &sink)
    }
}
