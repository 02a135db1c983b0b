import LedeIO

extension PartialMerger {
    /// How many parts to merge the co-occurrence table of `partials` in, with
    /// `jobs` jobs at once: `jobs` when that is faster than one part, else 1.
    ///
    /// The parts run side by side, then their pieces are joined beside the
    /// timeline table (see ``merge(partials:into:fanIn:durable:pairParts:runJobs:)``),
    /// so they pay when the timeline takes less than what they save: less than
    /// (1 − 1/`jobs`) of the co-occurrence table's merge. The two tables cost
    /// about the same per byte of their partial files (17–23 ns on the news
    /// corpus and on a generated one), so the files' sizes decide. On the news
    /// corpus the timeline files are 15% of the co-occurrence files; on a
    /// generated corpus of 60,000 documents (`lede sample`) 60%, and 2 parts
    /// took 20–60% longer there than one.
    ///
    /// - Parameters:
    ///   - partials: Partial directories; one that cannot be read counts as empty.
    ///   - jobs: The jobs the merge runs at once.
    public static func pairParts(for partials: [String], jobs: Int) -> Int {
        guard jobs > 1 else { return 1 }
        func bytes(_ file: _PartialFile) -> Int64 {
            partials.reduce(0) { total, partial in
                let size = (try? FileSystem.fileInfo(file.path(in: partial)).size) ?? 0
                return total + max(size - Int64(_PartialFile.headerSize + _PartialFile.trailerSize), 0)
            }
        }
        return Double(bytes(.timeline)) < Double(bytes(.cooccurrences)) * (1 - 1 / Double(jobs)) ? jobs : 1
    }

    /// The jobs that merge the co-occurrence table into `<tables>/cooccurrences.csv`
    /// in `parts` key ranges (see ``_PairPartition``), and the pieces they write.
    ///
    /// One part is one job that writes the table itself, as the other tables
    /// are written, and no pieces. Otherwise part *k* writes piece *k* in
    /// `workspace` (the first with the header), and ``joinPieces(_:into:in:durable:)``
    /// makes the table of them once every part is done. The first piece becomes
    /// the table, so when `durable` it is written as a durable file (its
    /// writeback starts while it is written); the others are copied and dropped.
    static func pairJobs(
        plan: _MergePlan, names: _CSVNames, parts: Int, workspace: String, tables: String, durable: Bool
    ) throws -> (jobs: [@Sendable () throws -> Int], pieces: [String]) {
        guard parts > 1 else {
            let job: @Sendable () throws -> Int = {
                try writeCSV(_PairCell.self, plan: plan, names: names, directory: tables, durable: durable)
            }
            return ([job], [])
        }
        let directory = Path.join(workspace, "pairs")
        try FileSystem.createDirectory(directory)
        let ranges = _PairPartition(plan: plan, count: parts).parts
        let pieces = ranges.indices.map { Path.join(directory, "part-\($0).csv") }
        let jobs: [@Sendable () throws -> Int] = ranges.indices.map { part in
            { [range = ranges[part], piece = pieces[part]] in
                var sink = try _CSVCellSink<_PairCell>(
                    path: piece, header: part == 0, names: names, durable: durable && part == 0)
                let count = try plan.mergePairs(firstRanks: range, last: part == ranges.count - 1, into: &sink)
                try sink.commit()
                return count
            }
        }
        return (jobs, pieces)
    }

    /// Appends the other pieces to the first in order and renames it to
    /// `<directory>/<table>.csv`, flushed to stable storage first when `durable`,
    /// as an ``LedeIO/AtomicFile`` is: the table appears whole or not at all.
    /// The writeback of what is appended starts as it is copied, as an atomic
    /// file's does, so that the flush waits for the last bytes only.
    static func joinPieces(_ pieces: [String], into table: String, in directory: String, durable: Bool) throws {
        let target = try FileDescriptor.openForAppending(pieces[0])
        do {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: joinBlockSize, alignment: 4096)
            defer { buffer.deallocate() }
            var written = try target.size()
            var writebackStarted = written
            for piece in pieces.dropFirst() {
                let source = try FileDescriptor.openForReading(piece)
                defer { try? source.close() }
                while true {
                    let count = try source.read(into: buffer)
                    if count == 0 { break }
                    try target.writeAll(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                    written += Int64(count)
                    if durable && written - writebackStarted >= AtomicFile.writebackInterval {
                        target.startWriteback(offset: writebackStarted, count: written - writebackStarted)
                        writebackStarted = written
                    }
                }
            }
            if durable { try target.sync() }
        } catch {
            try? target.close()
            throw error
        }
        try target.close()
        try FileSystem.rename(pieces[0], to: Path.join(directory, "\(table).csv"))
        if durable { FileSystem.syncDirectory(directory) }
    }

    /// Bytes copied per system call when pieces are joined.
    private static let joinBlockSize = 1 << 20
}
