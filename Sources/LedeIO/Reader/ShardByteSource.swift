import CZstd

/// The decompressed bytes of one shard, read in order through one reused input buffer.
///
/// `.zst` and `.zstd` files go through libzstd (any number of frames, skippable
/// frames, windows up to 2 GiB); anything else is read as plain JSON Lines.
///
/// A fault (a truncated or corrupt stream, a read error) comes after every byte
/// decoded before it: the `read` call that meets it returns those bytes, the next
/// call throws, and every later call throws the same error again. Every frame before
/// a faulty one is delivered whole. Of the faulty frame itself (a corrupt block, a
/// wrong checksum), anything from none to all of the blocks before the fault comes
/// out, depending on how the buffers fall: libzstd decodes a frame that fits the
/// input and output buffers in one pass, and reports no progress at all for a call
/// that fails, so what it decoded in that call is lost.
///
/// Every frame must start with the magic number of a zstd frame or of a skippable
/// frame. libzstd would also decode frames of the legacy formats (v0.5 to v0.7), but
/// only when the input buffer happens to hold their whole magic number: such a frame
/// is a fault wherever it is. For the same reason libzstd is always given a frame's
/// whole header at once: when it has to buffer part of an invalid header, it looks
/// for a legacy frame where its next input begins, in the middle of the header.
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

    /// `ZSTD_FRAMEHEADERSIZE_MAX`: magic number, descriptor, window, dictionary id
    /// and content size.
    private static let largestFrameHeader = 18

    /// The format that a path's name implies.
    public static func format(ofPath path: String) -> Format {
        path.hasSuffix(".zst") || path.hasSuffix(".zstd") ? .zstd : .plain
    }

    /// Opens `path`.
    ///
    /// - Parameters:
    ///   - path: A `.jsonl.zst` or `.jsonl` file.
    ///   - inputBufferSize: Compressed bytes read per `read` system call (at least 18,
    ///     the largest frame header).
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
            // Room for a whole frame header; no room at all would look like the end
            // of the file.
            inputBuffer = .allocate(byteCount: max(inputBufferSize, Self.largestFrameHeader), alignment: 16)
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
            do throws(ShardReadError) {
                if !frameOpen {
                    try checkFrameStart()
                } else if input.pos == input.size && !endOfFile {
                    try refill()
                }
            } catch {
                failure = error
                break
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

    /// Moves the unread compressed bytes to the front of the input buffer and reads
    /// more after them; a read that returns nothing marks the end of the file.
    private func refill() throws(ShardReadError) {
        let left = input.size - input.pos
        if left > 0 && input.pos > 0 {
            inputBuffer.baseAddress!.copyMemory(from: inputBuffer.baseAddress! + input.pos, byteCount: left)
        }
        input.pos = 0
        input.size = left
        let got: Int
        do throws(SystemError) {
            got = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: inputBuffer[left...]))
        } catch {
            throw ShardReadError(path: path, offset: fileOffset, reason: "read error: \(error.reason)")
        }
        if got == 0 { endOfFile = true }
        hasher.update(UnsafeRawBufferPointer(rebasing: inputBuffer[left..<(left + got)]))
        fileOffset += Int64(got)
        input.size = left + got
    }

    /// Checks that the next frame starts with a zstd or skippable magic number, before
    /// libzstd sees it, and puts its whole header (or the rest of the file) in the input
    /// buffer; a file that ends there ends cleanly, and a file that ends inside the magic
    /// number is judged on the bytes it has (libzstd then reports it truncated).
    ///
    /// The first frame's fault names the file as not zstd at all, in the user's terms,
    /// rather than with libzstd's "unknown frame descriptor".
    private func checkFrameStart() throws(ShardReadError) {
        while input.size - input.pos < Self.largestFrameHeader && !endOfFile { try refill() }
        let available = min(input.size - input.pos, 4)
        // Little-endian: a frame starts 0xFD2FB528, a skippable frame 0x184D2A5?.
        var isFrame = true
        var isSkippable = true
        for i in 0..<available {
            let byte = inputBuffer[input.pos + i]
            let shift = UInt32(8 * i)
            isFrame = isFrame && byte == UInt8(truncatingIfNeeded: UInt32(0xFD2F_B528) >> shift)
            isSkippable = isSkippable && byte & (i == 0 ? 0xF0 : 0xFF) == UInt8(truncatingIfNeeded: UInt32(0x184D_2A50) >> shift)
        }
        guard !isFrame && !isSkippable else { return }
        let offset = consumedFileBytes
        if offset == 0 {
            throw ShardReadError(path: path, offset: 0, reason: "not a zstd file (its name ends in .zst but it does not start with a zstd frame)")
        }
        throw ShardReadError(path: path, offset: offset, reason: "corrupt zstd data (no zstd frame starts where the previous one ends)")
    }

    /// Closes the file early; deinit does it otherwise. Reading afterwards throws.
    public func close() {
        guard !closed else { return }
        closed = true
        try? file.close()
    }
}
