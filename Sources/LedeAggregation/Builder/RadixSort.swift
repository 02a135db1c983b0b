/// A table cell keyed by a packed 64-bit integer, as ``AggregateBuilder/makePartial()`` sorts them.
struct _KeyedCell {
    var key: UInt64
    var first: Int
    var second: Int
}

/// Sorts cells by key with a least-significant-digit radix sort, one pass per
/// byte in which the keys differ.
///
/// Pair and timeline keys pack two small integers (ranks, days), so most of
/// their eight bytes are equal across a chunk and only two to four passes run.
/// Comparison sorts spent more time on a chunk's 100,000 pairs than counting
/// them did. Keys are unique, so stability does not matter.
///
/// - Complexity: O(*n* × *p*) for *p* ≤ 8 differing bytes; one scratch array of *n* cells.
func _radixSortByKey(_ cells: inout [_KeyedCell]) {
    guard cells.count > 64 else {
        cells.sort { $0.key < $1.key }
        return
    }
    var all: UInt64 = 0
    var common: UInt64 = ~0
    for cell in cells {
        all |= cell.key
        common &= cell.key
    }
    let differing = all ^ common
    var scratch = cells
    var counts = [Int](repeating: 0, count: 256)
    for byte in 0..<8 where (differing >> UInt64(byte * 8)) & 0xFF != 0 {
        let shift = UInt64(byte * 8)
        cells.withUnsafeBufferPointer { source in
            scratch.withUnsafeMutableBufferPointer { target in
                counts.withUnsafeMutableBufferPointer { counts in
                    counts.update(repeating: 0)
                    for cell in source { counts[Int(truncatingIfNeeded: cell.key >> shift) & 0xFF] += 1 }
                    var offset = 0
                    for digit in 0..<256 {
                        let count = counts[digit]
                        counts[digit] = offset
                        offset += count
                    }
                    for cell in source {
                        let digit = Int(truncatingIfNeeded: cell.key >> shift) & 0xFF
                        target[counts[digit]] = cell
                        counts[digit] += 1
                    }
                }
            }
        }
        swap(&cells, &scratch)
    }
}
