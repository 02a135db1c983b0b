import LedeIO
import LedeSample

/// Writes a synthetic corpus as zstd shards, several shards at once.
public struct SampleWriter: Sendable {
    /// What was written.
    public struct Result: Sendable {
        /// Uncompressed JSONL bytes.
        public var bytes: Int64
        /// Bytes on disk.
        public var compressedBytes: Int64
    }

    /// The corpus seed.
    public let seed: UInt64
    /// Documents in all.
    public let documents: Int
    /// Shards in all.
    public let shards: Int

    public init(seed: UInt64, documents: Int, shards: Int) {
        self.seed = seed
        self.documents = documents
        self.shards = shards
    }

    /// Writes every shard into `directory`.
    public func write(to directory: String, jobs: Int) async throws -> Result {
        try FileSystem.createDirectory(directory)
        let plan = SampleShardPlan(documents: documents, shards: shards)
        let corpus = SampleCorpus(seed: seed)
        return try await withThrowingTaskGroup(of: Result.self) { group in
            var next = 0
            var total = Result(bytes: 0, compressedBytes: 0)
            func addShard(_ group: inout ThrowingTaskGroup<Result, any Error>) {
                let shard = next
                next += 1
                group.addTask {
                    try Self.writeShard(
                        corpus: corpus, numbers: plan.documentRange(shard: shard),
                        path: Path.join(directory, plan.shardName(shard)))
                }
            }
            while next < min(max(1, jobs), shards) { addShard(&group) }
            while let result = try await group.next() {
                total.bytes += result.bytes
                total.compressedBytes += result.compressedBytes
                if next < shards { addShard(&group) }
            }
            return total
        }
    }

    /// Writes one shard as a series of 4 MiB frames.
    private static func writeShard(corpus: SampleCorpus, numbers: Range<Int>, path: String) throws -> Result {
        let file = try AtomicFile(path: path, durable: false)
        let compressor = try ZstdCompressor(level: 3)
        var lines: [UInt8] = []
        lines.reserveCapacity(5 << 20)
        var frame: [UInt8] = []
        var bytes: Int64 = 0
        for number in numbers {
            corpus.appendDocument(number: number, to: &lines)
            lines.append(0x0A)
            if lines.count >= 4 << 20 {
                try flush(&lines, &frame, compressor, file, &bytes)
            }
        }
        try flush(&lines, &frame, compressor, file, &bytes)
        let compressed = file.bytesWritten
        try file.commit()
        return Result(bytes: bytes, compressedBytes: compressed)
    }

    private static func flush(
        _ lines: inout [UInt8], _ frame: inout [UInt8], _ compressor: ZstdCompressor, _ file: AtomicFile,
        _ bytes: inout Int64
    ) throws {
        guard !lines.isEmpty else { return }
        frame.removeAll(keepingCapacity: true)
        try compressor.compress(lines, appendingTo: &frame)
        try file.write(frame)
        bytes += Int64(lines.count)
        lines.removeAll(keepingCapacity: true)
    }
}
