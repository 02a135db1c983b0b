import CZstd

/// The decompressed bytes of one shard, read in order through one reused input buffer.
///
/// `.zst` and `.zstd` files go through libzstd (any number of frames, skippable
/// frames, windows up to 2 GiB); anything else is read as plain JSON Lines.
///
/// A fault (a truncated or corrupt stream, a read error) comes after every byte
/// decoded before it: the `read` call that meets it returns those bytes, the next
/// call throws, and every later call throws the same error again. A frame's
/// checksum is checked at its end, so the bytes of a frame whose checksum turns out
/// wrong, or missing, have been delivered by then.
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
    /// The file has no more bytes.
    private var endOfFile = false
    /// Every byte has been delivered: `read` returns 0 from now on.
    private var drained = false
    /// libzstd has consumed part of a frame that it has not finished.
    private var frameOpen = false
    private var closed = false
    /// The fault met, thrown by every `read` after the bytes decoded before it.
    private var failure: ShardReadError?
    private var failureDelivered = false
    /// The file's bytes read so far, hashed as they come in.
    private var hasher = XXH64()

    /// The format that a path's name implies.
    public static func format(ofPath path: String) -> Format {
        path.hasSuffix(".zst") || path.hasSuffix(".zstd") ? .zstd : .plain
    }

    /// Opens `path`.
    ///
    /// - Parameters:
    ///   - path: A `.jsonl.zst` or `.jsonl` file.
    ///   - inputBufferSize: Compressed bytes read per `read` system call (at least 4).
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
            // Room for the magic number in the first read; no room at all would
            // look like the end of the file.
            inputBuffer = .allocate(byteCount: max(inputBufferSize, 4), alignment: 16)
        } else {
            decompressor = nil
            inputBuffer = .allocate(byteCount: 0, alignment: 16)
        }
        input.src = UnsafeRawPointer(inputBuffer.baseAddress)
    }

    deinit {
        inputBuffer.deallocate()
        if !closed { try? file.close() }
    }

    /// The XXH64 of the file's bytes (compressed bytes for `.zst`), once the whole
    /// file has been read without a fault; `nil` before that or after a fault.
    ///
    /// It costs nothing to speak of: the bytes are hashed while they are in cache
    /// on their way to the decompressor, at several GB/s.
    public var fingerprint: UInt64? {
        endOfFile && failure == nil ? hasher.digest() : nil
    }

    /// Bytes of the file consumed so far (compressed bytes for `.zst`).
    public var consumedFileBytes: Int64 { fileOffset - Int64(input.size - input.pos) }

    /// Fills `buffer` with the next decoded bytes.
    ///
    /// - Returns: The number of bytes written; less than `buffer.count` only at the
    ///   end of the shard or just before a fault, and 0 once everything has been
    ///   delivered.
    /// - Throws: The fault that ended the stream, once the bytes before it have been
    ///   returned; again on every later call. Reading after ``close()`` is a fault too.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ShardReadError) -> Int {
        if let failure, failureDelivered { throw failure }
        if failure != nil {
            failureDelivered = true
            throw failure!
        }
        if closed { throw ShardReadError(path: path, offset: consumedFileBytes, reason: "read after close") }
        if drained || buffer.isEmpty { return 0 }
        let count = decompressor == nil ? readPlain(into: buffer) : readZstd(into: buffer)
        if failure != nil && count == 0 {
            failureDelivered = true
            throw failure!
        }
        return count
    }

    /// Decodes into `buffer` until it is full, the stream ends or a fault is met
    /// (recorded in ``failure``).
    private func readZstd(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let decompressor = decompressor!
        var output = ZSTD_outBuffer(dst: buffer.baseAddress, size: buffer.count, pos: 0)
        while output.pos < output.size {
            if input.pos == input.size && !endOfFile {
                do throws(ShardReadError) { try refill() } catch {
                    failure = error
                    break
                }
            }
            let inputBefore = input.pos
            let outputBefore = output.pos
            let hint: Int
            do throws(ZstdError) {
                hint = try decompressor.decompress(&input, into: &output)
            } catch {
                failure = ShardReadError(path: path, offset: consumedFileBytes, reason: "corrupt zstd data (\(error.reason))")
                break
            }
            if input.pos != inputBefore || output.pos != outputBefore {
                // Only a call that made progress tells whether a frame is open: with
                // no input at all, libzstd hints at the size of a next frame's header
                // even between frames.
                frameOpen = hint != 0
            } else if input.pos == input.size && endOfFile {
                // No progress and nothing left to give: the stream is over.
                if frameOpen {
                    failure = ShardReadError(path: path, offset: consumedFileBytes, reason: "truncated zstd frame (the file ends inside a frame)")
                } else {
                    drained = true
                }
                break
            }
        }
        return output.pos
    }

    private func readPlain(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var filled = 0
        while filled < buffer.count {
            let n: Int
            do throws(SystemError) {
                n = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            } catch {
                failure = ShardReadError(path: path, offset: fileOffset, reason: "read error: \(error.reason)")
                break
            }
            if n == 0 {
                endOfFile = true
                drained = true
                break
            }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[filled..<(filled + n)]))
            filled += n
            fileOffset += Int64(n)
        }
        return filled
    }

    /// Reads the next compressed bytes into the input buffer; the first time, at
    /// least the 4 bytes of the magic number unless the file is shorter.
    private func refill() throws(ShardReadError) {
        let minimum = fileOffset == 0 ? 4 : 1
        var n = 0
        while n < minimum {
            let got: Int
            do throws(SystemError) {
                got = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: inputBuffer[n...]))
            } catch {
                throw ShardReadError(path: path, offset: fileOffset + Int64(n), reason: "read error: \(error.reason)")
            }
            if got == 0 {
                endOfFile = true
                break
            }
            n += got
        }
        if fileOffset == 0 && n > 0 { try checkMagic(count: n) }
        hasher.update(UnsafeRawBufferPointer(rebasing: inputBuffer[..<n]))
        fileOffset += Int64(n)
        input.size = n
        input.pos = 0
    }

    /// Names a file that is not zstd at all in the user's terms, before libzstd's
    /// more cryptic "unknown frame descriptor"; a file too short for a whole magic
    /// number is judged on the bytes it has.
    private func checkMagic(count: Int) throws(ShardReadError) {
        let frame: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD]  // 0xFD2FB528, little-endian
        let skippable: [UInt8] = [0x50, 0x2A, 0x4D, 0x18]  // 0x184D2A5?, little-endian
        var isFrame = true
        var isSkippable = true
        for i in 0..<min(count, 4) {
            let byte = inputBuffer[i]
            isFrame = isFrame && byte == frame[i]
            isSkippable = isSkippable && (i == 0 ? byte & 0xF0 == skippable[0] : byte == skippable[i])
        }
        if !isFrame && !isSkippable {
            throw ShardReadError(path: path, offset: 0, reason: "not a zstd file (its name ends in .zst but it does not start with a zstd frame)")
        }
    }

    /// Closes the file early; deinit does it otherwise. Reading afterwards throws.
    public func close() {
        guard !closed else { return }
        closed = true
        try? file.close()
    }
}
