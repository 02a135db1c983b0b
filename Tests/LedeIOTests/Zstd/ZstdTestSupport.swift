#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LedeIO
import Testing

/// One zstd frame holding `bytes`, made by the library's own compressor.
func zstdFrame(_ bytes: [UInt8], level: Int32 = 3) throws -> [UInt8] {
    var frame: [UInt8] = []
    try ZstdCompressor(level: level).compress(bytes, appendingTo: &frame)
    return frame
}

/// `bytes` cut into frames of `frameSize` decoded bytes each, concatenated.
func zstdFrames(_ bytes: [UInt8], frameSize: Int, level: Int32 = 3) throws -> [UInt8] {
    let compressor = try ZstdCompressor(level: level)
    var file: [UInt8] = []
    var start = 0
    repeat {
        let end = min(start + frameSize, bytes.count)
        try compressor.compress(Array(bytes[start..<end]), appendingTo: &file)
        start = end
    } while start < bytes.count
    return file
}

/// A skippable frame: magic `0x184D2A50 | nibble` and a 4-byte size, both little-endian, then the payload.
func skippableFrame(nibble: UInt8 = 0, payload: [UInt8]) -> [UInt8] {
    littleEndian(0x184D_2A50 | UInt32(nibble & 0xF)) + littleEndian(UInt32(payload.count)) + payload
}

/// A hand-made frame whose header declares a `2^windowLog + mantissa * 2^windowLog / 8`
/// window (no single-segment flag) and the content size, with `payload` in raw blocks and
/// no checksum.
///
/// Declaring the content size keeps the decoder's buffers small whatever the window,
/// while the window still has to pass the decoder's `windowLogMax`.
func rawFrame(_ payload: [UInt8], windowLog: Int, mantissa: UInt8 = 0) -> [UInt8] {
    precondition((10...31).contains(windowLog) && mantissa < 8)
    var frame = littleEndian(UInt32(0xFD2F_B528))
    frame.append(0b11 << 6)  // 8-byte content size, no single segment, no checksum, no dictionary
    frame.append(UInt8(windowLog - 10) << 3 | mantissa)
    frame += littleEndian(UInt64(payload.count))
    // A block is at most 128 KiB, and never larger than the window.
    let blockSize = min(1 << 17, 1 << windowLog)
    var start = 0
    repeat {
        let end = min(start + blockSize, payload.count)
        let last: UInt32 = end == payload.count ? 1 : 0
        let header = last | (0 << 1) | (UInt32(end - start) << 3)  // raw block
        frame += littleEndian(header).prefix(3)
        frame += payload[start..<end]
        start = end
    } while start < payload.count
    return frame
}

/// The blocks of one zstd frame: where each block header starts in the frame, its type
/// (0 raw, 1 RLE, 2 compressed) and its size field.
func zstdBlocks(ofFrame frame: [UInt8]) -> [(offset: Int, type: Int, size: Int)] {
    let descriptor = frame[4]
    let singleSegment = descriptor & 0x20 != 0
    var offset = 5 + (singleSegment ? 0 : 1) + [0, 1, 2, 4][Int(descriptor & 3)]
    offset += [singleSegment ? 1 : 0, 2, 4, 8][Int(descriptor >> 6)]
    var blocks: [(offset: Int, type: Int, size: Int)] = []
    while true {
        let header = Int(frame[offset]) | Int(frame[offset + 1]) << 8 | Int(frame[offset + 2]) << 16
        let type = header >> 1 & 3
        blocks.append((offset, type, header >> 3))
        offset += 3 + (type == 1 ? 1 : header >> 3)
        if header & 1 != 0 { return blocks }
    }
}

func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian) { Array($0) }
}

/// What reading a shard to its end gave: the bytes before any failure, and the failure.
struct ShardReadOutcome: CustomStringConvertible {
    var bytes: [UInt8]
    var error: ShardReadError?
    /// The size of every `read` call's result, in order.
    var reads: [Int]

    var description: String {
        "\(bytes.count) bytes in \(reads.count) reads, error: \(error.map { "\($0)" } ?? "none")"
    }
}

/// Reads `path` to its end through a `ShardByteSource`, `readSize` bytes per call.
func readShard(
    _ path: String, readSize: Int, inputBufferSize: Int = 1 << 17, maxWindowSize: Int = ShardByteSource.defaultMaxWindowSize
) -> ShardReadOutcome {
    var outcome = ShardReadOutcome(bytes: [], error: nil, reads: [])
    let source: ShardByteSource
    do {
        source = try ShardByteSource(path: path, inputBufferSize: inputBufferSize, maxWindowSize: maxWindowSize)
    } catch {
        outcome.error = error
        return outcome
    }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: readSize, alignment: 1)
    defer { buffer.deallocate() }
    while true {
        do throws(ShardReadError) {
            let n = try source.read(into: buffer)
            outcome.reads.append(n)
            outcome.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<n]))
            // A short read comes at the end, or right before a fault that the next
            // call throws: read on until 0.
            if n == 0 { break }
        } catch {
            outcome.error = error
            break
        }
    }
    return outcome
}

/// Lines of JSON-looking text of the given lengths (without their newline), joined by `\n`.
func jsonLikeLines(count: Int, seed: UInt64, maxLength: Int = 300) -> [UInt8] {
    var random = IOTestRandom(seed: seed)
    var bytes: [UInt8] = []
    for i in 0..<count {
        let length = Int(random.next() % UInt64(maxLength + 1))
        bytes += Array("{\"id\": \"\(i)\", \"text\": \"".utf8)
        bytes += lineText(length: length, using: &random)
        bytes += Array("\"}\n".utf8)
    }
    return bytes
}

/// The `zstd` command-line tool, when installed.
let zstdCommandPath: String? = {
    let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
        let candidate = Path.join(String(directory), "zstd")
        if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
}()

/// Runs a shell command line; returns its exit status.
func runShell(_ command: String) -> Int32 {
    var pid = pid_t()
    let arguments = ["/bin/sh", "-c", command]
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    guard posix_spawn(&pid, "/bin/sh", nil, nil, &argv, environ) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
        if errno != EINTR { return -1 }
    }
    return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : -1
}
