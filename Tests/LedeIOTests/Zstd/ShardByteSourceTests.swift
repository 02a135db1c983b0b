import CZstd
import LedeIO
import Testing

@Suite struct ZstdRoundTripTests {
    /// About 9 MiB: text that compresses well, with stretches of noise that do not.
    static let largeInput: [UInt8] = {
        var random = IOTestRandom(seed: 42)
        var bytes = jsonLikeLines(count: 16_000, seed: 1, maxLength: 600)
        bytes += random.noise(600_000)
        bytes += jsonLikeLines(count: 1_500, seed: 2, maxLength: 4_000)
        return bytes
    }()

    static let smallInput: [UInt8] = {
        var random = IOTestRandom(seed: 7)
        return jsonLikeLines(count: 600, seed: 3, maxLength: 400) + random.noise(5_000)
    }()

    @Test(arguments: [1, 7, 4096])
    func smallReads(readSize: Int) throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "small.jsonl.zst")
            try writeFileBytes(try zstdFrame(Self.smallInput), to: path)
            let outcome = readShard(path, readSize: readSize)
            #expect(outcome.error == nil)
            expectSameBytes(outcome.bytes, Self.smallInput)
            // Every read fills the buffer but the last two: the rest, then 0.
            #expect(outcome.reads.dropLast(2).allSatisfy { $0 == readSize })
            #expect(outcome.reads.last == 0)
        }
    }

    @Test(arguments: [65_536, 4 << 20, 1_000_003])
    func largeReads(readSize: Int) throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "large.jsonl.zst")
            try writeFileBytes(try zstdFrame(Self.largeInput), to: path)
            let outcome = readShard(path, readSize: readSize)
            #expect(outcome.error == nil)
            #expect(outcome.bytes.count == Self.largeInput.count)
            expectSameBytes(outcome.bytes, Self.largeInput)
            #expect(outcome.reads.dropLast(2).allSatisfy { $0 == readSize })
            #expect(outcome.reads.last == 0)
        }
    }

    @Test(arguments: [1, 3, 4, 13, 4096])
    func tinyInputBuffers(inputBufferSize: Int) throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "tiny-input.jsonl.zst")
            let input = Array(Self.smallInput.prefix(50_000))
            try writeFileBytes(try zstdFrames(input, frameSize: 9_000) + skippableFrame(payload: [1, 2, 3]), to: path)
            let outcome = readShard(path, readSize: 10_000, inputBufferSize: inputBufferSize)
            #expect(outcome.error == nil)
            expectSameBytes(outcome.bytes, input)
        }
    }

    @Test(arguments: [Int32(-5), 1, 3, 19])
    func compressionLevels(level: Int32) throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "level.jsonl.zst")
            try writeFileBytes(try zstdFrame(Self.smallInput, level: level), to: path)
            expectSameBytes(readShard(path, readSize: 65_536).bytes, Self.smallInput)
        }
    }

    @Test func compressorIsReusableAndAppends() throws {
        let compressor = try ZstdCompressor()
        var output: [UInt8] = [0xAA]
        try compressor.compress(Array("one\n".utf8), appendingTo: &output)
        let first = output.count
        try compressor.compress(Array("two\n".utf8), appendingTo: &output)
        #expect(output[0] == 0xAA)
        #expect(output.count > first)
        try withScratchDirectory { root in
            let path = Path.join(root, "two.zst")
            try writeFileBytes(Array(output.dropFirst()), to: path)
            #expect(readShard(path, readSize: 100).bytes == Array("one\ntwo\n".utf8))
        }
    }

    @Test func multiFrameFile() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "frames.jsonl.zst")
            for frameSize in [1, 100, 4096, 131_072, 1_000_000] {
                let input = Array(Self.largeInput.prefix(frameSize == 1 ? 3_000 : 2_500_000))
                try writeFileBytes(try zstdFrames(input, frameSize: frameSize), to: path)
                let outcome = readShard(path, readSize: 65_536)
                #expect(outcome.error == nil, "frame size \(frameSize)")
                expectSameBytes(outcome.bytes, input, "frame size \(frameSize)")
            }
        }
    }

    @Test func skippableFramesAnywhere() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "skippable.jsonl.zst")
            let a = Array("{\"id\": 1}\n".utf8)
            let b = Array(Self.smallInput.prefix(30_000))
            var file = skippableFrame(nibble: 0, payload: Array("metadata".utf8))
            file += skippableFrame(nibble: 0xF, payload: [])
            file += try zstdFrame(a)
            file += skippableFrame(nibble: 7, payload: [UInt8](repeating: 0x0A, count: 200_000))
            file += try zstdFrame(b)
            file += skippableFrame(nibble: 0xA, payload: Array("trailer".utf8))
            try writeFileBytes(file, to: path)
            for readSize in [1, 7, 65_536] {
                let outcome = readShard(path, readSize: readSize)
                #expect(outcome.error == nil)
                expectSameBytes(outcome.bytes, a + b)
            }
        }
    }

    @Test func onlySkippableFrames() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "meta.jsonl.zst")
            try writeFileBytes(skippableFrame(payload: [1, 2, 3]) + skippableFrame(nibble: 3, payload: []), to: path)
            let outcome = readShard(path, readSize: 100)
            #expect(outcome.error == nil)
            #expect(outcome.bytes.isEmpty)
        }
    }

    @Test func emptyFileHasNoBytesAndNoError() throws {
        try withScratchDirectory { root in
            for name in ["empty.jsonl.zst", "empty.jsonl"] {
                let path = Path.join(root, name)
                try writeFileBytes([], to: path)
                let outcome = readShard(path, readSize: 4096)
                #expect(outcome.error == nil, "\(name)")
                #expect(outcome.bytes.isEmpty)
            }
        }
    }

    @Test func zeroLengthFrames() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "zero.jsonl.zst")
            let empty = try zstdFrame([])
            try writeFileBytes(empty, to: path)
            var outcome = readShard(path, readSize: 4096)
            #expect(outcome.error == nil)
            #expect(outcome.bytes.isEmpty)
            let line = Array("{}\n".utf8)
            try writeFileBytes(empty + (try zstdFrame(line)) + empty + empty, to: path)
            outcome = readShard(path, readSize: 1)
            #expect(outcome.error == nil)
            #expect(outcome.bytes == line)
        }
    }

    @Test func readsAfterTheEndKeepReturningZero() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "end.jsonl.zst")
            let input = Array("exactly sixteen\n".utf8)
            try writeFileBytes(try zstdFrame(input), to: path)
            let source = try ShardByteSource(path: path)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 16, alignment: 1)
            defer { buffer.deallocate() }
            // The first read fills the buffer exactly; the frame ends with it.
            #expect(try source.read(into: buffer) == 16)
            #expect(Array(buffer) == input)
            for _ in 0..<40 {
                #expect(try source.read(into: buffer) == 0)
            }
            #expect(source.consumedFileBytes == Int64(try zstdFrame(input).count))
        }
    }

    @Test(arguments: ["plain.jsonl", "plain.ndjson", "plain.txt"])
    func plainFilesAreReadAsTheyAre(name: String) throws {
        try withScratchDirectory { root in
            let path = Path.join(root, name)
            try writeFileBytes(Self.smallInput, to: path)
            #expect(ShardByteSource.format(ofPath: path) == .plain)
            for readSize in [1, 7, 65_536] {
                let outcome = readShard(path, readSize: readSize)
                #expect(outcome.error == nil)
                expectSameBytes(outcome.bytes, Self.smallInput)
            }
            // Plain files are never checked for a magic number, whatever they hold.
            try writeFileBytes(try zstdFrame([1, 2, 3]), to: path)
            expectSameBytes(readShard(path, readSize: 100).bytes, (try zstdFrame([1, 2, 3])))
        }
    }

    @Test func formatFollowsTheName() {
        #expect(ShardByteSource.format(ofPath: "a/b.jsonl.zst") == .zstd)
        #expect(ShardByteSource.format(ofPath: "b.zstd") == .zstd)
        #expect(ShardByteSource.format(ofPath: "b.jsonl") == .plain)
        #expect(ShardByteSource.format(ofPath: "zst") == .plain)
    }

    @Test func missingFileIsReportedByName() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "missing.jsonl.zst")
            let error = #expect(throws: ShardReadError.self) { try ShardByteSource(path: path) }
            #expect(error?.path == path)
            #expect(error?.offset == 0)
            #expect(error?.reason.contains("No such file") == true)
        }
    }

    @Test func readAfterCloseFails() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "closed.jsonl")
            try writeFileBytes(Array("x\n".utf8), to: path)
            let source = try ShardByteSource(path: path)
            source.close()
            source.close()
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 8, alignment: 1)
            defer { buffer.deallocate() }
            #expect(throws: ShardReadError.self) { try source.read(into: buffer) }
        }
    }
}

