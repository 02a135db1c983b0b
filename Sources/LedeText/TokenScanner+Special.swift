// The rarer token shapes: handles, hashtags, and tokens that start with a multi-byte scalar.

extension TokenScanner {
    /// Emits the `@handle` at the cursor (`@` then ASCII letters, digits and `_`), or a lone
    /// `@` as a symbol.
    @inlinable
    mutating func scanHandle<Sink: TokenSink>(into sink: inout Sink) {
        var i = position &+ 1
        while i < count {
            let b = text.byte(at: i)
            guard b.isASCIILetter || b.isASCIIDigit || b == UInt8(ascii: "_") else { break }
            i &+= 1
        }
        if i > position &+ 1 {
            emit(from: position, to: i, kind: .handle, shape: text.shapeFlags(from: position &+ 1, to: i), into: &sink)
        } else {
            emitSymbol(to: position &+ 1, into: &sink)
        }
    }

    /// Emits the `#hashtag` at the cursor (`#` then letters, digits, marks and `_`, with at
    /// least one letter), or a lone `#` as a symbol (`#1` is `#` and a number).
    @inlinable
    mutating func scanHashtag<Sink: TokenSink>(into sink: inout Sink) {
        var i = position &+ 1
        var hasLetter = false
        while i < count {
            let b = text.byte(at: i)
            if b.isASCIILetter {
                hasLetter = true
                i &+= 1
            } else if b.isASCIIDigit || b == UInt8(ascii: "_") {
                i &+= 1
            } else if b >= 0x80 && text.isWordCharacter(at: i) {
                hasLetter = true
                i &+= text.decodeScalar(at: i).length
            } else {
                break
            }
        }
        if hasLetter {
            emit(from: position, to: i, kind: .hashtag, shape: text.shapeFlags(from: position &+ 1, to: i), into: &sink)
        } else {
            emitSymbol(to: position &+ 1, into: &sink)
        }
    }

    /// Emits the token that starts with the multi-byte scalar at the cursor, or skips it if
    /// it is white space.
    @inlinable
    mutating func scanNonASCII<Sink: TokenSink>(into sink: inout Sink) {
        let (scalar, length) = text.decodeScalar(at: position)
        guard length != 0 else {
            emitSymbol(to: position &+ 1, into: &sink)  // malformed: one byte at a time
            return
        }
        let end = position &+ length
        switch ScalarClass.of(scalar) {
        case .letterOther, .letterUpper, .letterLower:
            scanWord(into: &sink)
        case .space:
            sawSpace = true
            position = end
        case .newline:
            sawSpace = true
            newlines &+= scalar == 0x2029 ? 2 : 1  // U+2029 PARAGRAPH SEPARATOR is a blank line
            position = end
        case .openBracket, .openQuote:
            emitPunctuation(to: end, opensSentence: true, into: &sink)
        case .closeBracket:
            emitPunctuation(to: end, keepsBoundary: true, into: &sink)
        case .closeQuote:
            if scalar == 0x2019 {
                scanQuoteOrClitic(length: length, into: &sink)  // ’s after a space or an abbreviation
            } else {
                emitQuote(length: length, into: &sink)
            }
        case .terminal:
            emitPunctuation(to: end, endsSentence: .strong, into: &sink)
        case .dash, .punctuation:
            emitPunctuation(to: end, into: &sink)
        case .currency:
            emitSymbol(to: end, into: &sink)
        case .symbol, .mark, .format:
            emitSymbol(to: text.symbolEnd(scalar: scalar, end: end), into: &sink)
        }
    }
}
