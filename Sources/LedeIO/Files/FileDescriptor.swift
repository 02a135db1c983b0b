#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
#if os(Linux)
import CLedeSystem
#endif

/// An open file, with the few calls Lede needs, each retried on `EINTR`.
///
/// Every system call of the I/O layer goes through this type so that errors
/// carry the path and retries live in one place.
public struct FileDescriptor: Sendable {
    /// The raw descriptor.
    public let rawValue: Int32
    /// The path it was opened with, for error messages.
    public let path: String

    /// Opens `path` for reading.
    ///
    /// The corresponding C function is `open`.
    public static func openForReading(_ path: String) throws(SystemError) -> FileDescriptor {
        try open(path, flags: O_RDONLY | O_CLOEXEC, mode: 0)
    }

    /// Opens `path` for writing with mode 0644 (less the umask): created when
    /// missing, truncated when present, or, when `exclusive`, refused with `EEXIST`
    /// when present.
    ///
    /// The corresponding C function is `open`.
    public static func createForWriting(_ path: String, exclusive: Bool = false) throws(SystemError) -> FileDescriptor {
        var flags = O_WRONLY | O_CREAT | O_CLOEXEC
        flags |= exclusive ? O_EXCL : O_TRUNC
        return try open(path, flags: flags, mode: 0o644)
    }

    /// Opens `path` for reading and writing without truncating it, creating it
    /// (mode 0644 less the umask) when missing.
    ///
    /// The corresponding C function is `open`.
    public static func openForUpdating(_ path: String) throws(SystemError) -> FileDescriptor {
        try open(path, flags: O_RDWR | O_CREAT | O_CLOEXEC, mode: 0o644)
    }

    /// Opens an existing file for writing without truncating it.
    ///
    /// The corresponding C function is `open`.
    public static func openExistingForWriting(_ path: String) throws(SystemError) -> FileDescriptor {
        try open(path, flags: O_WRONLY | O_CLOEXEC, mode: 0)
    }

    /// Opens `path` for appending, creating it when missing.
    public static func openForAppending(_ path: String) throws(SystemError) -> FileDescriptor {
        try open(path, flags: O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, mode: 0o644)
    }

    private static func open(_ path: String, flags: Int32, mode: mode_t) throws(SystemError) -> FileDescriptor {
        while true {
            #if canImport(Glibc)
            let fd = Glibc.open(path, flags, mode)
            #elseif canImport(Musl)
            let fd = Musl.open(path, flags, mode)
            #else
            let fd = Darwin.open(path, flags, mode)
            #endif
            if fd >= 0 { return FileDescriptor(rawValue: fd, path: path) }
            if errno != EINTR { throw SystemError("open", path: path, code: errno) }
        }
    }

    /// Reads up to `buffer.count` bytes; returns 0 at the end of the file.
    ///
    /// The corresponding C function is `read`.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            #if canImport(Glibc)
            let n = Glibc.read(rawValue, base, buffer.count)
            #elseif canImport(Musl)
            let n = Musl.read(rawValue, base, buffer.count)
            #else
            let n = Darwin.read(rawValue, base, buffer.count)
            #endif
            if n >= 0 { return n }
            if errno != EINTR { throw SystemError("read", path: path, code: errno) }
        }
    }

    /// Writes all of `bytes`, looping over short writes.
    ///
    /// The corresponding C function is `write`.
    public func writeAll(_ bytes: UnsafeRawBufferPointer) throws(SystemError) {
        guard var p = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            #if canImport(Glibc)
            let n = Glibc.write(rawValue, p, left)
            #elseif canImport(Musl)
            let n = Musl.write(rawValue, p, left)
            #else
            let n = Darwin.write(rawValue, p, left)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemError("write", path: path, code: errno)
            }
            // write(2) never returns 0 for a non-empty request on a file; were it
            // to, looping would never end.
            if n == 0 { throw SystemError("write", path: path, code: EIO) }
            p += n
            left -= n
        }
    }

    /// Flushes the file's data to stable storage.
    ///
    /// The corresponding C function is `fsync`.
    public func sync() throws(SystemError) {
        while fsync(rawValue) != 0 {
            if errno != EINTR { throw SystemError("sync", path: path, code: errno) }
        }
    }

    /// Asks the kernel to start writing `count` bytes from `offset` (0: to the end
    /// of the file) to storage now, without waiting for them.
    ///
    /// A hint, not a guarantee: a later ``sync()`` still decides durability and
    /// reports any write error, so failures here are ignored. Its use is that
    /// ``sync()`` on a large file then waits only for the last bytes instead of
    /// for the whole file. Does nothing where the call does not exist.
    ///
    /// The corresponding C function is `sync_file_range` with `SYNC_FILE_RANGE_WRITE`.
    public func startWriteback(offset: Int64, count: Int64) {
        #if os(Linux)
        let write: UInt32 = 2  // SYNC_FILE_RANGE_WRITE, from <fcntl.h>, which Swift does not import either.
        while lede_sync_file_range(rawValue, offset, count, write) != 0 && errno == EINTR {}
        #endif
    }

    /// The file's size in bytes.
    ///
    /// The corresponding C function is `fstat`.
    public func size() throws(SystemError) -> Int64 {
        var info = stat()
        guard fstat(rawValue, &info) == 0 else { throw SystemError("stat", path: path, code: errno) }
        return Int64(info.st_size)
    }

    /// Cuts the file to `length` bytes (or extends it with zeros) and moves the
    /// file offset to its new end.
    ///
    /// The corresponding C functions are `ftruncate` and `lseek`.
    public func truncate(to length: Int64) throws(SystemError) {
        while ftruncate(rawValue, off_t(length)) != 0 {
            if errno != EINTR { throw SystemError("truncate", path: path, code: errno) }
        }
        if lseek(rawValue, off_t(length), SEEK_SET) < 0 { throw SystemError("seek in", path: path, code: errno) }
    }

    /// Closes the descriptor; errors other than `EINTR` are reported.
    ///
    /// The descriptor is released even when an error is reported (as on Linux), so
    /// it must never be closed a second time: the number may already belong to
    /// another file.
    ///
    /// The corresponding C function is `close`.
    public func close() throws(SystemError) {
        #if canImport(Glibc)
        let rc = Glibc.close(rawValue)
        #elseif canImport(Musl)
        let rc = Musl.close(rawValue)
        #else
        let rc = Darwin.close(rawValue)
        #endif
        if rc != 0 && errno != EINTR { throw SystemError("close", path: path, code: errno) }
    }
}
