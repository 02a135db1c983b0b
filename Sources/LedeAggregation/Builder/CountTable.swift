/// Counters stored in a ``_CountTable`` slot.
protocol _CountValue: Sendable {
    static var zero: Self { get }
    mutating func add(_ other: Self)
}

/// Two counters: the mentions and documents of a timeline cell.
struct _TwoCounts: _CountValue {
    var mentions: Int
    var documents: Int
    static var zero: _TwoCounts { _TwoCounts(mentions: 0, documents: 0) }
    @inline(__always) mutating func add(_ other: _TwoCounts) {
        mentions += other.mentions
        documents += other.documents
    }
}

/// An open-addressing map from a 64-bit key to counters.
///
/// Holds the builder's timeline (`day << 32 | entity` → mentions, documents). A
/// slot holds the key and its counters, so an update touches one cache line.
/// (Co-occurrence pairs are far more numerous and are counted by sorting, in
/// ``_PairCounter``, because a table of them outgrows the caches.)
struct _CountTable<Value: _CountValue>: Sendable {
    struct Slot: Sendable {
        var key: UInt64
        var value: Value
    }

    /// Never a real key: days are below 10⁸ and ids below 2³², so `UInt64.max` cannot occur.
    static var emptyKey: UInt64 { UInt64.max }

    private var slots: [Slot]
    private var mask: Int
    /// The number of keys.
    private(set) var count = 0

    /// Makes an empty table with room for about `capacity` keys before it grows.
    init(capacity: Int = 256) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: Self.emptyKey, value: .zero), count: size)
        mask = size - 1
    }

    /// Adds to the counters of `key`, inserting it when new.
    ///
    /// - Complexity: O(1) expected; amortised O(1) extra when the table grows.
    @inline(__always)
    mutating func add(_ key: UInt64, _ value: Value) {
        let mask = self.mask
        let inserted = slots.withUnsafeMutableBufferPointer { slots in
            var index = Int(truncatingIfNeeded: _ByteHash.hash(key)) & mask
            while true {
                let slotKey = slots[index].key
                if slotKey == key {
                    slots[index].value.add(value)
                    return false
                }
                if slotKey == Self.emptyKey {
                    slots[index] = Slot(key: key, value: value)
                    return true
                }
                index = (index + 1) & mask
            }
        }
        if inserted {
            count += 1
            if count * 2 > slots.count { grow() }
        }
    }

    /// Calls `body` with every key and its counters, in no particular order.
    func forEachKey(_ body: (_ key: UInt64, _ value: Value) throws -> Void) rethrows {
        for slot in slots where slot.key != Self.emptyKey {
            try body(slot.key, slot.value)
        }
    }

    /// Forgets every key, keeping the allocated capacity.
    mutating func removeAll() {
        slots.withUnsafeMutableBufferPointer { $0.update(repeating: Slot(key: Self.emptyKey, value: .zero)) }
        count = 0
    }

    private mutating func grow() {
        let size = slots.count * 2
        let freshMask = size - 1
        var fresh = [Slot](repeating: Slot(key: Self.emptyKey, value: .zero), count: size)
        fresh.withUnsafeMutableBufferPointer { fresh in
            for slot in slots where slot.key != Self.emptyKey {
                var index = Int(truncatingIfNeeded: _ByteHash.hash(slot.key)) & freshMask
                while fresh[index].key != Self.emptyKey { index = (index + 1) & freshMask }
                fresh[index] = slot
            }
        }
        slots = fresh
        mask = freshMask
    }
}
