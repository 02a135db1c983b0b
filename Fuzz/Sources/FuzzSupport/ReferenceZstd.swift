import CZstd
import LedeIO

/// Reference decodings of a whole `.zst` file held in memory, to check `ShardByteSource` (which
/// reads the file in pieces) against.
///
/// How many bytes of a faulty frame come out before the fault depends on how libzstd is fed:
/// given the whole frame and room for all of its content, it decodes the frame in one pass and
/// returns the fault with none of its bytes; fed piece by piece, it returns every block before
/// the fault. `ShardByteSource` promises the latter, whatever its buffers: it must deliver every
/// block before the faulty one, as the piece-by-piece decoding does, with the same kind of fault.
/// Of the faulty block itself, only a raw block (whose bytes libzstd streams out as they come in,
/// and whose frame may then fail its content-size check) can give some bytes, as many as the
/// input happened to hold.
public struct ReferenceZstd: Sendable {
    /// Why the stream ended early.
    public enum Fault: Equatable, Sendable {
        /// The file ends inside a frame.
        case truncated
        /// libzstd rejected the data.
        case corrupt(String)
    }

    /// The output buffer, kept from one input to the next.
    nonisolated(unsafe) private static var scratch: [UInt8] = []

    /// Every byte decoded before the end or the fault.
    public var bytes: [UInt8]
    /// The fault, or `nil` when the file decoded to its end.
    public var fault: Fault?
    /// Of ``bytes``, those decoded before the block in which the decoding stopped began (one
    /// byte at a time only).
    public var blockStartBytes = 0

    /// Decodes `file`, or returns `nil` when it decodes to more than `limit` bytes (the input is
    /// then too expensive to check, not wrong).
    ///
    /// - Parameters:
    ///   - file: The file's bytes.
    ///   - limit: The most decoded bytes worth checking.
    ///   - oneByteAtATime: Feed libzstd one byte per call, so that it never decodes a frame in one
    ///     pass and delivers the most bytes before a fault; otherwise give it the whole file and
    ///   room for `limit + 1` bytes, so that it delivers the fewest.
    public static func decode(_ file: [UInt8], limit: Int, oneByteAtATime: Bool) -> ReferenceZstd? {
        let decompressor: ZstdDecompressor
        do {
            // The same window limit as the reader's default.
            decompressor = try ZstdDecompressor(windowLogMax: ZstdDecompressor.defaultWindowLog)
        } catch {
            fuzzFail("cannot create a zstd context: \(error)")
        }
        var result = ReferenceZstd(bytes: [], fault: nil)
        let blockStarts = oneByteAtATime ? Self.blockStarts(file) : []
        let size = oneByteAtATime ? min(1 << 16, limit + 1) : limit + 1
        var output: [UInt8] = []
        swap(&output, &scratch)
        defer { swap(&output, &scratch) }
        if output.count < size { output = [UInt8](repeating: 0, count: size) }
        var frameOpen = false
        return file.withUnsafeBytes { source in
            var input = ZSTD_inBuffer(src: source.baseAddress, size: oneByteAtATime ? min(1, source.count) : source.count, pos: 0)
            while true {
                // Lede refuses frames of the legacy formats, which libzstd would decode when it
                // sees their whole magic number: every frame must start as zstd or skippable.
                if !frameOpen && !startsFrame(source[input.pos...]) {
                    result.fault = .corrupt("no zstd frame starts here")
                    return result
                }
                if blockStarts.contains(input.pos) { result.blockStartBytes = result.bytes.count }
                let inputBefore = input.pos
                var produced = 0
                var hint = 0
                var failure: ZstdError?
                output.withUnsafeMutableBytes { raw in
                    var out = ZSTD_outBuffer(dst: raw.baseAddress, size: size, pos: 0)
                    do throws(ZstdError) { hint = try decompressor.decompress(&input, into: &out) } catch {
                        failure = error
                    }
                    produced = out.pos
                }
                // A failing call may have written output before it met the fault.
                result.bytes += output[..<produced]
                if let failure {
                    result.fault = .corrupt(failure.reason)
                    return result
                }
                if result.bytes.count > limit { return nil }
                if input.pos != inputBefore || produced > 0 {
                    frameOpen = hint != 0
                } else if input.size < source.count {
                    input.size += 1
                } else {
                    fuzzCheck(input.pos == input.size, "libzstd made no progress with input left")
                    if frameOpen { result.fault = .truncated }
                    return result
                }
            }
        }
    }

