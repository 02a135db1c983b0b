import LedeAggregation
import LedeIO

/// The in-order writer of one shard: documents, rejects and, at the end, its partial.
///
/// Chunk results arrive in any order; they are held until every earlier chunk has
/// been written, so outputs keep the input's order. Every file is written under a
/// temporary name and renamed by ``finish()``.
final class ShardOutput {
    /// A chunk outcome waiting for its turn.
    enum Pending {
        case processed(ChunkResult)
        case overlong(OverlongLine, line: Int, offset: Int64)
        case truncated([UInt8], line: Int, offset: Int64)
    }

    let shard: Shard
    private let layout: OutputLayout
    private let documents: AtomicFile
    private var rejectedLines: AtomicFile?
    private var rejectReasons: AtomicFile?
    private var pending: [Int: Pending] = [:]
    private var nextToWrite = 0
    private var accumulator = PartialAccumulator()
    private var wroteDocuments = false
    /// Chunks handed out by the reader so far.
    var chunksRead = 0
    /// Whether the reader has delivered its last chunk.
    var readingDone = false
    /// Why reading stopped early, if it did.
    var failure: ShardReadError?
    /// Lines, documents and rejects written so far.
    private(set) var lines = 0
    private(set) var documentCount = 0
    private(set) var rejects = 0
    private(set) var bytes: Int64 = 0
    private var rejectsByReason: [String: Int] = [:]

    init(shard: Shard, layout: OutputLayout) throws {
        self.shard = shard
        self.layout = layout
        documents = try AtomicFile(path: layout.documentsPath(for: shard))
    }

    /// Chunks read but not yet written.
    var outstanding: Int { chunksRead - nextToWrite }

    /// Whether every chunk has been written and the shard can be finished.
    var isComplete: Bool { readingDone && nextToWrite == chunksRead }

    /// Takes one chunk outcome and writes every chunk that is now next in order.
    func deliver(_ item: Pending, index: Int) throws {
        pending[index] = item
        while let next = pending.removeValue(forKey: nextToWrite) {
            try write(next)
            nextToWrite += 1
        }
    }

    private func write(_ item: Pending) throws {
        switch item {
        case .processed(let result):
            if !result.documentsFrame.isEmpty {
                try documents.write(result.documentsFrame)
                wroteDocuments = true
            }
            if !result.rejectedLines.isEmpty {
                try rejectFiles().lines.write(result.rejectedLines)
                try rejectFiles().reasons.write(result.rejectReasons)
            }
            lines += result.lines
            documentCount += result.documents
            rejects += result.rejects
            bytes += result.bytes
            rejectsByReason.merge(result.rejectsByReason, uniquingKeysWith: +)
        case .overlong(let line, let number, let offset):
            let files = try rejectFiles()
            try copySpill(line.spillPath, into: files.lines)
            try files.lines.write([0x0A])
            var reason: [UInt8] = []
            RejectRecord.appendReason(
                shard: shard.relativePath, lineNumber: number, offset: offset, length: line.length,
                reason: RejectReason.tooLong.rawValue, detail: "line of \(line.length) bytes is over the limit",
                to: &reason)
            try files.reasons.write(reason)
            try? FileSystem.removeFile(line.spillPath)
            countSingleReject(RejectReason.tooLong.rawValue, bytes: line.length + 1)
        case .truncated(let bytes, let number, let offset):
            var lineBytes: [UInt8] = []
            var reason: [UInt8] = []
            bytes.withUnsafeBytes { raw in
                RejectRecord.append(
                    line: raw, shard: shard.relativePath, lineNumber: number, offset: offset,
                    reason: RejectReason.truncated.rawValue, detail: "the stream ends inside this line",
                    lines: &lineBytes, reasons: &reason)
            }
            let files = try rejectFiles()
            try files.lines.write(lineBytes)
            try files.reasons.write(reason)
            countSingleReject(RejectReason.truncated.rawValue, bytes: Int64(bytes.count))
        }
    }

    private func countSingleReject(_ reason: String, bytes: Int64) {
        var builder = AggregateBuilder(options: AggregationOptions())
        builder.addLines(1)
        builder.addReject(reason: reason)
        lines += 1
        rejects += 1
        self.bytes += bytes
        rejectsByReason[reason, default: 0] += 1
        accumulator.add(builder.makePartial())
    }

    private func rejectFiles() throws -> (lines: AtomicFile, reasons: AtomicFile) {
        if let rejectedLines, let rejectReasons { return (rejectedLines, rejectReasons) }
        let lines = try AtomicFile(path: layout.rejectedLinesPath(for: shard))
        let reasons = try AtomicFile(path: layout.rejectReasonsPath(for: shard))
        rejectedLines = lines
        rejectReasons = reasons
        return (lines, reasons)
    }

    private func copySpill(_ path: String, into file: AtomicFile) throws {
        let spill = try FileDescriptor.openForReading(path)
        defer { try? spill.close() }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = try spill.read(into: buffer)
            if n == 0 { break }
            try file.write(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
        }
    }

    /// Renames the shard's files into place and writes its partial.
    ///
    /// - Parameters:
    ///   - partials: The workers' counts of this shard's documents.
    ///   - compressor: Makes the empty frame of a shard without documents.
    /// - Returns: The reasons and counts of this shard's rejects.
    func finish(partials: [Partial], compressor: ZstdCompressor) throws -> [String: Int] {
        if !wroteDocuments {
            // An empty frame keeps the file a valid zstd stream that decodes to nothing.
            var empty: [UInt8] = []
            try compressor.compress([], appendingTo: &empty)
            try documents.write(empty)
        }
        try documents.commit()
        if let rejectedLines, let rejectReasons {
            try rejectedLines.commit()
            try rejectReasons.commit()
        } else {
            try FileSystem.removeFile(layout.rejectedLinesPath(for: shard))
            try FileSystem.removeFile(layout.rejectReasonsPath(for: shard))
        }
        var builder = AggregateBuilder(options: AggregationOptions())
        builder.addShard()
        if failure != nil { builder.addFailedShard() }
        accumulator.add(builder.makePartial())
        for partial in partials { accumulator.add(partial) }
        try PartialStore.write(accumulator.result(), to: layout.partialPath(for: shard))
        return rejectsByReason
    }

    /// Abandons the shard's new files; the previous ones stay as they were.
    func discard() {
        documents.discard()
        rejectedLines?.discard()
        rejectReasons?.discard()
        for case .overlong(let line, _, _) in pending.values { try? FileSystem.removeFile(line.spillPath) }
    }
}
