import GRDB
import LedeAggregation
import LedeEntities
import LedeIO

/// Queries over a store built by ``StoreWriter``: top entities, an entity's timeline and its neighbours.
///
/// Opens the file read-only. A store renamed over this one by a later build
/// does not disturb an open reader: it keeps reading the store it opened.
/// Every value in a query is a bound parameter.
public struct StoreReader: Sendable {
    /// The store's path.
    public let path: String
    private let queue: DatabaseQueue

    /// Opens the store at `path`.
    ///
    /// - Throws: ``StoreError/missing(path:)`` when there is no file,
    ///   ``StoreError/unreadable(path:reason:)`` when it is not a Lede store or is damaged,
    ///   ``StoreError/incompatible(path:found:expected:)`` for another format version.
    public init(path: String) throws {
        guard FileSystem.isRegularFile(path) else { throw StoreError.missing(path: path) }
        self.path = path
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "lede store reader"
        let marks: (application: Int32, version: Int32)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            marks = try queue.read { database in
                (
                    try Int32.fetchOne(database, sql: "PRAGMA application_id") ?? 0,
                    try Int32.fetchOne(database, sql: "PRAGMA user_version") ?? 0
                )
            }
        } catch let error as DatabaseError {
            throw StoreError.unreadable(path: path, reason: error.message ?? "\(error)")
        }
        guard marks.application == StoreSchema.applicationID else {
            throw StoreError.unreadable(path: path, reason: "an SQLite database, but not one Lede wrote")
        }
        guard marks.version == StoreSchema.version else {
            throw StoreError.incompatible(path: path, found: Int(marks.version), expected: Int(StoreSchema.version))
        }
    }

    /// The most mentioned entities, over the whole archive or over a range of days.
    ///
    /// Without dates, counts cover every document, undated ones included; with
    /// `since` or `until`, they cover the dated documents of those days, and the
    /// first and last dates are those of the range.
    ///
    /// - Parameters:
    ///   - label: Only entities of this label, or `nil` for all.
    ///   - since: The first day counted, or `nil` for no lower bound.
    ///   - until: The last day counted, or `nil` for no upper bound.
    ///   - limit: The most rows returned.
    /// - Returns: Rows by mentions, then documents (both descending), then name and label.
    public func top(label: EntityLabel? = nil, since: Day? = nil, until: Day? = nil, limit: Int) throws -> [StoreEntity]
    {
        let labelFilter = label == nil ? "" : "WHERE e.label = :label"
        let sql: String
        if since == nil && until == nil {
            sql = """
                SELECT \(Self.entityColumns) FROM entities AS e \(labelFilter)
                ORDER BY e.mentions DESC, e.documents DESC, e.id LIMIT :limit
                """
        } else {
            sql = """
                SELECT e.id, e.canonical, e.label, t.mentions, t.documents, t.first_date, t.last_date
                FROM (
                    SELECT entity, SUM(mentions) AS mentions, SUM(documents) AS documents,
                        MIN(date) AS first_date, MAX(date) AS last_date
                    FROM timeline WHERE date >= :since AND date <= :until GROUP BY entity
                ) AS t JOIN entities AS e ON e.id = t.entity \(labelFilter)
                ORDER BY t.mentions DESC, t.documents DESC, e.id LIMIT :limit
                """
        }
        var arguments = Self.rangeArguments(since: since, until: until)
        arguments += ["limit": limit]
        if let label { arguments += ["label": label.name] }
        return try read { try entities(Row.fetchAll($0, sql: sql, arguments: arguments)) }
    }

    /// The entities named exactly `name`: one per label, or the one of `label`.
    ///
    /// - Returns: At least one entity, the most mentioned first.
    /// - Throws: ``StoreError/entityNotFound(name:label:suggestions:)`` with close names when there is none.
    public func entities(named name: String, label: EntityLabel? = nil) throws -> [StoreEntity] {
        var sql = "SELECT \(Self.entityColumns) FROM entities AS e WHERE e.canonical = :name"
        var arguments: StatementArguments = ["name": name]
        if let label {
            sql += " AND e.label = :label"
            arguments += ["label": label.name]
        }
        sql += " ORDER BY e.mentions DESC, e.documents DESC, e.id"
        let found = try read { try entities(Row.fetchAll($0, sql: sql, arguments: arguments)) }
        guard found.isEmpty else { return found }
        throw StoreError.entityNotFound(name: name, label: label, suggestions: try suggestions(for: name))
    }

    /// Names close to `name`, of any label: those that contain it (ignoring ASCII case),
    /// names starting with it first; failing that, those that contain one of its words.
    ///
    /// - Returns: At most `limit` entities, most mentioned first within each group.
    public func suggestions(for name: String, limit: Int = 5) throws -> [StoreEntity] {
        let whole = try read { database in
            try entities(
                Row.fetchAll(
                    database,
                    sql: """
                        SELECT \(Self.entityColumns) FROM entities AS e
                        WHERE e.canonical LIKE :contains ESCAPE '\\'
                        ORDER BY e.canonical LIKE :prefix ESCAPE '\\' DESC, e.mentions DESC, e.documents DESC, e.id
                        LIMIT :limit
                        """,
                    arguments: [
                        "contains": "%\(Self.escapeLike(name))%", "prefix": "\(Self.escapeLike(name))%", "limit": limit,
                    ]))
        }
        guard whole.isEmpty else { return whole }
        let words = name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "." }).filter { $0.count >= 3 }
            .prefix(8)
        guard !words.isEmpty else { return [] }
        let conditions = words.map { _ in "e.canonical LIKE ? ESCAPE '\\'" }.joined(separator: " OR ")
        var arguments = StatementArguments(words.map { "%\(Self.escapeLike(String($0)))%" })
        arguments += [limit]
        return try read { database in
            try entities(
                Row.fetchAll(
                    database,
                    sql: """
                        SELECT \(Self.entityColumns) FROM entities AS e WHERE \(conditions)
                        ORDER BY e.mentions DESC, e.documents DESC, e.id LIMIT ?
                        """,
                    arguments: arguments))
        }
    }

    /// An entity's counts per day, in date order.
    ///
    /// - Parameters:
    ///   - entity: An entity of this store (from ``entities(named:label:)``).
    ///   - since: The first day, or `nil` for no lower bound.
    ///   - until: The last day, or `nil` for no upper bound.
    ///   - limit: The most days returned: the latest ones. `nil` for all.
    /// - Returns: One row per day with a dated document naming the entity, earliest first.
    public func timeline(of entity: StoreEntity, since: Day? = nil, until: Day? = nil, limit: Int? = nil) throws
        -> [StoreTimelineEntry]
    {
        var arguments = Self.rangeArguments(since: since, until: until)
        arguments += ["entity": entity.id, "limit": limit ?? -1]
        let rows = try read { database in
            try Row.fetchAll(
                database,
                sql: """
                    SELECT date, mentions, documents FROM timeline
                    WHERE entity = :entity AND date >= :since AND date <= :until
                    ORDER BY date DESC LIMIT :limit
                    """,
                arguments: arguments)
        }
        return try rows.reversed().map { row in
            StoreTimelineEntry(date: try day(row[0]), mentions: row[1], documents: row[2])
        }
    }

    /// The entities most often named in the same documents as `center`.
    ///
    /// Co-occurrences are counted over the whole archive, not per day.
    ///
    /// - Parameters:
    ///   - center: An entity of this store (from ``entities(named:label:)``).
    ///   - label: Only neighbours of this label, or `nil` for all.
    ///   - limit: The most rows returned.
    /// - Returns: Neighbours by shared documents (descending), then name and label.
    public func neighbors(of center: StoreEntity, label: EntityLabel? = nil, limit: Int) throws -> [StoreNeighbor] {
        var arguments: StatementArguments = ["entity": center.id, "limit": limit]
        if let label { arguments += ["label": label.name] }
        let sql = """
            SELECT \(Self.entityColumns), x.documents
            FROM (
                SELECT b AS other, documents FROM cooccurrences WHERE a = :entity
                UNION ALL
                SELECT a AS other, documents FROM cooccurrences WHERE b = :entity
            ) AS x JOIN entities AS e ON e.id = x.other \(label == nil ? "" : "WHERE e.label = :label")
            ORDER BY x.documents DESC, e.id LIMIT :limit
            """
        return try read { database in
            try Row.fetchAll(database, sql: sql, arguments: arguments).map { row in
                StoreNeighbor(entity: try entity(row), documents: row[7])
            }
        }
    }

    // MARK: - Rows

    private static let entityColumns =
        "e.id, e.canonical, e.label, e.mentions, e.documents, e.first_date, e.last_date"

    private func entities(_ rows: [Row]) throws -> [StoreEntity] {
        try rows.map { try entity($0) }
    }

    /// An entity from the first seven columns of a row (``entityColumns``' order).
    private func entity(_ row: Row) throws -> StoreEntity {
        let labelName: String = row[2]
        guard let label = EntityLabel(name: labelName) else {
            throw StoreError.unreadable(path: path, reason: "unknown label \(labelName)")
        }
        let first: String? = row[5]
        let last: String? = row[6]
        return StoreEntity(
            id: row[0], canonical: row[1], label: label, mentions: row[3], documents: row[4],
            firstDate: try first.map(day), lastDate: try last.map(day))
    }

    private func day(_ text: String) throws -> Day {
        guard let day = Day(text) else { throw StoreError.unreadable(path: path, reason: "bad date \(text)") }
        return day
    }

    /// `:since` and `:until` as text bounds that every stored date lies between when open.
    private static func rangeArguments(since: Day?, until: Day?) -> StatementArguments {
        ["since": since?.description ?? "0000-00-00", "until": until?.description ?? "9999-99-99"]
    }

    /// `name` with LIKE's wildcards and the escape character escaped by `\`.
    private static func escapeLike(_ name: String) -> String {
        var escaped = ""
        for character in name {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// Runs a read, turning SQLite's errors into ``StoreError/unreadable(path:reason:)``.
    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as DatabaseError {
            throw StoreError.unreadable(path: path, reason: error.message ?? "\(error)")
        }
    }
}
