/// A map from word hashes to small values for the facts of one document.
///
/// Open addressing over a power-of-two table that grows with the document and
/// is emptied in constant time by a new generation stamp, so a document costs
/// what it stores, not the size of the table left by a long one. Keys are the
/// tagger's word hashes; the index takes the top bits of a multiply, since the
/// low bits of those hashes follow the word's first bytes.
struct WordTable<Value> {
    /// One entry: in use when its stamp equals ``generation``. Key, stamp and
    /// value sit together, so a lookup touches one cache line and a write checks
    /// one array's uniqueness.
    private struct Slot {
        var key: UInt64
        var stamp: UInt32
        var value: Value
    }

    private var slots: [Slot]
    private var generation: UInt32 = 1
    private var shift: UInt64
    private let empty: Value
    /// Keys stored in the current generation.
    private(set) var count = 0

    /// An empty table whose new entries start as `empty`.
    init(empty: Value, capacity: Int = 256) {
        var size = 16
        while size < capacity { size <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, stamp: 0, value: empty), count: size)
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
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = home(key)
            while slots[slot].stamp == generation {
                if slots[slot].key == key { return slots[slot].value }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// Changes the value of `key`, which starts as the table's empty value.
    @inline(__always)
    mutating func modify(_ key: UInt64, _ change: (inout Value) -> Void) {
        if (count + 1) * 2 > slots.count { grow() }
        let generation = generation, empty = empty, start = home(key)
        let added = slots.withUnsafeMutableBufferPointer { slots in
            let mask = slots.count - 1
            var slot = start
            while slots[slot].stamp == generation {
                if slots[slot].key == key {
                    change(&slots[slot].value)
                    return false
                }
                slot = (slot + 1) & mask
            }
            slots[slot] = Slot(key: key, stamp: generation, value: empty)
            change(&slots[slot].value)
            return true
        }
        if added { count += 1 }
    }

    /// Forgets every key, keeping the table's size.
    mutating func removeAll() {
        count = 0
        if generation == .max {
            generation = 1
            for slot in slots.indices { slots[slot].stamp = 0 }
        } else {
            generation += 1
        }
    }

    private mutating func grow() {
        let old = (slots: slots, generation: generation)
        let size = slots.count * 2
        slots = [Slot](repeating: Slot(key: 0, stamp: 0, value: empty), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        generation = 1
        count = 0
        for slot in old.slots where slot.stamp == old.generation {
            let value = slot.value
            modify(slot.key) { $0 = value }
        }
    }
}