@Suite struct ZstdFaultTests {
    /// Four frames of 200,000 decoded bytes each, and the file they make.
    static let frameSize = 200_000
    static let input: [UInt8] = {
        var random = IOTestRandom(seed: 99)
        return Array((jsonLikeLines(count: 3_000, seed: 9, maxLength: 500) + random.noise(300_000)).prefix(4 * frameSize))
    }()
    static let frames: [[UInt8]] = (0..<4).map { i in
        try! zstdFrame(Array(input[(i * frameSize)..<((i + 1) * frameSize)]))
    }
    static let file: [UInt8] = frames.flatMap { $0 }

    /// Decoded bytes of the first `count` frames.
    static func decoded(frames count: Int) -> Int { count * frameSize }
    /// File offset where frame `index` starts.
    static func start(ofFrame index: Int) -> Int { frames.prefix(index).reduce(0) { $0 + $1.count } }

    /// Cut points: inside the magic number, inside the header, in the middle of a
    /// block, inside the next frame's header, just before and inside the checksum.
    static let cuts: [Int] = [
        1, 2, 3, 4, 5, 6, 9, frames[0].count / 2,
        start(ofFrame: 1) + 3, start(ofFrame: 2) + 17, start(ofFrame: 2) + frames[2].count / 2,
        file.count - 4, file.count - 3, file.count - 1,
    ]

