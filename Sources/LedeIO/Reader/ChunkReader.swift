#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Limits that shape how a shard is cut into chunks.
public struct ChunkingOptions: Sendable, Equatable {
    /// Decoded bytes per chunk: a chunk ends at the last line end that fits (at
    /// least 1). A line longer than this makes its chunk longer, up to
    /// `maxLineLength + 1` bytes.
    public var chunkSize: Int
    /// The longest line, in bytes without its `\n`, delivered in memory (at least 1);
    /// longer lines are spilled to disk and delivered as `.overlong`.
    public var maxLineLength: Int

    public init(chunkSize: Int = 4 << 20, maxLineLength: Int = 64 << 20) {
        self.chunkSize = max(chunkSize, 1)
        self.maxLineLength = max(maxLineLength, 1)
    }
}

/// Cuts a shard's decoded stream into chunks of whole lines.
///
/// Decompression writes straight into each chunk's own buffer; only the partial
/// line at the end moves to the next chunk. No chunk, and no buffer of the reader,
/// holds more than `max(chunkSize, maxLineLength + 1)` bytes, whatever the input.
///
/// What the chunks promise:
/// - Their indices count 0, 1, 2, … and each `byteOffset` is the sum of the decoded
///   sizes of the chunks before it: the bytes of `.lines` and `.truncated`, and for
///   `.overlong` the line's length plus its newline (a last line without a newline
///   counts its length only).
/// - `.lines` holds whole lines of at most `maxLineLength` bytes each, every one
///   ending in `\n` except the shard's last line when the shard does not end in one.
/// - Every line longer than `maxLineLength` comes alone as `.overlong`.
/// - When the stream fails, the chunks decoded before the fault come first, then
///   the cut-off line (`.truncated`, or `.overlong` when it is already over the
///   limit), then `next()` throws once, and returns `nil` from then on.
///
/// A reader is used by one task at a time; readers of different shards may run
/// concurrently and share a spill directory.
public final class ChunkReader {
    private let source: ShardByteSource
    private let chunkSize: Int
    private let lineLimit: Int
    private let spillDirectory: String
    /// Decoded bytes read from the source and not yet delivered; they start a line.
    private var carry: [UInt8] = []
    private var nextIndex = 0
    private var offset: Int64 = 0
    /// The source has reported its end.
    private var sourceEnded = false
    /// The fault the source threw, to throw once the bytes before it are delivered.
    private var sourceError: ShardReadError?
    /// Everything has been delivered (or thrown): `next()` returns `nil`.
    private var finished = false

    /// Creates a reader over `source`.
    ///
    /// - Parameters:
    ///   - source: The shard's decoded bytes.
    ///   - options: Chunk size and line limit.
    ///   - spillDirectory: Where overlong lines are written, created when needed.
    ///     Each spill file has a name of its own, unique among all readers of the
    ///     process and never overwriting an existing file; the consumer removes it.
    public init(source: ShardByteSource, options: ChunkingOptions = ChunkingOptions(), spillDirectory: String) {
        self.source = source
        chunkSize = max(options.chunkSize, 1)
        lineLimit = min(max(options.maxLineLength, 1), Int.max / 4)  // no overflow in `lineLimit + 1`
        self.spillDirectory = spillDirectory
    }

    /// The largest buffer the reader holds.
    private var bufferLimit: Int { max(chunkSize, lineLimit + 1) }

    /// The next chunk, or `nil` after the last one.
    ///
    /// When the stream fails, the chunks decoded before the fault come first, then
    /// the cut-off line, and then this method throws; afterwards it returns `nil`.
    /// A spill file that cannot be written is thrown as a `ShardReadError` too.
    public func next() throws(ShardReadError) -> ShardChunk? {
        if finished { return nil }
        var buffer: [UInt8] = []
        swap(&buffer, &carry)
        var capacity = max(chunkSize, buffer.count)
        // Bytes before `lineStart` are whole lines that fit the limit; bytes from
        // `lineStart` to `searched` hold no newline.
        var lineStart = 0
        var searched = 0
        while true {
            fill(&buffer, to: capacity)
            let overlong = buffer.withUnsafeBytes { scanLines($0, lineStart: &lineStart, searched: &searched) }
            if let overlong {
                if lineStart > 0 { return deliverLines(&buffer, upTo: lineStart) }
                return try spill(&buffer, lineEnd: overlong)
            }
            if buffer.count - lineStart > lineLimit {
                // The last line is already too long, and goes on.
                if lineStart > 0 { return deliverLines(&buffer, upTo: lineStart) }
                return try spill(&buffer, lineEnd: nil)
            }
            if let sourceError {
                if lineStart > 0 { return deliverLines(&buffer, upTo: lineStart) }
                if !buffer.isEmpty { return make(.truncated(buffer), size: buffer.count) }
                finished = true
                throw sourceError
            }
            if sourceEnded {
                // Everything is here; the last line may lack its newline.
                finished = true
                if buffer.isEmpty { return nil }
                return make(.lines(buffer), size: buffer.count)
            }
            // The buffer is full.
            if lineStart > 0 { return deliverLines(&buffer, upTo: lineStart) }
            // One line fills it and goes on: make room for it, up to the limit. The
            // line is at most `lineLimit` bytes so far, so the buffer grows.
            capacity = min(capacity * 2, lineLimit + 1)
        }
    }

    /// Stops reading: closes the source; `next()` returns `nil` from now on.
    public func close() {
        finished = true
        carry = []
        source.close()
    }

