import GRDB
import GRDBSQLite
import LedeAggregation

/// One prepared `INSERT`, fed row after row by binding integers and byte strings straight from Lede's buffers.
///
/// GRDB's `StatementArguments` box every value (and need a `String` per
/// name), which doubled the cost of a row in a measurement with 3 million
/// rows; this binds through the C API of the same connection instead. Every
/// value is bound as a parameter, never spliced into SQL. All of the store's
/// C calls are in this file.
struct _BulkInsert {
    private let statement: Statement
    private let database: Database

    /// Prepares `sql`, an `INSERT` with `?` parameters, on `database`.
    init(_ database: Database, _ sql: String) throws {
        self.database = database
        statement = try database.makeStatement(sql: sql)
    }

    /// Binds an integer to parameter `index` (1-based).
    ///
    /// The corresponding C function is `sqlite3_bind_int64`.
    @inline(__always)
    func bind(_ index: Int32, _ value: Int) throws {
        try check(sqlite3_bind_int64(statement.sqliteStatement, index, Int64(value)))
    }

    /// Binds UTF-8 bytes as text to parameter `index` (1-based); SQLite copies them.
    ///
    /// The corresponding C function is `sqlite3_bind_text` with `SQLITE_TRANSIENT`.
    @inline(__always)
    func bind(_ index: Int32, text bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            // A null pointer would bind NULL, not "".
            try check(sqlite3_bind_text(statement.sqliteStatement, index, "", 0, _BulkInsert.transient))
            return
        }
        try check(
            sqlite3_bind_text(
                statement.sqliteStatement, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                _BulkInsert.transient))
    }

    /// Binds a `String` as text to parameter `index` (1-based).
    func bind(_ index: Int32, _ text: String) throws {
        var text = text
        try text.withUTF8 { try bind(index, text: UnsafeRawBufferPointer($0)) }
    }

    /// Binds a day as `YYYY-MM-DD` text, or NULL for the packed value 0 (no day).
    @inline(__always)
    func bind(_ index: Int32, day packed: UInt32) throws {
        guard packed != 0 else {
            try check(sqlite3_bind_null(statement.sqliteStatement, index))
            return
        }
        var text: (UInt64, UInt16) = (0, 0)
        try withUnsafeMutableBytes(of: &text) { raw in
            Day.writeText(packed, into: raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
            try bind(index, text: UnsafeRawBufferPointer(rebasing: raw[0..<10]))
        }
    }

    /// Binds NULL to parameter `index` (1-based).
    func bindNull(_ index: Int32) throws {
        try check(sqlite3_bind_null(statement.sqliteStatement, index))
    }

    /// Inserts the bound row and readies the statement for the next one.
    ///
    /// The corresponding C functions are `sqlite3_step` and `sqlite3_reset`.
    @inline(__always)
    func step() throws {
        let code = sqlite3_step(statement.sqliteStatement)
        sqlite3_reset(statement.sqliteStatement)
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    @inline(__always)
    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw failure(code) }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(database.sqliteConnection)),
            sql: statement.sql)
    }

    /// `SQLITE_TRANSIENT`: SQLite copies the bytes before the bind returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}
