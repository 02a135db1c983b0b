import LedeIO

/// A task run's claim on one shard: an exclusive ``LedeIO/FileLock`` on
/// `_state/claims/<flat name>.lock`, held while the shard is assessed and processed.
///
/// Task runs of one output directory hold its ``RunLock`` shared, so several run
/// at once; claims keep two of them (of arrays with different `--tasks`, or a
/// straggler and its resubmission) from working on one shard. A shard whose claim
/// another live process holds is skipped and reported; the kernel drops a claim
/// when its process dies, so a killed task never blocks the next one.
public enum ShardClaim {
    /// Claims the shard at `relativePath` without waiting.
    ///
    /// - Returns: The claim, or `nil` when another process holds it.
    /// - Throws: ``LedeIO/SystemError`` when the claim file cannot be created or locked.
    public static func acquire(_ relativePath: String, layout: OutputLayout, command: String) throws -> FileLock? {
        try FileSystem.createDirectory(layout.claimsDirectory)
        return try FileLock.acquire(layout.claimPath(forRelativePath: relativePath), note: RunLock.note(command: command))
    }

    /// Who holds the claim of the shard at `relativePath`, or `nil` when no one does.
    public static func holder(_ relativePath: String, layout: OutputLayout) -> String? {
        FileLock.holderNote(layout.claimPath(forRelativePath: relativePath))
    }
}
