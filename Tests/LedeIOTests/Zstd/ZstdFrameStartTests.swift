import LedeIO
import Testing

/// Every frame of a shard, not only the first, must start with the magic number of a zstd or a
/// skippable frame, whatever the size of the reads.
@Suite struct ZstdFrameStartTests {
    static let input = jsonLikeLines(count: 200, seed: 31)
    static let frame = try! zstdFrame(input)
    /// Input buffer sizes (the smallest are raised to the 18-byte minimum) that cut the frames at many places.
    static let inputBufferSizes = [4, 5, 6, 7, frame.count, frame.count + 2, 1 << 17]

    /// Found by the `FuzzChunkReader` fuzz target: 19 bytes behind the v0.5 magic number
    /// 0xFD2FB525. libzstd decoded them as a legacy frame, into more than a megabyte of bytes,
    /// when its input held the whole magic number, and failed when a read cut it.
    static let legacyFrame: [UInt8] = [
        0x25, 0xB5, 0x2F, 0xFD, 0x24, 0x12, 0x91, 0x00, 0x00, 0x73, 0x6F, 0x3B, 0xBF, 0x7B, 0x26, 0x74, 0x65, 0x54, 0xC8,
    ]

    @Test func legacyFrameAfterAZstdFrameIsCorruptAtItsStart() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "legacy.jsonl.zst")
            try writeFileBytes(Self.frame + Self.legacyFrame, to: path)
            for inputBufferSize in Self.inputBufferSizes {
                for readSize in [7, 1 << 20] {
                    let outcome = readShard(path, readSize: readSize, inputBufferSize: inputBufferSize)
                    let error = try #require(outcome.error, "input buffer \(inputBufferSize), reads of \(readSize)")
                    #expect(error.reason.contains("corrupt"), "\(error)")
                    #expect(error.offset == Int64(Self.frame.count), "\(error)")
                    expectSameBytes(outcome.bytes, Self.input)
                }
            }
        }
    }

    @Test func legacyFrameFirstIsNotAZstdFile() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "legacy.jsonl.zst")
            try writeFileBytes(Self.legacyFrame + Self.frame, to: path)
            for inputBufferSize in Self.inputBufferSizes {
                let outcome = readShard(path, readSize: 4096, inputBufferSize: inputBufferSize)
                let error = try #require(outcome.error)
                #expect(error.reason.contains("not a zstd file"), "\(error)")
                #expect(error.offset == 0)
                #expect(outcome.bytes.isEmpty)
            }
        }
    }

    /// Found by `FuzzChunkReader`: a frame header with a reserved bit set, in which the v0.5
    /// magic number 0xFD2FB525 starts at byte 13. When a read cut the header there, libzstd
    /// buffered its start, found it invalid, and then looked for a legacy frame where its input
    /// began, in the middle of the header: it decoded 64 bytes of garbage before failing.
    static let headerHidingALegacyFrame: [UInt8] = [
        0x28, 0xB5, 0x2F, 0xFD, 0xDC, 0xFC, 0xE6, 0xFF, 0xFF, 0xE7, 0x00, 0x05, 0xE3, 0x25, 0xB5, 0x2F, 0xFD, 0x00,
        0x6D, 0x22, 0x7D, 0x00, 0x00, 0x2B, 0x00, 0x00, 0x00, 0x50, 0x2A, 0x4D, 0x18, 0x03, 0x00, 0x00, 0x00, 0x61,
        0x00, 0x00, 0x99, 0xE9, 0xD8, 0x51, 0x28, 0xB5, 0x2F, 0x0A, 0x0A, 0x8C, 0x95, 0x10, 0x63,
    ]

    @Test func frameHeaderCutByAReadIsNeverTakenForALegacyFrame() throws {
        try withScratchDirectory { root in
            for (name, file) in [("first", Self.headerHidingALegacyFrame), ("second", Self.frame + Self.headerHidingALegacyFrame)] {
                let path = Path.join(root, "\(name).jsonl.zst")
                try writeFileBytes(file, to: path)
                let expected = name == "first" ? [] : Self.input
                for inputBufferSize in Array(4...40) + [1 << 17] {
                    let outcome = readShard(path, readSize: 64, inputBufferSize: inputBufferSize)
                    let error = try #require(outcome.error, "\(name), input buffer \(inputBufferSize)")
                    #expect(error.reason.contains("corrupt"), "\(error)")
                    expectSameBytes(outcome.bytes, expected, "\(name), input buffer \(inputBufferSize)")
                }
            }
        }
    }

    /// What follows a complete frame, and how reading it ends: cleanly, truncated, or corrupt
    /// at the end of the frame.
    @Test(arguments: [
        ([UInt8](), "none"),
        ([0x28], "truncated"), ([0x28, 0xB5, 0x2F], "truncated"), ([0x5E, 0x2A], "truncated"),
        ([0x28, 0xB5, 0x2F, 0xFD], "truncated"), ([0x00], "corrupt"), ([0x28, 0xB5, 0x00], "corrupt"),
        ([0x28, 0xB5, 0x2F, 0xFC, 0x00], "corrupt"), ([0x0A, 0x7B, 0x7D, 0x0A], "corrupt"),
        ([0x40, 0x2A, 0x4D, 0x18, 0, 0, 0, 0], "corrupt"),
    ])
    func bytesAfterAFrame(tail: [UInt8], ending: String) throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "tail.jsonl.zst")
            try writeFileBytes(Self.frame + tail, to: path)
            for inputBufferSize in Self.inputBufferSizes {
                let outcome = readShard(path, readSize: 1 << 16, inputBufferSize: inputBufferSize)
                expectSameBytes(outcome.bytes, Self.input)
                if ending == "none" {
                    #expect(outcome.error == nil, "\(outcome)")
                } else {
                    let error = try #require(outcome.error, "input buffer \(inputBufferSize)")
                    #expect(error.reason.contains(ending), "\(error)")
                    if ending == "corrupt" { #expect(error.offset == Int64(Self.frame.count), "\(error)") }
                }
            }
        }
    }

    @Test func skippableAndEmptyFramesBetweenFramesAtEveryBufferSize() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "mixed.jsonl.zst")
            let half = Self.input.count / 2
            let file = skippableFrame(nibble: 0xF, payload: [1, 2, 3]) + (try zstdFrame(Array(Self.input[..<half])))
                + (try zstdFrame([])) + skippableFrame(payload: []) + (try zstdFrame(Array(Self.input[half...])))
                + skippableFrame(nibble: 7, payload: Array(repeating: 0x28, count: 9))
            try writeFileBytes(file, to: path)
            for inputBufferSize in Self.inputBufferSizes + [8, 9, 11, 13] {
                let outcome = readShard(path, readSize: 4093, inputBufferSize: inputBufferSize)
                #expect(outcome.error == nil, "input buffer \(inputBufferSize): \(outcome)")
                expectSameBytes(outcome.bytes, Self.input)
            }
        }
    }
}
