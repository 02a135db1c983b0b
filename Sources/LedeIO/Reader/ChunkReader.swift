#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Limits that shape how a shard is cut into chunks.
public struct ChunkingOptions: Sendable, Equatable {
    /// Decoded bytes per chunk (a chunk ends at the last newline within it).
    public var chunkSize: Int
    /// Longest line kept in memory; longer lines are spilled to disk and rejected.
    public var maxLineLength: Int

    public init(chunkSize: Int = 4 << 20, maxLineLength: Int = 64 << 20) {
        self.chunkSize = max(chunkSize, 1 << 10)
        self.maxLineLength = max(maxLineLength, 1)
    }
}

/// Cuts a shard's decoded stream into chunks of whole lines.
///
/// Decompression writes straight into each chunk's own buffer; only the partial
/// line at the end moves to the next chunk. Memory per reader is bounded by the
/// chunk size, or the line limit for a chunk holding one long line.
public final class ChunkReader {
    private let source: ShardByteSource
    private let options: ChunkingOptions
    private let spillDirectory: String
    private var carry: [UInt8] = []
    private var nextIndex = 0
    private var offset: Int64 = 0
    private var finished = false
    private var pendingError: ShardReadError?

    /// Creates a reader over `source`.
    ///
    /// - Parameters:
    ///   - source: The shard's decoded bytes.
    ///   - options: Chunk size and line limit.
    ///   - spillDirectory: Where overlong lines are written.
    public init(source: ShardByteSource, options: ChunkingOptions = ChunkingOptions(), spillDirectory: String) {
        self.source = source
        self.options = options
        self.spillDirectory = spillDirectory
    }

    /// The next chunk, or `nil` after the last one.
    ///
    /// When the stream fails, the chunks decoded before the fault come first, then
    /// the cut-off line as a `.truncated` chunk, and then this method throws.
    public func next() throws(ShardReadError) -> ShardChunk? {
        if let pendingError {
            self.pendingError = nil
            finished = true
            throw pendingError
        }
        if finished { return nil }
        var capacity = max(options.chunkSize, carry.count + 1)
        var buffer = carry
        carry = []
        var atEnd = false
        while true {
            let (filled, error) = fill(&buffer, to: capacity)
            atEnd = filled
            if let error {
                return try deliverBeforeFailure(buffer, error: error)
            }
            if let last = lastNewline(in: buffer) {
                if last + 1 < buffer.count {
                    carry = Array(buffer[(last + 1)...])
                    buffer.removeLast(buffer.count - last - 1)
                }
                return make(.lines(buffer), size: buffer.count)
            }
            if atEnd {
                finished = true
                if buffer.isEmpty { return nil }
                return make(.lines(buffer), size: buffer.count)
            }
            if buffer.count > options.maxLineLength {
                return try spill(buffer)
            }
            capacity = min(capacity * 2, options.maxLineLength + 1)
            if capacity <= buffer.count { capacity = buffer.count + 1 }
        }
    }

    private func make(_ content: ShardChunk.Content, size: Int) -> ShardChunk {
        let chunk = ShardChunk(index: nextIndex, byteOffset: offset, content: content)
        nextIndex += 1
        offset += Int64(size)
        return chunk
    }

    private func deliverBeforeFailure(_ buffer: [UInt8], error: ShardReadError) throws(ShardReadError) -> ShardChunk? {
        pendingError = error
        if let last = lastNewline(in: buffer) {
            if last + 1 < buffer.count { carry = Array(buffer[(last + 1)...]) }
            return make(.lines(Array(buffer[...last])), size: last + 1)
        }
        if !buffer.isEmpty { return make(.truncated(buffer), size: buffer.count) }
        finished = true
        pendingError = nil
        throw error
    }