    @Test(arguments: cuts)
    func truncatedFileFailsAfterDeliveringWhatCameBefore(cut: Int) throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "cut.jsonl.zst")
            try writeFileBytes(Array(Self.file.prefix(cut)), to: path)
            let completeFrames = (0...4).last { Self.start(ofFrame: $0) <= cut }!
            for readSize in [7, 65_536, 4 << 20] {
                let outcome = readShard(path, readSize: readSize)
                let error = try #require(outcome.error, "cut at \(cut), reads of \(readSize)")
                #expect(error.reason.contains("truncated"), "\(error)")
                #expect(error.path == path)
                #expect(error.offset == Int64(cut), "\(error)")
                #expect(outcome.bytes.count >= Self.decoded(frames: completeFrames))
                // Cut inside the last checksum, every byte decodes: the frame's end is
                // still missing, and that is reported.
                #expect(outcome.bytes.count <= Self.input.count)
                expectSameBytes(outcome.bytes[...], Self.input.prefix(outcome.bytes.count))
            }
        }
    }

    @Test(arguments: 1...4)
    func cutAtAFrameBoundaryIsAShorterValidFile(frames: Int) throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "short.jsonl.zst")
            try writeFileBytes(Array(Self.file.prefix(Self.start(ofFrame: frames))), to: path)
            let outcome = readShard(path, readSize: 65_536)
            #expect(outcome.error == nil)
            expectSameBytes(outcome.bytes[...], Self.input.prefix(Self.decoded(frames: frames)))
        }
    }

    /// Read sizes and input buffers that make libzstd decode the frames in one pass (the whole
    /// frame in the buffer, room for all of it) and piece by piece.
    static let feeds: [(readSize: Int, inputBufferSize: Int)] = [
        (7, 1 << 17), (65_536, 18), (65_536, 1 << 17), (4 << 20, 4_096), (4 << 20, 1 << 20),
    ]

    /// A wrong checksum is found after the whole frame is decoded: all of it comes out, then
    /// the fault, at the checksum.
    @Test(arguments: [0, 3, 7])
    func flippedChecksumBitFailsAfterTheWholeFrame(bit: Int) throws {
        try withScratchDirectory { root in
            for frame in [1, 3] {
                let path = Path.join(root, "flipped.jsonl.zst")
                var bytes = Self.file
                let checksum = Self.start(ofFrame: frame + 1) - 4
                bytes[checksum + 2] ^= UInt8(1 << bit)
                try writeFileBytes(bytes, to: path)
                for feed in Self.feeds {
                    let outcome = readShard(path, readSize: feed.readSize, inputBufferSize: feed.inputBufferSize)
                    let error = try #require(outcome.error)
                    #expect(error.reason.contains("corrupt"), "\(error)")
                    #expect(error.reason.lowercased().contains("checksum"), "\(error)")
                    #expect(error.offset == Int64(checksum), "frame \(frame), \(feed): \(error)")
                    expectSameBytes(outcome.bytes, Array(Self.input.prefix(Self.decoded(frames: frame + 1))), "frame \(frame), \(feed)")
                }
            }
        }
    }

    /// A corrupt block fails where it starts, after every block before it.
    @Test(arguments: [0, 1])
    func corruptBlockFailsAfterTheBlocksBeforeIt(block: Int) throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "corrupt.jsonl.zst")
            let blocks = zstdBlocks(ofFrame: Self.frames[1])
            try #require(blocks.count == 2 && blocks[block].type == 2, "\(blocks)")
            var bytes = Self.file
            let blockStart = Self.start(ofFrame: 1) + blocks[block].offset
            let middle = blockStart + 3 + blocks[block].size / 2
            for i in middle..<(middle + 16) { bytes[i] ^= 0x5A }
            try writeFileBytes(bytes, to: path)
            // Blocks hold 128 KiB of content, the last one the rest.
            let before = Self.decoded(frames: 1) + block * (128 << 10)
            for feed in Self.feeds {
                let outcome = readShard(path, readSize: feed.readSize, inputBufferSize: feed.inputBufferSize)
                let error = try #require(outcome.error)
                #expect(error.reason.contains("corrupt"), "\(error)")
                #expect(error.offset == Int64(blockStart), "block \(block), \(feed): \(error)")
                expectSameBytes(outcome.bytes, Array(Self.input.prefix(before)), "block \(block), \(feed)")
            }
        }
    }

    /// Found by `FuzzChunkReader`: a frame cut inside a raw block, read a byte at a time. libzstd
    /// streams a raw block out as its bytes come in; when the file ended with some of them still
    /// in libzstd, they were lost (10 of 24 bytes came out before the fault).
    static let cutRawBlock: [UInt8] = [
        0x28, 0xB5, 0x2F, 0xFD, 0x24, 0x2D, 0x69, 0x01, 0x00, 0x7B, 0x3B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22,
        0xC3, 0xA9, 0xE4, 0xB8, 0xAD, 0xF0, 0x9F, 0x99, 0x82, 0x22, 0x7D, 0x96, 0x5E, 0x86,
    ]

    @Test func rawBlockCutByTheEndOfTheFileDeliversEveryByteBeforeTheCut() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "raw.jsonl.zst")
            try writeFileBytes(Self.cutRawBlock, to: path)
            for readSize in [1, 2, 7, 4096] {
                for inputBufferSize in [18, 1 << 17] {
                    let outcome = readShard(path, readSize: readSize, inputBufferSize: inputBufferSize)
                    let error = try #require(outcome.error)
                    #expect(error.reason.contains("truncated") && error.offset == Int64(Self.cutRawBlock.count), "\(error)")
                    expectSameBytes(outcome.bytes, Self.cutRawBlock[9...], "reads of \(readSize), input buffer \(inputBufferSize)")
                }
            }
        }
    }

    @Test func garbageAfterTheLastFrameFails() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "trailing.jsonl.zst")
            try writeFileBytes(Self.frames[0] + Array("{\"id\": 1}\n".utf8), to: path)
            let outcome = readShard(path, readSize: 65_536)
            let error = try #require(outcome.error)
            #expect(error.reason.contains("corrupt"), "\(error)")
            #expect(error.offset == Int64(Self.frames[0].count), "\(error)")
            expectSameBytes(outcome.bytes[...], Self.input.prefix(Self.frameSize))
        }
    }

    @Test(arguments: [
        "{\"id\": 1, \"text\": \"not compressed\"}\n",
        "{}\n",
        "x",
        "\u{28}\u{B5}",  // looks like the magic number's start, in UTF-8 it is not
    ])
    func plainTextNamedZstIsNotAZstdFile(text: String) throws {
        try withScratchDirectory { root in
            for name in ["plain.jsonl.zst", "plain.zstd"] {
                let path = Path.join(root, name)
                try writeFileBytes(Array(text.utf8), to: path)
                let outcome = readShard(path, readSize: 4096)
                let error = try #require(outcome.error)
                #expect(error.reason.contains("not a zstd file"), "\(error)")
                #expect(error.offset == 0)
                #expect(outcome.bytes.isEmpty)
            }
        }
    }

    @Test func failureRepeatsOnLaterReads() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "cut.jsonl.zst")
            try writeFileBytes(Array(Self.file.prefix(Self.start(ofFrame: 1) + 100)), to: path)
            let source = try ShardByteSource(path: path)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
            defer { buffer.deallocate() }
            let read = { () throws(ShardReadError) -> Int in try source.read(into: buffer) }
            var first: ShardReadError?
            do throws(ShardReadError) {
                while try read() > 0 {}
            } catch {
                first = error
            }
            let error = try #require(first)
            for _ in 0..<3 {
                #expect(throws: error) { try read() }
            }
        }
    }
}

