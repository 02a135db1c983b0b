/// A map from word hashes to small values for the facts of one document.
///
/// Open addressing over a power-of-two table that grows with the document and
/// is emptied in constant time by a new generation stamp, so a document costs
/// what it stores, not the size of the table left by a long one. Keys are the
/// tagger's word hashes; the index takes the top bits of a multiply, since the
/// low bits of those hashes follow the word's first bytes.
struct WordTable<Value> {
    private var keys: [UInt64]
    private var values: [Value]
    /// A slot is in use when its stamp equals ``generation``.
    private var stamps: [UInt32]
    private var generation: UInt32 = 1
    private var shift: UInt64
    private let empty: Value
    /// Keys stored in the current generation.
    private(set) var count = 0

    /// An empty table whose new entries start as `empty`.
    init(empty: Value, capacity: Int = 256) {
        var size = 16
        while size < capacity { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value](repeating: empty, count: size)
        stamps = [UInt32](repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        self.empty = empty
    }

    @inline(__always)
    private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The value of `key`, or nil when it was not stored since the last ``removeAll()``.
    @inline(__always)
    func value(_ key: UInt64) -> Value? {
        let mask = keys.count - 1
        var slot = home(key)
        while stamps[slot] == generation {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Changes the value of `key`, which starts as the table's empty value.
    @inline(__always)
    mutating func modify(_ key: UInt64, _ change: (inout Value) -> Void) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = home(key)
        while stamps[slot] == generation {
            if keys[slot] == key {
                change(&values[slot])
                return
            }
            slot = (slot + 1) & mask
        }
        stamps[slot] = generation
        keys[slot] = key
        values[slot] = empty
        change(&values[slot])
        count += 1
    }

    /// Forgets every key, keeping the table's size.
    mutating func removeAll() {
        count = 0
        if generation == .max {
            generation = 1
            for slot in stamps.indices { stamps[slot] = 0 }
        } else {
            generation += 1
        }
    }

    private mutating func grow() {
        let old = (keys: keys, values: values, stamps: stamps, generation: generation)
        let size = keys.count * 2
        keys = [UInt64](repeating: 0, count: size)
        values = [Value](repeating: empty, count: size)
        stamps = [UInt32](repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        generation = 1
        count = 0
        for slot in old.keys.indices where old.stamps[slot] == old.generation {
            let value = old.values[slot]
            modify(old.keys[slot]) { $0 = value }
        }
    }
}
