/// Maps byte strings (plus a one-byte discriminator such as a label) to dense ids.
///
/// The per-mention path of ``AggregateBuilder``: a look-up hashes the borrowed
/// bytes and probes an open-addressing table; nothing is allocated unless the key
/// is new. Keys are copied once into one arena, so a chunk's distinct names cost
/// one allocation per growth of the arena, not one `String` each.
///
/// Slots are 8 bytes: the upper 32 bits of the key's hash (to skip most byte
/// comparisons) and `id + 1` (0 marks an empty slot).
struct _ByteInterner: Sendable {
    struct Entry: Sendable {
        var hash: UInt64
        var offset: UInt32
        var length: UInt32
        var discriminator: UInt8
    }

    private(set) var entries: [Entry] = []
    private var arena: [UInt8] = []
    private var slots: [UInt64]
    private var mask: Int

    /// Makes an empty interner with room for about `capacity` keys before it grows.
    init(capacity: Int = 256) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// The number of distinct keys.
    var count: Int { entries.count }

    /// The id of a key, adding it when new. Ids are dense: 0, 1, 2… in order of first sight.
    ///
    /// - Complexity: O(`bytes.count`) expected; amortised O(1) extra when the table grows.
    @inline(__always)
    mutating func intern(_ bytes: UnsafeRawBufferPointer, discriminator: UInt8) -> Int {
        let hash = _ByteHash.hash(bytes, seed: UInt64(discriminator))
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let probe = findSlot(bytes.baseAddress, bytes.count, discriminator: discriminator, hash: hash, tag: tag)
        if probe.id >= 0 { return probe.id }
        return insert(bytes, discriminator: discriminator, hash: hash, tag: tag, slot: probe.slot)
    }

    /// Finds the key's id, or the empty slot where it belongs (`id == -1`).
    @inline(__always)
    private func findSlot(
        _ base: UnsafeRawPointer?, _ length: Int, discriminator: UInt8, hash: UInt64, tag: UInt64
    ) -> (id: Int, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBufferPointer { arena in
                    var index = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let slot = slots[index]
                        if slot == 0 { return (-1, index) }
                        if slot & 0xFFFF_FFFF_0000_0000 == tag {
                            let id = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
                            let entry = entries[id]
                            if Int(entry.length) == length, entry.discriminator == discriminator,
                                _compareBytes(
                                    arena.baseAddress.map { UnsafeRawPointer($0 + Int(entry.offset)) },
                                    length, base, length) == 0
                            {
                                return (id, index)
                            }
                        }
                        index = (index + 1) & mask
                    }
                }
            }
        }
    }

    private mutating func insert(
        _ bytes: UnsafeRawBufferPointer, discriminator: UInt8, hash: UInt64, tag: UInt64, slot: Int
    ) -> Int {
        let id = entries.count
        let length = bytes.count
        precondition(arena.count + length <= Int(UInt32.max) && id < Int(UInt32.max) - 1, "interner full")
        entries.append(
            Entry(hash: hash, offset: UInt32(arena.count), length: UInt32(length), discriminator: discriminator))
        arena._appendRaw(bytes)
        slots[slot] = tag | UInt64(id + 1)
        if entries.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [UInt64](repeating: 0, count: size)
        let freshMask = size - 1
        entries.withUnsafeBufferPointer { entries in
            fresh.withUnsafeMutableBufferPointer { fresh in
                for (id, entry) in entries.enumerated() {
                    var index = Int(truncatingIfNeeded: entry.hash) & freshMask
                    while fresh[index] != 0 { index = (index + 1) & freshMask }
                    fresh[index] = entry.hash & 0xFFFF_FFFF_0000_0000 | UInt64(id + 1)
                }
            }
        }
        slots = fresh
        mask = freshMask
    }

    /// Forgets every key, keeping the allocated capacity for the next chunk.
    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
        slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }

    /// The discriminator stored with key `id`.
    func discriminator(of id: Int) -> UInt8 { entries[id].discriminator }

    /// Lends the bytes of key `id`.
    ///
    /// - Warning: The buffer must not escape `body`.
    func withBytes<R>(of id: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let entry = entries[id]
        return try arena.withUnsafeBytes { arena in
            try body(UnsafeRawBufferPointer(rebasing: arena[Int(entry.offset)..<Int(entry.offset + entry.length)]))
        }
    }

    /// Orders two keys bytewise, then by discriminator: the order of table keys.
    func compare(_ a: Int, _ b: Int) -> Int {
        let x = entries[a]
        let y = entries[b]
        let order = arena.withUnsafeBytes { arena in
            _compareBytes(
                arena.baseAddress.map { $0 + Int(x.offset) }, Int(x.length),
                arena.baseAddress.map { $0 + Int(y.offset) }, Int(y.length))
        }
        return order != 0 ? order : Int(x.discriminator) - Int(y.discriminator)
    }

    /// Every id, in key order (bytes, then discriminator).
    ///
    /// Radix-sorts the first eight bytes of each key as a big-endian integer
    /// (zero-padded, which keeps the byte order), then compares whole keys only
    /// within runs of equal prefixes: most names differ early, so most of the
    /// `memcmp` calls of a comparison sort go away.
    ///
    /// - Complexity: O(*n*) plus O(*r* log *r*) comparisons per run of *r* equal prefixes.
    func sortedIDs() -> [Int] {
        var cells: [_KeyedCell] = []
        cells.reserveCapacity(entries.count)
        arena.withUnsafeBytes { arena in
            for (id, entry) in entries.enumerated() {
                var prefix: UInt64 = 0
                let length = min(Int(entry.length), 8)
                for index in 0..<length {
                    prefix |= UInt64(arena[Int(entry.offset) + index]) << UInt64(56 - 8 * index)
                }
                cells.append(_KeyedCell(key: prefix, first: id, second: 0))
            }
        }
        _radixSortByKey(&cells)
        var start = 0
        while start < cells.count {
            var end = start + 1
            while end < cells.count && cells[end].key == cells[start].key { end += 1 }
            if end - start > 1 { cells[start..<end].sort { compare($0.first, $1.first) < 0 } }
            start = end
        }
        return cells.map(\.first)
    }

    /// The key's bytes as a `String`, invalid UTF-8 replaced by U+FFFD.
    ///
    /// - Returns: The string, and whether it holds exactly the key's bytes (no repair).
    func string(of id: Int) -> (string: String, exact: Bool) {
        withBytes(of: id) { bytes in
            // Decoding has a fast path for valid UTF-8; comparing the result is
            // cheaper than a separate validation pass.
            var string = String(decoding: bytes, as: UTF8.self)
            let exact = string.withUTF8 { _compareBytes($0.baseAddress, $0.count, bytes.baseAddress, bytes.count) == 0 }
            return (string, exact)
        }
    }
}