    /// Reads into `buffer` until it holds `capacity` bytes or the stream ends.
    ///
    /// - Returns: Whether the stream ended, and the error that stopped it, if any.
    private func fill(_ buffer: inout [UInt8], to capacity: Int) -> (Bool, ShardReadError?) {
        let start = buffer.count
        if capacity <= start { return (false, nil) }
        var ended = false
        var failure: ShardReadError?
        var got = 0
        appendUninitialized(&buffer, count: capacity - start) { raw in
            while got < raw.count {
                let n: Int
                do throws(ShardReadError) {
                    n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[got...]))
                } catch {
                    failure = error
                    return got
                }
                if n == 0 { ended = true; break }
                got += n
            }
            return got
        }
        return (ended, failure)
    }

    /// Streams one overlong line (whose first bytes are `head`) to a spill file.
    private func spill(_ head: [UInt8]) throws(ShardReadError) -> ShardChunk {
        let spillPath = Path.join(spillDirectory, "overlong-\(getpid())-\(ObjectIdentifier(self).hashValue & 0xFFFFFF)-\(nextIndex).spill")
        let file: FileDescriptor
        do {
            try FileSystem.createDirectory(spillDirectory)
            file = try FileDescriptor.createForWriting(spillPath)
        } catch {
            throw ShardReadError(path: source.path, offset: source.consumedFileBytes, reason: "cannot spill an overlong line: \(error)")
        }
        defer { try? file.close() }
        var length = Int64(0)
        var pending = head
        var readFailure: ShardReadError?
        do {
            while true {
                if let newline = pending.firstIndex(of: 0x0A) {
                    try pending.withUnsafeBytes { try file.writeAll(UnsafeRawBufferPointer(rebasing: $0[..<newline])) }
                    length += Int64(newline)
                    carry = Array(pending[(newline + 1)...])
                    let chunk = make(.overlong(OverlongLine(length: length, spillPath: spillPath)), size: Int(length))
                    offset += 1
                    return chunk
                }
                try pending.withUnsafeBytes { try file.writeAll($0) }
                length += Int64(pending.count)
                pending.removeAll(keepingCapacity: true)
                let (ended, error) = fill(&pending, to: 1 << 20)
                if let error { readFailure = error; break }
                if ended && pending.isEmpty { break }
                if ended, pending.firstIndex(of: 0x0A) == nil {
                    try pending.withUnsafeBytes { try file.writeAll($0) }
                    length += Int64(pending.count)
                    break
                }
            }
        } catch let error as SystemError {
            throw ShardReadError(path: source.path, offset: source.consumedFileBytes, reason: "cannot spill an overlong line: \(error)")
        } catch {
            throw ShardReadError(path: source.path, offset: source.consumedFileBytes, reason: "\(error)")
        }
        if let readFailure { pendingError = readFailure } else { finished = true }
        return make(.overlong(OverlongLine(length: length, spillPath: spillPath)), size: Int(length))
    }

    private func lastNewline(in buffer: [UInt8]) -> Int? {
        buffer.withUnsafeBytes { raw -> Int? in
            // Lines are short next to chunks, so a backward byte scan meets a newline
            // within a few kilobytes; memrchr is not in every libc module map.
            var i = raw.count
            while i > 0 {
                i -= 1
                if raw[i] == 0x0A { return i }
            }
            return nil
        }
    }
}

/// Grows `buffer` by up to `extra` bytes that `body` initialises, keeping only the
/// bytes it reports as written.
///
/// Decompression writes straight into the array's spare capacity this way, with
/// no zero-fill and no second copy.
private func appendUninitialized(
    _ buffer: inout [UInt8], count extra: Int, _ body: (UnsafeMutableRawBufferPointer) -> Int
) {
    let start = buffer.count
    var grown = [UInt8](unsafeUninitializedCapacity: start + extra) { storage, count in
        let raw = UnsafeMutableRawBufferPointer(storage)
        buffer.withUnsafeBytes { old in
            if old.count > 0 { raw.baseAddress!.copyMemory(from: old.baseAddress!, byteCount: old.count) }
        }
        count = start + body(UnsafeMutableRawBufferPointer(rebasing: raw[start...]))
    }
    swap(&buffer, &grown)
}
