import LedeAggregation
import LedeEntities
import LedeIO
import Logging

/// Measures each stage of the pipeline on the same shards, in one process.
///
/// Stages are cumulative (decompression, + lines and fields, + tokenize, …) and
/// run on one core, interleaved round by round so that a noisy machine slows
/// every stage alike; the whole run is then timed with 1 and N jobs. Every
/// figure is reported against the decompression floor measured in the same run.
public struct StageBenchmark<Tagger: EntityTagger>: Sendable {
    /// The shards to measure.
    public let shards: [Shard]
    /// Repeats per stage; the median is reported.
    public let repeats: Int
    /// Jobs of the multi-core run.
    public let jobs: Int
    /// Where whole runs write their outputs (removed afterwards).
    public let scratchDirectory: String
    private let makeTagger: @Sendable () -> Tagger
    private let logger: Logger

    public init(
        shards: [Shard], repeats: Int, jobs: Int, scratchDirectory: String, logger: Logger,
        makeTagger: @escaping @Sendable () -> Tagger
    ) {
        self.shards = shards
        self.repeats = max(1, repeats)
        self.jobs = max(1, jobs)
        self.scratchDirectory = scratchDirectory
        self.logger = logger
        self.makeTagger = makeTagger
    }

    /// Runs every measurement and returns the report.
    public func run() async throws -> BenchmarkReport {
        var report = BenchmarkReport(jobs: jobs, repeats: repeats)
        report.compressedBytes = try shards.reduce(Int64(0)) { $0 + (try FileSystem.fileInfo($1.path).size) }
        var samples: [String: [Double]] = [:]
        var bytes: Int64 = 0
        var documents = 0
        for round in 0..<repeats {
            logger.info("bench round \(round + 1)/\(repeats): stages on one core")
            let floor = try timeDecompression()
            bytes = floor.bytes
            samples["decompress (libzstd)", default: []].append(floor.seconds)
            for depth in ProcessingDepth.allCases {
                let stage = try time(depth: depth)
                documents = stage.documents
                samples[depth.name, default: []].append(stage.seconds)
            }
            if let zstd = CommandTimer.timeZstdCLI(paths: shards.map(\.path)) {
                samples["zstd -dc (CLI)", default: []].append(zstd)
            }
        }
        report.bytes = bytes
        report.documents = documents
        let floorSeconds = median(samples["decompress (libzstd)"] ?? [])
        func add(_ name: String, _ seconds: Double) {
            report.stages.append(
                BenchmarkReport.Stage(
                    name: name, seconds: seconds, megabytesPerSecond: Double(bytes) / 1e6 / seconds,
                    documentsPerSecond: Double(documents) / seconds, ratioToFloor: floorSeconds / seconds))
        }
        if let cli = samples["zstd -dc (CLI)"] { add("zstd -dc (CLI)", median(cli)) }
        add("decompress (libzstd)", floorSeconds)
        for depth in ProcessingDepth.allCases { add(depth.name, median(samples[depth.name] ?? [])) }
        for width in Set([1, jobs]).sorted() {
            var seconds: [Double] = []
            for round in 0..<repeats {
                logger.info("bench round \(round + 1)/\(repeats): whole run with \(width) job(s)")
                seconds.append(try await timeRun(jobs: width))
            }
            add("lede run, \(width) job\(width == 1 ? "" : "s")", median(seconds))
        }
        report.peakResidentBytes = SystemInfo.peakResidentBytes
        return report
    }

    private func timeDecompression() throws -> (seconds: Double, bytes: Int64) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        let start = SystemInfo.monotonicSeconds()
        var total: Int64 = 0
        for shard in shards {
            let source = try ShardByteSource(path: shard.path)
            while true {
                let n = try source.read(into: buffer)
                if n == 0 { break }
                total += Int64(n)
            }
        }
        return (SystemInfo.monotonicSeconds() - start, total)
    }

    private func time(depth: ProcessingDepth) throws -> (seconds: Double, documents: Int) {
        let worker = try ChunkWorker(
            tagger: makeTagger(), fields: FieldNames(), aggregation: AggregationOptions(), compressionLevel: 3)
        let start = SystemInfo.monotonicSeconds()
        var documents = 0
        for (number, shard) in shards.enumerated() {
            let reader = ChunkReader(
                source: try ShardByteSource(path: shard.path), spillDirectory: Path.join(scratchDirectory, "spill"))
            var line = 1
            while let chunk = try reader.next() {
                guard case .lines(let bytes) = chunk.content else { continue }
                let result = try worker.process(
                    bytes, index: chunk.index, shard: number, shardName: shard.relativePath, firstLine: line,
                    byteOffset: chunk.byteOffset, depth: depth)
                line += result.lines
                documents += result.documents
            }
            _ = worker.takeCounts(shard: number)?.makePartial()
        }
        return (SystemInfo.monotonicSeconds() - start, documents)
    }

    private func timeRun(jobs: Int) async throws -> Double {
        let output = Path.join(scratchDirectory, "run-\(jobs)")
        try FileSystem.removeTree(output)
        defer { try? FileSystem.removeTree(output) }
        var quiet = logger
        quiet.logLevel = .warning
        // The stages' figures stay comparable with earlier ones: the SQLite store is a
        // rebuild after the run, measured by itself (`lede merge`), not a stage.
        let configuration = PipelineConfiguration(
            inputs: shards.map(\.path), output: output, jobs: jobs, store: StoreOutput(enabled: false))
        let runner = PipelineRunner(configuration: configuration, logger: quiet, makeTagger: makeTagger)
        let summary = try await runner.run(shards: shards)
        return summary.seconds
    }

    private func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
