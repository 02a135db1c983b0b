import FuzzSupport
import LedeIO
import LedeSample

/// libFuzzer target: the fuzzer's bytes as a shard file, read through `ChunkReader`.
///
/// The bytes are written twice: as `shard.jsonl`, where the chunks must add up to them exactly,
/// and as `shard.jsonl.zst`, where the chunks must add up to what a reference decoding of the
/// whole file in memory gives, with the same fault at the end. Each is read with several chunk
/// sizes, line limits and input buffer sizes, the smallest ones cutting lines, multi-byte
/// characters and zstd blocks at every position. Any crash, or any broken promise of
/// `ChunkReader`, aborts.
enum FuzzChunkReader {
    /// Chunk size, line limit and compressed bytes per read for each reading of a shard, and the
    /// longest decoded stream each is used for: the smallest limits make a chunk or a spill file
    /// of nearly every line, which is slow on long streams.
    static let configurations: [(chunkSize: Int, maxLineLength: Int, inputBufferSize: Int, upTo: Int)] = [
        (1, 1, 18, 1 << 10), (3, 8, 19, 4 << 10), (64, 256, 31, 64 << 10), (4096, 1 << 20, 1 << 17, .max),
    ]

    /// Decoded streams longer than this are not checked (a few bytes of zstd can decode to gigabytes).
    static let largestStream = 1 << 20

    static func run(_ input: [UInt8]) -> Int32 {
        let plain = ScratchDirectory.write(input, named: "shard.jsonl")
        for configuration in configurations where input.count <= configuration.upTo {
            let options = ChunkingOptions(chunkSize: configuration.chunkSize, maxLineLength: configuration.maxLineLength)
            let run = ChunkReaderCheck.read(plain, options: options, inputBufferSize: configuration.inputBufferSize)
            ChunkReaderCheck.expect(run, delivers: input, faulted: false, context: "plain, \(configuration)")
        }
        guard let (most, fewest) = ReferenceZstd.bounds(of: input, limit: largestStream) else { return -1 }
        let compressed = ScratchDirectory.write(input, named: "shard.jsonl.zst")
        for configuration in configurations where most.bytes.count <= configuration.upTo {
            let options = ChunkingOptions(chunkSize: configuration.chunkSize, maxLineLength: configuration.maxLineLength)
            let run = ChunkReaderCheck.read(compressed, options: options, inputBufferSize: configuration.inputBufferSize)
            ReferenceZstd.check(run, most: most, fewest: fewest, fileSize: input.count, context: "zstd, \(configuration)")
        }
        return 0
    }

    /// Seeds: JSON Lines from the sample corpus with CRLF ends, blank and unterminated lines,
    /// multi-byte text, and the same as zstd files of one or more frames with skippable frames.
    static func seeds() -> [[UInt8]] {
        let corpus = SampleCorpus(seed: 7)
        var lines: [UInt8] = []
        for number in 0..<3 {
            var line = corpus.document(number: number)
            line = Array(line.prefix(600))
            lines += line + (number == 1 ? [0x0D, 0x0A] : [0x0A])
        }
        let text: [[UInt8]] = [
            lines,
            Array("{\"text\":\"é中🙂\"}\n\n\r\n{\"text\":\"no newline\"}".utf8),
            Array("\n\n\n".utf8),
            [0xEF, 0xBB, 0xBF] + Array("{\"text\":\"bom\"}\n".utf8),
            Array(repeating: UInt8(ascii: "x"), count: 300) + [0x0A, 0x41],
        ]
        var seeds = text
        do {
            let compressor = try ZstdCompressor(level: 3)
            for bytes in text {
                var one: [UInt8] = []
                try compressor.compress(bytes, appendingTo: &one)
                seeds.append(one)
                var several: [UInt8] = [0x50, 0x2A, 0x4D, 0x18, 0x03, 0x00, 0x00, 0x00, 0x61, 0x62, 0x63]
                let middle = bytes.count / 2
                try compressor.compress(Array(bytes[..<middle]), appendingTo: &several)
                try compressor.compress([], appendingTo: &several)
                try compressor.compress(Array(bytes[middle...]), appendingTo: &several)
                seeds.append(several)
            }
        } catch {
            fuzzFail("cannot compress the seeds: \(error)")
        }
        return seeds
    }
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzChunkReaderInitialize(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> Int32 {
    SeedCorpus.writeIfRequested(FuzzChunkReader.seeds())
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChunkReaderTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzChunkReader.run(Array(UnsafeBufferPointer(start: data, count: size)))
}
