#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LedeIO
import Testing

/// Everything a reader produced, in order.
struct ChunkRun {
    var chunks: [ShardChunk] = []
    /// The error `next()` threw, if it threw.
    var error: ShardReadError?
    /// How many chunks came after the error (must be none).
    var chunksAfterError = 0
    /// Whether `next()` returned `nil` after the end or the error, twice.
    var staysFinished = true
}

/// Calls `next()` until `nil` or an error, then twice more.
func drain(_ reader: ChunkReader) -> ChunkRun {
    var run = ChunkRun()
    while true {
        do {
            guard let chunk = try reader.next() else { break }
            run.chunks.append(chunk)
            if run.chunks.count > 10_000_000 { break }
        } catch {
            run.error = error
            break
        }
    }
    for _ in 0..<2 {
        do {
            if try reader.next() != nil { run.chunksAfterError += 1 }
        } catch {
            run.staysFinished = false
        }
    }
    return run
}

/// The bytes a `.lines` or `.truncated` chunk holds, or an overlong line's spill file.
func payload(of chunk: ShardChunk) throws -> [UInt8] {
    switch chunk.content {
    case .lines(let bytes), .truncated(let bytes): bytes
    case .overlong(let line): try readFileBytes(line.spillPath)
    }
}

/// Checks every promise of `ChunkReader` on a run over `input`, and returns the
/// decoded stream the chunks add up to.
///
/// - Decoded sizes: `.lines` and `.truncated` count their bytes; `.overlong` counts
///   the line and its newline (no newline when it is the shard's unterminated last line).
@discardableResult
func checkChunks(
    _ run: ChunkRun, input: [UInt8], options: ChunkingOptions, expectFailure: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> [UInt8] {
    var stream: [UInt8] = []
    let limit = max(options.chunkSize, options.maxLineLength + 1)
    let inputIsUTF8 = isValidUTF8(input)
    #expect(run.chunksAfterError == 0, sourceLocation: sourceLocation)
    #expect(run.staysFinished, sourceLocation: sourceLocation)
    for (i, chunk) in run.chunks.enumerated() {
        let isLast = i == run.chunks.count - 1
        #expect(chunk.index == i, sourceLocation: sourceLocation)
        #expect(chunk.byteOffset == Int64(stream.count), "chunk \(i)", sourceLocation: sourceLocation)
        switch chunk.content {
        case .lines(let bytes):
            let size = bytes.count
            #expect(size > 0, "chunk \(i) is empty", sourceLocation: sourceLocation)
            #expect(size <= limit, "chunk \(i) holds \(size) bytes", sourceLocation: sourceLocation)
            if !isLast || (!expectFailure && input.last == 0x0A) {
                let endsLine = bytes.last == 0x0A
                #expect(endsLine, "chunk \(i) does not end a line", sourceLocation: sourceLocation)
            }
            let longest = longestLine(in: bytes)
            #expect(longest <= options.maxLineLength, "chunk \(i) holds an overlong line", sourceLocation: sourceLocation)
            // Chunks that end lines and add up to the input never split a scalar; the
            // last one must not start inside one either.
            let startsScalar = !inputIsUTF8 || bytes[0] & 0xC0 != 0x80
            #expect(startsScalar, "chunk \(i) starts inside a scalar", sourceLocation: sourceLocation)
            stream += bytes
        case .overlong(let line):
            let spilled = try readFileBytes(line.spillPath)
            let spilledCount = Int64(spilled.count)
            let hasNewline = spilled.withUnsafeBytes { $0.isEmpty ? false : memchr($0.baseAddress!, 0x0A, $0.count) != nil }
            #expect(spilledCount == line.length, sourceLocation: sourceLocation)
            #expect(line.length > Int64(options.maxLineLength), sourceLocation: sourceLocation)
            #expect(!hasNewline, sourceLocation: sourceLocation)
            stream += spilled
            // Only the stream's last line can lack its newline; a line cut off by a
            // failure has none either.
            if !isLast || (!expectFailure && input.count > stream.count) { stream.append(0x0A) }
        case .truncated(let bytes):
            #expect(isLast && expectFailure, "a truncated chunk must come last, before the error", sourceLocation: sourceLocation)
            let plausible = !bytes.isEmpty && !bytes.contains(0x0A)
            #expect(plausible, "a truncated chunk holds part of one line", sourceLocation: sourceLocation)
            stream += bytes
        }
    }
    if expectFailure {
        #expect(run.error != nil, "the failure was not reported", sourceLocation: sourceLocation)
        expectSameBytes(stream[...], input.prefix(stream.count), "delivered bytes are not the input's start", sourceLocation: sourceLocation)
    } else {
        #expect(run.error == nil, "\(run.error!)", sourceLocation: sourceLocation)
        #expect(stream.count == input.count, sourceLocation: sourceLocation)
        expectSameBytes(stream, input, "chunks do not add up to the input", sourceLocation: sourceLocation)
    }
    return stream
}

/// Random lines for property tests: lengths from 0 to `maxLength` (mostly short),
/// multi-byte UTF-8, some CRLF endings, and optionally no newline at the end.
func randomLines(seed: UInt64, totalBytes: Int, maxLength: Int = 20_000, finalNewline: Bool = true) -> [UInt8] {
    var random = IOTestRandom(seed: seed)
    var bytes: [UInt8] = []
    while bytes.count < totalBytes {
        let kind = random.next() % 100
        let length: Int
        switch kind {
        case 0..<8: length = 0
        case 8..<65: length = Int(random.next() % 200)
        case 65..<92: length = Int(random.next() % 3_000)
        default: length = Int(random.next() % UInt64(maxLength + 1))
        }
        bytes += lineText(length: length, using: &random)
        if random.next() % 4 == 0 { bytes.append(0x0D) }
        bytes.append(0x0A)
    }
    if !finalNewline {
        bytes += lineText(length: 1 + Int(random.next() % 500), using: &random)
    }
    return bytes
}

/// Lines of exactly the given lengths (without their newline), each with distinct content.
func linesOfLengths(_ lengths: [Int], finalNewline: Bool = true, seed: UInt64 = 1) -> (bytes: [UInt8], lines: [[UInt8]]) {
    var random = IOTestRandom(seed: seed)
    var lines: [[UInt8]] = []
    var bytes: [UInt8] = []
    for (i, length) in lengths.enumerated() {
        let line = lineText(length: length, using: &random)
        lines.append(line)
        bytes += line
        if i < lengths.count - 1 || finalNewline { bytes.append(0x0A) }
    }
    return (bytes, lines)
}

/// How a test shard is stored.
enum ShardKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case plain
    case zstd
    var testDescription: String { rawValue }
}

