import GRDB

/// Inserts rows of integers into one table, many rows per `INSERT` statement.
///
/// One statement of 64 rows cost about a third of 64 one-row statements in a
/// measurement with 3 million rows (SQLite's per-statement work dominates a
/// row of three integers). Rows wait in a flat buffer until a statement is full;
/// ``finish()`` inserts the rest with a statement of their own size.
struct _BatchInsert {
    /// How a buffered integer is bound.
    enum Column {
        /// As an integer.
        case integer
        /// A day packed as `yyyymmdd`, bound as `YYYY-MM-DD` text.
        case day
    }

    static let rowsPerStatement = 64

    private let database: Database
    private let table: String
    private let columns: [Column]
    private let full: _BulkInsert
    private var values: [Int]
    private var rows = 0
    private(set) var count = 0

    /// Prepares `INSERT INTO table VALUES (…), (…), …` for ``rowsPerStatement`` rows.
    init(_ database: Database, table: String, columns: [Column]) throws {
        self.database = database
        self.table = table
        self.columns = columns
        full = try _BulkInsert(database, _BatchInsert.sql(table: table, columns: columns.count, rows: _BatchInsert.rowsPerStatement))
        values = [Int](repeating: 0, count: columns.count * _BatchInsert.rowsPerStatement)
    }

    /// Adds a row of three columns.
    @inline(__always)
    mutating func append(_ v0: Int, _ v1: Int, _ v2: Int) throws {
        let base = rows &* 3
        values[base] = v0
        values[base &+ 1] = v1
        values[base &+ 2] = v2
        try endRow()
    }

    /// Adds a row of four columns.
    @inline(__always)
    mutating func append(_ v0: Int, _ v1: Int, _ v2: Int, _ v3: Int) throws {
        let base = rows &* 4
        values[base] = v0
        values[base &+ 1] = v1
        values[base &+ 2] = v2
        values[base &+ 3] = v3
        try endRow()
    }

    /// Inserts the rows still buffered.
    mutating func finish() throws {
        guard rows > 0 else { return }
        try flush(into: _BulkInsert(database, _BatchInsert.sql(table: table, columns: columns.count, rows: rows)))
    }

    @inline(__always)
    private mutating func endRow() throws {
        rows &+= 1
        count &+= 1
        if rows == _BatchInsert.rowsPerStatement { try flush(into: full) }
    }

    private mutating func flush(into statement: _BulkInsert) throws {
        var parameter: Int32 = 1
        for index in 0..<(rows * columns.count) {
            switch columns[index % columns.count] {
            case .integer: try statement.bind(parameter, values[index])
            case .day: try statement.bind(parameter, day: UInt32(values[index]))
            }
            parameter += 1
        }
        try statement.step()
        rows = 0
    }

    private static func sql(table: String, columns: Int, rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        return "INSERT INTO \(table) VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
    }
}
