import CZstd

/// The decompressed bytes of one shard, read in order through one reused input buffer.
///
/// `.zst` and `.zstd` files go through libzstd (any number of frames, skippable
/// frames); anything else is read as plain JSON Lines.
///
/// A fault (a truncated or corrupt stream, a read error) comes after every byte
/// decoded before it: the `read` call that meets it returns those bytes, the next
/// call throws, and every later call throws the same error again. Every frame before
/// a faulty one is delivered whole, and so is every block of the faulty frame before
/// the one that fails: with a wrong checksum, the frame's whole content comes out,
/// then the fault, at the checksum's offset; with a corrupt block, the blocks before
/// it, then the fault, at the block's offset (of a faulty raw block, which libzstd
/// streams out as it comes in, also the part that was read before the fault was
/// found). A file that ends inside a frame delivers every byte libzstd can decode from
/// it. libzstd reports no progress for a call that fails, so what it decoded in that
/// call would be lost: it is given one unit of a frame per call (the header, one
/// block, the checksum), and a new unit only once it has handed over everything
/// decoded before. A frame small enough to be
/// decoded in one pass (the whole frame in the input buffer, room for its declared
/// content) still is, and when that pass fails the frame is decoded again block by
/// block from its start.
///
/// A frame whose window is larger than `maxWindowSize` is a fault at its start,
/// before libzstd allocates anything for it: a hostile header of a few bytes could
/// otherwise make libzstd allocate up to 2 GiB.
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

    /// What the compressed bytes at ``unitEnd`` start.
    private enum Unit {
        /// A frame (zstd or skippable), or the end of the file.
        case frame
        /// A block's 3-byte header, then its body.
        case block
        /// The frame's 4-byte content checksum.
        case checksum
    }

    /// The shard's path.
    public let path: String
    /// How the file is decoded.
    public let format: Format
    /// The largest window a frame may declare, in bytes.
    public let maxWindowSize: Int
    private let file: FileDescriptor
    private let decompressor: ZstdDecompressor?
    private let inputBuffer: UnsafeMutableRawBufferPointer
    private var input = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
    private var fileOffset: Int64 = 0
    /// The file has no more bytes.
    private var endOfFile = false
    /// Every byte has been delivered: `read` returns 0 from now on.
    private var drained = false
    /// The file offset where the unit that libzstd is given starts: where its fault is.
    private var unitStart: Int64 = 0
    /// The file offset where the unit that libzstd is given ends: it never sees a byte
    /// past it.
    private var unitEnd: Int64 = 0
    /// What starts at `unitEnd`.
    private var nextUnit = Unit.frame
    /// The current frame ends with a content checksum.
    private var frameHasChecksum = false
    /// The current unit is a whole frame, for libzstd to decode in one pass.
    private var wholeFrame = false
    /// The frame at `unitEnd` is decoded block by block even if it fits: a pass over
    /// all of it failed.
    private var replaying = false
    /// The last libzstd call filled the output, so it may hold decoded bytes still.
    private var outputMayBeHeld = false
    private var closed = false
    /// The fault met, thrown by every `read` after the bytes decoded before it.
    private var failure: ShardReadError?
    private var failureDelivered = false
    /// The file's bytes read so far, hashed as they come in.
    private var hasher = XXH64()

    /// `ZSTD_FRAMEHEADERSIZE_MAX`: magic number, descriptor, window, dictionary id
    /// and content size.
    private static let largestFrameHeader = 18

    /// The window limit when none is given: 128 MiB, libzstd's and the zstd command's
    /// default. Frames written with `zstd --long=31` need up to 2 GiB.
    public static let defaultMaxWindowSize = 1 << 27

    /// The range a window limit may take: libzstd's smallest window (1 KiB) to the
    /// format's largest on 64-bit hosts (2 GiB).
    public static let maxWindowSizes = (1 << 10)...(1 << 31)

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
    ///   - maxWindowSize: The largest window a frame may declare, in bytes, within
    ///     ``maxWindowSizes``; a larger frame is a fault.
    public init(
        path: String, inputBufferSize: Int = 1 << 17, maxWindowSize: Int = ShardByteSource.defaultMaxWindowSize
    ) throws(ShardReadError) {
        self.path = path
        format = ShardByteSource.format(ofPath: path)
        self.maxWindowSize = min(max(maxWindowSize, Self.maxWindowSizes.lowerBound), Self.maxWindowSizes.upperBound)
        do {
            file = try FileDescriptor.openForReading(path)
        } catch {
            throw ShardReadError(path: path, offset: 0, reason: "cannot open: \(error.reason)")
        }
        if format == .zstd {
            do {
                // libzstd's own limit, a power of two, is only a backstop: the limit is
                // checked exactly against each frame header before libzstd sees it.
                let windowLog = Int32(Int.bitWidth - (self.maxWindowSize - 1).leadingZeroBitCount)
                decompressor = try ZstdDecompressor(windowLogMax: windowLog)
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
                // A new unit only once libzstd has handed over everything decoded
                // before it: a call that fails delivers nothing.
                if consumedFileBytes == unitEnd && !outputMayBeHeld {
                    guard try startUnit(room: output.size - output.pos) else {
                        drained = true
                        break
                    }
                }
                if consumedFileBytes < unitEnd && input.pos == input.size {
                    if !endOfFile { try refill() }
                    // The file ends inside the unit, once libzstd has handed over what it
                    // decoded from the unit's start (a raw block streams out piece by piece).
                    if input.pos == input.size && !outputMayBeHeld { throw truncated() }
                }
            } catch {
                failure = error
                break
            }
            var unit = input
            unit.size = min(input.size, input.pos + Int(unitEnd - consumedFileBytes))
            do throws(ZstdError) {
                _ = try decompressor.decompress(&unit, into: &output)
            } catch {
                if wholeFrame {
                    // Nothing of the frame has come out: decode it again, block by block.
                    decompressor.reset()
                    wholeFrame = false
                    replaying = true
                    nextUnit = .frame
                    unitEnd = consumedFileBytes
                    continue
                }
                failure = ShardReadError(path: path, offset: unitStart, reason: "corrupt zstd data (\(error.reason))")
                break
            }
            input.pos = unit.pos
            wholeFrame = false
            outputMayBeHeld = output.pos == output.size
        }
        return output.pos
    }

    /// The fault of a file that ends inside a frame.
    private func truncated() -> ShardReadError {
        ShardReadError(path: path, offset: fileOffset, reason: "truncated zstd frame (the file ends inside a frame)")
    }

    /// Sets ``unitEnd`` to the end of the unit starting where libzstd stopped, reading
    /// the file until its header is in the input buffer.
    ///
    /// - Parameter room: Output space left in this call.
    /// - Returns: `false` when the file ends cleanly there, between two frames.
    private func startUnit(room: Int) throws(ShardReadError) -> Bool {
        unitStart = consumedFileBytes
        switch nextUnit {
        case .frame:
            return try startFrame(room: room)
        case .block:
            while input.size - input.pos < 3 && !endOfFile { try refill() }
            guard input.size - input.pos >= 3 else { throw truncated() }
            let header = Int(inputBuffer[input.pos]) | Int(inputBuffer[input.pos + 1]) << 8 | Int(inputBuffer[input.pos + 2]) << 16
            let size = header >> 3
            // Raw: `size` bytes; RLE: one byte repeated `size` times; compressed:
            // `size` bytes; reserved: libzstd rejects the header alone.
            let body = switch header >> 1 & 3 { case 1: 1; case 3: 0; default: size }
            unitEnd = consumedFileBytes + 3 + Int64(body)
            nextUnit = header & 1 == 0 ? .block : frameHasChecksum ? .checksum : .frame
        case .checksum:
            unitEnd = consumedFileBytes + 4
            nextUnit = .frame
        }
        return true
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

    /// Checks that the next frame starts with a zstd or skippable magic number and
    /// fits the window limit, before libzstd sees it, and makes its whole header the
    /// next unit (or the whole frame, when it can be decoded in one pass).
    ///
    /// The first frame's fault names the file as not zstd at all, in the user's terms,
    /// rather than with libzstd's "unknown frame descriptor".
    ///
    /// - Returns: `false` when the file ends here.
    private func startFrame(room: Int) throws(ShardReadError) -> Bool {
        while input.size - input.pos < Self.largestFrameHeader && !endOfFile { try refill() }
        let available = input.size - input.pos
        if available == 0 { return false }
        let start = UnsafeRawBufferPointer(rebasing: inputBuffer[input.pos..<input.size])
        let offset = consumedFileBytes
        guard let header = ZstdFrameHeader(parsing: start) else {
            if offset == 0 {
                throw ShardReadError(path: path, offset: 0, reason: "not a zstd file (its name ends in .zst but it does not start with a zstd frame)")
            }
            throw ShardReadError(path: path, offset: offset, reason: "corrupt zstd data (no zstd frame starts where the previous one ends)")
        }
        guard let size = header.headerSize else { throw truncated() }
        if let skippedSize = header.skippedSize {
            unitEnd = offset + Int64(size) + Int64(skippedSize)
            nextUnit = .frame
            return true
        }
        // A header that libzstd rejects whatever its window (a reserved bit set, a
        // dictionary) is libzstd's to report: raising the limit would not help.
        if !header.hasReservedBit && !header.needsDictionary && header.windowSize > UInt64(maxWindowSize) {
            let needed = ZstdFrameHeader.describe(header.windowSize)
            let largest = UInt64(Self.maxWindowSizes.upperBound)
            if header.windowSize > largest {
                throw ShardReadError(
                    path: path, offset: offset,
                    reason: "corrupt zstd data (the frame declares a window of \(needed), more than the \(ZstdFrameHeader.describe(largest)) zstd allows)")
            }
            throw ShardReadError(
                path: path, offset: offset,
                reason: "zstd frame needs a window of \(needed), more than the limit of \(ZstdFrameHeader.describe(UInt64(maxWindowSize))) "
                    + "(raise it with --max-zstd-window or max-zstd-window in the pipeline file, up to 2GiB)")
        }
        frameHasChecksum = header.hasChecksum
        defer { replaying = false }
        if !replaying, let content = header.contentSize, content <= UInt64(room) {
            // libzstd decodes such a frame in one pass, straight into the output.
            let frameSize = ZSTD_findFrameCompressedSize(start.baseAddress, available)
            if ZSTD_isError(frameSize) == 0 && frameSize <= available {
                unitEnd = offset + Int64(frameSize)
                nextUnit = .frame
                wholeFrame = true
                return true
            }
        }
        unitEnd = offset + Int64(size)
        nextUnit = .block
        return true
    }

    /// Closes the file early; deinit does it otherwise. Reading afterwards throws.
    public func close() {
        guard !closed else { return }
        closed = true
        try? file.close()
    }
}
