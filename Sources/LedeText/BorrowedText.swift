/// The text being tokenized and the byte class table, as borrowed pointers, with the reads
/// the tokenizer makes through them.
///
/// All of the tokenizer's pointer arithmetic is in this type. It is three words, so that the
/// scanner's helpers take it in registers: when they were methods of the scanner itself,
/// each call that was not inlined copied the scanner's whole mutable state to the stack, and
/// reloading state just stored stalled the hot loop.
///
/// - Warning: The pointers are borrowed for one ``Tokenizer/tokenize(_:into:)`` call: a
///   `BorrowedText` must not escape it.
@usableFromInline
struct BorrowedText {
    /// The first byte of the text.
    @usableFromInline let base: UnsafePointer<UInt8>
    /// The number of bytes in the text.
    @usableFromInline let count: Int
    /// ``ByteClass/table``, hoisted to a pointer for the length of the call.
    @usableFromInline let classes: UnsafePointer<ByteClass>

    /// Wraps borrowed pointers.
    @inlinable
    init(base: UnsafePointer<UInt8>, count: Int, classes: UnsafePointer<ByteClass>) {
        self.base = base
        self.count = count
        self.classes = classes
    }

    /// The byte at offset `i`.
    ///
    /// - Warning: `i` must be in `0..<count`.
    @inlinable @inline(__always)
    func byte(at i: Int) -> UInt8 { base[i] }

    /// The byte at offset `i`, or 0 (a byte of class ``ByteClass/space``) past the end.
    @inlinable @inline(__always)
    func byteOrZero(at i: Int) -> UInt8 { i < count ? base[i] : 0 }

    /// The class of the byte at offset `i`.
    ///
    /// - Warning: `i` must be in `0..<count`.
    @inlinable @inline(__always)
    func classOfByte(at i: Int) -> ByteClass { classes[Int(base[i])] }

    /// Eight bytes from offset `i`, the first in the lowest byte.
    ///
    /// - Warning: `i + 8` must not exceed `count`.
    @inlinable @inline(__always)
    func eightBytes(at i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
    }