@Suite struct ZstdLongWindowTests {
    static let payload: [UInt8] = {
        var random = IOTestRandom(seed: 5)
        return jsonLikeLines(count: 500, seed: 5) + random.noise(200_000)
    }()

    @Test(arguments: [10, 27, 28, 30, 31])
    func declaredWindowUpToTheRaisedLimitDecodes(windowLog: Int) throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "window\(windowLog).jsonl.zst")
            try writeFileBytes(rawFrame(Self.payload, windowLog: windowLog) + (try zstdFrame([10])), to: path)
            let outcome = readShard(path, readSize: 65_536, maxWindowSize: ShardByteSource.maxWindowSizes.upperBound)
            #expect(outcome.error == nil)
            expectSameBytes(outcome.bytes, Self.payload + [10])
        }
    }

    /// A header of a few bytes must not make libzstd allocate its window: past the limit, the
    /// frame fails at its start, with what it needs, the limit and how to raise it.
    @Test func windowOverTheLimitFailsAtItsFrame() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "window.jsonl.zst")
            let first = try zstdFrame(Array("{\"id\":1}\n".utf8))
            try writeFileBytes(first + rawFrame(Self.payload, windowLog: 28, mantissa: 1) + (try zstdFrame([10])), to: path)
            let outcome = readShard(path, readSize: 65_536)
            let error = try #require(outcome.error)
            #expect(error.offset == Int64(first.count))
            #expect(error.reason.contains("window of 288MiB"), "\(error)")
            #expect(error.reason.contains("limit of 128MiB"), "\(error)")
            #expect(error.reason.contains("--max-zstd-window"), "\(error)")
            expectSameBytes(outcome.bytes, Array("{\"id\":1}\n".utf8))
            // The limit is exact, not a power of two.
            for (limit, fits) in [(288 << 20, true), ((288 << 20) - 1, false), (256 << 20, false)] {
                let outcome = readShard(path, readSize: 65_536, maxWindowSize: limit)
                #expect((outcome.error == nil) == fits, "limit \(limit): \(outcome)")
            }
        }
    }

    @Test func defaultLimitIsTheZstdCommandsDefault() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "window27.jsonl.zst")
            try writeFileBytes(rawFrame(Self.payload, windowLog: 27), to: path)
            #expect(readShard(path, readSize: 65_536).error == nil)
            try writeFileBytes(rawFrame(Self.payload, windowLog: 27, mantissa: 1), to: path)
            #expect(readShard(path, readSize: 65_536).error?.reason.contains("window of 144MiB") == true)
        }
    }

    /// A single-segment frame's window is its content size.
    @Test func singleSegmentFrameNeedsItsContentSizeAsWindow() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "single.jsonl.zst")
            let content = jsonLikeLines(count: 40, seed: 3)
            let frame = try zstdFrame(content)
            try #require(frame[4] & 0x20 != 0, "the compressor wrote a single-segment frame")
            try writeFileBytes(frame, to: path)
            let error = readShard(path, readSize: 4096, maxWindowSize: 1 << 10).error
            #expect(error?.reason.contains("window of \(content.count) bytes, more than the limit of 1KiB") == true, "\(String(describing: error))")
            #expect(readShard(path, readSize: 4096, maxWindowSize: content.count).error == nil)
        }
    }

    /// Found by `FuzzChunkReader`: a frame that names a dictionary and claims a 400 MB window.
    /// Raising the limit would not help, so the fault is libzstd's: no dictionary.
    @Test func frameNeedingADictionaryIsCorruptWhateverItsWindow() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "dictionary.jsonl.zst")
            try writeFileBytes(
                [0x28, 0xB5, 0x2F, 0xFD, 0xB5, 0x2F, 0xFD, 0x24, 0x03, 0x19, 0x00, 0x00, 0x0A, 0x0A, 0x0A, 0x0A, 0x0A, 0xE3, 0x24, 0x03,
                 0x19, 0x00, 0x00, 0x0A, 0x0A, 0x0A, 0x0A, 0x0A, 0xE3, 0x63], to: path)
            let error = readShard(path, readSize: 4096).error
            #expect(error?.reason.contains("corrupt zstd data (Dictionary mismatch)") == true, "\(String(describing: error))")
            #expect(error?.offset == 0)
        }
    }

    /// Windows past 2 GiB are not a limit to raise: the format has none that large.
    @Test func windowBeyondTheFormatIsCorrupt() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "huge.jsonl.zst")
            var frame = rawFrame(Self.payload, windowLog: 31)
            frame[5] = (32 - 10) << 3
            try writeFileBytes(frame, to: path)
            let error = readShard(path, readSize: 4096, maxWindowSize: ShardByteSource.maxWindowSizes.upperBound).error
            #expect(error?.reason.contains("corrupt zstd data (the frame declares a window of 4GiB") == true, "\(String(describing: error))")
            #expect(error?.offset == 0)
        }
    }

    @Test func defaultDecoderLimitWouldRejectTheseFrames() throws {
        // Proves that the frames above need the raised limit: libzstd's default is 27.
        let decompressor = try ZstdDecompressor(windowLogMax: 27)
        let frame = rawFrame(Self.payload, windowLog: 28)
        // Smaller than the content: a buffer for all of it would let libzstd decode
        // in one pass, where it does not check the window.
        var output = [UInt8](repeating: 0, count: 1000)
        let error = frame.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { destination in
                var input = ZSTD_inBuffer(src: source.baseAddress, size: source.count, pos: 0)
                var out = ZSTD_outBuffer(dst: destination.baseAddress, size: destination.count, pos: 0)
                do throws(ZstdError) {
                    _ = try decompressor.decompress(&input, into: &out)
                    return nil as ZstdError?
                } catch {
                    return error
                }
            }
        }
        #expect(error?.reason.contains("memory") == true, "\(String(describing: error))")
    }

    @Test func windowLogBeyondTheFormatIsAConfigurationError() {
        #expect(throws: ZstdError.self) { try ZstdDecompressor(windowLogMax: 40) }
    }

    @Test(.enabled(if: zstdCommandPath != nil, "the zstd command is not installed"))
    func longWindowFromTheCommandLineTool() throws {
        try withScratchDirectory { root in
            let plain = Path.join(root, "input.jsonl")
            let compressed = Path.join(root, "long.jsonl.zst")
            var random = IOTestRandom(seed: 11)
            // A repeat 3 MiB back: only a long window finds it.
            let block = jsonLikeLines(count: 2_000, seed: 12) + random.noise(2 << 20)
            let input = block + block
            try writeFileBytes(input, to: plain)
            // Through a pipe the size is unknown, so the window stays 2^28 in the header.
            let status = runShell("'\(zstdCommandPath!)' -q -3 --long=28 -c < '\(plain)' > '\(compressed)'")
            try #require(status == 0)
            let header = try readFileBytes(compressed).prefix(6)
            let singleSegment = header[4] & 0x20 != 0
            #expect(!singleSegment)
            #expect(Int(header[5] >> 3) + 10 >= 28, "window descriptor \(header[5])")
            #expect(readShard(compressed, readSize: 1 << 20).error?.reason.contains("window of 256MiB") == true)
            let outcome = readShard(compressed, readSize: 1 << 20, maxWindowSize: 256 << 20)
            #expect(outcome.error == nil)
            expectSameBytes(outcome.bytes, input)
        }
    }

    @Test(.enabled(if: zstdCommandPath != nil, "the zstd command is not installed"))
    func commandLineToolReadsWhatTheCompressorWrites() throws {
        try withScratchDirectory { root in
            let compressed = Path.join(root, "ours.jsonl.zst")
            let decoded = Path.join(root, "decoded.jsonl")
            let input = ZstdRoundTripTests.smallInput
            try writeFileBytes(try zstdFrames(input, frameSize: 10_000) + (try zstdFrame([])), to: compressed)
            let status = runShell("'\(zstdCommandPath!)' -q -d -c '\(compressed)' > '\(decoded)'")
            #expect(status == 0)
            expectSameBytes(try readFileBytes(decoded), input)
        }
    }
}

