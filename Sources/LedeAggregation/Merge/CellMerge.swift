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
        var firstCells: [Cell] = []
        for (index, directory) in directories.enumerated() {
            let reader = try _CellReader<Cell>(directory: directory, names: nameCounts[index], map: maps[index])
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
