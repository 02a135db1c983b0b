import LedeIO
import Synchronization

/// Merges partial directories into the archive's tables, streaming.
///
/// Each table is merged in one k-way pass over all partials (see
/// ``PartialStore`` for their format), writing into the aggregates directory:
///
/// | file | header |
/// |---|---|
/// | `entities.csv` | `canonical,label,mentions,documents,first_date,last_date` |
/// | `cooccurrences.csv` | `entity_a,label_a,entity_b,label_b,documents` |
/// | `timeline.csv` | `date,canonical,label,mentions,documents` |
/// | `tags.csv` | `tag,mentions,documents` |
/// | `stats.json` | documents, lines, bytes, tokens, mentions, undated, rejects, sources, shards, failed shards, partials |
///
/// Rows are in key order (bytewise UTF-8, label last), fields are quoted per
/// RFC 4180, and every file is written under a temporary name and renamed into
/// place, so the output depends only on the partials' contents, never on their
/// order or grouping.
public enum PartialMerger {
    /// The most partials merged in one pass: 256 open files per table pass stays
    /// well below the usual limit of 1024 descriptors.
    public static let defaultFanIn = 256

    /// Merges partials into the tables of `aggregatesDirectory`.
    ///
    /// With more partials than `fanIn`, partials are first merged in groups of at
    /// most `fanIn` into temporary partials (in a hidden directory inside
    /// `aggregatesDirectory`, removed afterwards), round after round, until one
    /// pass remains. Memory is that of `fanIn` open files and their current rows,
    /// whatever the number of partials or the size of the tables. One merge per
    /// aggregates directory at a time: leftovers of a killed merge there are removed.
    ///
    /// - Parameters:
    ///   - partials: Partial directories, each listed once, in any order.
    ///   - aggregatesDirectory: Where the tables go; created when missing. Other
    ///     files in it are left alone.
    ///   - fanIn: The most partials open at once; at least 2.
    ///   - durable: Whether each output file is flushed to stable storage before
    ///     it is renamed into place.
    ///   - pairParts: How many parts the co-occurrence table, most of a merge's
    ///     work, is merged in: each part covers a range of keys, is a job of its
    ///     own and writes a piece of `cooccurrences.csv`, and the pieces are
    ///     joined in order once every part is done. Give the number of jobs that
    ///     `runJobs` runs at once when that pays (``pairParts(for:jobs:)``); 1
    ///     (the default) merges the table in one job. The tables are the same
    ///     whatever the number of parts.
    ///   - runJobs: Runs the merge's table jobs, one after another by default.
    /// - Returns: Row counts and the merged stats.
    /// - Throws: ``AggregationError`` for a bad fan-in, a partial listed twice, or
    ///   a partial that is missing, of another format, malformed or unsorted (with
    ///   its path and line); ``LedeIO/SystemError`` when a file cannot be read or
    ///   written. Problems in the partials leave every previous table in place;
    ///   a failure while renaming (a full disk, say) can leave some tables new
    ///   and the others old.
    /// - Complexity: O(*n* log *k*) per round for *n* rows in all and *k* = min(partials, `fanIn`);
    ///   ⌈log_fanIn(partials)⌉ − 1 intermediate rounds.
    public static func merge(
        partials: [String], into aggregatesDirectory: String, fanIn: Int = defaultFanIn, durable: Bool = true,
        pairParts: Int = 1, runJobs: JobRunner = oneByOne
    ) throws -> MergeSummary {
        try checkInputs(partials, fanIn: fanIn)
        guard pairParts >= 1 else {
            throw AggregationError("the co-occurrence table needs at least 1 part, not \(pairParts)")
        }
        try FileSystem.createDirectory(aggregatesDirectory)
        try removeLeftoverWorkspaces(in: aggregatesDirectory)
        let workspace = _TemporaryName.sibling(of: Path.join(aggregatesDirectory, "merge"), purpose: workspacePurpose)
        defer { try? FileSystem.removeTree(workspace) }
        let (inputs, rounds) = try reduce(partials, fanIn: fanIn, workspace: workspace)

        // Every table is written into the workspace before any is renamed into
        // place, so that a bad partial found late (an unsorted row, say) leaves all
        // previous tables as they were instead of a mix of old and new ones.
        let plan = try _MergePlan(directories: inputs)
        let csvNames = _CSVNames(plan.names)
        let mergedStats = try plan.mergeStats()
        let tables = Path.join(workspace, "tables")
        try FileSystem.createDirectory(tables)
        let pairs = try pairJobs(
            plan: plan, names: csvNames, parts: pairParts, workspace: workspace, tables: tables, durable: durable)
        let best = Mutex<[_EntityCell]>([])
        let tableJobs: [@Sendable () throws -> Int] = [
            {
                var sink = _EntityCSVSink(
                    csv: try _CSVCellSink<_EntityCell>(directory: tables, names: csvNames, durable: durable),
                    top: summaryEntityCount)
                let count = try plan.merge(into: &sink)
                let top = try sink.commit().ranked()
                best.withLock { $0 = top }
                return count
            },
            { try writeCSV(_TimelineCell.self, plan: plan, names: csvNames, directory: tables, durable: durable) },
            {
                let stats = try AtomicFile(path: Path.join(tables, "stats.json"), durable: durable)
                try stats.write(_StatsJSON.encode(mergedStats, partials: partials.count))
                try stats.commit()
                return try writeTags(plan.mergeTags(), directory: tables, durable: durable)
            },
        ]
        let cooccurrences: Int
        let counts: ArraySlice<Int>
        if pairs.pieces.isEmpty {
            // The longest job first, so that it starts at once.
            let all = try runJobs(pairs.jobs + tableJobs)
            cooccurrences = all[0]
            counts = all.dropFirst()
        } else {
            // The parts first, side by side, and the entity table (the smallest)
            // in the time that one part ends before another; then the pieces are
            // joined (a copy of all but the first) beside the other tables.
            let first = try runJobs(pairs.jobs + tableJobs[..<1])
            cooccurrences = first[..<pairs.jobs.count].reduce(0, +)
            let join: @Sendable () throws -> Int = {
                try joinPieces(pairs.pieces, into: _PairCell.schema.name, in: tables, durable: durable)
                return 0
            }
            let second = try runJobs([join] + tableJobs[1...])
            counts = (first[pairs.jobs.count...] + second.dropFirst())[...]
        }
        for name in try FileSystem.contentsOfDirectory(tables).sorted() {
            try FileSystem.rename(Path.join(tables, name), to: Path.join(aggregatesDirectory, name))
        }
        if durable { FileSystem.syncDirectory(aggregatesDirectory) }

        let topEntities = best.withLock { $0 }.map { cell in
            EntityRow(
                canonical: plan.names.string(Int(cell.name)), label: plan.names.label(Int(cell.name)),
                mentions: cell.mentions, documents: cell.documents,
                firstDate: cell.firstDay == 0 ? nil : Day(_uncheckedPacked: cell.firstDay),
                lastDate: cell.lastDay == 0 ? nil : Day(_uncheckedPacked: cell.lastDay))
        }
        return MergeSummary(
            partials: partials.count, rounds: rounds, entities: counts[counts.startIndex], cooccurrences: cooccurrences,
            timeline: counts[counts.startIndex + 1], tags: counts[counts.startIndex + 2], stats: mergedStats,
            topEntities: topEntities)
    }

