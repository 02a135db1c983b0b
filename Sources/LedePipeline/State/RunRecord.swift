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

    public init(inputs: [String], settings: String, chunkSize: Int, maxLineLength: Int, holder: String) {
        self.inputs = inputs
        self.settings = settings
        self.chunkSize = chunkSize
        self.maxLineLength = maxLineLength
        self.holder = holder
    }
}
