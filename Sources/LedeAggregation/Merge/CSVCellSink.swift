import LedeEntities
import LedeIO

/// A cell that can be written as a row of a merged CSV table.
protocol _CSVCell: _BinaryCell {
    /// The table's columns.
    static var schema: _TableSchema { get }
    /// Appends the row, its newline included.
    func appendCSV(names: _CSVNames, to out: inout _OutputBuffer) throws
}

/// Writes merged cells as a CSV table (the last merge round).
struct _CSVCellSink<Cell: _CSVCell>: _CellSink, ~Copyable {
    private var out: _OutputBuffer
    private let names: _CSVNames

    /// Starts `<directory>/<table>.csv` and writes its header line.
    init(directory: String, names: _CSVNames, durable: Bool) throws(SystemError) {
        var out = try _OutputBuffer(path: Path.join(directory, "\(Cell.schema.name).csv"), durable: durable)
        try out.append(Cell.schema.header(separator: 0x2C) + [0x0A])
        self.out = out
        self.names = names
    }

    @inline(__always)
    mutating func consume(_ cell: Cell) throws {
        try cell.appendCSV(names: names, to: &out)
    }

    /// Writes what is buffered and renames the file into place.
    consuming func commit() throws(SystemError) {
        try out.commit()
    }
}

extension _EntityCell: _CSVCell {
    static var schema: _TableSchema { .entities }

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
