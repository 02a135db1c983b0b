import LedeEntities

/// A sorted list of distinct keys, each a byte string with a one-byte label, stored in one arena.
///
/// The spine of a compact partial: rows name entities by their position in
/// this table (their *rank*), so that pair and timeline rows are integers and
/// no `String` exists per row. Keys are in table order (bytes, then label), so
/// comparing two ranks of one table compares the keys, and any map between two
/// tables that preserves keys preserves the order of rows too.
struct _NameTable: Sendable, Equatable {
    /// Every key's bytes, back to back.
    private(set) var arena: [UInt8] = []
    /// `ends[i]` is where key `i` ends in `arena`; it starts where key `i − 1` ends.
    private(set) var ends: [UInt32] = []
    /// The label (or other discriminator) of each key.
    private(set) var labels: [UInt8] = []

    /// Makes an empty table.
    init() {}

    /// Makes an empty table with room for `capacity` keys of `bytes` bytes in all.
    init(reservingCapacity capacity: Int, bytes: Int) {
        ends.reserveCapacity(capacity)
        labels.reserveCapacity(capacity)
        arena.reserveCapacity(bytes)
    }

    /// The number of keys.
    var count: Int { ends.count }

    /// Appends a key; the caller keeps the table sorted.
    ///
    /// - Precondition: the arena stays below 4 GiB.
    @inline(__always)
    mutating func append(_ bytes: UnsafeRawBufferPointer, label: UInt8) {
        precondition(arena.count + bytes.count <= Int(UInt32.max), "name table full")
        arena._appendRaw(bytes)
        ends.append(UInt32(truncatingIfNeeded: arena.count))
        labels.append(label)
    }

    /// Appends key `index` of `other`.
    @inline(__always)
    mutating func append(_ index: Int, of other: _NameTable) {
        other.withBytes(index) { append($0, label: other.labels[index]) }
    }

    /// The byte range of key `index` in ``arena``.
    @inline(__always)
    func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])
    }

    /// Lends the bytes of key `index`.
    ///
    /// - Warning: The buffer must not escape `body`.
    @inline(__always)
    func withBytes<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let range = range(index)
        return try arena.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// Key `index`'s bytes as a `String` (invalid UTF-8 repaired).
    func string(_ index: Int) -> String {
        withBytes(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Key `index`'s label as an ``EntityLabel``.
    func label(_ index: Int) -> EntityLabel { EntityLabel(rawValue: labels[index])! }

    /// Three-way comparison of key `i` of `a` and key `j` of `b`: bytes, then label.
    static func compare(_ a: _NameTable, _ i: Int, _ b: _NameTable, _ j: Int) -> Int {
        let x = a.range(i)
        let y = b.range(j)
        let order = a.arena.withUnsafeBytes { p in
            b.arena.withUnsafeBytes { q in
                _compareBytes(p.baseAddress.map { $0 + x.lowerBound }, x.count, q.baseAddress.map { $0 + y.lowerBound }, y.count)
            }
        }
        return order != 0 ? order : Int(a.labels[i]) - Int(b.labels[j])
    }

    /// Whether every key is valid UTF-8 (so `String`s hold exactly the key's bytes).
    ///
    /// - Complexity: O(bytes); keys of plain ASCII are checked eight bytes at a time.
    var isValidUTF8: Bool {
        arena.withUnsafeBytes { arena in
            for key in 0..<count {
                let bytes = UnsafeRawBufferPointer(rebasing: arena[range(key)])
                if !_isASCII(bytes) && !_isValidUTF8(bytes) { return false }
            }
            return true
        }
    }

    /// The union of several sorted tables, and where each table's keys went.
    ///
    /// Merged pairwise in a balanced tree, so the cost grows with log *k*, not *k*.
    ///
    /// - Returns: The merged table and, per input, a map from its ranks to merged ranks
    ///   (monotone, so rows stay sorted after mapping).
    /// - Complexity: O(*n* log *k*) key comparisons for *n* keys in *k* tables.
    static func union(_ tables: ArraySlice<_NameTable>) -> (table: _NameTable, maps: [[UInt32]]) {
        switch tables.count {
        case 0: return (_NameTable(), [])
        case 1: return (tables.first!, [Array(0..<UInt32(tables.first!.count))])
        default:
            let middle = tables.startIndex + tables.count / 2
            let left = union(tables[..<middle])
            let right = union(tables[middle...])
            let top = union(left.table, right.table)
            let maps =
                left.maps.map { map in map.map { top.left[Int($0)] } }
                + right.maps.map { map in map.map { top.right[Int($0)] } }
            return (top.table, maps)
        }
    }

    /// The union of two sorted tables, and where each one's keys went.
    ///
    /// - Complexity: O(*n* + *m*) key comparisons.
    static func union(_ a: _NameTable, _ b: _NameTable) -> (table: _NameTable, left: [UInt32], right: [UInt32]) {
        var merged = _NameTable(reservingCapacity: max(a.count, b.count), bytes: max(a.arena.count, b.arena.count))
        var left = [UInt32](repeating: 0, count: a.count)
        var right = [UInt32](repeating: 0, count: b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            let order = i == a.count ? 1 : (j == b.count ? -1 : compare(a, i, b, j))
            let rank = UInt32(merged.count)
            if order <= 0 {
                merged.append(i, of: a)
                left[i] = rank
                i += 1
                if order == 0 {
                    right[j] = rank
                    j += 1
                }
            } else {
                merged.append(j, of: b)
                right[j] = rank
                j += 1
            }
        }
        return (merged, left, right)
    }
}
