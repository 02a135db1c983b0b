#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A file written under a temporary name and renamed into place when complete.
///
/// Readers of `path` see either the previous file or the whole new one, never a
/// half-written file, whatever instant the process is killed at. Writes are
/// buffered. A writer that is dropped without ``commit()`` removes its temporary
/// file.
///
/// Errors are sticky: once a write has failed, every later write and ``commit()``
/// throws that same error (and ``commit()`` removes the temporary file), so that a
/// file missing some bytes can never be renamed into place.
public final class AtomicFile {
    /// The final path.
    public let path: String
    /// The temporary path written until ``commit()``: `.<name>.tmp-<pid>-<serial>`
    /// in the same directory, so that the rename never crosses file systems, or
    /// the one given to ``init(path:temporaryPath:resumingAt:durable:bufferSize:)``.
    public let temporaryPath: String
    private var descriptor: FileDescriptor?
    private var buffer: [UInt8]
    private let bufferLimit: Int
    private let durable: Bool
    private var failure: SystemError?
    /// Bytes accepted so far (buffered or written).
    public private(set) var bytesWritten: Int64 = 0
    /// Bytes handed to the descriptor so far.
    private var bytesFlushed: Int64 = 0
    /// Bytes whose writeback to storage has been started (durable files only).
    package private(set) var writebackStarted: Int64 = 0

    /// Unsynced bytes of a durable file after which their writeback is started.
    ///
    /// The merge's co-occurrence table is 100 MB for 80 MB of news; left to the
    /// final `fsync` alone, its writeback took 44 to 77 ms of a one-second run,
    /// with both cores idle. Started every few MiB, it overlaps the writing.
    package static var writebackInterval: Int64 { 4 << 20 }

    /// Starts writing a new version of `path`, creating its directory when missing.
    ///
    /// A stale temporary file left by a killed process that had the same pid (in a
    /// container, every run may be pid 1) is never reused: the next free name is
    /// taken instead.
    ///
    /// - Parameters:
    ///   - path: The file to replace on ``commit()``.
    ///   - durable: Whether ``commit()`` flushes data to disk before the rename, so
    ///     that a power loss cannot leave an empty file behind the new name.
    ///   - bufferSize: Bytes collected before each `write` call.
    public init(path: String, durable: Bool = true, bufferSize: Int = 1 << 20) throws(SystemError) {
        self.path = path
        let directory = Path.directory(of: path)
        try FileSystem.createDirectory(directory)
        (temporaryPath, descriptor) = try AtomicFile.createTemporary(for: path, in: directory)
        self.durable = durable
        bufferLimit = max(bufferSize, 0)
        buffer = []
        buffer.reserveCapacity(bufferLimit)
    }

    /// Starts, or resumes, a new version of `path` under a temporary path the
    /// caller chooses, so that a later process can find the bytes written so far.
    ///
    /// The caller makes sure that no one else writes `temporaryPath` (Lede holds
    /// the output directory's lock). A new file is created (an existing one
    /// truncated) unless `length` is given: then the existing temporary file is
    /// cut back to its first `length` bytes, which must all be there (made
    /// durable by ``sync()``), and writing goes on after them.
    ///
    /// - Parameters:
    ///   - path: The file to replace on ``commit()``.
    ///   - temporaryPath: Where the new version grows; in the same directory as `path`.
    ///   - length: Bytes of an earlier, interrupted writer to keep.
    ///   - durable: As in ``init(path:durable:bufferSize:)``.
    ///   - bufferSize: Bytes collected before each `write` call.
    /// - Throws: ``SystemError`` when the file cannot be opened, or is shorter than `length` (`ERANGE`).
    public init(
        path: String, temporaryPath: String, resumingAt length: Int64? = nil, durable: Bool = true,
        bufferSize: Int = 1 << 20
    ) throws(SystemError) {
        self.path = path
        self.temporaryPath = temporaryPath
        try FileSystem.createDirectory(Path.directory(of: path))
        if let length {
            let file = try FileDescriptor.openExistingForWriting(temporaryPath)
            do throws(SystemError) {
                if try file.size() < length { throw SystemError("resume writing", path: temporaryPath, code: ERANGE) }
                try file.truncate(to: length)
            } catch {
                try? file.close()
                throw error
            }
            descriptor = file
            bytesWritten = length
            bytesFlushed = length
            writebackStarted = length
        } else {
            descriptor = try FileDescriptor.createForWriting(temporaryPath)
        }
        self.durable = durable
        bufferLimit = max(bufferSize, 0)
        buffer = []
        buffer.reserveCapacity(bufferLimit)
    }

    deinit {
        if let descriptor {
            try? descriptor.close()
            try? FileSystem.removeFile(temporaryPath)
        }
    }