    /// The files a merge writes into the aggregates directory.
    public static let tableFiles =
        [_TableSchema.entities, .cooccurrences, .timeline, .tags].map { "\($0.name).csv" } + ["stats.json"]

    /// How many of the most mentioned entities a merge keeps for its summary
    /// (``MergeSummary/topEntities``), as the end of `lede run` prints them.
    public static let summaryEntityCount = 10

    /// Runs independent jobs of a merge (one per table, or per part of the
    /// co-occurrence table) and returns their results in the jobs' order, or
    /// throws one of their errors.
    ///
    /// The runner that calls the merge decides whether the jobs run at once.
    /// The co-occurrence table is most of a merge's work: merged in parts
    /// (`pairParts`), it is cut into jobs of its own.
    public typealias JobRunner = ([@Sendable () throws -> Int]) throws -> [Int]

    /// Runs the jobs one after another.
    public static func oneByOne(_ jobs: [@Sendable () throws -> Int]) throws -> [Int] {
        try jobs.map { try $0() }
    }

    /// Merges `Cell`'s table of the plan's partials into `<directory>/<table>.csv`.
    ///
    /// - Returns: The number of rows.
    static func writeCSV<Cell: _CSVCell>(
        _ cell: Cell.Type, plan: _MergePlan, names: _CSVNames, directory: String, durable: Bool
    ) throws -> Int {
        var sink = try _CSVCellSink<Cell>(directory: directory, names: names, durable: durable)
        let count = try plan.merge(into: &sink)
        try sink.commit()
        return count
    }

