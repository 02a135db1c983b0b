/// The merged name table of a group of partial directories, and how to merge their tables.
///
/// Loads each partial's name table (checked), unites them, and keeps each
/// partial's map from its ranks to the merged ranks. Memory: the name tables
/// (one entry per distinct entity per partial), not the rows, which stream.
struct _MergePlan {
    /// The partial directories.
    let directories: [String]
    /// The union of their names, sorted.
    let names: _NameTable
    /// Per directory, its ranks' places in ``names``.
    let maps: [[UInt32]]
    /// Per directory, the size of its name table.
    let nameCounts: [Int]

    /// Reads and unites the name tables of `directories`.
    ///
    /// - Throws: ``AggregationError`` naming the file when a name table is missing or damaged.
    init(directories: [String]) throws {
        self.directories = directories
        let tables = try directories.map { try _PartialFileIO.readNames(directory: $0) }
        nameCounts = tables.map(\.count)
        (names, maps) = _NameTable.union(tables[...])
    }

    /// Merges `Sink.Cell`'s table of every directory into `sink`.
    ///
    /// - Returns: The number of merged rows.
    func merge<Sink: _CellSink & ~Copyable>(into sink: inout Sink) throws -> Int {
        try _CellMerge<Sink.Cell>.merge(directories: directories, nameCounts: nameCounts, maps: maps, into: &sink)
    }

    /// Merges the co-occurrence pairs whose first entity's merged rank is in
    /// `firstRanks` into `sink`: one part of a partition of `0..<names.count`
    /// into consecutive ranges (see ``_PairPartition``).
    ///
    /// - Parameters:
    ///   - firstRanks: The part's ranks of the first entity.
    ///   - last: Whether it is the partition's last part, which reads every file
    ///     to its end (see ``_CellMerge/merge(directories:nameCounts:maps:firstRanks:toEnd:into:)``).
    ///   - sink: Receives the merged cells.
    /// - Returns: The number of merged rows.
    func mergePairs<Sink: _CellSink & ~Copyable>(
        firstRanks: Range<Int>, last: Bool, into sink: inout Sink
    ) throws -> Int where Sink.Cell == _PairCell {
        // A part before the last that holds no rank has nothing to read.
        if firstRanks.isEmpty && !last { return 0 }
        return try _CellMerge<_PairCell>.merge(
            directories: directories, nameCounts: nameCounts, maps: maps, firstRanks: firstRanks, toEnd: last,
            into: &sink)
    }

    /// The tags of every directory, merged (tags are few; they are merged in memory).
    func mergeTags() throws -> [Partial.Tag] {
        var tables = try directories.map { try _PartialFileIO.readTags(directory: $0) }
        // Pairwise in a balanced tree: O(n log k).
        while tables.count > 1 {
            var next: [[Partial.Tag]] = []
            var index = 0
            while index < tables.count {
                next.append(index + 1 < tables.count ? _mergeSortedRows(tables[index], tables[index + 1]) : tables[index])
                index += 2
            }
            tables = next
        }
        return tables.first ?? []
    }

    /// The corpus counters of every directory, added up.
    func mergeStats() throws -> AggregateStats {
        var stats = AggregateStats()
        for directory in directories { stats.add(try _PartialFileIO.readStats(directory: directory)) }
        return stats
    }
}
