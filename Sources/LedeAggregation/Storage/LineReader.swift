import LedeIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file line by line through one reused buffer, lending each line without copying.
///
/// The merge keeps one reader per input file open at a time, so its memory is
/// `files × buffer size`, whatever the files' sizes. A line longer than the
/// buffer grows the buffer. A final line without a newline is still a line.
final class _LineReader {
    /// The file being read, for error messages.
    let path: String
    /// The 1-based number of the line last lent.
    private(set) var lineNumber = 0
    private let descriptor: FileDescriptor
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var atEndOfFile = false

    /// Opens `path`.
    ///
    /// - Parameters:
    ///   - path: The file to read.
    ///   - bufferSize: The initial buffer size; lines longer than that grow it.
    /// - Throws: ``SystemError`` when the file cannot be opened.
    init(path: String, bufferSize: Int = 64 << 10) throws(SystemError) {
        self.path = path
        descriptor = try FileDescriptor.openForReading(path)
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bufferSize, 16), alignment: 16)
    }

    deinit {
        try? descriptor.close()
        buffer.deallocate()
    }

    /// Lends the next line, without its newline, to `body`.
    ///
    /// - Warning: The buffer is valid only inside `body`.
    /// - Returns: `body`'s result, or `nil` at the end of the file.
    func withNextLine<R>(_ body: (UnsafeRawBufferPointer) throws -> R) throws -> R? {
        while true {
            let pending = end - start
            if pending > 0, let newline = memchr(buffer.baseAddress! + start, 0x0A, pending) {
                let lineEnd = UnsafeRawPointer(newline) - UnsafeRawPointer(buffer.baseAddress!)
                let line = UnsafeRawBufferPointer(rebasing: buffer[start..<lineEnd])
                start = lineEnd + 1
                lineNumber += 1
                return try body(line)
            }
            if atEndOfFile {
                guard pending > 0 else { return nil }
                let line = UnsafeRawBufferPointer(rebasing: buffer[start..<end])
                start = end
                lineNumber += 1
                return try body(line)
            }
            try fill()
        }
    }

    /// Moves the unread tail to the front, grows the buffer when a line fills it, and reads more.
    private func fill() throws(SystemError) {
        if start > 0 {
            let pending = end - start
            if pending > 0 { memmove(buffer.baseAddress!, buffer.baseAddress! + start, pending) }
            start = 0
            end = pending
        }
        if end == buffer.count {
            let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
            larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[0..<end]))
            buffer.deallocate()
            buffer = larger
        }
        let count = try descriptor.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        if count == 0 { atEndOfFile = true }
        end += count
    }
}