    /// Writes `tags.csv`.
    ///
    /// - Returns: The number of rows.
    private static func writeTags(_ tags: [Partial.Tag], directory: String, durable: Bool) throws -> Int {
        var tagFile = try _OutputBuffer(path: Path.join(directory, "tags.csv"), durable: durable)
        try tagFile.append(_TableSchema.tags.header(separator: 0x2C) + [0x0A])
        for tag in tags {
            try Array(tag.tag.utf8).withUnsafeBytes { try _CSVWriter.appendField($0, to: &tagFile) }
            try tagFile.append(0x2C)
            try tagFile.appendDecimal(tag.mentions)
            try tagFile.append(0x2C)
            try tagFile.appendDecimal(tag.documents)
            try tagFile.append(0x0A)
        }
        try tagFile.commit()
        return tags.count
    }

    /// Checks the fan-in, that no partial is listed twice and that each is a partial of this format.
    static func checkInputs(_ partials: [String], fanIn: Int) throws {
        guard fanIn >= 2 else { throw AggregationError("fan-in must be at least 2, not \(fanIn)") }
        var seen = Set<String>()
        for partial in partials where !seen.insert(normalizedPath(partial)).inserted {
            throw AggregationError("partial listed twice; it would be counted twice", path: partial)
        }
        for partial in partials { try _PartialDirectory.validate(partial) }
    }

    /// Merges groups of at most `fanIn` partials into temporary partials in
    /// `workspace`, round after round, until at most `fanIn` remain.
    ///
    /// - Returns: The partials of the last pass (the caller's own when they are
    ///   few enough) and the number of intermediate rounds.
    static func reduce(_ partials: [String], fanIn: Int, workspace: String) throws -> (inputs: [String], rounds: Int) {
        var inputs = partials
        var rounds = 0
        while inputs.count > fanIn {
            rounds += 1
            var outputs: [String] = []
            for (index, group) in balancedGroups(inputs, fanIn: fanIn).enumerated() {
                let output = Path.join(workspace, "round-\(rounds)-\(index)")
                try mergeIntoPartial(Array(group), output)
                outputs.append(output)
            }
            // The first round's inputs are the caller's; later ones are ours to drop.
            if rounds > 1 { for input in inputs { try FileSystem.removeTree(input) } }
            inputs = outputs
        }
        return (inputs, rounds)
    }

