import LedeEntities
import LedeIO

/// A cell that can be written as a row of a merged CSV table.
protocol _CSVCell: _BinaryCell {
    /// The table's columns.
    static var schema: _TableSchema { get }
    /// The most bytes the row takes when its names are short (see ``_CSVNames/slotLength(_:)``).
    ///
    /// Reads the first byte of each of the row's name slots, which brings them into the cache.
    func csvLength(names: _CSVNames) -> Int
    /// Appends the row, its newline included.
    func appendCSV(names: _CSVNames, to out: inout _OutputBuffer) throws
}

/// Writes merged cells as a CSV table (the last merge round).
///
/// Rows are written in batches: the merged name table outgrows the CPU's
/// caches (32 bytes × 90 K names in the news corpus), and a pair row looks up
/// names in scattered order, so that writing rows one by one waits for one
/// cache miss after the other. A batch first reads a byte of each of its rows'
/// name slots, independent loads whose misses overlap, and then writes the rows
/// from the cache.
struct _CSVCellSink<Cell: _CSVCell>: _CellSink, ~Copyable {
    private var out: _OutputBuffer
    private let names: _CSVNames
    private let batch = _CellBatch<Cell>()
    private var batched = 0

    /// Starts `<directory>/<table>.csv` and writes its header line.
    init(directory: String, names: _CSVNames, durable: Bool) throws(SystemError) {
        let path = Path.join(directory, "\(Cell.schema.name).csv")
        try self.init(path: path, header: true, names: names, durable: durable)
    }

    /// Starts `path`, with the table's header line when `header` (the first of
    /// the pieces of a table written in parts).
    init(path: String, header: Bool, names: _CSVNames, durable: Bool) throws(SystemError) {
        var out = try _OutputBuffer(path: path, durable: durable)
        if header { try out.append(Cell.schema.header(separator: 0x2C) + [0x0A]) }
        self.out = out
        self.names = names
    }

    @inline(__always)
    mutating func consume(_ cell: Cell) throws {
        batch.cells[batched] = cell
        batched += 1
        if batched == _CellBatch<Cell>.capacity { try writeBatch() }
    }

    private mutating func writeBatch() throws {
        let cells = batch.cells
        var length = 0
        for index in 0..<batched { length &+= cells[index].csvLength(names: names) }
        try out.makeRoom(for: length)
        for index in 0..<batched { try cells[index].appendCSV(names: names, to: &out) }
        batched = 0
    }

    /// Writes what is buffered and renames the file into place.
    consuming func commit() throws {
        try writeBatch()
        try out.commit()
    }
}

/// Room for a batch of cells, freed with it.
private final class _CellBatch<Cell: BitwiseCopyable> {
    static var capacity: Int { 64 }
    let cells = UnsafeMutablePointer<Cell>.allocate(capacity: capacity)

    deinit {
        cells.deallocate()
    }
}

extension _EntityCell: _CSVCell {
    static var schema: _TableSchema { .entities }

    @inline(__always)
    func csvLength(names: _CSVNames) -> Int { names.slotLength(Int(name)) + 2 * 21 + 2 * 11 + 1 }

    @inline(__always)
    func appendCSV(names: _CSVNames, to out: inout _OutputBuffer) throws {
        try names.append(Int(name), to: &out)
        try out.append(0x2C)
        try out.appendDecimal(mentions)
        try out.append(0x2C)
        try out.appendDecimal(documents)
        try out.append(0x2C)
        if firstDay != 0 { try out.appendDay(firstDay) }
        try out.append(0x2C)
        if lastDay != 0 { try out.appendDay(lastDay) }
        try out.append(0x0A)
    }
}

extension _PairCell: _CSVCell {
    static var schema: _TableSchema { .cooccurrences }

    @inline(__always)
    func csvLength(names: _CSVNames) -> Int {
        names.slotLength(Int(key >> 32)) + names.slotLength(Int(key & 0xFFFF_FFFF)) + 2 + 20 + 1
    }

    @inline(__always)
    func appendCSV(names: _CSVNames, to out: inout _OutputBuffer) throws {
        try names.append(Int(key >> 32), to: &out)
        try out.append(0x2C)
        try names.append(Int(key & 0xFFFF_FFFF), to: &out)
        try out.append(0x2C)
        try out.appendDecimal(documents)
        try out.append(0x0A)
    }
}

extension _TimelineCell: _CSVCell {
    static var schema: _TableSchema { .timeline }

    @inline(__always)
    func csvLength(names: _CSVNames) -> Int { 11 + names.slotLength(Int(key & 0xFFFF_FFFF)) + 2 * 21 + 1 }

    @inline(__always)
    func appendCSV(names: _CSVNames, to out: inout _OutputBuffer) throws {
        try out.appendDay(UInt32(key >> 32))
        try out.append(0x2C)
        try names.append(Int(key & 0xFFFF_FFFF), to: &out)
        try out.append(0x2C)
        try out.appendDecimal(mentions)
        try out.append(0x2C)
        try out.appendDecimal(documents)
        try out.append(0x0A)
    }
}
