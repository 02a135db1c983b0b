import GRDB
import LedeAggregation
import LedeEntities
import LedeIO

/// Builds the SQLite store from the partials and swaps it into place (see ``StoreSchema`` for its tables).
///
/// The partials go through the same streaming k-way merge as the CSV tables,
/// so memory stays bounded by the name tables and SQLite's page cache whatever
/// the archive's size. The store is written under a temporary path in one
/// transaction, rows first and indexes after, flushed, and renamed over the
/// previous store: a reader sees the old store or the new one, never a
/// half-written one, and a reader that opened the old one keeps reading it.
public enum StoreWriter {
    /// Builds a new store and puts it in place of the old one: `stage`, then ``StagedStore/commit()``.
    ///
    /// - Returns: Row counts and the time taken.
    public static func rebuild(
        shards: [StoreShard], destination: String, temporaryPath: String, workspaceDirectory: String? = nil,
        fanIn: Int = PartialMerger.defaultFanIn, durable: Bool = true
    ) throws -> StoreBuildSummary {
        try stage(
            shards: shards, destination: destination, temporaryPath: temporaryPath,
            workspaceDirectory: workspaceDirectory, fanIn: fanIn, durable: durable
        ).commit()
    }

    /// Builds a new store at `temporaryPath`, leaving the one at `destination` as it is.
    ///
    /// - Parameters:
    ///   - shards: The shards and their partial directories, each listed once.
    ///   - destination: Where ``StagedStore/commit()`` puts the store; its directory is created when missing.
    ///   - temporaryPath: Where the store is built: a path of its own (an older file there is
    ///     replaced) on the same file system as `destination`.
    ///   - workspaceDirectory: Where intermediate merge rounds go, in a hidden directory
    ///     removed afterwards (leftovers of a killed build there are removed); `nil` for
    ///     the directory of `temporaryPath`.
    ///   - fanIn: The most partials open at once; at least 2.
    ///   - durable: Whether the file is flushed to stable storage before it can be renamed.
    /// - Returns: The built store, not yet in place.
    /// - Throws: ``LedeAggregation/AggregationError`` for a partial that is missing, listed
    ///   twice or damaged; ``StoreError/failed(path:operation:reason:)`` when SQLite cannot
    ///   write; ``LedeIO/SystemError`` for other file errors. Nothing is left at `temporaryPath`.
    public static func stage(
        shards: [StoreShard], destination: String, temporaryPath: String, workspaceDirectory: String? = nil,
        fanIn: Int = PartialMerger.defaultFanIn, durable: Bool = true
    ) throws -> StagedStore {
        let clock = ContinuousClock()
        let started = clock.now
        var summary = StoreBuildSummary(path: destination)
        try FileSystem.createDirectory(Path.directory(of: temporaryPath))
        try FileSystem.createDirectory(Path.directory(of: destination))
        try FileSystem.removeFile(temporaryPath)
        do {
            let queue = try DatabaseQueue(path: temporaryPath, configuration: writerConfiguration)
            try queue.write { database in
                try load(
                    shards, into: database, workspace: workspaceDirectory ?? Path.directory(of: temporaryPath), fanIn: fanIn,
                    summary: &summary, writeback: durable ? { startWriteback(temporaryPath) } : {})
            }
            try queue.close()
            if durable { try flush(temporaryPath) }
        } catch let error as DatabaseError {
            try? FileSystem.removeFile(temporaryPath)
            throw StoreError.failed(path: temporaryPath, operation: "build the store", reason: error.message ?? "\(error)")
        } catch {
            try? FileSystem.removeFile(temporaryPath)
            throw error
        }
        return StagedStore(
            temporaryPath: temporaryPath, summary: summary, durable: durable, clock: clock, started: started)
    }

