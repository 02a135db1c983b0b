/// UTF-8 validation of raw bytes, following the Unicode "well-formed UTF-8 byte sequences" table
/// (no overlongs, no encoded surrogates, nothing above U+10FFFF).
enum _UTF8Validation {
    /// Returns the length of the well-formed multi-byte sequence starting at `offset`, or 0.
    ///
    /// The hot path of the scanner calls this for every non-ASCII character inside strings, so it
    /// decides on the lead byte first and reads at most three more bytes.
    ///
    /// - Parameters:
    ///   - base: The start of the line.
    ///   - offset: The position of a byte `>= 0x80`.
    ///   - count: The length of the line; no byte at or past it is read.
    /// - Returns: 2, 3 or 4 for a valid sequence, 0 for an invalid or truncated one.
    @inline(__always)
    static func sequenceLength(_ base: UnsafeRawPointer, _ offset: Int, _ count: Int) -> Int {
        @inline(__always) func at(_ i: Int) -> UInt8 { base.load(fromByteOffset: i, as: UInt8.self) }
        @inline(__always) func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }
        let lead = at(offset)
        if lead < 0xC2 { return 0 }  // stray continuation byte or overlong two-byte lead
        if lead < 0xE0 {
            return offset + 1 < count && isContinuation(at(offset + 1)) ? 2 : 0
        }
        if lead < 0xF0 {
            guard offset + 2 < count else { return 0 }
            let b1 = at(offset + 1)
            // E0 needs A0…BF (else overlong); ED needs 80…9F (else a UTF-16 surrogate).
            let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
            return b1 >= low && b1 <= high && isContinuation(at(offset + 2)) ? 3 : 0
        }
        if lead < 0xF5 {
            guard offset + 3 < count else { return 0 }
            let b1 = at(offset + 1)
            // F0 needs 90…BF (else overlong); F4 needs 80…8F (else above U+10FFFF).
            let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
            return b1 >= low && b1 <= high && isContinuation(at(offset + 2)) && isContinuation(at(offset + 3))
                ? 4 : 0
        }
        return 0
    }

    /// Finds the first raw NUL byte or invalid UTF-8 sequence at or after `start`.
    ///
    /// Used only on the reject path, to give byte-level problems precedence over syntax errors, and
    /// by tests. Plain ASCII is skipped eight bytes at a time.
    ///
    /// - Parameters:
    ///   - base: The start of the line.
    ///   - start: Where to begin; must be at a character boundary.
    ///   - count: The length of the line.
    /// - Returns: The reason (`.nulByte` or `.invalidUTF8`) and the offset, or `nil` if the rest is clean.
    static func firstProblem(
        _ base: UnsafeRawPointer, from start: Int, count: Int
    ) -> (reason: RejectReason, offset: Int)? {
        var i = start
        while i < count {
            if i + 8 <= count {
                let word = _SWAR.load(base, i)
                if (_SWAR.equal(word, 0) | word & _SWAR.highBits) == 0 {
                    i += 8
                    continue
                }
            }
            let b = base.load(fromByteOffset: i, as: UInt8.self)
            if b == 0 { return (.nulByte, i) }
            if b < 0x80 {
                i += 1
                continue
            }
            let length = sequenceLength(base, i, count)
            if length == 0 { return (.invalidUTF8, i) }
            i += length
        }
        return nil
    }
}
