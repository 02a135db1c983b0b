import LedeIO
import Logging

/// A run's inputs compared with what its output directory holds.
///
/// Assessing a shard may hash the whole file (see ``ShardAssessment``), so
/// shards are assessed `jobs` at a time.
public struct ShardSurvey: Sendable {
    /// One assessment per input shard, in input order.
    public var assessments: [ShardAssessment]
    /// Every readable record, by relative path.
    public var records: [String: ShardRecord]
    /// Recorded shards that are not among the inputs and whose files are gone.
    public var missing: [ShardRecord]
    /// Recorded shards that are not among the inputs but whose files still exist
    /// (a run over part of an archive): kept as they are.
    public var elsewhere: [ShardRecord]
    /// Files in the records directory that are not readable records.
    public var unreadableRecords: [String]

    /// Surveys `shards` against the state of `layout`'s directory; changes nothing.
    ///
    /// - Parameters:
    ///   - shards: The inputs.
    ///   - configuration: Chunking (for checkpoints) and jobs.
    ///   - settings: The settings that records must have been made with; by
    ///     default the configuration's.
    ///   - layout: The output directory.
    ///   - logger: Where unreadable records are reported.
    public static func make(
        shards: [Shard], configuration: PipelineConfiguration, settings: String? = nil, layout: OutputLayout,
        logger: Logger? = nil
    ) async throws -> ShardSurvey {
        let settings = settings ?? configuration.settings
        let state = RunState(layout: layout)
        let (records, unreadable) = try state.records(logger: logger)
        let checkpoints = shards.map { state.checkpoint(forRelativePath: $0.relativePath) }
        var assessments = [ShardAssessment?](repeating: nil, count: shards.count)
        try await withThrowingTaskGroup(of: (Int, ShardAssessment).self) { group in
            var next = 0
            func start(_ group: inout ThrowingTaskGroup<(Int, ShardAssessment), any Error>) {
                let index = next
                next += 1
                let shard = shards[index]
                let record = records[shard.relativePath]
                let checkpoint = checkpoints[index]
                group.addTask {
                    (index, ShardAssessment.assess(
                        shard, record: record, checkpoint: checkpoint, settings: settings, chunking: configuration.chunking,
                        layout: layout))
                }
            }
            while next < min(shards.count, configuration.jobs) { start(&group) }
            while let (index, assessment) = try await group.next() {
                assessments[index] = assessment
                if next < shards.count { start(&group) }
            }
        }
        let inputs = Set(shards.map(\.relativePath))
        var missing: [ShardRecord] = []
        var elsewhere: [ShardRecord] = []
        for shard in records.keys.sorted() where !inputs.contains(shard) {
            let record = records[shard]!
            if FileSystem.isRegularFile(record.source) { elsewhere.append(record) } else { missing.append(record) }
        }
        return ShardSurvey(
            assessments: assessments.map { $0! }, records: records, missing: missing, elsewhere: elsewhere,
            unreadableRecords: unreadable)
    }
}