    private func make(_ content: ShardChunk.Content, size: Int) -> ShardChunk {
        let chunk = ShardChunk(index: nextIndex, byteOffset: offset, content: content)
        nextIndex += 1
        offset += Int64(size)
        return chunk
    }

    /// Delivers `buffer[..<end]` (whole lines) and keeps the rest for the next chunk.
    private func deliverLines(_ buffer: inout [UInt8], upTo end: Int) -> ShardChunk {
        carry = Array(buffer[end...])
        buffer.removeLast(buffer.count - end)
        return make(.lines(buffer), size: end)
    }

    /// Moves `lineStart` past the whole lines of `raw` that fit the limit.
    ///
    /// - Returns: The index of the newline ending the line at `lineStart` when that
    ///   line is over the limit.
    private func scanLines(_ raw: UnsafeRawBufferPointer, lineStart: inout Int, searched: inout Int) -> Int? {
        guard let base = raw.baseAddress else { return nil }
        var from = max(searched, lineStart)
        while from < raw.count, let hit = memchr(base + from, 0x0A, raw.count - from) {
            let newline = base.distance(to: UnsafeRawPointer(hit))
            if newline - lineStart > lineLimit {
                searched = newline
                return newline
            }
            lineStart = newline + 1
            from = lineStart
        }
        searched = raw.count
        return nil
    }

    /// Reads into `buffer` until it holds `capacity` bytes, the stream ends or fails.
    private func fill(_ buffer: inout [UInt8], to capacity: Int) {
        let start = buffer.count
        guard capacity > start, !sourceEnded, sourceError == nil else { return }
        appendUninitialized(&buffer, count: capacity - start) { raw in read(into: raw) }
    }

    /// Reads until `raw` is full, the stream ends or fails; returns the bytes read.
    private func read(into raw: UnsafeMutableRawBufferPointer) -> Int {
        var got = 0
        while got < raw.count && !sourceEnded && sourceError == nil {
            do throws(ShardReadError) {
                let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[got...]))
                if n == 0 { sourceEnded = true }
                got += n
            } catch {
                sourceError = error
            }
        }
        return got
    }

    /// Writes the overlong line at the start of `buffer` to a spill file: up to
    /// `lineEnd` when its newline is in the buffer, else the whole buffer and then the
    /// stream up to the line's newline, its end or a fault.
    private func spill(_ buffer: inout [UInt8], lineEnd: Int?) throws(ShardReadError) -> ShardChunk {
        let spillPath: String
        let file: FileDescriptor
        do throws(SystemError) {
            try FileSystem.createDirectory(spillDirectory)
            (spillPath, file) = try createSpillFile()
        } catch {
            finished = true
            throw ShardReadError(path: source.path, offset: source.consumedFileBytes, reason: "cannot spill an overlong line: \(error)")
        }
        var length = 0
        var ended = false
        var fileOpen = true
        do throws(SystemError) {
            if let lineEnd {
                try write(buffer[..<lineEnd], to: file)
                length = lineEnd
                ended = true
                carry = Array(buffer[(lineEnd + 1)...])
            } else {
                try write(buffer[...], to: file)
                length = buffer.count
                buffer = []
                let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: min(bufferLimit, 1 << 20), alignment: 16)
                defer { piece.deallocate() }
                while !sourceEnded && sourceError == nil {
                    let n = read(into: piece)
                    let bytes = UnsafeRawBufferPointer(rebasing: piece[..<n])
                    if n > 0, let hit = memchr(bytes.baseAddress!, 0x0A, n) {
                        let newline = bytes.baseAddress!.distance(to: UnsafeRawPointer(hit))
                        try file.writeAll(UnsafeRawBufferPointer(rebasing: bytes[..<newline]))
                        length += newline
                        ended = true
                        carry = Array(bytes[(newline + 1)...])
                        break
                    }
                    try file.writeAll(bytes)
                    length += n
                }
            }
            fileOpen = false
            try file.close()
        } catch {
            if fileOpen { try? file.close() }
            try? FileSystem.removeFile(spillPath)
            finished = true
            carry = []
            throw ShardReadError(path: source.path, offset: source.consumedFileBytes, reason: "cannot spill an overlong line: \(error)")
        }
        let line = OverlongLine(length: Int64(length), spillPath: spillPath, hasNewline: ended)
        return make(.overlong(line), size: Int(line.decodedSize))
    }

    private func write(_ bytes: ArraySlice<UInt8>, to file: FileDescriptor) throws(SystemError) {
        let failure: SystemError? = bytes.withUnsafeBytes { raw in
            do throws(SystemError) { try file.writeAll(raw) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    /// A new file in the spill directory, with a name no other reader of this or
    /// another process has (an existing file is never truncated: another pid on
    /// another machine may share the directory).
    private func createSpillFile() throws(SystemError) -> (String, FileDescriptor) {
        var attempts = 0
        while true {
            let serial = spillSerial.wrappingAdd(1, ordering: .relaxed).newValue
            let candidate = Path.join(spillDirectory, "overlong-\(getpid())-\(serial).spill")
            do {
                return (candidate, try FileDescriptor.createForWriting(candidate, exclusive: true))
            } catch where error.code == EEXIST && attempts < 10_000 {
                attempts += 1
            }
        }
    }
}

/// Serial numbers of spill files, unique within the process.
private let spillSerial = Atomic<Int>(0)

/// Grows `buffer` by up to `extra` bytes that `body` initialises, keeping only the
/// bytes it reports as written.
///
/// Decompression writes straight into the array's new storage this way, with no
/// zero-fill and no second copy.
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
