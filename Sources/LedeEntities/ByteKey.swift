import LedeText

/// Hashing and comparing of gazetteer keys: byte strings compared with ASCII
/// letters folded to lowercase.
///
/// A key is one or more words joined by single spaces. Each word is hashed on
/// its own, eight bytes per multiply with the case folded in-register (SWAR), and
/// a key's hash combines its words' hashes. So a run of tokens in the text hashes
/// exactly like the same name stored in the gazetteer's arena, no copy is made to
/// probe, and the tagger hashes each word once however many probes it takes part in.
enum ByteKey {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// ASCII lowercase of `byte`; every other byte (including UTF-8 lead and
    /// continuation bytes) is left alone, so folding never changes a length.
    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// ``fold(_:)`` applied to the eight bytes of `word` at once.
    @inline(__always)
    static func fold(word: UInt64) -> UInt64 {
        let heptets = word & ~highBits
        let atLeastA = heptets &+ (0x80 - 0x41) &* ones  // high bit set where byte >= 'A'
        let pastZ = heptets &+ (0x80 - 0x5B) &* ones     // high bit set where byte > 'Z'
        let upper = atLeastA & ~pastZ & ~word & highBits
        return word | (upper >> 2)
    }

    /// Up to 8 bytes at `pointer` as a little-endian word, zero above `count`.
    /// Reads past `count` only when `readable` bytes allow it (never past the buffer).
    @inline(__always)
    static func load(_ pointer: UnsafePointer<UInt8>, count: Int, readable: Int) -> UInt64 {
        if readable >= 8 {
            let word = UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self)
            return count >= 8 ? word : word & ((1 &<< UInt64(count &* 8)) &- 1)
        }
        var word: UInt64 = 0
        for k in 0..<min(count, 8) { word |= UInt64(pointer[k]) &<< UInt64(k &* 8) }
        return word
    }

    /// A word's hash and its first (up to) 8 bytes, case-folded: the entry
    /// compare for short words needs nothing else.
    struct Word {
        var hash: UInt64
        var head: UInt64
    }

    /// The hash and head of one word of `count` bytes (no spaces), case-folded.
    @inline(__always)
    static func word(_ pointer: UnsafePointer<UInt8>, count: Int, readable: Int) -> Word {
        let head = fold(word: load(pointer, count: count, readable: readable))
        var hash = (UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15 ^ head) &* 0xBF58_476D_1CE4_E5B9
        var offset = 8
        while offset < count {
            hash ^= hash >> 31
            let chunk = fold(word: load(pointer + offset, count: count - offset, readable: readable - offset))
            hash = (hash ^ chunk) &* 0xBF58_476D_1CE4_E5B9
            offset += 8
        }
        return Word(hash: hash, head: head)
    }

    /// Appends the next word's hash to a key's (the first word's hash is the
    /// key's start): order matters, so `New York` and `York New` differ.
    @inline(__always)
    static func combine(_ key: UInt64, _ word: UInt64) -> UInt64 {
        (key ^ (key >> 29)) &* 0x94D0_49BB_1331_11EB ^ word
    }

    /// The final mix, spreading bits for the table index (low) and tag (high).
    @inline(__always)
    static func finish(_ key: UInt64) -> UInt64 {
        let hash = (key ^ (key >> 32)) &* 0xFF51_AFD7_ED55_8CCD
        return hash ^ (hash >> 29)
    }

    /// The hash of a contiguous key (words separated by single spaces).
    static func hash(_ bytes: UnsafePointer<UInt8>, count: Int, readable: Int) -> UInt64 {
        var key: UInt64 = 0
        var start = 0
        for offset in 0...count where offset == count || bytes[offset] == 0x20 {
            let hash = word(bytes + start, count: offset - start, readable: readable - start).hash
            key = start == 0 ? hash : combine(key, hash)
            start = offset + 1
        }
        return finish(key)
    }

    /// Whether `count` bytes at `a` equal those at `b` with ASCII case folded,
    /// eight at a time where both sides can be read that far.
    @inline(__always)
    static func equalFolded(
        _ a: UnsafePointer<UInt8>, readableA: Int, _ b: UnsafePointer<UInt8>, readableB: Int, count: Int
    ) -> Bool {
        var offset = 0
        while offset < count {
            let length = min(8, count - offset)
            let x = fold(word: load(a + offset, count: length, readable: readableA - offset))
            let y = fold(word: load(b + offset, count: length, readable: readableB - offset))
            if x != y { return false }
            offset += 8
        }
        return true
    }

    /// Folds a `String` into a key (build time and tests only).
    static func folded(_ s: String) -> [UInt8] {
        s.utf8.map(fold)
    }
}