    /// Appends bytes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(SystemError) {
        guard let descriptor else { preconditionFailure("write after commit or discard of \(path)") }
        if let failure { throw failure }
        do throws(SystemError) {
            if buffer.count + bytes.count > bufferLimit {
                try flush(descriptor)
                if bytes.count >= bufferLimit {
                    try descriptor.writeAll(bytes)
                    bytesWritten += Int64(bytes.count)
                    didFlush(bytes.count, to: descriptor)
                    return
                }
            }
            buffer.append(contentsOf: bytes)
            bytesWritten += Int64(bytes.count)
        } catch {
            failure = error
            throw error
        }
    }

    /// Appends the bytes of an array.
    public func write(_ bytes: [UInt8]) throws(SystemError) {
        let failure: SystemError? = bytes.withUnsafeBytes { raw in
            do throws(SystemError) { try write(raw) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    /// Appends the UTF-8 bytes of a string.
    public func write(_ string: String) throws(SystemError) {
        try write(Array(string.utf8))
    }

    private func flush(_ descriptor: FileDescriptor) throws(SystemError) {
        guard !buffer.isEmpty else { return }
        let failure: SystemError? = buffer.withUnsafeBytes { raw in
            do throws(SystemError) { try descriptor.writeAll(raw) } catch { return error }
            return nil
        }
        let count = buffer.count
        buffer.removeAll(keepingCapacity: true)
        if let failure { throw failure }
        didFlush(count, to: descriptor)
    }

    /// Counts bytes handed to the descriptor and, for a durable file, starts the
    /// writeback of those not yet started once they reach ``writebackInterval``.
    private func didFlush(_ count: Int, to descriptor: FileDescriptor) {
        bytesFlushed += Int64(count)
        guard durable, bytesFlushed - writebackStarted >= Self.writebackInterval else { return }
        descriptor.startWriteback(offset: writebackStarted, count: bytesFlushed - writebackStarted)
        writebackStarted = bytesFlushed
    }

    /// Writes out the buffer and flushes the temporary file to stable storage:
    /// afterwards its first ``bytesWritten`` bytes survive a crash, for a writer
    /// that resumes with ``init(path:temporaryPath:resumingAt:durable:bufferSize:)``.
    public func sync() throws(SystemError) {
        guard let descriptor else { preconditionFailure("sync after commit or discard of \(path)") }
        if let failure { throw failure }
        do throws(SystemError) {
            try flush(descriptor)
            try descriptor.sync()
            writebackStarted = bytesFlushed
        } catch {
            failure = error
            throw error
        }
    }

    /// Stops writing and leaves the temporary file where it is, for a later
    /// writer to resume from what ``sync()`` made durable; ``path`` is untouched.
    /// Does nothing after ``commit()`` or ``discard()``.
    public func suspend() {
        guard let descriptor else { return }
        self.descriptor = nil
        try? flush(descriptor)
        try? descriptor.close()
    }

    /// Flushes, closes and renames the temporary file to ``path``.
    ///
    /// On failure (now or in an earlier write) the temporary file is removed,
    /// ``path`` is untouched, and the writer is finished.
    public func commit() throws(SystemError) {
        guard let descriptor else { preconditionFailure("commit after commit or discard of \(path)") }
        // Whatever happens next, this descriptor is closed exactly once.
        self.descriptor = nil
        do throws(SystemError) {
            if let failure { throw failure }
            try flush(descriptor)
            if durable { try descriptor.sync() }
        } catch {
            try? descriptor.close()
            try? FileSystem.removeFile(temporaryPath)
            throw error
        }
        do throws(SystemError) {
            try descriptor.close()
            try FileSystem.rename(temporaryPath, to: path)
        } catch {
            try? FileSystem.removeFile(temporaryPath)
            throw error
        }
        if durable { FileSystem.syncDirectory(Path.directory(of: path)) }
    }

    /// Abandons the new version: the temporary file is removed, ``path`` is untouched.
    /// Does nothing after ``commit()`` or a first `discard()`.
    public func discard() {
        guard let descriptor else { return }
        self.descriptor = nil
        try? descriptor.close()
        try? FileSystem.removeFile(temporaryPath)
    }

    /// Creates a new temporary file next to `path`, skipping names already taken.
    private static func createTemporary(
        for path: String, in directory: String
    ) throws(SystemError) -> (String, FileDescriptor) {
        let prefix = ".\(Path.lastComponent(of: path)).tmp-\(getpid())-"
        var attempts = 0
        while true {
            let candidate = Path.join(directory, prefix + String(serial.wrappingAdd(1, ordering: .relaxed).newValue))
            do {
                return (candidate, try FileDescriptor.createForWriting(candidate, exclusive: true))
            } catch where error.code == EEXIST && attempts < 10_000 {
                attempts += 1
            }
        }
    }
}

/// Serial numbers of temporary names, unique within the process.
private let serial = Atomic<Int>(0)

extension AtomicFile {
    /// Writes `bytes` to `path` atomically in one call.
    public static func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws(SystemError) {
        let file = try AtomicFile(path: path, durable: durable)
        try file.write(bytes)
        try file.commit()
    }
}