@Suite struct ShardFingerprintTests {
    /// Reads a source to its end and returns its fingerprint.
    private func fingerprint(_ path: String, inputBufferSize: Int = 1 << 17) throws -> UInt64? {
        let source = try ShardByteSource(path: path, inputBufferSize: inputBufferSize)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { buffer.deallocate() }
        #expect(source.fingerprint == nil, "no fingerprint before the file is read")
        while true {
            do throws(ShardReadError) {
                if try source.read(into: buffer) == 0 { return source.fingerprint }
            } catch {
                return source.fingerprint
            }
        }
    }

    @Test(arguments: [7, 1 << 17])
    func aSourceFingerprintsTheFileBytesItRead(inputBufferSize: Int) throws {
        try withScratchDirectory { root in
            let text = jsonLikeLines(count: 3_000, seed: 4)
            let compressed = Path.join(root, "a.jsonl.zst")
            let plain = Path.join(root, "a.jsonl")
            try writeFileBytes(try zstdFrames(text, frameSize: 50_000), to: compressed)
            try writeFileBytes(text, to: plain)
            #expect(try fingerprint(compressed, inputBufferSize: inputBufferSize) == (try XXH64.hash(file: compressed)))
            #expect(try fingerprint(plain) == XXH64.hash(text))
        }
    }

    @Test func aStreamThatFailsHasNoFingerprint() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "cut.jsonl.zst")
            let frame = try zstdFrame(jsonLikeLines(count: 2_000, seed: 6))
            try writeFileBytes(Array(frame.prefix(frame.count / 2)), to: path)
            #expect(try fingerprint(path) == nil)
        }
    }
}
