import LedeIO

/// A run's figures in the Prometheus text format, for a node-exporter textfile
/// collector (`lede run --metrics FILE`): an alert on
/// `time() - lede_last_success_timestamp_seconds` catches a nightly job that did
/// not finish.
public struct RunMetrics: Sendable {
    /// Where the run stands.
    public enum State: String, Sendable {
        /// Still running (the file is rewritten every 30 seconds).
        case running
        /// Finished: all shards done, possibly with rejects or failed shards.
        case finished
        /// Stopped by an error before it finished.
        case failed
    }

    public var summary: RunSummary
    /// The output directory, the `output` label of every sample.
    public var output: String
    public var state: State
    /// Seconds since 1970 of the moment the metrics describe.
    public var timestamp: Double

    /// Makes the metrics of `summary` now.
    public init(summary: RunSummary, output: String, state: State, timestamp: Double = SystemInfo.wallClockSeconds) {
        self.summary = summary
        self.output = output
        self.state = state
        self.timestamp = timestamp
    }

    /// The text of the metrics file.
    public var text: String {
        let label = "output=\"\(Self.escape(output))\""
        var lines: [String] = []
        func metric(_ name: String, _ type: String, _ help: String, _ samples: [(String, String)]) {
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) \(type)")
            for (labels, value) in samples { lines.append("\(name){\(label)\(labels)} \(value)") }
        }
        metric("lede_documents_total", "counter", "Documents written by the run.", [("", "\(summary.documents)")])
        metric("lede_lines_total", "counter", "Input lines read by the run.", [("", "\(summary.lines)")])
        metric("lede_bytes_total", "counter", "Uncompressed input bytes read by the run.", [("", "\(summary.bytes)")])
        metric("lede_rejects_total", "counter", "Lines rejected by the run, by reason.",
               summary.rejectsByReason.sorted { $0.key < $1.key }.map { (",reason=\"\(Self.escape($0.key))\"", "\($0.value)") })
        metric("lede_entity_limit_documents_total", "counter", "Documents of the run cut at the entity limit (--max-entities).",
               [("", "\(summary.entityLimitDocuments)")])
        metric("lede_shards", "gauge", "Shards of the run by what happened to them.", [
            (",state=\"new\"", "\(summary.newShards)"), (",state=\"changed\"", "\(summary.changedShards)"),
            (",state=\"unchanged\"", "\(summary.unchangedShards)"), (",state=\"failed\"", "\(summary.failures.count)"),
        ])
        metric("lede_run_duration_seconds", "gauge", "Seconds the run has taken.", [("", Self.number(summary.seconds))])
        metric("lede_run_running", "gauge", "1 while the run is going on.", [("", state == .running ? "1" : "0")])
        metric("lede_run_success", "gauge", "1 when the run finished (exit code 0 or 1).", [("", state == .finished ? "1" : "0")])
        if state == .finished {
            metric("lede_last_success_timestamp_seconds", "gauge", "When the last run finished, seconds since 1970.",
                   [("", Self.number(timestamp))])
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the file atomically, so a collector never reads half of it.
    public func write(to path: String) throws {
        let file = try AtomicFile(path: path, durable: false)
        try file.write(text)
        try file.commit()
    }

    static func escape(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Milliseconds precision, no exponent for the values a run has.
    static func number(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        return scaled == scaled.rounded() ? String(Int64(scaled)) : String(scaled)
    }
}
