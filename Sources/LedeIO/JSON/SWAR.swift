/// Eight-bytes-at-a-time byte classification ("SIMD within a register").
///
/// Every mask has the high bit of a byte set where that byte matches. Only the *lowest* set bit is
/// exact: the borrow in `x - 0x01…` can flag the byte just above a true match. Callers therefore
/// only ever use `trailingZeroBitCount` (the first match) or test for zero, never a population count.
/// The words are read little-endian so that the lowest bit is the first byte in memory.
enum _SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Loads eight bytes at `offset` with byte 0 in the low bits, whatever the alignment and endianness.
    ///
    /// - Parameters:
    ///   - base: The start of readable memory.
    ///   - offset: The first of the eight bytes; `offset + 8` must not pass the end of the memory.
    /// - Returns: The eight bytes as a little-endian word.
    @inline(__always)
    static func load(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Flags bytes equal to `byte`, which must be replicated in every lane of `pattern`.
    @inline(__always)
    static func equal(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = word ^ pattern
        return (x &- ones) & ~x & highBits
    }

    /// Flags bytes below `0x20` (the control characters JSON forbids raw inside strings).
    @inline(__always)
    static func control(_ word: UInt64) -> UInt64 {
        (word &- 0x2020_2020_2020_2020) & ~word & highBits
    }

    /// Flags the bytes that end a plain run inside a JSON string while the line is also being
    /// validated as UTF-8: `"`, `\`, control bytes and every byte `>= 0x80`.
    @inline(__always)
    static func stringStop(_ word: UInt64) -> UInt64 {
        let q = word ^ 0x2222_2222_2222_2222
        let s = word ^ 0x5C5C_5C5C_5C5C_5C5C
        return ((q &- ones) & ~q | (s &- ones) & ~s | (word &- 0x2020_2020_2020_2020) & ~word | word) & highBits
    }

    /// Flags the bytes that the JSON writer must escape: `"`, `\` and control bytes.
    @inline(__always)
    static func needsEscape(_ word: UInt64) -> UInt64 {
        let q = word ^ 0x2222_2222_2222_2222
        let s = word ^ 0x5C5C_5C5C_5C5C_5C5C
        return ((q &- ones) & ~q | (s &- ones) & ~s | (word &- 0x2020_2020_2020_2020) & ~word) & highBits
    }

    /// Counts UTF-8 continuation bytes (`10xxxxxx`) exactly; this mask has no borrow, so all lanes are exact.
    @inline(__always)
    static func continuationCount(_ word: UInt64) -> Int {
        (word & ~(word << 1) & highBits).nonzeroBitCount
    }

    /// The index (0–7) of the first flagged byte of a non-zero mask.
    @inline(__always)
    static func firstIndex(_ mask: UInt64) -> Int {
        mask.trailingZeroBitCount &>> 3
    }
}
