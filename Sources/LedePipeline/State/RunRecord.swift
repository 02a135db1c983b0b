/// The last run's inputs and settings: `_state/run.json`, so that `lede status`
/// can compare the archive with the output directory without being told the inputs.
public struct RunRecord: Codable, Sendable, Equatable {
    /// The inputs as absolute paths or patterns.
    public var inputs: [String]
    /// The run's ``PipelineConfiguration/settings``.
    public var settings: String
    /// Its chunk size and line limit, which checkpoints depend on.
    public var chunkSize: Int
    public var maxLineLength: Int
    /// Who ran it: process id, host and start time.
    public var holder: String
    /// When a run last completed (merged its tables), ns since 1970: shards
    /// finished after it were finished by runs that were stopped, and the next
    /// complete run reports them.
    public var completed: Int64?

    public init(
        inputs: [String], settings: String, chunkSize: Int, maxLineLength: Int, holder: String, completed: Int64? = nil
    ) {
        self.inputs = inputs
        self.settings = settings
        self.chunkSize = chunkSize
        self.maxLineLength = maxLineLength
        self.holder = holder
        self.completed = completed
    }
}
