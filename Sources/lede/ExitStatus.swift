/// The process exit codes a user's scripts can rely on.
enum ExitStatus {
    /// Everything was processed cleanly.
    static let success: Int32 = 0
    /// Done, but with rejected lines or failed shards (listed in the summary).
    static let partial: Int32 = 1
    /// Bad configuration or usage.
    static let usage: Int32 = 2
    /// Another run holds the output directory.
    static let locked: Int32 = 3
    /// A run stopped part-way: an output could not be written. Distinct from
    /// ``partial`` so that a scheduler (a Slurm array task) sees the task fail.
    static let stopped: Int32 = 4
    /// `lede merge` refused: shards of the run are unfinished (and no `--allow-partial`).
    static let unfinished: Int32 = 5
}
