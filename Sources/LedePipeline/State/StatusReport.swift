import Foundation

/// What `lede status` says about an output directory: which shards of the
/// inputs are done, pending, failed or changed, which recorded shards are
/// missing, and the totals of the finished ones.
public struct StatusReport: Sendable, Encodable {
    /// One shard and what is known about it.
    public struct Entry: Sendable, Encodable, Equatable {
        /// Its relative path.
        public var shard: String
        /// Why it is in its group (a failure, a change, a checkpoint), if there is more to say.
        public var detail: String?
        /// Its counts, when it was finished.
        public var lines: Int?
        public var documents: Int?
        public var rejects: Int?
    }

    /// Counts of shards per group, and of lines, documents and rejects in the finished ones.
    public struct Totals: Sendable, Encodable, Equatable {
        public var shards = 0
        public var done = 0
        public var failed = 0
        public var changed = 0
        public var pending = 0
        public var missing = 0
        public var elsewhere = 0
        public var lines = 0
        public var documents = 0
        public var rejects = 0
    }

    /// The output directory.
    public var output: String
    /// The inputs compared with it.
    public var inputs: [String]
    /// The running process holding the directory, if any.
    public var running: String?
    /// Finished to their end, unchanged since.
    public var done: [Entry] = []
    /// Failed part-way, unchanged since: they stay failed until their files change.
    public var failed: [Entry] = []
    /// Finished, but changed since: the next run processes them again.
    public var changed: [Entry] = []
    /// Never finished: the next run processes them (resuming a checkpoint when there is one).
    public var pending: [Entry] = []
    /// Recorded, but their files are gone: the next run removes them (unless `--keep-missing`).
    public var missing: [Entry] = []
    /// Recorded, not among these inputs, but still there: kept.
    public var elsewhere: [Entry] = []
    /// The counts.
    public var totals = Totals()

    /// Sorts a survey's shards into groups.
    public init(survey: ShardSurvey, output: String, inputs: [String], running: String?) {
        self.output = output
        self.inputs = inputs
        self.running = running
        for assessment in survey.assessments {
            let shard = assessment.shard.relativePath
            let resume = assessment.checkpoint.map { "resumes after \($0.chunks) checkpointed chunk(s), \($0.lines) line(s)" }
            switch assessment.verdict {
            case .unchanged:
                guard let record = assessment.record else { continue }
                if record.status == .done {
                    done.append(Self.entry(record, detail: nil))
                } else {
                    failed.append(Self.entry(record, detail: "\(record.failure ?? "failed") at byte \(record.failureOffset ?? 0)"))
                }
                totals.lines += record.lines
                totals.documents += record.documents
                totals.rejects += record.rejects
            case .new:
                pending.append(Entry(shard: shard, detail: resume))
            case .changed(let why):
                changed.append(Entry(shard: shard, detail: [why, resume].compactMap { $0 }.joined(separator: "; ")))
            }
        }
        missing = survey.missing.map { Self.entry($0, detail: "\($0.source) is gone") }
        elsewhere = survey.elsewhere.map { Self.entry($0, detail: "not among these inputs; kept") }
        totals.shards = survey.assessments.count
        totals.done = done.count
        totals.failed = failed.count
        totals.changed = changed.count
        totals.pending = pending.count
        totals.missing = missing.count
        totals.elsewhere = elsewhere.count
    }

    private static func entry(_ record: ShardRecord, detail: String?) -> Entry {
        Entry(shard: record.shard, detail: detail, lines: record.lines, documents: record.documents, rejects: record.rejects)
    }

    /// Whether the next run would have nothing to process or remove.
    public var isUpToDate: Bool { changed.isEmpty && pending.isEmpty && missing.isEmpty }

    /// The report for people: totals, then every shard that is not simply done.
    public var text: String {
        var lines: [String] = []
        lines.append("output: \(output)")
        if let running { lines.append("running: \(running)") }
        lines.append("inputs: \(inputs.joined(separator: " "))")
        lines.append(
            "shards: \(totals.shards) (\(totals.done) done, \(totals.failed) failed, \(totals.changed) changed, "
                + "\(totals.pending) pending), \(totals.missing) missing, \(totals.elsewhere) from other inputs")
        lines.append("finished shards hold \(totals.documents) documents, \(totals.lines) lines, \(totals.rejects) rejects")
        let groups: [(String, [Entry])] = [
            ("failed", failed), ("changed (the next run redoes them)", changed),
            ("pending (the next run does them)", pending),
            ("missing (the next run removes them unless --keep-missing)", missing),
            ("from other inputs (kept)", elsewhere),
        ]
        for (title, entries) in groups where !entries.isEmpty {
            lines.append("\(title):")
            for entry in entries { lines.append("  \(entry.shard)" + (entry.detail.map { ": \($0)" } ?? "")) }
        }
        lines.append(isUpToDate ? "up to date" : "not up to date: run `lede run` with the same inputs")
        return lines.joined(separator: "\n")
    }

    /// The report as one JSON object, every shard listed.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
