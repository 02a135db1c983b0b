import CZstd

/// The decompressed bytes of one shard, read in order through one reused input buffer.
///
/// `.zst` files go through libzstd (any number of frames, skippable frames, long
/// windows); anything else is read as plain JSON Lines.
public final class ShardByteSource {
    /// How the file's bytes are turned into JSON Lines.
    public enum Format: Sendable, Equatable {
        /// Plain JSON Lines.
        case plain
        /// Zstandard frames.
        case zstd
    }

    /// The shard's path.
    public let path: String
    /// How the file is decoded.
    public let format: Format
    private let file: FileDescriptor
    private let decompressor: ZstdDecompressor?
    private let inputBuffer: UnsafeMutableRawBufferPointer
    private var input = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
    private var fileOffset: Int64 = 0
    private var endOfFile = false
    private var frameOpen = false
    private var closed = false
    private var pendingError: ShardReadError?

    /// The format that a path's name implies.
    public static func format(ofPath path: String) -> Format {
        path.hasSuffix(".zst") || path.hasSuffix(".zstd") ? .zstd : .plain
    }

    /// Opens `path`.
    ///
    /// - Parameters:
    ///   - path: A `.jsonl.zst` or `.jsonl` file.
    ///   - inputBufferSize: Compressed bytes read per `read` call.
    public init(path: String, inputBufferSize: Int = 1 << 17) throws(ShardReadError) {
        self.path = path
        format = ShardByteSource.format(ofPath: path)
        do {
            file = try FileDescriptor.openForReading(path)
        } catch {
            throw ShardReadError(path: path, offset: 0, reason: "cannot open: \(error.reason)")
        }
        if format == .zstd {
            do {
                decompressor = try ZstdDecompressor()
            } catch {
                try? file.close()
                throw ShardReadError(path: path, offset: 0, reason: error.description)
            }
        } else {
            decompressor = nil
        }
        inputBuffer = .allocate(byteCount: inputBufferSize, alignment: 16)
        input.src = UnsafeRawPointer(inputBuffer.baseAddress)
    }

    deinit {
        inputBuffer.deallocate()
        if !closed { try? file.close() }
    }

    /// Bytes of the file consumed so far (compressed bytes for `.zst`).
    public var consumedFileBytes: Int64 { fileOffset - Int64(input.size - input.pos) }

    /// Fills `buffer` with the next decoded bytes.
    ///
    /// - Returns: The number of bytes written; less than `buffer.count` only at the
    ///   end of the shard, and 0 once everything has been delivered.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ShardReadError) -> Int {
        guard let decompressor else { return try readPlain(into: buffer) }
        if let pendingError {
            self.pendingError = nil
            throw pendingError
        }
        var output = ZSTD_outBuffer(dst: buffer.baseAddress, size: buffer.count, pos: 0)
        while output.pos < output.size {
            if input.pos == input.size && !endOfFile {
                do throws(ShardReadError) { try refill() } catch { return deliver(output.pos, thenThrow: error) }
            }
            let inputBefore = input.pos
            let outputBefore = output.pos
            let hint: Int
            do throws(ZstdError) {
                hint = try decompressor.decompress(&input, into: &output)
            } catch {
                let failure = ShardReadError(path: path, offset: consumedFileBytes, reason: "corrupt zstd data (\(error.reason))")
                return deliver(output.pos, thenThrow: failure)
            }
            if input.pos != inputBefore || output.pos != outputBefore {
                // Only a call that made progress says whether a frame is still open:
                // after a complete frame, libzstd hints at the next frame's header.
                frameOpen = hint != 0
            } else if endOfFile && input.pos == input.size {
                if frameOpen {
                    let failure = ShardReadError(path: path, offset: consumedFileBytes, reason: "truncated zstd frame")
                    return deliver(output.pos, thenThrow: failure)
                }
                break
            }
        }
        return output.pos
    }

    /// Hands out the bytes decoded before a fault first; the fault comes with the next call.
    private func deliver(_ count: Int, thenThrow error: ShardReadError) -> Int {
        pendingError = error
        return count
    }

    private func readPlain(into buffer: UnsafeMutableRawBufferPointer) throws(ShardReadError) -> Int {
        var filled = 0
        while filled < buffer.count && !endOfFile {
            let n: Int
            do {
                n = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            } catch {
                throw ShardReadError(path: path, offset: fileOffset, reason: "read error: \(error.reason)")
            }
            if n == 0 { endOfFile = true }
            filled += n
            fileOffset += Int64(n)
        }
        return filled
    }

    private func refill() throws(ShardReadError) {
        let n: Int
        do {
            n = try file.read(into: inputBuffer)
        } catch {
            throw ShardReadError(path: path, offset: fileOffset, reason: "read error: \(error.reason)")
        }
        if n == 0 {
            endOfFile = true
        } else if fileOffset == 0 {
            try checkMagic(count: n)
        }
        fileOffset += Int64(n)
        input.size = n
        input.pos = 0
    }

    /// Names a file that is not zstd at all in the user's terms, before libzstd's
    /// more cryptic "unknown frame descriptor".
    private func checkMagic(count: Int) throws(ShardReadError) {
        guard count >= 4 else { return }
        let magic = inputBuffer.loadUnaligned(as: UInt32.self).littleEndian
        let isFrame = magic == 0xFD2F_B528
        let isSkippable = magic & 0xFFFF_FFF0 == 0x184D_2A50
        if !isFrame && !isSkippable {
            throw ShardReadError(path: path, offset: 0, reason: "not a zstd file (its name ends in .zst but it does not start with a zstd frame)")
        }
    }

    /// Closes the file early; deinit does it otherwise.
    public func close() {
        guard !closed else { return }
        closed = true
        try? file.close()
    }
}
