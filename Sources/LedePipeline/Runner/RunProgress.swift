#if canImport(Glibc)
import Glibc
#endif
import LedeIO
import Logging

/// Tells a person or a log how far a run has got.
///
/// On a terminal it redraws one line on standard error about once a second
/// (shards done, documents, MB read, MB/s, and an ETA from the compressed bytes
/// consumed so far, open shards included, so one huge shard shows it too);
/// on a pipe or under cron it logs that line every 30 seconds instead, and it
/// rewrites the ``RunMetrics`` file (`--metrics`) at the same pace.
struct RunProgress {
    /// Whether standard error is a terminal (and the log level shows progress).
    let interactive: Bool
    let totalShards: Int
    /// The compressed size of the shards to process, for the ETA.
    let totalInputBytes: Int64
    let metricsPath: String?
    let output: String
    private let started = SystemInfo.monotonicSeconds()
    private var lastLine = SystemInfo.monotonicSeconds()
    private var lastLog = SystemInfo.monotonicSeconds()
    private var drawn = false

    init(shards: [Shard], output: String, metricsPath: String?, logger: Logger) {
        interactive = isatty(STDERR_FILENO) != 0 && logger.logLevel <= .info
        totalShards = shards.count
        totalInputBytes = shards.reduce(0) { $0 + ((try? FileStatus.of($1.path).size) ?? 0) }
        self.metricsPath = metricsPath
        self.output = output
    }

    /// The progress line for `summary` with `finishedShards` done, after
    /// `consumedBytes` of the shards' compressed bytes (finished and open shards).
    func line(_ summary: RunSummary, finishedShards: Int, consumedBytes: Int64, now: Double) -> String {
        let elapsed = max(now - started, 1e-9)
        let megabytes = Double(summary.bytes) / 1e6
        var text = "lede: \(finishedShards)/\(totalShards) shards, \(summary.documents) documents, "
            + "\(Int(megabytes)) MB, \(Int(megabytes / elapsed)) MB/s"
        if consumedBytes > 0, totalInputBytes > consumedBytes, elapsed >= 1 {
            let remaining = elapsed * Double(totalInputBytes - consumedBytes) / Double(consumedBytes)
            text += ", ETA \(Self.clock(remaining))"
        }
        return text
    }

    /// `h:mm:ss` or `m:ss`.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    }

    /// Redraws, logs or writes metrics when it is time to.
    mutating func report(_ summary: RunSummary, finishedShards: Int, consumedBytes: Int64, logger: Logger) {
        let now = SystemInfo.monotonicSeconds()
        if interactive, now - lastLine >= 1 {
            lastLine = now
            var stream = FileDescriptorStream.standardError
            stream.write("\r" + line(summary, finishedShards: finishedShards, consumedBytes: consumedBytes, now: now) + "\u{1B}[K")
            drawn = true
        }
        if now - lastLog >= 30 {
            lastLog = now
            if !interactive { logger.info("\(line(summary, finishedShards: finishedShards, consumedBytes: consumedBytes, now: now))") }
            if let metricsPath {
                var partial = summary
                partial.seconds = now - started
                try? RunMetrics(summary: partial, output: output, state: .running).write(to: metricsPath)
            }
        }
    }

    /// Clears the terminal line, so that the summary starts on a clean line.
    mutating func finish() {
        guard drawn else { return }
        var stream = FileDescriptorStream.standardError
        stream.write("\r\u{1B}[K")
        drawn = false
    }
}

/// Writes straight to a file descriptor, for the progress line.
struct FileDescriptorStream: TextOutputStream {
    let descriptor: Int32

    static var standardError: FileDescriptorStream { FileDescriptorStream(descriptor: STDERR_FILENO) }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

private let systemWrite = Glibc.write