    /// Merges partials into a complete new aggregates directory and swaps it in
    /// for `aggregatesDirectory` in one step.
    ///
    /// Readers see all the old tables or all the new ones, never a mix, whatever
    /// instant the process is killed at (see ``merge(partials:into:fanIn:durable:pairParts:runJobs:)``,
    /// which renames table by table). The directory is Lede's: files that others
    /// put into it do not survive. Leftovers of a killed replacement beside it are
    /// removed first; one replacement per directory at a time.
    ///
    /// - Parameters: As for ``merge(partials:into:fanIn:durable:pairParts:runJobs:)``.
    /// - Returns: Row counts and the merged stats.
    /// - Throws: What ``merge(partials:into:fanIn:durable:pairParts:runJobs:)`` throws; the previous
    ///   directory is then left as it was.
    public static func replaceTables(
        partials: [String], aggregatesDirectory: String, fanIn: Int = defaultFanIn, durable: Bool = true,
        pairParts: Int = 1, runJobs: JobRunner = oneByOne
    ) throws -> MergeSummary {
        let parent = Path.directory(of: aggregatesDirectory)
        try FileSystem.createDirectory(parent)
        let name = Path.lastComponent(of: aggregatesDirectory)
        for entry in try FileSystem.contentsOfDirectory(parent)
        where entry.hasPrefix(".\(name).\(nextPurpose)-") || entry.hasPrefix(".\(name).old-") {
            try FileSystem.removeTree(Path.join(parent, entry))
        }
        let next = _TemporaryName.sibling(of: aggregatesDirectory, purpose: nextPurpose)
        do {
            let summary = try merge(
                partials: partials, into: next, fanIn: fanIn, durable: durable, pairParts: pairParts, runJobs: runJobs)
            if durable { FileSystem.syncDirectory(next) }
            try _DirectoryReplacement.replace(aggregatesDirectory, with: next, durable: durable)
            return summary
        } catch {
            try? FileSystem.removeTree(next)
            throw error
        }
    }

    private static let nextPurpose = "next"

    /// Merges partial directories into one partial directory (one intermediate
    /// round's group, or a shard's segments).
    ///
    /// An intermediate round is not flushed to stable storage (`durable` false):
    /// the workspace does not survive a crash anyway.
    static func mergeIntoPartial(_ inputs: [String], _ output: String, durable: Bool = false) throws {
        let plan = try _MergePlan(directories: inputs)
        try _PartialDirectory.write(to: output, durable: durable) { temporary in
            try _PartialFileIO.writeNames(plan.names, directory: temporary, durable: durable)
            var entities = try _BinaryCellSink<_EntityCell>(directory: temporary, durable: durable)
            _ = try plan.merge(into: &entities)
            try entities.commit()
            var pairs = try _BinaryCellSink<_PairCell>(directory: temporary, durable: durable)
            _ = try plan.merge(into: &pairs)
            try pairs.commit()
            var timeline = try _BinaryCellSink<_TimelineCell>(directory: temporary, durable: durable)
            _ = try plan.merge(into: &timeline)
            try timeline.commit()
            try _PartialFileIO.writeTags(try plan.mergeTags(), directory: temporary, durable: durable)
            try _PartialFileIO.writeStats(try plan.mergeStats(), directory: temporary, durable: durable)
        }
    }

    /// Splits `inputs` into ⌈count / fanIn⌉ groups whose sizes differ by at most one.
    static func balancedGroups(_ inputs: [String], fanIn: Int) -> [ArraySlice<String>] {
        let groupCount = (inputs.count + fanIn - 1) / fanIn
        var groups: [ArraySlice<String>] = []
        var start = 0
        for group in 0..<groupCount {
            let size = inputs.count / groupCount + (group < inputs.count % groupCount ? 1 : 0)
            groups.append(inputs[start..<(start + size)])
            start += size
        }
        return groups
    }

    static let workspacePurpose = "rounds"

    /// Removes `.merge.rounds-…` directories that a killed merge left behind.
    static func removeLeftoverWorkspaces(in directory: String) throws {
        for name in try FileSystem.contentsOfDirectory(directory) where name.hasPrefix(".merge.\(workspacePurpose)-") {
            try FileSystem.removeTree(Path.join(directory, name))
        }
    }

    /// `a/b/`, `a//b` and `./a/b` name the same partial as `a/b`.
    private static func normalizedPath(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
