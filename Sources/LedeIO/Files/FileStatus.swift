#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says about a file that tells whether it may have changed.
///
/// Equal statuses of one path, taken at two moments, mean the file was neither
/// written, replaced nor renamed in between, with one exception: a change within
/// the file system's timestamp granularity of the first status. Replacing a file
/// (`cp`, `rsync`, `mv`) gives it a new inode or a new change time even when its
/// size and modification time are kept, because the change time cannot be set.
public struct FileStatus: Sendable, Equatable, Codable {
    /// Size in bytes.
    public var size: Int64
    /// Modification time, nanoseconds since 1970.
    public var modified: Int64
    /// Status change time (any write, rename, `chmod` or `touch`), nanoseconds since 1970.
    public var changed: Int64
    /// Inode number.
    public var inode: UInt64
    /// Device number.
    public var device: UInt64

    public init(size: Int64, modified: Int64, changed: Int64, inode: UInt64, device: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
        self.device = device
    }

    init(_ info: stat) {
        size = Int64(info.st_size)
        #if canImport(Darwin)
        modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #else
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #endif
        inode = UInt64(info.st_ino)
        device = UInt64(info.st_dev)
    }

    /// The status of the file at `path` (following links).
    ///
    /// The corresponding C function is `stat`.
    public static func of(_ path: String) throws(SystemError) -> FileStatus {
        var info = stat()
        guard stat(path, &info) == 0 else { throw SystemError("stat", path: path, code: errno) }
        return FileStatus(info)
    }

    /// The wall-clock time, nanoseconds since 1970, on the clock file times come from.
    public static var now: Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