/// Writes `input` as a shard under `directory`: as is, or in zstd frames of 50,000
/// decoded bytes (so that frames end in the middle of lines).
func writeShard(_ input: [UInt8], kind: ShardKind, in directory: String, name: String = "shard") throws -> String {
    switch kind {
    case .plain:
        let path = Path.join(directory, name + ".jsonl")
        try writeFileBytes(input, to: path)
        return path
    case .zstd:
        let path = Path.join(directory, name + ".jsonl.zst")
        try writeFileBytes(try zstdFrames(input, frameSize: 50_000), to: path)
        return path
    }
}

/// A reader over the shard at `path`, spilling into `directory/spill`.
func makeReader(_ path: String, options: ChunkingOptions, in directory: String) throws -> ChunkReader {
    ChunkReader(source: try ShardByteSource(path: path), options: options, spillDirectory: Path.join(directory, "spill"))
}

/// The length of the longest line in `bytes`, without its newline.
func longestLine(in bytes: [UInt8]) -> Int {
    bytes.withUnsafeBytes { raw in
        guard let base = raw.baseAddress else { return 0 }
        var longest = 0
        var start = 0
        while start < raw.count, let hit = memchr(base + start, 0x0A, raw.count - start) {
            let newline = base.distance(to: UnsafeRawPointer(hit))
            longest = max(longest, newline - start)
            start = newline + 1
        }
        return max(longest, raw.count - start)
    }
}
