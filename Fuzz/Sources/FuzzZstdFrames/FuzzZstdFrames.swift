import FuzzSupport
import LedeIO
import LedeSample

/// libFuzzer target: the fuzzer's bytes compressed into a valid multi-frame `.zst` shard, read
/// back through `ChunkReader`.
///
/// The first 8 bytes seed the choices (little-endian), the rest is the shard's content. The
/// content is cut into frames at random points, with empty frames, skippable frames and random
/// compression levels between, and read back with a random chunk size, line limit and input
/// buffer size: the chunks must add up to the content byte for byte. Then the file is cut at a
/// random offset: at a frame boundary the chunks must add up to the frames before it; anywhere
/// else to every block the cut leaves whole (a block-by-block reference decoding), followed by a
/// `truncated` error at the cut. Last, one bit is flipped: the chunks must agree byte for byte
/// with the block-by-block reference decoding of the damaged file.
enum FuzzZstdFrames {
    static let levels: [Int32] = [-5, 1, 3, 9]
    nonisolated(unsafe) static let compressors: [ZstdCompressor] = levels.map { level in
        do {
            return try ZstdCompressor(level: level)
        } catch {
            fuzzFail("cannot create a compressor: \(error)")
        }
    }
    static let chunkSizes = [1, 2, 5, 64, 4096]
    static let lineLimits = [1, 3, 16, 100, 1 << 20]
    static let inputBufferSizes = [18, 19, 23, 1 << 17]

    /// A `.zst` file and where its frames end.
    struct Frames {
        var file: [UInt8] = []
        /// Pairs of (file offset, decoded bytes) at the start and after every frame.
        var boundaries: [(file: Int, decoded: Int)] = [(0, 0)]
    }

    static func compress(_ content: [UInt8], using rng: inout SplitMix64) -> Frames {
        var frames = Frames()
        var start = 0
        var emptyFrames = 0
        func skippable(_ rng: inout SplitMix64) {
            let length = Int(rng.next() % 12)
            frames.file += [0x50 | UInt8(rng.next() % 16), 0x2A, 0x4D, 0x18]
            frames.file += [UInt8(length), 0, 0, 0]
            frames.file += (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            frames.boundaries.append((frames.file.count, start))
        }
        if rng.next() % 4 == 0 { skippable(&rng) }
        while start < content.count || (content.isEmpty && frames.boundaries.count == 1) {
            let remaining = content.count - start
            var length: Int
            switch rng.next() % 8 {
            case 0: length = 0
            case 1, 2: length = 1 + Int(rng.next() % UInt64(min(max(remaining, 1), 8)))
            case 3: length = remaining
            default: length = 1 + Int(rng.next() % UInt64(max(remaining, 1)))
            }
            if length == 0 {
                emptyFrames += 1
                if emptyFrames > 4 { length = max(remaining, 0) }
            }
            length = min(length, remaining)
            let compressor = compressors[Int(rng.next() % UInt64(compressors.count))]
            do {
                try content[start..<start + length].withUnsafeBytes {
                    try compressor.compress($0, appendingTo: &frames.file)
                }
            } catch {
                fuzzFail("cannot compress: \(error)")
            }
            start += length
            frames.boundaries.append((frames.file.count, start))
            if rng.next() % 4 == 0 { skippable(&rng) }
        }
        return frames
    }

    static func run(_ data: UnsafeRawBufferPointer) {
        var seed: UInt64 = 0
        for (k, byte) in data.prefix(8).enumerated() { seed |= UInt64(byte) << (8 * UInt64(k)) }
        let content = Array(data.dropFirst(8))
        var rng = SplitMix64(seed: seed)
        let frames = compress(content, using: &rng)
        // The smallest limits make a chunk or a spill file of nearly every line: slow on long content.
        let long = content.count > 2_048
        let options = ChunkingOptions(
            chunkSize: max(chunkSizes[Int(rng.next() % UInt64(chunkSizes.count))], long ? 64 : 1),
            maxLineLength: max(lineLimits[Int(rng.next() % UInt64(lineLimits.count))], long ? 100 : 1))
        let inputBufferSize = inputBufferSizes[Int(rng.next() % UInt64(inputBufferSizes.count))]
        let context = "\(frames.boundaries.count - 1) frames, \(options), input buffer \(inputBufferSize), seed \(seed)"

        let whole = ScratchDirectory.write(frames.file, named: "frames.jsonl.zst")
        let run = ChunkReaderCheck.read(whole, options: options, inputBufferSize: inputBufferSize)
        ChunkReaderCheck.expect(run, delivers: content, faulted: false, context: "whole file, \(context)")

        guard !frames.file.isEmpty else { return }
        let cut = Int(rng.next() % UInt64(frames.file.count))
        let cutPath = ScratchDirectory.write(Array(frames.file[..<cut]), named: "frames.jsonl.zst")
        let cutRun = ChunkReaderCheck.read(cutPath, options: options, inputBufferSize: inputBufferSize)
        if let boundary = frames.boundaries.last(where: { $0.file == cut }) {
            ChunkReaderCheck.expect(
                cutRun, delivers: Array(content[..<boundary.decoded]), faulted: false,
                context: "cut at the frame boundary \(cut), \(context)")
        } else {
            let error = cutRun.error
            fuzzCheck(
                error?.reason.contains("truncated") == true && error?.offset == Int64(cut),
                "cut at \(cut): \(error.map { "\($0)" } ?? "no error"), \(context)")
            // Every block that the cut leaves whole comes out.
            if let reference = ReferenceZstd.decode(Array(frames.file[..<cut]), limit: 1 << 20, oneByteAtATime: true) {
                ChunkReaderCheck.expect(cutRun, delivers: reference.bytes, faulted: true, context: "cut at \(cut), \(context)")
            }
        }

        var damaged = frames.file
        damaged[Int(rng.next() % UInt64(damaged.count))] ^= 1 << UInt8(rng.next() % 8)
        guard let (most, fewest) = ReferenceZstd.bounds(of: damaged, limit: 1 << 20) else { return }
        let damagedPath = ScratchDirectory.write(damaged, named: "frames.jsonl.zst")
        let damagedRun = ChunkReaderCheck.read(damagedPath, options: options, inputBufferSize: inputBufferSize)
        ReferenceZstd.check(
            damagedRun, most: most, fewest: fewest, fileSize: damaged.count, context: "one bit flipped, \(context)")
    }

    /// Seeds: sample JSON Lines behind a few different choice seeds.
    static func seeds() -> [[UInt8]] {
        let corpus = SampleCorpus(seed: 5)
        var content: [UInt8] = []
        corpus.appendDocuments(0..<2, to: &content)
        let texts: [[UInt8]] = [
            Array(content.prefix(3_000)),
            Array("{\"text\":\"é中🙂\"}\r\n\n{\"text\":\"last\"}".utf8),
            Array(repeating: UInt8(ascii: "a"), count: 200) + [0x0A],
            [],
        ]
        return texts.enumerated().map { k, text in
            withUnsafeBytes(of: UInt64(0x1ede_0000 + k).littleEndian) { Array($0) } + text
        }
    }
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzZstdFramesInitialize(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> Int32 {
    SeedCorpus.writeIfRequested(FuzzZstdFrames.seeds())
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZstdFramesTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzZstdFrames.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
