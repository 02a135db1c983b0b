/// The figures of one `lede bench`.
public struct BenchmarkReport: Sendable {
    /// One measured stage.
    public struct Stage: Sendable {
        /// What was measured, cumulatively (`+ tokenize` includes everything before it).
        public var name: String
        /// Median wall-clock seconds.
        public var seconds: Double
        /// Decoded JSONL megabytes (10⁶ bytes) per second.
        public var megabytesPerSecond: Double
        /// Documents per second.
        public var documentsPerSecond: Double
        /// Throughput as a fraction of the libzstd decompression floor.
        public var ratioToFloor: Double
    }

    /// Jobs of the multi-core run.
    public var jobs: Int
    /// Repeats per stage.
    public var repeats: Int
    /// Decoded JSONL bytes of the shards.
    public var bytes: Int64 = 0
    /// Compressed bytes on disk.
    public var compressedBytes: Int64 = 0
    /// Documents in the shards.
    public var documents = 0
    /// Stages in order.
    public var stages: [Stage] = []
    /// The process's peak resident memory.
    public var peakResidentBytes = 0

    public init(jobs: Int, repeats: Int) {
        self.jobs = jobs
        self.repeats = repeats
    }

    /// The stage that tags with the trained model instead of the rules.
    public static let modelTagStage = "+ tag (model)"
    /// The whole run with the rules that also rebuilds the SQLite store.
    public static let storeRunStage = "lede run, 1 job, + SQLite"

    /// The run that a plain `lede run` makes: every job, the trained model (the rules
    /// when there is none) and the SQLite store.
    public static func defaultRunName(jobs: Int, model: Bool) -> String {
        runName(jobs: jobs, model: model) + ", + SQLite (the default run)"
    }

    /// The one-job run with the rules and the process pinned to one core.
    public static let oneCoreRunStage = "lede run, 1 job, 1 core"

    /// The name of a whole run's row.
    public static func runName(jobs: Int, model: Bool = false) -> String {
        "lede run, \(jobs) job\(jobs == 1 ? "" : "s")" + (model ? ", model" : "")
    }

    private func stage(_ name: String) -> Stage? { stages.first { $0.name == name } }

    /// Throughput of `jobs` jobs over one job, for whole runs with the rules.
    public var scaling: Double? { scaling(model: false) }

    /// Throughput of `jobs` jobs over one job, for whole runs with `model` or the rules.
    public func scaling(model: Bool) -> Double? {
        guard jobs > 1, let one = stage(Self.runName(jobs: 1, model: model)),
            let many = stage(Self.runName(jobs: jobs, model: model))
        else { return nil }
        return many.megabytesPerSecond / one.megabytesPerSecond
    }

    /// Throughput of `jobs` jobs over the one-core rate (a one-job run pinned to
    /// one core), for whole runs with the rules.
    public var coreScaling: Double? {
        guard jobs > 1, let one = stage(Self.oneCoreRunStage), let many = stage(Self.runName(jobs: jobs)) else {
            return nil
        }
        return many.megabytesPerSecond / one.megabytesPerSecond
    }

    /// A one-job run's throughput with the model over that with the rules.
    public var modelShare: Double? {
        guard let model = stage(Self.runName(jobs: 1, model: true)), let rules = stage(Self.runName(jobs: 1)) else {
            return nil
        }
        return model.megabytesPerSecond / rules.megabytesPerSecond
    }

    /// A table for people.
    public func text() -> String {
        let nameWidth = stages.map(\.name.count).max().map { max($0 + 2, 26) } ?? 26
        var lines = [
            "corpus: \(documents) documents, \(fixed(Double(bytes) / 1e6)) MB of JSONL (\(fixed(Double(compressedBytes) / 1e6)) MB compressed); median of \(repeats)",
            pad("stage", nameWidth) + leftPad("MB/s", 9) + leftPad("docs/s", 11) + leftPad("× floor", 9),
        ]
        for stage in stages {
            lines.append(
                pad(stage.name, nameWidth) + leftPad(fixed(stage.megabytesPerSecond), 9)
                    + leftPad(String(Int(stage.documentsPerSecond.isFinite ? stage.documentsPerSecond : 0)), 11)
                    + leftPad(fixed(stage.ratioToFloor, digits: 2), 9))
        }
        if let scaling {
            var line = "scaling: \(jobs) jobs = \(fixed(scaling, digits: 2))× one job with the rules"
            if let model = self.scaling(model: true) { line += ", \(fixed(model, digits: 2))× with the model" }
            lines.append(line)
            if let coreScaling {
                lines.append("scaling: \(jobs) jobs = \(fixed(coreScaling, digits: 2))× one core with the rules (one job pinned to one core)")
            }
        }
        if let modelShare { lines.append("model: \(fixed(100 * modelShare))% of the rules' MB/s (one job)") }
        lines.append("peak memory: \(peakResidentBytes >> 20) MiB")
        return lines.joined(separator: "\n")
    }

    /// One JSON object for scripts.
    public func json() -> String {
        let stageObjects = stages.map { stage in
            "{\"name\":\"\(stage.name)\",\"seconds\":\(number(stage.seconds)),\"mb_per_s\":\(number(stage.megabytesPerSecond)),"
                + "\"docs_per_s\":\(number(stage.documentsPerSecond)),\"ratio_to_floor\":\(number(stage.ratioToFloor))}"
        }
        return "{\"documents\":\(documents),\"bytes\":\(bytes),\"compressed_bytes\":\(compressedBytes),\"jobs\":\(jobs),"
            + "\"repeats\":\(repeats),\"peak_rss_bytes\":\(peakResidentBytes),\"scaling\":\(scaling.map(number) ?? "null"),"
            + "\"core_scaling\":\(coreScaling.map(number) ?? "null"),"
            + "\"model_scaling\":\(scaling(model: true).map(number) ?? "null"),\"model_share\":\(modelShare.map(number) ?? "null"),"
            + "\"stages\":[\(stageObjects.joined(separator: ","))]}"
    }

    private func number(_ value: Double) -> String { value.isFinite ? String(value) : "null" }

    private func fixed(_ value: Double, digits: Int = 1) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(abs(scaled).truncatingRemainder(dividingBy: scale))
        let digitsText = String(fraction)
        return "\(whole).\(String(repeating: "0", count: digits - digitsText.count))\(digitsText)"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private func leftPad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
