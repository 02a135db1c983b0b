/// Receives the merged cells of one table in key order.
protocol _CellSink<Cell>: ~Copyable {
    associatedtype Cell: _BinaryCell
    /// Takes the next cell; keys strictly increase from call to call.
    mutating func consume(_ cell: Cell) throws
}

/// The streaming k-way merge of one table over several partial directories.
///
/// One ``_CellReader`` per input, each remapping its ranks into the merged
/// name table as it reads, so that every comparison is one integer comparison:
/// no `String`, no byte comparison and no allocation per row. The current cell
/// of each input sits in one buffer and a binary min-heap of input indices is
/// ordered by their keys (ties by index, which only fixes the order in which
/// equal keys are combined; combining is commutative). Equal keys are combined
/// into one pending cell that goes to the sink when a larger key shows up.
/// Memory: the k readers' buffers, whatever the table sizes.
enum _CellMerge<Cell: _BinaryCell> {
    /// Merges `Cell`'s table of every directory into `sink`.
    ///
    /// - Parameters:
    ///   - directories: Partial directories.
    ///   - nameCounts: The size of each directory's name table.
    ///   - maps: Each directory's map from its ranks to the merged name table's.
    ///   - sink: Receives the merged cells.
    /// - Returns: The number of cells given to the sink.
    /// - Complexity: O(*n* log *k*) integer comparisons for *n* input rows from *k* directories.
    static func merge<Sink: _CellSink & ~Copyable>(
        directories: [String], nameCounts: [Int], maps: [[UInt32]], into sink: inout Sink
    ) throws -> Int where Sink.Cell == Cell {
        var readers: [_CellReader<Cell>] = []
        for (index, directory) in directories.enumerated() {
            readers.append(try _CellReader<Cell>(directory: directory, names: nameCounts[index], map: maps[index]))
        }
        return try merge(readers, below: .max, into: &sink)
    }

    /// Merges the cells of `readers` whose keys are below `stop` into `sink`.
    ///
    /// Stops when the smallest next key reaches `stop`: the readers are then
    /// not read to their ends. No valid key is `UInt64.max` (the readers refuse
    /// records whose cell cannot hold their key, a pair whose ranks are not
    /// increasing and an invalid day), so with `stop` `UInt64.max` every reader
    /// is read to its end and its trailer checked.
    ///
    /// - Returns: The number of cells given to the sink.
    private static func merge<Sink: _CellSink & ~Copyable>(
        _ allReaders: [_CellReader<Cell>], below stop: UInt64, into sink: inout Sink
    ) throws -> Int where Sink.Cell == Cell {
        var readers: [_CellReader<Cell>] = []
        var firstCells: [Cell] = []
        for reader in allReaders {
            if let cell = try reader.next() {
                readers.append(reader)
                firstCells.append(cell)
            }
        }
        guard !readers.isEmpty else { return 0 }
        // `readers` keeps the readers alive; the loop reaches them through
        // `handles`, and its cells and heap through pointers, so that a row costs
        // no reference counting and no uniqueness check.
        defer { withExtendedLifetime(readers) {} }
        let handles = readers.map { Unmanaged.passUnretained($0) }
        let cells = UnsafeMutableBufferPointer<Cell>.allocate(capacity: firstCells.count)
        defer { cells.deallocate() }
        _ = cells.initialize(from: firstCells)
        let heap = UnsafeMutableBufferPointer<Int>.allocate(capacity: firstCells.count)
        defer { heap.deallocate() }
        _ = heap.initialize(from: firstCells.indices)
        var heapCount = heap.count
        var index = heapCount / 2
        while index > 0 {
            index -= 1
            siftDown(index, heap: heap, count: heapCount, cells: cells)
        }

        var pending = cells[heap[0]]
        var count = 0
        var first = true
        while heapCount > 0 {
            let top = heap[0]
            let cell = cells[top]
            if _slowPath(cell.key >= stop) { break }
            if first {
                first = false
            } else if cell.key == pending.key {
                pending.absorb(cell)
            } else {
                try sink.consume(pending)
                count += 1
                pending = cell
            }
            if let next = try handles[top]._withUnsafeGuaranteedRef({ try $0.next() }) {
                cells[top] = next
            } else {
                heapCount -= 1
                heap[0] = heap[heapCount]
            }
            siftDown(0, heap: heap, count: heapCount, cells: cells)
        }
        guard !first else { return 0 }
        try sink.consume(pending)
        return count + 1
    }

    /// Moves the index at `start` down to its place among the first `count` entries of `heap`.
    @inline(__always)
    private static func siftDown(
        _ start: Int, heap: UnsafeMutableBufferPointer<Int>, count: Int, cells: UnsafeMutableBufferPointer<Cell>
    ) {
        @inline(__always) func less(_ a: Int, _ b: Int) -> Bool {
            let x = cells[a].key
            let y = cells[b].key
            return x < y || (x == y && a < b)
        }
        var index = start
        while true {
            let left = 2 * index + 1
            guard left < count else { return }
            var smallest = left
            let right = left + 1
            if right < count && less(heap[right], heap[left]) { smallest = right }
            guard less(heap[smallest], heap[index]) else { return }
            heap.swapAt(index, smallest)
            index = smallest
        }
    }
}

extension _CellMerge where Cell == _PairCell {
    /// Merges the pairs whose first entity's merged rank is in `firstRanks`
    /// into `sink`: one part of a co-occurrence table merged in key ranges.
    ///
    /// Each reader first decodes and checks the records below the range (in its
    /// partial's own ranks, so without remapping them; the map is monotone).
    /// The merge stops at the first pair above the range, unless `toEnd`: then
    /// every file is read to its end and its trailer checked, so that the parts
    /// of a partition that ends with such a part check every record of every
    /// file between them.
    ///
    /// - Parameters:
    ///   - directories: Partial directories.
    ///   - nameCounts: The size of each directory's name table.
    ///   - maps: Each directory's map from its ranks to the merged name table's.
    ///   - firstRanks: The merged ranks of entity `a` of the pairs to merge.
    ///   - toEnd: Whether this is the last part (`firstRanks` then reaches the
    ///     end of the merged name table).
    ///   - sink: Receives the merged cells.
    /// - Returns: The number of cells given to the sink.
    static func merge<Sink: _CellSink & ~Copyable>(
        directories: [String], nameCounts: [Int], maps: [[UInt32]], firstRanks: Range<Int>, toEnd: Bool,
        into sink: inout Sink
    ) throws -> Int where Sink.Cell == Cell {
        var readers: [_CellReader<Cell>] = []
        for (index, directory) in directories.enumerated() {
            let reader = try _CellReader<Cell>(directory: directory, names: nameCounts[index], map: maps[index])
            if firstRanks.lowerBound > 0 {
                // The first of the partial's ranks that lands in or after the range.
                let localRank = maps[index].partitioningIndex { Int($0) >= firstRanks.lowerBound }
                try reader.skip(below: UInt64(localRank) << 32)
            }
            readers.append(reader)
        }
        return try merge(readers, below: toEnd ? .max : UInt64(firstRanks.upperBound) << 32, into: &sink)
    }
}

extension Array where Element == UInt32 {
    /// The index of the first element for which `belongs` holds, in an array
    /// ordered so that it holds for a suffix (`count` when it holds for none).
    ///
    /// - Complexity: O(log *n*).
    fileprivate func partitioningIndex(where belongs: (UInt32) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
