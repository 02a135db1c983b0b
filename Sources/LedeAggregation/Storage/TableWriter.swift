import LedeEntities
import LedeIO

/// Writes one table, row by row, into an ``AtomicFile``: as a partial (`.tsv`,
/// escaped) or as a merged table (`.csv`, RFC 4180).
///
/// Rows are assembled in a local buffer and handed to the file in large
/// blocks, so a row costs no system call and no allocation.
struct _TableWriter {
    enum Format {
        case tsv, csv

        var separator: UInt8 { self == .tsv ? 0x09 : 0x2C }
        var fileExtension: String { self == .tsv ? "tsv" : "csv" }
    }

    let schema: _TableSchema
    let format: Format
    private let file: AtomicFile
    private var buffer: [UInt8] = []
    private var needsSeparator = false
    /// Rows written, the header excluded.
    private(set) var rows = 0

    private static let flushThreshold = 256 << 10

    /// Starts `<directory>/<schema.name>.<tsv|csv>` and writes its header line.
    ///
    /// - Parameters:
    ///   - directory: Where the file goes.
    ///   - schema: The table's columns.
    ///   - format: Partial (`.tsv`) or merged table (`.csv`).
    ///   - durable: Whether ``commit()`` flushes to stable storage first; not
    ///     needed for scratch files that a rerun rebuilds anyway.
    /// - Throws: ``SystemError`` when the temporary file cannot be created.
    init(directory: String, schema: _TableSchema, format: Format, durable: Bool = true) throws(SystemError) {
        self.schema = schema
        self.format = format
        file = try AtomicFile(path: Path.join(directory, "\(schema.name).\(format.fileExtension)"), durable: durable)
        buffer.reserveCapacity(_TableWriter.flushThreshold + 4096)
        buffer.append(contentsOf: schema.header(separator: format.separator))
        buffer.append(0x0A)
    }

    private mutating func separate() {
        if needsSeparator { buffer.append(format.separator) }
        needsSeparator = true
    }

    /// Appends a text field.
    mutating func text(_ bytes: UnsafeRawBufferPointer) {
        separate()
        switch format {
        case .tsv: _TSVEncoding.appendEscaped(bytes, to: &buffer)
        case .csv: _CSVWriter.appendField(bytes, to: &buffer)
        }
    }

    /// Appends a text field.
    mutating func text(_ string: String) {
        var string = string
        string.withUTF8 { text(UnsafeRawBufferPointer($0)) }
    }

    /// Appends a label by name.
    mutating func label(_ label: EntityLabel) {
        separate()
        buffer.append(contentsOf: label.name.utf8)
    }

    /// Appends a packed day as `YYYY-MM-DD`, or nothing for 0.
    mutating func day(packed: UInt32) {
        separate()
        guard packed != 0 else { return }
        let at = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: 10))
        buffer.withUnsafeMutableBufferPointer { Day.write(packed, into: $0.baseAddress! + at) }
    }

    /// Appends an optional day.
    mutating func day(_ day: Day?) {
        self.day(packed: day?.packed ?? 0)
    }

    /// Appends a decimal integer.
    mutating func integer(_ value: Int) {
        separate()
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let at = buffer.count
        repeat {
            buffer.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        buffer[at...].reverse()
    }

    /// Ends the row.
    mutating func endRow() throws(SystemError) {
        buffer.append(0x0A)
        needsSeparator = false
        rows += 1
        if buffer.count >= _TableWriter.flushThreshold { try flush() }
    }

    /// Writes a decoded row of this writer's schema.
    mutating func write(_ row: _TableRow) throws(SystemError) {
        for column in 0..<schema.kinds.count {
            switch schema.kinds[column] {
            case .text: row.withText(column) { text($0) }
            case .label: label(EntityLabel(rawValue: UInt8(row.value(column)))!)
            case .day, .firstDay, .lastDay: day(packed: UInt32(row.value(column)))
            case .count: integer(row.value(column))
            }
        }
        try endRow()
    }

    private mutating func flush() throws(SystemError) {
        try file.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and renames the file into place.
    mutating func commit() throws(SystemError) {
        try flush()
        try file.commit()
    }
}
