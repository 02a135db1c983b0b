import LedeAggregation
import LedeEntities
import LedeIO
import Logging

/// Measures each stage of the pipeline on the same shards, in one process.
///
/// Stages are cumulative (decompression, + lines and fields, + tokenize, …) and
/// run on one core with the rule tagger, interleaved round by round so that a
/// noisy machine slows every stage alike; tagging is measured with the trained
/// model too. Whole runs are then timed with 1 and N jobs, with each tagger,
/// once with one job and the process pinned to one core (a one-job run keeps
/// decompression on a second core), and once with the SQLite store. Every figure is reported against the
/// decompression floor measured in the same run.
public struct StageBenchmark<Rules: EntityTagger, Model: EntityTagger>: Sendable {
    /// The shards to measure.
    public let shards: [Shard]
    /// Repeats per stage; the median is reported.
    public let repeats: Int
    /// Jobs of the multi-core run.
    public let jobs: Int
    /// Where whole runs write their outputs (removed afterwards).
    public let scratchDirectory: String
    private let makeRules: @Sendable () -> Rules
    private let makeModel: (@Sendable () -> Model)?
    private let logger: Logger

    /// Prepares a benchmark.
    ///
    /// - Parameters:
    ///   - makeRules: Makes the rule tagger of the stage ladder and of the runs.
    ///   - makeModel: Makes the trained tagger, or `nil` to leave its rows out.
    public init(
        shards: [Shard], repeats: Int, jobs: Int, scratchDirectory: String, logger: Logger,
        makeRules: @escaping @Sendable () -> Rules, makeModel: (@Sendable () -> Model)?
    ) {
        self.shards = shards
        self.repeats = max(1, repeats)
        self.jobs = max(1, jobs)
        self.scratchDirectory = scratchDirectory
        self.logger = logger
        self.makeRules = makeRules
        self.makeModel = makeModel
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
                let stage = try time(depth: depth, makeTagger: makeRules)
                documents = stage.documents
                samples[depth.name, default: []].append(stage.seconds)
            }
            if let makeModel {
                samples[BenchmarkReport.modelTagStage, default: []].append(try time(depth: .tag, makeTagger: makeModel).seconds)
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
        for depth in ProcessingDepth.allCases {
            add(depth.name, median(samples[depth.name] ?? []))
            if depth == .tag, let model = samples[BenchmarkReport.modelTagStage] { add(BenchmarkReport.modelTagStage, median(model)) }
        }
        // Whole runs, interleaved round by round like the stages.
        var runs: [(name: String, time: () async throws -> Double)] = []
        for width in Set([1, jobs]).sorted() {
            runs.append((BenchmarkReport.runName(jobs: width), { try await timeRun(jobs: width, makeTagger: makeRules) }))
            if let makeModel {
                runs.append(
                    (BenchmarkReport.runName(jobs: width, model: true), { try await timeRun(jobs: width, makeTagger: makeModel) }))
            }
        }
        if jobs > 1 {
            runs.append(
                (BenchmarkReport.oneCoreRunStage, { try await timeRunOnOneCore(makeTagger: makeRules) }))
        }
        runs.append((BenchmarkReport.storeRunStage, { try await timeRun(jobs: 1, store: true, makeTagger: makeRules) }))
        if jobs > 1 {
            let defaultRun: () async throws -> Double
            if let makeModel {
                defaultRun = { try await timeRun(jobs: jobs, store: true, makeTagger: makeModel) }
            } else {
                defaultRun = { try await timeRun(jobs: jobs, store: true, makeTagger: makeRules) }
            }
            runs.append((BenchmarkReport.defaultRunName(jobs: jobs, model: makeModel != nil), defaultRun))
        }
        var runSeconds: [String: [Double]] = [:]
        for round in 0..<repeats {
            for run in runs {
                logger.info("bench round \(round + 1)/\(repeats): \(run.name)")
                let seconds = try await run.time()
                if seconds.isFinite { runSeconds[run.name, default: []].append(seconds) }
            }
        }
        for run in runs {
            guard let seconds = runSeconds[run.name] else {
                logger.warning("bench: could not pin the process to one core; '\(run.name)' is left out")
                continue
            }
            add(run.name, median(seconds))
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

    private func time<Tagger: EntityTagger>(
        depth: ProcessingDepth, makeTagger: () -> Tagger
    ) throws -> (seconds: Double, documents: Int) {
        let worker = try ChunkWorker(
            tagger: makeTagger(), fields: FieldNames(), aggregation: AggregationOptions(),
            compressionLevel: PipelineConfiguration.defaultCompressionLevel)
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

    /// Times a whole run into a fresh output directory; with `store`, the SQLite
    /// store's rebuild after it counts too (a default `lede run`).
    private func timeRun<Tagger: EntityTagger>(
        jobs: Int, store: Bool = false, makeTagger: @escaping @Sendable () -> Tagger
    ) async throws -> Double {
        let output = Path.join(scratchDirectory, "run-\(jobs)")
        try FileSystem.removeTree(output)
        defer { try? FileSystem.removeTree(output) }
        var quiet = logger
        quiet.logLevel = .warning
        let configuration = PipelineConfiguration(
            inputs: shards.map(\.path), output: output, jobs: jobs, store: StoreOutput(enabled: store))
        let runner = PipelineRunner(configuration: configuration, logger: quiet, makeTagger: makeTagger)
        let start = SystemInfo.monotonicSeconds()
        _ = try await runner.run(shards: shards)
        return SystemInfo.monotonicSeconds() - start
    }

    /// Times a one-job run with the whole process pinned to one core, or returns
    /// NaN when the platform does not allow pinning.
    private func timeRunOnOneCore<Tagger: EntityTagger>(makeTagger: @escaping @Sendable () -> Tagger) async throws -> Double {
        try await ProcessorPinning.onOneCore { try await timeRun(jobs: 1, makeTagger: makeTagger) } ?? .nan
    }

    private func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
