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
/// of each input sits in one array and a binary min-heap of input indices is
/// ordered by their keys (ties by index, which only fixes the order in which
/// equal keys are combined; combining is commutative). Equal keys are combined
/// into one pending cell that goes to the sink when a larger key shows up.
/// Memory: the k readers' buffers, whatever the table sizes.
struct _CellMerge<Cell: _BinaryCell> {
    private let readers: [_CellReader<Cell>]
    private var cells: [Cell]
    private var heap: [Int]

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
        var merge = try _CellMerge(directories: directories, nameCounts: nameCounts, maps: maps)
        return try merge.run(into: &sink)
    }

    private init(directories: [String], nameCounts: [Int], maps: [[UInt32]]) throws {
        var readers: [_CellReader<Cell>] = []
        var cells: [Cell] = []
        for (index, directory) in directories.enumerated() {
            let reader = try _CellReader<Cell>(directory: directory, names: nameCounts[index], map: maps[index])
            if let cell = try reader.next() {
                readers.append(reader)
                cells.append(cell)
            }
        }
        self.readers = readers
        self.cells = cells
        heap = Array(cells.indices)
        var index = heap.count / 2
        while index > 0 {
            index -= 1
            siftDown(index)
        }
    }

    private mutating func run<Sink: _CellSink & ~Copyable>(into sink: inout Sink) throws -> Int where Sink.Cell == Cell {
        guard !heap.isEmpty else { return 0 }
        var pending = cells[heap[0]]
        var count = 0
        var first = true
        while let top = heap.first {
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
            if let next = try readers[top].next() {
                cells[top] = next
                siftDown(0)
            } else {
                let last = heap.removeLast()
                if !heap.isEmpty {
                    heap[0] = last
                    siftDown(0)
                }
            }
        }
        try sink.consume(pending)
        return count + 1
    }

    /// Moves the index at `start` down to its place.
    @inline(__always)
    private mutating func siftDown(_ start: Int) {
        cells.withUnsafeBufferPointer { cells in
            heap.withUnsafeMutableBufferPointer { heap in
                @inline(__always) func less(_ a: Int, _ b: Int) -> Bool {
                    let x = cells[a].key
                    let y = cells[b].key
                    return x < y || (x == y && a < b)
                }
                var index = start
                let count = heap.count
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
    }
}
