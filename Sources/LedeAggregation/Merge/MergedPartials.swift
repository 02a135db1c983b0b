import LedeEntities
import LedeIO

/// The merged tables of a set of partials, streamed row by row to a consumer
/// other than the CSV writer (the SQLite store).
///
/// The same streaming k-way merge as ``PartialMerger``, with the same rounds
/// when there are more partials than the fan-in. Entities are named by their
/// *rank* in the merged name table, which sorts by canonical name (bytewise
/// UTF-8), then label, so that rows arrive as integers in key order and no
/// `String` is made per row. Memory: the name tables and `fanIn` open files,
/// whatever the size of the tables.
package struct MergedPartials {
    private let plan: _MergePlan

    /// Intermediate rounds needed because there were more partials than the fan-in.
    package let rounds: Int

    private init(plan: _MergePlan, rounds: Int) {
        self.plan = plan
        self.rounds = rounds
    }

    /// Merges the name tables of `partials` and lends the merge to `body`.
    ///
    /// - Parameters:
    ///   - partials: Partial directories, each listed once, in any order.
    ///   - workspaceDirectory: Where intermediate rounds go (in a hidden
    ///     directory removed on return); leftovers of a killed merge there are removed.
    ///   - fanIn: The most partials open at once; at least 2.
    ///   - body: Reads the tables, each at most once.
    /// - Throws: ``AggregationError`` for a bad fan-in, a partial listed twice,
    ///   missing or damaged; what `body` throws.
    package static func with<R>(
        partials: [String], workspaceDirectory: String, fanIn: Int = PartialMerger.defaultFanIn,
        _ body: (MergedPartials) throws -> R
    ) throws -> R {
        try PartialMerger.checkInputs(partials, fanIn: fanIn)
        try FileSystem.createDirectory(workspaceDirectory)
        try PartialMerger.removeLeftoverWorkspaces(in: workspaceDirectory)
        let workspace = _TemporaryName.sibling(
            of: Path.join(workspaceDirectory, "merge"), purpose: PartialMerger.workspacePurpose)
        defer { try? FileSystem.removeTree(workspace) }
        let (inputs, rounds) = try PartialMerger.reduce(partials, fanIn: fanIn, workspace: workspace)
        return try body(MergedPartials(plan: try _MergePlan(directories: inputs), rounds: rounds))
    }

    /// The number of distinct entities (canonical name and label): ranks are `0..<nameCount`.
    package var nameCount: Int { plan.names.count }

    /// Lends the canonical name of rank `rank` as UTF-8 bytes.
    ///
    /// - Warning: The buffer must not escape `body`.
    package func withName<R>(_ rank: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try plan.names.withBytes(rank, body)
    }

    /// The label of rank `rank`.
    package func label(_ rank: Int) -> EntityLabel { plan.names.label(rank) }

    /// Streams the merged entity rows in rank order.
    ///
    /// `body` gets the rank, mentions, documents, and the first and last days
    /// packed as `yyyymmdd` (0 when no dated document names the entity).
    ///
    /// - Returns: The number of rows.
    package func forEachEntity(_ body: (Int, Int, Int, UInt32, UInt32) throws -> Void) throws -> Int {
        try stream(_EntityCell.self) { cell in
            try body(Int(cell.name), cell.mentions, cell.documents, cell.firstDay, cell.lastDay)
        }
    }

    /// Streams the merged co-occurrence rows in key order: rank a, rank b (a < b), documents.
    ///
    /// - Returns: The number of rows.
    package func forEachPair(_ body: (Int, Int, Int) throws -> Void) throws -> Int {
        try stream(_PairCell.self) { cell in
            try body(Int(cell.key >> 32), Int(cell.key & 0xFFFF_FFFF), cell.documents)
        }
    }

    /// Streams the merged timeline rows in key order: day packed as `yyyymmdd`, rank, mentions, documents.
    ///
    /// - Returns: The number of rows.
    package func forEachTimelineRow(_ body: (UInt32, Int, Int, Int) throws -> Void) throws -> Int {
        try stream(_TimelineCell.self) { cell in
            try body(UInt32(cell.key >> 32), Int(cell.key & 0xFFFF_FFFF), cell.mentions, cell.documents)
        }
    }

    private func stream<Cell: _BinaryCell>(_: Cell.Type, _ body: (Cell) throws -> Void) throws -> Int {
        try withoutActuallyEscaping(body) { body in
            var sink = _ClosureSink<Cell>(body: body)
            return try plan.merge(into: &sink)
        }
    }

    /// The merged tags, sorted bytewise.
    package func tags() throws -> [Partial.Tag] { try plan.mergeTags() }

    /// The merged corpus counters.
    package func stats() throws -> AggregateStats { try plan.mergeStats() }
}

/// Hands every merged cell to a closure.
private struct _ClosureSink<Cell: _BinaryCell>: _CellSink {
    let body: (Cell) throws -> Void

    @inline(__always)
    mutating func consume(_ cell: Cell) throws { try body(cell) }
}

extension PartialStore {
    /// The corpus counters of one partial directory, without reading its tables.
    ///
    /// - Throws: ``AggregationError`` when the directory is not a partial of this
    ///   format or its stats file is damaged.
    package static func stats(of directory: String) throws -> AggregateStats {
        try _PartialDirectory.validate(directory)
        return try _PartialFileIO.readStats(directory: directory)
    }
}

extension Day {
    /// Writes `YYYY-MM-DD` (10 bytes) for a day packed as `yyyymmdd`.
    package static func writeText(_ packed: UInt32, into out: UnsafeMutablePointer<UInt8>) {
        write(packed, into: out)
    }
}