    /// Where the blocks of `file`'s frames start, as far as their headers can be read (RFC 8878,
    /// written here apart from the reader's own parser).
    static func blockStarts(_ file: [UInt8]) -> Set<Int> {
        var starts: Set<Int> = []
        var at = 0
        func field(_ offset: Int, _ count: Int) -> Int? {
            guard offset + count <= file.count else { return nil }
            return (0..<count).reversed().reduce(0) { $0 << 8 | Int(file[offset + $1]) }
        }
        while let magic = field(at, 4) {
            if magic & 0xFFFF_FFF0 == 0x184D_2A50 {
                guard let size = field(at + 4, 4) else { break }
                at += 8 + size
                continue
            }
            guard magic == 0xFD2F_B528, let descriptor = field(at + 4, 1) else { break }
            let singleSegment = descriptor & 0x20 != 0
            at += 5 + (singleSegment ? 0 : 1) + [0, 1, 2, 4][descriptor & 3] + [singleSegment ? 1 : 0, 2, 4, 8][descriptor >> 6]
            while let header = field(at, 3) {
                starts.insert(at)
                at += 3 + (header >> 1 & 3 == 1 ? 1 : header >> 1 & 3 == 3 ? 0 : header >> 3)
                if header & 1 != 0 { break }
            }
            if descriptor & 4 != 0 { at += 4 }
        }
        return starts
    }

    /// Whether `bytes` start with the magic number of a zstd or a skippable frame, as far as
    /// they go (an empty tail is the end of the file).
    static func startsFrame(_ bytes: Slice<UnsafeRawBufferPointer>) -> Bool {
        let head = Array(bytes.prefix(4))
        let frame: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD]
        let skippable: [UInt8] = [0x2A, 0x4D, 0x18]
        let skippableStart = (head.first.map { $0 & 0xF0 == 0x50 } ?? true) && skippable.starts(with: head.dropFirst())
        return frame.starts(with: head) || skippableStart
    }

    /// Both decodings of `file`: the one that delivers the most bytes before a fault, and the
    /// one that delivers the fewest; `nil` when the file decodes to more than `limit` bytes.
    public static func bounds(of file: [UInt8], limit: Int) -> (most: ReferenceZstd, fewest: ReferenceZstd)? {
        guard let most = decode(file, limit: limit, oneByteAtATime: true),
            let fewest = decode(file, limit: limit, oneByteAtATime: false)
        else { return nil }
        return (most, fewest)
    }

    /// Checks what a reader delivered from a file of `fileSize` bytes against its two decodings.
    public static func check(
        _ run: ChunkReaderCheck.Run, most: ReferenceZstd, fewest: ReferenceZstd, fileSize: Int,
        context: @autoclosure () -> String
    ) {
        // libzstd 1.5.4 checks a frame's declared content size when it decodes the frame in one
        // pass, but not block by block when the last block is empty, and it checks the window
        // limit only block by block: such a frame fails one decoding only. A reader that decoded
        // it in one pass and met no fault is right too.
        if most.fault != nil, fewest.fault == nil, run.error == nil {
            ChunkReaderCheck.expect(run, delivers: fewest.bytes, faulted: false, context: context())
            return
        }
        guard most.fault != nil else {
            ChunkReaderCheck.expect(run, delivers: most.bytes, faulted: false, context: context())
            return
        }
        guard let error = run.error else { fuzzFail("\(context()): no error, expected \(String(describing: most.fault))") }
        fuzzCheck(
            most.bytes.starts(with: run.stream) && run.stream.count >= most.blockStartBytes,
            "\(context()): delivered \(run.stream.count) bytes before the fault, expected a prefix of the \(most.bytes.count) decoded bytes, at least the \(most.blockStartBytes) before the faulty block")
        let matches =
            switch most.fault {
            case .truncated: error.reason.contains("truncated")
            case .corrupt(let reason):
                error.reason.contains("corrupt") || error.reason.contains("not a zstd file")
                    || (reason.contains("memory") && error.reason.contains("needs a window of"))
            case nil: false
            }
        fuzzCheck(matches, "\(context()): \(error), expected \(String(describing: most.fault))")
        fuzzCheck(error.offset <= Int64(fileSize), "\(context()): error past the end of the file: \(error)")
    }
}
