import LedeText

/// A borrowed view of one document's bytes and tokens for the tagger's passes.
///
/// All of the tagger's unsafe pointer reads go through this type, so that the
/// rules read like rules. It is valid only inside the `tag` call that made it.
struct DocumentView {
    let text: UnsafePointer<UInt8>
    let textCount: Int
    let tokens: UnsafePointer<Token>
    let count: Int

    @inline(__always)
    subscript(_ index: Int) -> Token { tokens[index] }

    /// First byte of token `index`.
    @inline(__always)
    func firstByte(_ index: Int) -> UInt8 { text[Int(tokens[index].start)] }

    /// Pointer to the bytes of token `index`.
    @inline(__always)
    func bytes(_ index: Int) -> UnsafePointer<UInt8> { text + Int(tokens[index].start) }

    /// Whether token `index` is a capitalised word that can be part of a name
    /// (words with digits such as `G7` or `F-16` are left alone).
    @inline(__always)
    func isNameWord(_ index: Int) -> Bool {
        let token = tokens[index]
        return token.kind == .word
            && token.flags.rawValue & (TokenFlags.capitalized.rawValue | TokenFlags.hasDigit.rawValue)
                == TokenFlags.capitalized.rawValue
    }

    /// Whether token `index` spells `literal` exactly (lowercase context words).
    func token(_ index: Int, is literal: StaticString) -> Bool {
        guard index >= 0, index < count else { return false }
        let token = tokens[index]
        guard token.length == literal.utf8CodeUnitCount else { return false }
        let bytes = text + Int(token.start)
        let expected = literal.utf8Start
        for k in 0..<token.length where bytes[k] != expected[k] { return false }
        return true
    }

    /// The number of line feeds between the end of token `a` and the start of token `b`.
    func lineFeeds(between a: Int, and b: Int) -> Int {
        var feeds = 0
        for offset in Int(tokens[a].end)..<Int(tokens[b].start) where text[offset] == 0x0A { feeds += 1 }
        return feeds
    }

    /// Whether at least `minimum` bytes precede the start of token `index` on
    /// its line: wrapped prose has long lines, headlines and bylines short ones.
    func lineBeforeIsLong(_ index: Int, minimum: Int) -> Bool {
        var offset = Int(tokens[index].start) - 1
        var length = 0
        while offset >= 0 && text[offset] != 0x0A {
            length += 1
            if length >= minimum { return true }
            offset -= 1
        }
        return false
    }

    /// Whether token `index` is a compound adjective built on a name
    /// (`York-based`, `Kong-listed`): a hyphen followed by a lowercase letter.
    func isAdjectivalCompound(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.flags.contains(.hasHyphen) else { return false }
        var offset = Int(token.end) - 1
        while offset > Int(token.start) && text[offset] != 0x2D { offset -= 1 }
        guard offset + 1 < Int(token.end) else { return false }
        let next = text[offset + 1]
        return next >= 0x61 && next <= 0x7A
    }

    /// Whether token `index` is punctuation that opens a clause: a quote, bracket,
    /// dash or colon (`“The …`, `(The …`, `— The …`).
    func opensClause(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .punctuation else { return false }
        let first = text[Int(token.start)]
        switch first {
        case 0x22, 0x27, 0x28, 0x5B, 0x3A, 0x2D, 0x3B: return true  // " ' ( [ : - ;
        case 0xE2:  // U+2010...U+201F: dashes and curly quotes
            return token.length == 3 && text[Int(token.start) + 1] == 0x80
        default: return false
        }
    }

    /// Whether token `index` is exactly one ASCII byte `byte` (`(`, `)`, `&`).
    @inline(__always)
    func isByte(_ index: Int, _ byte: UInt8) -> Bool {
        index >= 0 && index < count && tokens[index].length == 1 && text[Int(tokens[index].start)] == byte
    }

    /// Whether token `index` looks like an acronym: 2 to 6 ASCII capitals, no
    /// periods or digits, and not a Roman numeral (`II`, `XIV`).
    func isAcronymShape(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .word, token.flags.contains(.allUppercase),
              !token.flags.contains(.hasPeriod), !token.flags.contains(.hasDigit),
              token.length >= 2, token.length <= 6 else { return false }
        let bytes = text + Int(token.start)
        var roman = true
        for k in 0..<token.length {
            let byte = bytes[k]
            guard byte >= 0x41 && byte <= 0x5A else { return false }
            if byte != 0x49 && byte != 0x56 && byte != 0x58 { roman = false }  // I V X
        }
        return !roman
    }

    /// The uppercase ASCII letters of token `index` packed into a `UInt64`, first
    /// letter lowest, or 0 if it has more than 8 letters or a non-ASCII byte.
    func packedLetters(_ index: Int) -> UInt64 {
        let token = tokens[index]
        let bytes = text + Int(token.start)
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for k in 0..<token.length {
            let byte = bytes[k]
            if byte == 0x2E || byte == 0x2D { continue }  // U.N., Al-...
            guard byte < 0x80, shift < 64 else { return 0 }
            let upper = byte &- 0x61 < 26 ? byte & 0xDF : byte
            guard upper &- 0x41 < 26 else { return 0 }
            key |= UInt64(upper) << shift
            shift += 8
        }
        return key
    }
}
