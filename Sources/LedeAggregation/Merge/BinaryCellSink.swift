import LedeEntities
import LedeIO

/// Writes merged cells into a partial file (an intermediate merge round).
struct _BinaryCellSink<Cell: _BinaryCell>: _CellSink, ~Copyable {
    private var out: _OutputBuffer
    private var records = 0
    private var previousKey: UInt64 = 0

    /// Starts `Cell`'s file in `directory`.
    init(directory: String, durable: Bool) throws(SystemError) {
        out = try _OutputBuffer.partialFile(Cell.file, directory: directory, durable: durable)
    }

    @inline(__always)
    mutating func consume(_ cell: Cell) throws {
        try cell.store(into: &out, after: previousKey)
        previousKey = cell.key
        records += 1
    }

    /// Writes the trailer and renames the file into place.
    consuming func commit() throws(SystemError) {
        try out.commit(records: records)
    }
}
