/// Receives the merged rows of one table in key order.
protocol _RowSink {
    mutating func consume(_ row: _TableRow) throws
}

extension _TableWriter: _RowSink {
    mutating func consume(_ row: _TableRow) throws {
        try write(row)
    }
}

/// The streaming k-way merge of one table over several partial directories.
///
/// One cursor per input file, the current row of each in one array, and a
/// binary min-heap of indices ordered by those rows' keys (ties by index, which
/// only fixes the order in which equal keys are combined; combining is
/// commutative). Rows with equal keys are combined into one pending row that
/// goes to the sink when a larger key shows up. Memory: the k cursors' buffers
/// and rows, whatever the table sizes.
struct _TableMerge {
    private let schema: _TableSchema
    private let cursors: [_TableCursor]
    private var rows: [_TableRow]
    private var heap: [Int]

    /// Merges `schema`'s table of every directory into `sink`.
    ///
    /// - Returns: The number of rows given to the sink.
    /// - Complexity: O(*n* log *k*) key comparisons for *n* input rows from *k* directories.
    static func merge<Sink: _RowSink>(
        directories: [String], schema: _TableSchema, into sink: inout Sink, bufferSize: Int = 64 << 10
    ) throws -> Int {
        var merge = try _TableMerge(directories: directories, schema: schema, bufferSize: bufferSize)
        return try merge.run(into: &sink)
    }

    private init(directories: [String], schema: _TableSchema, bufferSize: Int) throws {
        self.schema = schema
        var cursors: [_TableCursor] = []
        var rows: [_TableRow] = []
        for directory in directories {
            let cursor = try _TableCursor(directory: directory, schema: schema, bufferSize: bufferSize)
            var row = _TableRow(columns: schema.kinds.count)
            if try cursor.advance(&row) {
                cursors.append(cursor)
                rows.append(row)
            }
        }
        self.cursors = cursors
        self.rows = rows
        heap = Array(rows.indices)
        var index = heap.count / 2
        while index > 0 {
            index -= 1
            siftDown(index)
        }
    }

    private mutating func run<Sink: _RowSink>(into sink: inout Sink) throws -> Int {
        var pending = _TableRow(columns: schema.kinds.count)
        var hasPending = false
        var count = 0
        let schema = self.schema
        while let top = heap.first {
            // Rows are read through a borrowed buffer for the same reason as in `siftDown`.
            let combined =
                hasPending
                && rows.withUnsafeBufferPointer { rows in
                    guard _TableRow.compareKeys(pending, rows[top], schema: schema) == 0 else { return false }
                    pending.absorb(rows[top], schema: schema)
                    return true
                }
            if !combined {
                if hasPending {
                    try sink.consume(pending)
                    count += 1
                }
                rows.withUnsafeBufferPointer { pending.assign($0[top]) }
                hasPending = true
            }
            if try cursors[top].advance(&rows[top]) {
                siftDown(0)
            } else {
                let last = heap.removeLast()
                if !heap.isEmpty {
                    heap[0] = last
                    siftDown(0)
                }
            }
        }
        if hasPending {
            try sink.consume(pending)
            count += 1
        }
        return count
    }

    /// Moves the index at `start` down to its place.
    ///
    /// Works on borrowed buffers: reading `rows[i]` through the array inside a
    /// mutating method made the compiler retain and release the row's arrays on
    /// every comparison (a quarter of the merge's time).
    private mutating func siftDown(_ start: Int) {
        let schema = self.schema
        rows.withUnsafeBufferPointer { rows in
            heap.withUnsafeMutableBufferPointer { heap in
                func less(_ a: Int, _ b: Int) -> Bool {
                    let order = _TableRow.compareKeys(rows[a], rows[b], schema: schema)
                    return order < 0 || (order == 0 && a < b)
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