    /// Whether the four bytes at `i` are `http` or `www.` in any case: a cheap test before
    /// the full URL scan, made for every word.
    @inlinable @inline(__always)
    func mayStartURL(at i: Int) -> Bool {
        guard i &+ 4 <= count else { return false }
        let folded = UInt32(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt32.self)) | 0x2020_2020
        return folded == 0x7074_7468 || folded == 0x2E77_7777  // "http", "www." (first byte lowest)
    }

    /// How many of the eight bytes of `word` (first byte lowest) are `a`...`z` before the
    /// first that is not.
    ///
    /// Lowercase letters are about three quarters of the bytes of news text, so words are
    /// scanned eight bytes at a time. For each byte *b* below 0x80, `b + 0x1F` has its top bit set iff *b* ≥ `a`, and
    /// `b + 0x05` iff *b* > `z`; neither sum carries into the next byte. A byte of 0x80 or
    /// more marks itself through `~word`; the carries it may cause only reach bytes after it,
    /// which the count never looks at.
    ///
    /// - Returns: 0...8; 8 when all eight bytes are lowercase letters.
    @inlinable @inline(__always)
    func lowercaseRunLength(of word: UInt64) -> Int {
        let atLeastA = word &+ 0x1F1F_1F1F_1F1F_1F1F
        let aboveZ = word &+ 0x0505_0505_0505_0505
        let notLower = ~(atLeastA & ~aboveZ & ~word) & 0x8080_8080_8080_8080
        return notLower.trailingZeroBitCount &>> 3
    }

    /// The offset of the first byte at or after `i` that is not a space (0x20).
    ///
    /// Tables and indented wire copy have long runs of spaces; eight are skipped at a time.
    @inlinable @inline(__always)
    func spaceRunEnd(from i: Int) -> Int {
        var i = i
        // The common case, one space between words, costs one compare.
        guard i < count && base[i] == 0x20 else { return i }
        while i &+ 8 <= count {
            let x = eightBytes(at: i) ^ 0x2020_2020_2020_2020
            // Top bit of each byte set iff that byte of x is nonzero (no carries cross bytes).
            let nonzero = (((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
            if nonzero != 0 { return i &+ (nonzero.trailingZeroBitCount &>> 3) }
            i &+= 8
        }
        while i < count && base[i] == 0x20 { i &+= 1 }
        return i
    }

    /// The offset one past the run of `byte` that starts at `i`.
    @inlinable
    func runEnd(of byte: UInt8, from i: Int) -> Int {
        var end = i &+ 1
        while end < count && base[end] == byte { end &+= 1 }
        return end
    }

    /// Decodes the scalar at offset `i`.
    ///
    /// Malformed input (a stray continuation byte, a truncated or overlong sequence, a
    /// surrogate, a value past U+10FFFF) gives length 0, so that callers can treat the lead
    /// byte as a one-byte symbol and move on: the tokenizer never traps or stalls on bad UTF-8.
    ///
    /// - Returns: The scalar value and its length in bytes (1...4), or length 0 if malformed.
    @inlinable
    func decodeScalar(at i: Int) -> (scalar: UInt32, length: Int) {
        let lead = UInt32(base[i])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xC2 { return (0, 0) }
        if lead < 0xE0 {
            guard i &+ 1 < count, let c1 = continuation(at: i &+ 1) else { return (0, 0) }
            return ((lead & 0x1F) &<< 6 | c1, 2)
        }
        if lead < 0xF0 {
            guard i &+ 2 < count, let c1 = continuation(at: i &+ 1), let c2 = continuation(at: i &+ 2) else {
                return (0, 0)
            }
            let scalar = (lead & 0x0F) &<< 12 | c1 &<< 6 | c2
            guard scalar >= 0x800 && (scalar < 0xD800 || scalar > 0xDFFF) else { return (0, 0) }
            return (scalar, 3)
        }
        if lead < 0xF5 {
            guard i &+ 3 < count, let c1 = continuation(at: i &+ 1), let c2 = continuation(at: i &+ 2),
                let c3 = continuation(at: i &+ 3)
            else { return (0, 0) }
            let scalar = (lead & 0x07) &<< 18 | c1 &<< 12 | c2 &<< 6 | c3
            guard scalar >= 0x1_0000 && scalar <= 0x10_FFFF else { return (0, 0) }
            return (scalar, 4)
        }
        return (0, 0)
    }

    /// The six payload bits of the continuation byte at `i`, or `nil` if it is not one.
    @inlinable @inline(__always)
    func continuation(at i: Int) -> UInt32? {
        let b = base[i]
        return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
    }

    /// Whether offset `i` holds a letter, digit or combining mark: something that starts or
    /// continues a word. False past the end.
    @inlinable
    func isWordCharacter(at i: Int) -> Bool {
        guard i < count else { return false }
        switch classes[Int(base[i])] {
        case .lower, .upper, .digit: return true
        case .lead2, .lead3, .lead4:
            let (scalar, length) = decodeScalar(at: i)
            guard length != 0 else { return false }
            let scalarClass = ScalarClass.of(scalar)
            return scalarClass.isLetter || scalarClass == .mark
        default: return false
        }
    }
}

extension UInt8 {
    /// `0`...`9`.
    @inlinable @inline(__always)
    var isASCIIDigit: Bool { self &- UInt8(ascii: "0") < 10 }

    /// `A`...`Z`.
    @inlinable @inline(__always)
    var isASCIIUppercase: Bool { self &- UInt8(ascii: "A") < 26 }

    /// `a`...`z` or `A`...`Z`.
    @inlinable @inline(__always)
    var isASCIILetter: Bool { (self | 0x20) &- UInt8(ascii: "a") < 26 }

    /// `a`...`z`.
    @inlinable @inline(__always)
    var isASCIILowercase: Bool { self &- UInt8(ascii: "a") < 26 }
}
