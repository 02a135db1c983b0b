import Foundation
import LedeIO

/// Another process holds the output directory.
public struct RunLockedError: Error, CustomStringConvertible, Sendable {
    /// The output directory.
    public var output: String
    /// The holder's note: process id, host and start time.
    public var holder: String

    public var description: String {
        let who = holder.isEmpty ? "a process that is just starting" : holder
        return "\(output) is in use by another lede run (\(who)); wait for it to end, or stop that process. "
            + "The lock is released when its process ends, so a killed run never blocks the next one."
    }
}

/// The output directory's lock: an advisory ``FileLock`` on `_state/lock`.
///
/// A plain `lede run` and `lede merge` hold it exclusively; task runs
/// (`lede run --task I --tasks N`) hold it shared, so that any number of them
/// run at once while no plain run or merge does, and divide the shards among
/// themselves with ``ShardClaim``s.
public enum RunLock {
    /// Takes the lock of `layout`'s directory for `command` (`run`, `merge`,
    /// `run --task`), shared or exclusive.
    ///
    /// - Throws: ``RunLockedError`` when another process holds it in a way that
    ///   excludes this one; ``SystemError`` when the lock file cannot be created or locked.
    public static func acquire(_ layout: OutputLayout, command: String, shared: Bool = false) throws -> FileLock {
        try FileSystem.createDirectory(layout.stateDirectory)
        guard let lock = try FileLock.acquire(layout.lockPath, note: note(command: command), shared: shared) else {
            throw RunLockedError(output: layout.root, holder: FileLock.holderNote(layout.lockPath) ?? "")
        }
        return lock
    }

    /// Who holds the lock of `layout`'s directory now, or `nil` when no one does.
    public static func holder(_ layout: OutputLayout) -> String? {
        FileLock.holderNote(layout.lockPath)
    }

    /// `pid 1234 on host, lede run since 2025-01-02T03:04:05Z`.
    static func note(command: String) -> String {
        "pid \(getpid()) on \(hostName), "
            + "lede \(command) since \(timestamp(FileStatus.now))"
    }

    private static var hostName: String {
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count - 1) == 0 else { return "an unknown host" }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// An ISO 8601 UTC time of nanoseconds since 1970.
    static func timestamp(_ nanoseconds: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(nanoseconds) / 1e9)
        return ISO8601DateFormatter().string(from: date)
    }
}
