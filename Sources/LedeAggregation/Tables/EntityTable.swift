import LedeEntities
import LedeIO

/// Queries over the merged `entities.csv`.
public enum EntityTable {
    /// The most mentioned entities, optionally of one label.
    ///
    /// Reads the table as a stream and keeps only the best `limit` rows in a
    /// bounded heap, so any table size works in O(`limit`) memory.
    ///
    /// - Parameters:
    ///   - aggregatesDirectory: A directory written by ``PartialMerger``.
    ///   - label: Only entities of this label, or `nil` for all.
    ///   - limit: The most rows returned.
    /// - Returns: Rows ordered by mentions (descending), then documents
    ///   (descending), then canonical name (bytewise) and label.
    /// - Throws: ``AggregationError`` when the file is not an entities table or a
    ///   row is malformed; ``LedeIO/SystemError`` when it cannot be read.
    /// - Complexity: O(*n* log `limit`) for *n* rows.
    public static func top(aggregatesDirectory: String, label: EntityLabel? = nil, limit: Int) throws -> [EntityRow] {
        let reader = try _CSVReader(path: Path.join(aggregatesDirectory, "entities.csv"))
        var record = _CSVReader.Record()
        let columns = _TableSchema.entities.columns
        guard try reader.next(into: &record), (0..<record.count).map({ record.string($0) }) == columns else {
            throw AggregationError("not an entities table (header differs)", path: reader.path, line: 1)
        }
        guard limit > 0 else { return [] }

        // A min-heap by rank: the root is the worst row kept, the first to go.
        var heap: [EntityRow] = []
        heap.reserveCapacity(limit)
        while try reader.next(into: &record) {
            func failure(_ message: String) -> AggregationError {
                AggregationError(message, path: reader.path, line: reader.lineNumber)
            }
            guard record.count == columns.count else { throw failure("expected \(columns.count) fields") }
            guard let rowLabel = record.withField(1, _CSVField.label) else { throw failure("bad label") }
            if let label, rowLabel != label { continue }
            guard let mentions = record.withField(2, _CSVField.count).map(Int.init),
                let documents = record.withField(3, _CSVField.count).map(Int.init)
            else { throw failure("bad count") }
            // Most rows lose on the counts alone; skip them before making a String.
            if heap.count == limit, (mentions, documents) < (heap[0].mentions, heap[0].documents) { continue }
            guard let first = optionalDay(record, 4), let last = optionalDay(record, 5) else {
                throw failure("bad date")
            }
            let row = EntityRow(
                canonical: record.string(0), label: rowLabel, mentions: mentions, documents: documents,
                firstDate: first, lastDate: last)
            if heap.count < limit {
                heap.append(row)
                siftUp(&heap, heap.count - 1)
            } else if ranksBefore(row, heap[0]) {
                heap[0] = row
                siftDown(&heap, 0)
            }
        }
        return heap.sorted(by: ranksBefore)
    }

    /// The table's order: mentions and documents descending, then canonical bytewise, then label.
    static func ranksBefore(_ a: EntityRow, _ b: EntityRow) -> Bool {
        if a.mentions != b.mentions { return a.mentions > b.mentions }
        if a.documents != b.documents { return a.documents > b.documents }
        let order = _compareUTF8(a.canonical, b.canonical)
        return order != 0 ? order < 0 : a.label < b.label
    }

    /// An optional date field: `.some(nil)` when empty, `nil` when malformed.
    private static func optionalDay(_ record: _CSVReader.Record, _ index: Int) -> Day?? {
        record.withField(index) { field -> Day?? in
            if field.isEmpty { return .some(nil) }
            guard field.count == 10, let packed = Day.parsePrefix(field) else { return nil }
            return .some(Day(_uncheckedPacked: packed))
        }
    }

    // The heap keeps the worst-ranked row at the root.
    private static func siftUp(_ heap: inout [EntityRow], _ start: Int) {
        var index = start
        while index > 0 {
            let parent = (index - 1) / 2
            guard ranksBefore(heap[parent], heap[index]) else { return }
            heap.swapAt(parent, index)
            index = parent
        }
    }

    private static func siftDown(_ heap: inout [EntityRow], _ start: Int) {
        var index = start
        while true {
            let left = 2 * index + 1
            guard left < heap.count else { return }
            var worst = left
            if left + 1 < heap.count && ranksBefore(heap[left], heap[left + 1]) { worst = left + 1 }
            guard ranksBefore(heap[index], heap[worst]) else { return }
            heap.swapAt(index, worst)
            index = worst
        }
    }
}