    /// One connection, no rollback journal on disk and no syncs while loading: the file is
    /// private until the rename, so a crash only leaves a temporary file that the next
    /// build replaces. The page cache bounds SQLite's memory (index sorts spill to disk);
    /// a second thread helps sort the indexes (2.3 s → 1.7 s for 3.5 million pairs).
    ///
    /// The cache is small on purpose: SQLite sizes the sorted runs of `CREATE INDEX`
    /// by it, and runs that fit the CPU's caches sort faster. With 64 MiB, indexing
    /// the news corpus's 2.7 million pairs took 2.2 s; with 8 MiB, 1.1 s. Inserting
    /// rows in key order gains nothing from a larger cache.
    private static var writerConfiguration: Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        configuration.label = "lede store writer"
        configuration.prepareDatabase { database in
            try database.execute(
                sql: """
                    PRAGMA journal_mode = MEMORY;
                    PRAGMA synchronous = OFF;
                    PRAGMA locking_mode = EXCLUSIVE;
                    PRAGMA cache_size = -8192;
                    PRAGMA threads = 2;
                    """)
        }
        return configuration
    }

    /// Loads the rows, then builds the indexes; `writeback` is called after each of
    /// the two largest steps (the pairs' rows, the indexes).
    private static func load(
        _ shards: [StoreShard], into database: Database, workspace: String, fanIn: Int, summary: inout StoreBuildSummary,
        writeback: () -> Void
    ) throws {
        try database.execute(
            sql: "PRAGMA application_id = \(StoreSchema.applicationID); PRAGMA user_version = \(StoreSchema.version);")
        try database.execute(sql: StoreSchema.tables)
        try MergedPartials.with(partials: shards.map(\.partial), workspaceDirectory: workspace, fanIn: fanIn) { merged in
            summary.rounds = merged.rounds
            summary.entities = try loadEntities(merged, into: database)
            summary.cooccurrences = try loadPairs(merged, into: database)
            writeback()
            summary.timeline = try loadTimeline(merged, into: database)
            summary.tags = try loadTags(merged.tags(), into: database)
            try loadStats(merged.stats(), partials: shards.count, into: database)
        }
        summary.shards = try loadShards(shards, into: database)
        try database.execute(sql: StoreSchema.indexes)
        writeback()
    }

    /// Entity ids are merged ranks + 1, so ids follow the names' order.
    private static func loadEntities(_ merged: MergedPartials, into database: Database) throws -> Int {
        let insert = try _BulkInsert(database, "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)")
        return try merged.forEachEntity { rank, mentions, documents, firstDay, lastDay in
            try insert.bind(1, rank + 1)
            try merged.withName(rank) { try insert.bind(2, text: $0) }
            try insert.bind(3, merged.label(rank).name)
            try insert.bind(4, mentions)
            try insert.bind(5, documents)
            try insert.bind(6, day: firstDay)
            try insert.bind(7, day: lastDay)
            try insert.step()
        }
    }

    private static func loadPairs(_ merged: MergedPartials, into database: Database) throws -> Int {
        var insert = try _BatchInsert(database, table: "cooccurrences", columns: [.integer, .integer, .integer])
        _ = try merged.forEachPair { a, b, documents in try insert.append(a + 1, b + 1, documents) }
        try insert.finish()
        return insert.count
    }

    private static func loadTimeline(_ merged: MergedPartials, into database: Database) throws -> Int {
        var insert = try _BatchInsert(database, table: "timeline", columns: [.day, .integer, .integer, .integer])
        _ = try merged.forEachTimelineRow { day, rank, mentions, documents in
            try insert.append(Int(day), rank + 1, mentions, documents)
        }
        try insert.finish()
        return insert.count
    }

    private static func loadTags(_ tags: [Partial.Tag], into database: Database) throws -> Int {
        let insert = try _BulkInsert(database, "INSERT INTO tags VALUES (?, ?, ?)")
        for tag in tags {
            try insert.bind(1, tag.tag)
            try insert.bind(2, tag.mentions)
            try insert.bind(3, tag.documents)
            try insert.step()
        }
        return tags.count
    }

    /// The rows of `stats.json`: counters, rejects by reason, documents by source.
    private static func loadStats(_ stats: AggregateStats, partials: Int, into database: Database) throws {
        let insert = try _BulkInsert(database, "INSERT INTO stats VALUES (?, ?, ?)")
        var rows: [(String, String, Int)] = [
            ("counter", "bytes", stats.bytes), ("counter", "documents", stats.documents),
            ("counter", "entity_limit_documents", stats.entityLimitDocuments),
            ("counter", "failed_shards", stats.failedShards), ("counter", "lines", stats.lines),
            ("counter", "mentions", stats.mentions), ("counter", "partials", partials),
            ("counter", "shards", stats.shards), ("counter", "tokens", stats.tokens),
            ("counter", "undated", stats.undated),
        ]
        rows += stats.rejects.map { ("reject", $0.key, $0.value) }
        rows += stats.sources.map { ("source", $0.key, $0.value) }
        for (kind, name, value) in rows {
            try insert.bind(1, kind)
            try insert.bind(2, name)
            try insert.bind(3, value)
            try insert.step()
        }
    }

    /// One row per shard from its own partial's counters (the merged ones mix every shard).
    private static func loadShards(_ shards: [StoreShard], into database: Database) throws -> Int {
        let insert = try _BulkInsert(database, "INSERT INTO shards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let rejects = try _BulkInsert(database, "INSERT INTO shard_rejects VALUES (?, ?, ?)")
        for shard in shards {
            let stats = try PartialStore.stats(of: shard.partial)
            try insert.bind(1, shard.name)
            try insert.bind(2, Path.lastComponent(of: shard.partial))
            try insert.bind(3, stats.lines)
            try insert.bind(4, stats.documents)
            try insert.bind(5, stats.rejects.values.reduce(0, +))
            try insert.bind(6, stats.bytes)
            try insert.bind(7, stats.tokens)
            try insert.bind(8, stats.mentions)
            try insert.bind(9, stats.undated)
            try insert.bind(10, stats.failedShards > 0 ? 1 : 0)
            if let failure = shard.failure { try insert.bind(11, failure) } else { try insert.bindNull(11) }
            if let size = shard.fileSize { try insert.bind(12, Int(size)) } else { try insert.bindNull(12) }
            if let modified = shard.fileModified { try insert.bind(13, Int(modified)) } else { try insert.bindNull(13) }
            if let fingerprint = shard.fingerprint { try insert.bind(14, fingerprint) } else { try insert.bindNull(14) }
            try insert.step()
            for (reason, lines) in stats.rejects {
                try rejects.bind(1, shard.name)
                try rejects.bind(2, reason)
                try rejects.bind(3, lines)
                try rejects.step()
            }
        }
        return shards.count
    }

    /// Starts writing the pages that SQLite has written to `path` so far to storage,
    /// without waiting: the final ``flush(_:)`` then waits for the last pages only
    /// (it took 67 ms for the news corpus's 97 MB store when it waited for all).
    private static func startWriteback(_ path: String) {
        guard let file = try? FileDescriptor.openForReading(path) else { return }
        defer { try? file.close() }
        file.startWriteback(offset: 0, count: 0)
    }

    /// Flushes the finished file to stable storage, so that the rename cannot outlive its contents.
    private static func flush(_ path: String) throws {
        let descriptor = try FileDescriptor.openForReading(path)
        defer { try? descriptor.close() }
        try descriptor.sync()
    }
}
