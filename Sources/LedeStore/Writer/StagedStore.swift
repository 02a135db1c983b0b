import LedeIO

/// A store built under its temporary path, waiting to be renamed into place.
///
/// Until ``commit()``, readers of the destination see the previous store; a
/// staged store that is dropped without a commit is removed.
///
/// It may be built on one thread and committed on another, but is never used by
/// two at once: that is what its unchecked `Sendable` promises.
public final class StagedStore: @unchecked Sendable {
    /// Where the store was built.
    public let temporaryPath: String
    private var summary: StoreBuildSummary
    private let durable: Bool
    private let clock: ContinuousClock
    private let started: ContinuousClock.Instant
    private var settled = false

    init(
        temporaryPath: String, summary: StoreBuildSummary, durable: Bool, clock: ContinuousClock,
        started: ContinuousClock.Instant
    ) {
        self.temporaryPath = temporaryPath
        self.summary = summary
        self.durable = durable
        self.clock = clock
        self.started = started
    }

    deinit {
        if !settled { try? FileSystem.removeFile(temporaryPath) }
    }

    /// Renames the store over the destination's previous one, in one `rename`.
    ///
    /// - Returns: Row counts and the time taken since the build began.
    /// - Throws: ``LedeIO/SystemError`` when the rename fails (the previous store stays).
    public func commit() throws -> StoreBuildSummary {
        precondition(!settled, "a staged store is committed or discarded once")
        do {
            try FileSystem.rename(temporaryPath, to: summary.path)
        } catch {
            discard()
            throw error
        }
        settled = true
        if durable { FileSystem.syncDirectory(Path.directory(of: summary.path)) }
        let elapsed = (clock.now - started).components
        summary.seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
        return summary
    }

    /// Removes the built store; the destination keeps its previous one.
    public func discard() {
        settled = true
        try? FileSystem.removeFile(temporaryPath)
    }
}
