/// A row of a compact table: a packed 64-bit key of name ranks (and a day), and counts.
///
/// Keys of one table order its rows exactly as the `String` rows they stand for,
/// because ranks follow the name table's key order.
protocol _CompactCell: _RadixSortable, Sendable, Equatable {
    /// The same row with its name ranks sent through `map` (a monotone map between name tables).
    func remapped(_ map: UnsafeBufferPointer<UInt32>) -> Self
    /// Adds the counts of a row with the same key.
    mutating func absorb(_ other: Self)
}

/// An entity row: its name's rank, counts and packed first and last days (0 when none).
struct _EntityCell: _CompactCell {
    var name: UInt32
    var firstDay: UInt32
    var lastDay: UInt32
    var mentions: Int
    var documents: Int

    var key: UInt64 { UInt64(name) }

    @inline(__always)
    func remapped(_ map: UnsafeBufferPointer<UInt32>) -> Self {
        var cell = self
        cell.name = map[Int(name)]
        return cell
    }

    @inline(__always)
    mutating func absorb(_ other: Self) {
        mentions += other.mentions
        documents += other.documents
        if other.firstDay != 0 && (firstDay == 0 || other.firstDay < firstDay) { firstDay = other.firstDay }
        if other.lastDay > lastDay { lastDay = other.lastDay }
    }
}

/// A co-occurrence row: `a << 32 | b` with rank a below rank b, and documents.
struct _PairCell: _CompactCell {
    var key: UInt64
    var documents: Int

    @inline(__always)
    func remapped(_ map: UnsafeBufferPointer<UInt32>) -> Self {
        _PairCell(key: UInt64(map[Int(key >> 32)]) << 32 | UInt64(map[Int(key & 0xFFFF_FFFF)]), documents: documents)
    }

    @inline(__always)
    mutating func absorb(_ other: Self) { documents += other.documents }
}

/// A timeline row: `packed day << 32 | rank`, mentions and documents.
struct _TimelineCell: _CompactCell {
    var key: UInt64
    var mentions: Int
    var documents: Int

    @inline(__always)
    func remapped(_ map: UnsafeBufferPointer<UInt32>) -> Self {
        _TimelineCell(
            key: key & 0xFFFF_FFFF_0000_0000 | UInt64(map[Int(key & 0xFFFF_FFFF)]), mentions: mentions,
            documents: documents)
    }

    @inline(__always)
    mutating func absorb(_ other: Self) {
        mentions += other.mentions
        documents += other.documents
    }
}

/// Merges two sorted cell arrays after sending each through its rank map, combining equal keys.
///
/// - Complexity: O(*n* + *m*); integer comparisons only.
func _mergeCells<Cell: _CompactCell>(_ a: [Cell], _ mapA: [UInt32], _ b: [Cell], _ mapB: [UInt32]) -> [Cell] {
    var merged: [Cell] = []
    merged.reserveCapacity(max(a.count, b.count) + min(a.count, b.count) / 2)
    a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
            mapA.withUnsafeBufferPointer { mapA in
                mapB.withUnsafeBufferPointer { mapB in
                    var i = 0
                    var j = 0
                    var x = i < a.count ? a[i].remapped(mapA) : nil
                    var y = j < b.count ? b[j].remapped(mapB) : nil
                    while let left = x, let right = y {
                        if left.key < right.key {
                            merged.append(left)
                            i += 1
                            x = i < a.count ? a[i].remapped(mapA) : nil
                        } else if left.key > right.key {
                            merged.append(right)
                            j += 1
                            y = j < b.count ? b[j].remapped(mapB) : nil
                        } else {
                            var cell = left
                            cell.absorb(right)
                            merged.append(cell)
                            i += 1
                            j += 1
                            x = i < a.count ? a[i].remapped(mapA) : nil
                            y = j < b.count ? b[j].remapped(mapB) : nil
                        }
                    }
                    while i < a.count {
                        merged.append(a[i].remapped(mapA))
                        i += 1
                    }
                    while j < b.count {
                        merged.append(b[j].remapped(mapB))
                        j += 1
                    }
                }
            }
        }
    }
    return merged
}
