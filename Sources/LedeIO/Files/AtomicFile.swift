#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written under a temporary name and renamed into place when complete.
///
/// Readers of `path` see either the previous file or the whole new one, never a
/// half-written file, whatever instant the process is killed at. Writes are
/// buffered. A writer that is dropped without ``commit()`` removes its temporary
/// file.
public final class AtomicFile {
    /// The final path.
    public let path: String
    /// The temporary path written until ``commit()``.
    public let temporaryPath: String
    private var descriptor: FileDescriptor?
    private var buffer: [UInt8]
    private let bufferLimit: Int
    private let durable: Bool
    /// Bytes written so far.
    public private(set) var bytesWritten: Int64 = 0

    /// Starts writing a new version of `path`, creating its directory when missing.
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
        temporaryPath = Path.join(directory, ".\(Path.lastComponent(of: path)).tmp-\(getpid())-\(AtomicFile.nextSerial())")
        descriptor = try FileDescriptor.createForWriting(temporaryPath, exclusive: true)
        self.durable = durable
        bufferLimit = bufferSize
        buffer = []
        buffer.reserveCapacity(bufferSize)
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
        bytesWritten += Int64(bytes.count)
        if buffer.count + bytes.count > bufferLimit {
            try flush(descriptor)
            if bytes.count >= bufferLimit {
                try descriptor.writeAll(bytes)
                return
            }
        }
        buffer.append(contentsOf: bytes)
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
        buffer.removeAll(keepingCapacity: true)
        if let failure { throw failure }
    }

    /// Flushes, closes and renames the temporary file to ``path``.
    public func commit() throws(SystemError) {
        guard let descriptor else { preconditionFailure("commit twice of \(path)") }
        do {
            try flush(descriptor)
            if durable { try descriptor.sync() }
            try descriptor.close()
            self.descriptor = nil
            try FileSystem.rename(temporaryPath, to: path)
        } catch {
            if self.descriptor != nil { try? descriptor.close() }
            self.descriptor = nil
            try? FileSystem.removeFile(temporaryPath)
            throw error
        }
        if durable { FileSystem.syncDirectory(Path.directory(of: path)) }
    }

    /// Abandons the new version: the temporary file is removed, ``path`` is untouched.
    public func discard() {
        guard let descriptor else { return }
        try? descriptor.close()
        self.descriptor = nil
        try? FileSystem.removeFile(temporaryPath)
    }

    private static func nextSerial() -> Int {
        serialLock.withLock { value in
            value += 1
            return value
        }
    }
}

import Synchronization

private let serialLock = Mutex<Int>(0)

extension AtomicFile {
    /// Writes `bytes` to `path` atomically in one call.
    public static func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws(SystemError) {
        let file = try AtomicFile(path: path, durable: durable)
        try file.write(bytes)
        try file.commit()
    }
}
