import LedeIO

/// Reads the rows of one partial file in order.
///
/// Checks the file's header and that its keys strictly increase, so that a
/// damaged or hand-edited partial stops the merge with its path and line
/// instead of silently producing duplicate or misplaced rows. The current row
/// lives with the caller (the merge keeps all current rows in one array); the
/// cursor only keeps a scratch row to decode into.
final class _TableCursor {
    let schema: _TableSchema
    private var scratch: _TableRow
    private var hasPrevious = false
    private let reader: _LineReader

    /// Opens `<directory>/<schema.name>.tsv` and checks its header.
    init(directory: String, schema: _TableSchema, bufferSize: Int = 64 << 10) throws {
        self.schema = schema
        scratch = _TableRow(columns: schema.kinds.count)
        reader = try _LineReader(path: Path.join(directory, "\(schema.name).tsv"), bufferSize: bufferSize)
        let header = schema.header(separator: 0x09)
        let headerMatches = try reader.withNextLine { $0.elementsEqual(header) }
        guard headerMatches == true else {
            throw AggregationError("not a Lede \(schema.name) table (header differs)", path: reader.path, line: 1)
        }
    }

    /// Replaces `row` (this cursor's previous row, if any) by the next row.
    ///
    /// - Returns: `false` at the end of the file; `row` is then unchanged.
    func advance(_ row: inout _TableRow) throws -> Bool {
        let schema = self.schema
        let problem: String?? = try reader.withNextLine { line in scratch.decode(tsvLine: line, schema: schema) }
        guard let problem else { return false }
        if let problem { throw AggregationError(problem, path: reader.path, line: reader.lineNumber) }
        if hasPrevious && _TableRow.compareKeys(row, scratch, schema: schema) >= 0 {
            throw AggregationError("rows not sorted by key or key repeated", path: reader.path, line: reader.lineNumber)
        }
        hasPrevious = true
        swap(&row, &scratch)
        return true
    }
}
