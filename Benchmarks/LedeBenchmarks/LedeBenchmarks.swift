import Benchmark
import LedeEntities

// Lede's per-stage benchmarks. One iteration is one pass over `SampleDocuments.count` (1,000)
// generated documents and every benchmark uses `scalingFactor: .kilo`, so the scaled figures
// (marked `*`) are per document: throughput in documents per second, mallocs per document.
// `MB/s` is the stage's input bytes per second over the measured loop (JSON Lines for the
// scanner, aggregator and merge; decoded text for the tokenizer and tagger).
//
// Thresholds are p90 malloc counts per iteration, checked in per toolchain under
// `Thresholds/<swift major.minor>/`; wall time is reported but never checked (see README.md).

/// Input bytes per second over the measured loop, larger is better; never scaled.
let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    /// No allocation at all is allowed in the steady state of the allocation-free stages.
    let zeroAllocations: [BenchmarkMetric: BenchmarkThresholds] = [
        .mallocCountTotal: BenchmarkThresholds(relative: [:], absolute: [.p90: 0])
    ]
    /// The stages that allocate per chunk (tables, files) may vary by 1 %.
    let fewAllocations: [BenchmarkMetric: BenchmarkThresholds] = [
        .mallocCountTotal: BenchmarkThresholds(relative: [.p90: 1.0], absolute: [:])
    ]

    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal, megabytesPerSecond],
        warmupIterations: 2,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 200
    )

    /// Runs `body` once, timed, inside an explicit measurement, and records its MB/s.
    func measure(_ benchmark: Benchmark, bytes: Int, _ body: () throws -> Int) rethrows {
        let clock = ContinuousClock()
        benchmark.startMeasurement()
        let start = clock.now
        blackHole(try body())
        let elapsed = clock.now - start
        benchmark.stopMeasurement()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        if seconds > 0 { benchmark.measurement(megabytesPerSecond, Int(Double(bytes) / seconds / 1e6)) }
    }

    var scanner: ScannerStage?
    Benchmark(
        "JSONFieldScanner.scan",
        configuration: .init(thresholds: zeroAllocations, setup: { scanner = ScannerStage() })
    ) { benchmark in
        guard let stage = scanner else { return }
        measure(benchmark, bytes: stage.inputBytes) { stage.run() }
    }

    var tokenizer: TokenizerStage?
    Benchmark(
        "Tokenizer.tokenize",
        configuration: .init(thresholds: zeroAllocations, setup: { tokenizer = TokenizerStage() })
    ) { benchmark in
        guard let stage = tokenizer else { return }
        measure(benchmark, bytes: stage.inputBytes) { stage.run() }
    }

    var tagger: TaggerStage<RuleTagger>?
    Benchmark(
        "RuleTagger.tag",
        configuration: .init(thresholds: zeroAllocations, setup: { tagger = TaggerStage(RuleTagger()) })
    ) { benchmark in
        guard let stage = tagger else { return }
        measure(benchmark, bytes: stage.inputBytes) { stage.run() }
    }

    var model: TaggerStage<PerceptronTagger>?
    Benchmark(
        "PerceptronTagger.tag",
        configuration: .init(
            thresholds: zeroAllocations,
            setup: { model = TaggerStage(PerceptronTagger(model: try CommittedModel.load())) })
    ) { benchmark in
        guard let stage = model else { return }
        measure(benchmark, bytes: stage.inputBytes) { stage.run() }
    }

    var aggregator: AggregatorStage?
    Benchmark(
        "AggregateBuilder.update",
        configuration: .init(thresholds: fewAllocations, setup: { aggregator = AggregatorStage() })
    ) { benchmark in
        guard let stage = aggregator else { return }
        stage.reset()
        measure(benchmark, bytes: stage.inputBytes) { stage.run() }
    }

    var merge: MergeStage?
    Benchmark(
        "PartialStore.write+PartialMerger.merge",
        configuration: .init(
            thresholds: fewAllocations, setup: { merge = try MergeStage() },
            teardown: { merge?.removeFiles() })
    ) { benchmark in
        guard let stage = merge else { return }
        try measure(benchmark, bytes: SampleDocuments.shared.jsonlBytes) { try stage.run() }
    }
}
