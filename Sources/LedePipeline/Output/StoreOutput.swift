import LedeIO
import LedeStore

/// Whether and where a run or a merge rebuilds the SQLite store after the aggregates.
public struct StoreOutput: Sendable, Equatable {
    /// Whether the store is rebuilt at all.
    public var enabled: Bool
    /// The store's path, or `nil` for `<output>/lede.sqlite`.
    public var path: String?

    /// Makes the option; by default the store is rebuilt at `<output>/lede.sqlite`.
    public init(enabled: Bool = true, path: String? = nil) {
        self.enabled = enabled
        self.path = path
    }

    /// The store's path for an output directory.
    public func path(in layout: OutputLayout) -> String {
        path ?? layout.storePath
    }

    /// Rebuilds the store from `partials` and swaps it into place, unless disabled.
    ///
    /// The store is built as `<output>/_state/tmp/lede.sqlite.tmp` (or, for a store given
    /// its own path, under a hidden name beside it) and renamed over the old one; merge
    /// rounds, if any, go under `<output>/_state/tmp/`.
    ///
    /// - Parameters:
    ///   - layout: The output directory.
    ///   - partials: The partial directories the aggregates were merged from.
    ///   - failures: Why shards failed, when known (the run state's records keep them).
    ///   - records: The records of the shards, when known: their files' size,
    ///     modification time and fingerprint go into the store's `shards` table.
    /// - Returns: What was written, or `nil` when the store is disabled.
    public func rebuild(
        layout: OutputLayout, partials: [String], failures: [ShardFailure] = [], records: [ShardRecord] = []
    ) throws -> StoreBuildSummary? {
        try stage(layout: layout, partials: partials, failures: failures, records: records)?.commit()
    }

    /// Builds the store from `partials` under its temporary name, leaving the old one in place
    /// until ``LedeStore/StagedStore/commit()``, unless disabled.
    ///
    /// - Parameters: As for ``rebuild(layout:partials:failures:records:)``.
    /// - Returns: The built store, not yet in place, or `nil` when the store is disabled.
    public func stage(
        layout: OutputLayout, partials: [String], failures: [ShardFailure] = [], records: [ShardRecord] = []
    ) throws -> StagedStore? {
        guard enabled else { return nil }
        let destination = path(in: layout)
        let temporary =
            path == nil
            ? Path.join(layout.temporaryDirectory, "lede.sqlite.tmp")
            : Path.join(Path.directory(of: destination), ".\(Path.lastComponent(of: destination)).tmp")
        var reasons: [String: String] = [:]
        for failure in failures { reasons[failure.shard] = failure.reason }
        var files: [String: ShardRecord] = [:]
        for record in records { files[record.shard] = record }
        let shards = partials.map { partial in
            let name = OutputLayout.relativePath(fromFlatName: Path.lastComponent(of: partial))
            let record = files[name]
            return StoreShard(
                name: name, partial: partial, failure: reasons[name], fileSize: record?.file.size,
                fileModified: record?.file.modified, fingerprint: record?.fingerprint)
        }
        return try StoreWriter.stage(
            shards: shards, destination: destination, temporaryPath: temporary,
            workspaceDirectory: layout.temporaryDirectory)
    }
}
