/// A fast 64-bit hash of a byte string for the builder's in-memory tables.
///
/// wyhash-style: 8-byte words folded with 64×64→128-bit multiplies. It is not
/// stable across platforms or versions and must never reach a file; output
/// order comes from sorting, never from hash order.
enum _ByteHash {
    private static let m1: UInt64 = 0xa076_1d64_78bd_642f
    private static let m2: UInt64 = 0xe703_7ed1_a0b4_28db
    private static let m3: UInt64 = 0x8ebc_6af0_9c88_c6e3

    /// Hashes a byte string, mixing in `seed` (the key's label).
    ///
    /// - Complexity: O(`bytes.count`), one multiply per 8 bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return mix(seed ^ m1, m2 ^ m3) }
        var h = seed ^ m1 ^ (UInt64(truncatingIfNeeded: count) &* m3)
        var offset = 0
        while count - offset > 8 {
            let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            h = mix(word ^ m1, h ^ m2)
            offset += 8
        }
        let tail: UInt64
        if count >= 8 {
            // The last 8 bytes, overlapping the previous word when count is not a multiple of 8.
            tail = base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            let low = UInt64(base.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let high = UInt64(base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            tail = low | high << 32
        } else {
            tail = UInt64(bytes[0]) | UInt64(bytes[count >> 1]) << 8 | UInt64(bytes[count - 1]) << 16
        }
        h = mix(tail ^ m3, h ^ m1)
        return mix(h ^ m2, UInt64(truncatingIfNeeded: count) ^ m3)
    }

    /// Hashes a 64-bit integer key (packed ids and days).
    @inline(__always)
    static func hash(_ key: UInt64) -> UInt64 {
        mix(key ^ m1, m2)
    }

    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }
}
