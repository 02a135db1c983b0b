/// A value sorted by a packed 64-bit key.
protocol _RadixSortable {
    /// The sort key.
    var key: UInt64 { get }
}

/// A table cell keyed by a packed 64-bit integer, as ``AggregateBuilder/makePartial()`` sorts them.
struct _KeyedCell: _RadixSortable {
    var key: UInt64
    var first: Int
    var second: Int
}

/// Sorts cells by key with a least-significant-digit radix sort, one pass per
/// byte in which the keys differ.
///
/// Pair and timeline keys pack two small integers (ranks, ids, days), so most
/// of their eight bytes are equal across a chunk and only two to four passes
/// run. One sweep finds the differing bytes, one more counts them all at once
/// (8 × 256 counters fit in L1), then one scatter pass per differing byte. Comparison sorts
/// spent more time on a chunk's 100,000 pairs than counting them did. Keys are
/// unique or, when not, equal keys need no particular order.
///
/// - Complexity: O(*n* × (1 + *p*)) for *p* ≤ 8 differing bytes; one scratch array of *n* cells.
func _radixSortByKey<Cell: _RadixSortable>(_ cells: inout [Cell]) {
    guard cells.count > 64 else {
        cells.sort { $0.key < $1.key }
        return
    }
    let count = cells.count
    // Bytes that are equal in every key need no pass, and counting them would
    // chain increments of one counter; find them with plain OR and AND first.
    var all: UInt64 = 0
    var common: UInt64 = ~0
    cells.withUnsafeBufferPointer { source in
        for cell in source {
            all |= cell.key
            common &= cell.key
        }
    }
    let differing = all ^ common
    let bytes = (0..<8).filter { (differing >> UInt64($0 * 8)) & 0xFF != 0 }
    var counts = [Int](repeating: 0, count: 8 * 256)
    cells.withUnsafeBufferPointer { source in
        counts.withUnsafeMutableBufferPointer { counts in
            bytes.withUnsafeBufferPointer { bytes in
                for cell in source {
                    let key = cell.key
                    for byte in bytes {
                        counts[byte &* 256 &+ Int(truncatingIfNeeded: key >> UInt64(byte &* 8)) & 0xFF] &+= 1
                    }
                }
            }
        }
    }
    // Every pass overwrites the whole scratch array, so it starts uninitialised
    // (the cells are plain values), not as a copy.
    precondition(_isPOD(Cell.self), "radix sort of a type that needs copying")
    var scratch = [Cell](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    for byte in bytes {
        let shift = UInt64(byte * 8)
        let skip = counts.withUnsafeMutableBufferPointer { counts -> Bool in
            let digits = UnsafeMutableBufferPointer(rebasing: counts[(byte * 256)..<(byte * 256 + 256)])
            // Turn counts into starting offsets; a byte with a single value sorts nothing.
            var offset = 0
            for digit in 0..<256 {
                let n = digits[digit]
                if n == count { return true }
                digits[digit] = offset
                offset += n
            }
            return false
        }
        if skip { continue }
        cells.withUnsafeBufferPointer { source in
            scratch.withUnsafeMutableBufferPointer { target in
                counts.withUnsafeMutableBufferPointer { counts in
                    let base = byte * 256
                    for cell in source {
                        let slot = base &+ Int(truncatingIfNeeded: cell.key >> shift) & 0xFF
                        target[counts[slot]] = cell
                        counts[slot] &+= 1
                    }
                }
            }
        }
        swap(&cells, &scratch)
    }
}
