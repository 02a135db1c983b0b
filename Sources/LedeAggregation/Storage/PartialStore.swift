import LedeEntities
import LedeIO

/// Writes partials to disk as directories of sorted binary tables, and reads them back.
///
/// A partial directory holds `FORMAT` (`lede-partial 3`) and one binary file
/// per table (see the format in `_PartialFile`): a name table (`names.bin`,
/// every entity name and label once, sorted), and `entities.bin`,
/// `cooccurrences.bin` and `timeline.bin`, whose varint-coded rows refer to
/// names by their rank in it and store each key as the difference from the
/// previous one; plus `tags.bin` and `stats.bin`. Rows are in key order, so
/// ``PartialMerger`` merges any number of partials in one streaming pass
/// comparing integers.
public enum PartialStore {
    /// The version in `FORMAT`; readers refuse other versions.
    public static let formatVersion = 3

    /// Whether `directory` holds a partial of this format version.
    ///
    /// A partial of another version (written by another version of Lede) cannot
    /// be read or merged; a run can process its shard again instead of stopping.
    /// Only the `FORMAT` file is read, so a damaged table still shows up when it is merged.
    public static func hasCurrentFormat(_ directory: String) -> Bool {
        (try? _PartialDirectory.validate(directory)) != nil
    }

    /// Writes a partial as a directory, atomically.
    ///
    /// The files are written into a hidden sibling directory, flushed, and the
    /// directory is then swapped into place; an existing partial at `directory`
    /// is replaced and removed. A process killed at any instant leaves either
    /// the old partial or the new one.
    ///
    /// - Parameters:
    ///   - partial: A partial with sorted rows and unique keys (as
    ///     ``AggregateBuilder/makePartial()`` and ``Partial/merging(_:)`` make them).
    ///   - directory: The partial's directory; its parent is created when missing.
    ///   - durable: Whether the files are flushed to stable storage before the
    ///     directory is swapped in, so that a power loss cannot leave an empty
    ///     partial behind the new name. Turn off only for scratch output.
    /// - Throws: ``LedeIO/SystemError`` when a file cannot be written.
    public static func write(_ partial: Partial, to directory: String, durable: Bool = true) throws {
        try FileSystem.createDirectory(Path.directory(of: directory))
        let tables = partial.compactTables
        try _PartialDirectory.write(to: directory, durable: durable) { temporary in
            try _PartialFileIO.writeNames(tables.names, directory: temporary, durable: durable)
            try _PartialFileIO.writeCells(tables.entities, directory: temporary, durable: durable)
            try _PartialFileIO.writeCells(tables.pairs, directory: temporary, durable: durable)
            try _PartialFileIO.writeCells(tables.timeline, directory: temporary, durable: durable)
            try _PartialFileIO.writeTags(partial.tags, directory: temporary, durable: durable)
            try _PartialFileIO.writeStats(partial.stats, directory: temporary, durable: durable)
        }
    }

    /// Reads a partial directory into memory.
    ///
    /// For tests and the pipeline's own partials; merging many or large partials
    /// should go through ``PartialMerger``, which streams.
    ///
    /// - Parameter directory: A directory written by ``write(_:to:durable:)`` or by a merge round.
    /// - Returns: The partial.
    /// - Throws: ``AggregationError`` naming the file when the directory is not a
    ///   partial of this format, or a file is truncated, damaged or out of order;
    ///   ``LedeIO/SystemError`` when a file cannot be read.
    /// - Complexity: O(*n*) in the number of rows; memory O(*n*).
    public static func read(_ directory: String) throws -> Partial {
        try _PartialDirectory.validate(directory)
        let names = try _PartialFileIO.readNames(directory: directory)
        let tables = _CompactTables(
            names: names,
            entities: try _PartialFileIO.readCells(_EntityCell.self, directory: directory, names: names.count),
            pairs: try _PartialFileIO.readCells(_PairCell.self, directory: directory, names: names.count),
            timeline: try _PartialFileIO.readCells(_TimelineCell.self, directory: directory, names: names.count))
        return Partial(
            _compact: tables, tags: try _PartialFileIO.readTags(directory: directory),
            stats: try _PartialFileIO.readStats(directory: directory))
    }
}
