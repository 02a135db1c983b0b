/// What `aggregates/` and the SQLite store were last built from.
///
/// ``RunState/mergeTables(store:jobs:logger:)`` removes it before it merges and
/// writes it once the tables and the store are in place, so that it only ever
/// describes finished outputs. A run with nothing to process compares it with
/// the records it would merge now (``RunState/mergedPartialsIfCurrent(store:)``) and,
/// when they agree and every output is there, leaves the outputs as they are: a
/// nightly run over an unchanged archive then costs a look at its files, not a
/// merge of every table.
struct MergeRecord: Codable, Equatable {
    /// Bumped whenever the tables or the store that the same records give change.
    static let formatVersion = 1

    var format = formatVersion
    /// XXH64 of the merged shards' records, in shard order, as ``RunState`` encodes them.
    var records: String
    /// The number of partials merged.
    var partials: Int
    /// The store's absolute path, or `nil` when no store was built.
    var store: String?
}
