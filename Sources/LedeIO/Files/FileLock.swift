#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory `fcntl` lock on a whole file, exclusive (a write lock) or shared
/// (a read lock: any number of shared holders, no exclusive one), held until
/// ``release()`` or until the process ends, however it ends.
///
/// On Linux it is an open-file-description lock (`F_OFD_SETLK`): it belongs to
/// this object, not to the process, so two locks on one file conflict even
/// within one process, and closing some other descriptor of the file does not
/// drop it (as it would a classic `F_SETLK` lock). Elsewhere it is a classic
/// process lock. Either way the kernel drops it when the process dies, so a lock
/// file left behind by a killed process is never an obstacle, and the file
/// itself is never removed (removing it would let two processes lock two
/// different files of the same name).
///
/// The holder writes a note into the file (who it is and since when), which
/// ``holderNote(_:)`` gives to whoever finds the lock taken; of several shared
/// holders, the note names the one that wrote last.
public final class FileLock {
    /// The lock file.
    public let path: String
    private var descriptor: FileDescriptor?

    private init(path: String, descriptor: FileDescriptor) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Takes the lock without waiting, creating the file when missing, and
    /// replaces its content with `note`.
    ///
    /// - Parameter shared: Whether to take a shared (read) lock, which other
    ///   shared holders may hold at the same time, instead of an exclusive one.
    /// - Returns: The lock, or `nil` when someone else holds it (for a shared
    ///   lock: someone holds it exclusively).
    /// - Throws: ``SystemError`` when the file cannot be created, locked or written.
    public static func acquire(_ path: String, note: String, shared: Bool = false) throws(SystemError) -> FileLock? {
        let file = try FileDescriptor.openForUpdating(path)
        var request = lockRequest(shared ? F_RDLCK : F_WRLCK)
        while fcntl(file.rawValue, setCommand, &request) != 0 {
            let code = errno
            if code == EINTR { continue }
            try? file.close()
            if code == EAGAIN || code == EACCES { return nil }
            throw SystemError("lock", path: path, code: code)
        }
        do throws(SystemError) {
            try file.truncate(to: 0)
            let failure: SystemError? = Array(note.utf8).withUnsafeBytes { raw in
                do throws(SystemError) { try file.writeAll(raw) } catch { return error }
                return nil
            }
            if let failure { throw failure }
        } catch {
            try? file.close()
            throw error
        }
        return FileLock(path: path, descriptor: file)
    }

    /// The note of whoever holds the lock on `path`, `""` when the holder has not
    /// written it yet, or `nil` when nobody holds it (or there is no such file).
    ///
    /// Only looks: never takes the lock, never creates the file.
    public static func holderNote(_ path: String) -> String? {
        guard let file = try? FileDescriptor.openForReading(path) else { return nil }
        defer { try? file.close() }
        var request = lockRequest(F_WRLCK)
        while fcntl(file.rawValue, getCommand, &request) != 0 {
            if errno != EINTR { return nil }
        }
        if request.l_type == Int16(F_UNLCK) { return nil }
        var bytes: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 16)
        defer { buffer.deallocate() }
        while bytes.count < 65536, let n = try? file.read(into: buffer), n > 0 {
            bytes += UnsafeRawBufferPointer(rebasing: buffer[..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether this object still holds the lock.
    public var isHeld: Bool { descriptor != nil }

    /// Releases the lock; does nothing the second time. The file stays.
    public func release() {
        guard let descriptor else { return }
        self.descriptor = nil
        var request = FileLock.lockRequest(F_UNLCK)
        _ = fcntl(descriptor.rawValue, FileLock.setCommand, &request)
        try? descriptor.close()
    }

    private static func lockRequest(_ type: Int32) -> flock {
        var request = flock()
        request.l_type = Int16(type)
        request.l_whence = Int16(SEEK_SET)
        request.l_start = 0
        request.l_len = 0  // the whole file, however long
        request.l_pid = 0  // required by open-file-description locks
        return request
    }

    #if os(Linux)
    /// `F_OFD_SETLK` and `F_OFD_GETLK` from `<fcntl.h>`, which Swift's Glibc module
    /// leaves out (they need `_GNU_SOURCE`); the values are Linux's ABI.
    private static let setCommand: Int32 = 37
    private static let getCommand: Int32 = 36
    #else
    private static let setCommand = F_SETLK
    private static let getCommand = F_GETLK
    #endif
}
