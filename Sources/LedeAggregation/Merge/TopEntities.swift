/// The best few rows of the merged entity table, kept while the table streams past.
///
/// Ranked as ``EntityTable/top(aggregatesDirectory:label:limit:)`` ranks rows:
/// mentions, then documents, descending, then the name's rank, which follows
/// the canonical name's bytes and then the label. A bounded min-heap keeps the
/// worst row kept at its root, so a row that cannot enter costs two integer
/// comparisons, and the run's summary needs no second pass over `entities.csv`.
struct _TopEntities {
    /// The most rows kept.
    let limit: Int
    private var heap: [_EntityCell] = []

    init(limit: Int) {
        self.limit = max(0, limit)
        heap.reserveCapacity(self.limit)
    }

    /// Whether `a` ranks before `b`.
    @inline(__always)
    static func ranksBefore(_ a: _EntityCell, _ b: _EntityCell) -> Bool {
        if a.mentions != b.mentions { return a.mentions > b.mentions }
        if a.documents != b.documents { return a.documents > b.documents }
        return a.name < b.name
    }

    /// Offers a merged row.
    @inline(__always)
    mutating func offer(_ cell: _EntityCell) {
        guard limit > 0 else { return }
        if heap.count < limit {
            heap.append(cell)
            siftUp(heap.count - 1)
        } else if Self.ranksBefore(cell, heap[0]) {
            heap[0] = cell
            siftDown(0)
        }
    }

    /// The rows kept, best first.
    func ranked() -> [_EntityCell] {
        heap.sorted(by: Self.ranksBefore)
    }

    private mutating func siftUp(_ start: Int) {
        var index = start
        while index > 0 {
            let parent = (index - 1) / 2
            guard Self.ranksBefore(heap[parent], heap[index]) else { return }
            heap.swapAt(parent, index)
            index = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var index = start
        while true {
            let left = 2 * index + 1
            guard left < heap.count else { return }
            var worst = left
            if left + 1 < heap.count && Self.ranksBefore(heap[left], heap[left + 1]) { worst = left + 1 }
            guard Self.ranksBefore(heap[index], heap[worst]) else { return }
            heap.swapAt(index, worst)
            index = worst
        }
    }
}

/// Writes the merged entity table as CSV and keeps its best rows on the way.
struct _EntityCSVSink: _CellSink, ~Copyable {
    private var csv: _CSVCellSink<_EntityCell>
    private(set) var top: _TopEntities

    init(csv: consuming _CSVCellSink<_EntityCell>, top: Int) {
        self.csv = csv
        self.top = _TopEntities(limit: top)
    }

    @inline(__always)
    mutating func consume(_ cell: _EntityCell) throws {
        top.offer(cell)
        try csv.consume(cell)
    }

    /// Writes what is buffered, renames the file into place, and returns the best rows.
    consuming func commit() throws -> _TopEntities {
        let top = self.top
        try csv.commit()
        return top
    }
}
