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
}
