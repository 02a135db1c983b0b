#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LedeIO
import Testing

@Suite struct ChunkReaderPropertyTests {
    static let seeds: [UInt64] = [1, 2, 3]

    @Test(arguments: ShardKind.allCases, [1 << 10, 1_000, 4 << 10, 1, 7])
    func randomLinesComeBackExactly(kind: ShardKind, chunkSize: Int) throws {
        try withScratchDirectory { root in
            for seed in Self.seeds {
                let finalNewline = seed != 2
                let input = randomLines(seed: seed, totalBytes: 400_000, finalNewline: finalNewline)
                let path = try writeShard(input, kind: kind, in: root, name: "s\(seed)")
                let options = ChunkingOptions(chunkSize: chunkSize, maxLineLength: 64 << 20)
                #expect(options.chunkSize == chunkSize)
                let run = drain(try makeReader(path, options: options, in: root))
                try checkChunks(run, input: input, options: options)
                // Lines fit the limit: no spill at all.
                #expect(run.chunks.allSatisfy { if case .lines = $0.content { true } else { false } })
                #expect(!FileSystem.exists(Path.join(root, "spill")))
            }
        }
    }

    @Test(arguments: ShardKind.allCases, [1 << 10, 4 << 10, 64 << 10, 1 << 20])
    func randomLinesWithALowLineLimit(kind: ShardKind, chunkSize: Int) throws {
        try withScratchDirectory { root in
            for seed in Self.seeds {
                let input = randomLines(seed: seed + 10, totalBytes: 600_000, finalNewline: seed != 3)
                let path = try writeShard(input, kind: kind, in: root, name: "s\(seed)")
                let options = ChunkingOptions(chunkSize: chunkSize, maxLineLength: 5_000)
                let run = drain(try makeReader(path, options: options, in: root))
                try checkChunks(run, input: input, options: options)
                // Every line over the limit, and only those, were spilled.
                let lines = input.split(separator: 0x0A, omittingEmptySubsequences: false)
                let expected = lines.filter { $0.count > 5_000 }.map { Array($0) }
                var spilled: [[UInt8]] = []
                for chunk in run.chunks { if case .overlong = chunk.content { spilled.append(try payload(of: chunk)) } }
                expectSameLines(spilled, expected)
                #expect(!expected.isEmpty)
            }
        }
    }

    @Test func chunksStayNearTheirSize() throws {
        try withScratchDirectory { root in
            let input = jsonLikeLines(count: 12_000, seed: 77, maxLength: 300)
            let path = try writeShard(input, kind: .zstd, in: root)
            let options = ChunkingOptions(chunkSize: 64 << 10, maxLineLength: 1 << 20)
            let run = drain(try makeReader(path, options: options, in: root))
            try checkChunks(run, input: input, options: options)
            // Lines under 1,000 bytes: every chunk but the last is filled to within one
            // line of its size.
            #expect(run.chunks.count > 20)
            for chunk in run.chunks.dropLast() {
                guard case .lines(let bytes) = chunk.content else { Issue.record("unexpected content"); continue }
                let size = bytes.count
                #expect(size <= 64 << 10 && size > (64 << 10) - 1_000)
            }
        }
    }
}

@Suite struct ChunkReaderLineLimitTests {
    static let limit = 5_000

    /// Lines around the limit, with short ones between and after.
    static let lengths = [
        10, 50_000, 5_000, 4_999, 5_001, 0, 12, 5_002, 5_000, 200_000, 3, 1_500_000, 7, 5_001, 5_001, 40,
    ]

    static let inputs = [true, false].map { linesOfLengths(lengths, finalNewline: $0) }

    @Test(arguments: ShardKind.allCases, [1 << 10, 4 << 10, 5_001, 64 << 10, 1 << 20])
    func overlongLinesAreSpilledExactly(kind: ShardKind, chunkSize: Int) throws {
        try withScratchDirectory { root in
            for (input, lines) in Self.inputs {
                let path = try writeShard(input, kind: kind, in: root)
                let options = ChunkingOptions(chunkSize: chunkSize, maxLineLength: Self.limit)
                let run = drain(try makeReader(path, options: options, in: root))
                try checkChunks(run, input: input, options: options)
                // Line by line: the overlong ones come alone and in order, the others in `.lines`.
                var produced: [(line: [UInt8], overlong: Bool)] = []
                for chunk in run.chunks {
                    switch chunk.content {
                    case .lines(let bytes):
                        var body = bytes
                        if body.last == 0x0A { body.removeLast() }
                        produced += body.split(separator: 0x0A, omittingEmptySubsequences: false).map { (Array($0), false) }
                    case .overlong(let line):
                        produced.append((try readFileBytes(line.spillPath), true))
                    case .truncated:
                        Issue.record("no truncation here")
                    }
                }
                expectSameLines(produced.map(\.line), lines)
                #expect(produced.map(\.overlong) == lines.map { $0.count > Self.limit })
                // The spill files hold nothing else.
                let spills = run.chunks.compactMap { chunk -> String? in
                    if case .overlong(let line) = chunk.content { return line.spillPath }
                    return nil
                }
                #expect(Set(spills).count == spills.count)
                #expect(try FileSystem.contentsOfDirectory(Path.join(root, "spill")).count == spills.count)
                try FileSystem.removeTree(Path.join(root, "spill"))
            }
        }
    }

    @Test(arguments: [4_999, 5_000, 5_001, 5_002])
    func exactlyAtTheLimit(length: Int) throws {
        try withScratchDirectory { root in
            for chunkSize in [1 << 10, length - 1, length, length + 1, length + 2, 64 << 10] {
                for (lengths, finalNewline) in [([length], true), ([length], false), ([length, length, 1], true), ([2, length], false)] {
                    let (input, _) = linesOfLengths(lengths, finalNewline: finalNewline)
                    let path = try writeShard(input, kind: .zstd, in: root)
                    let options = ChunkingOptions(chunkSize: chunkSize, maxLineLength: Self.limit)
                    let run = drain(try makeReader(path, options: options, in: root))
                    try checkChunks(run, input: input, options: options)
                    let overlong = run.chunks.filter { if case .overlong = $0.content { true } else { false } }.count
                    #expect(overlong == (length > Self.limit ? lengths.filter { $0 == length }.count : 0),
                            "length \(length), chunk size \(chunkSize), lines \(lengths)")
                }
            }
        }
    }

    @Test func overlongOffsetsCountTheLineAndItsNewline() throws {
        try withScratchDirectory { root in
            let (input, _) = linesOfLengths([3, 20_000, 4, 30_000], finalNewline: false)
            let path = try writeShard(input, kind: .plain, in: root)
            let options = ChunkingOptions(chunkSize: 1 << 10, maxLineLength: 10_000)
            let run = drain(try makeReader(path, options: options, in: root))
            try checkChunks(run, input: input, options: options)
            let offsets = run.chunks.map(\.byteOffset)
            #expect(offsets == [0, 4, 20_005, 20_010])
            guard case .overlong(let first) = run.chunks[1].content, case .overlong(let last) = run.chunks[3].content else {
                Issue.record("expected two overlong lines")
                return
            }
            #expect(first.length == 20_000)
            #expect(last.length == 30_000)
        }
    }

    @Test func longLineUnderTheLimitStaysInMemory() throws {
        try withScratchDirectory { root in
            let (input, lines) = linesOfLengths([5, 30_000, 5, 60_000, 2])
            for kind in ShardKind.allCases {
                let path = try writeShard(input, kind: kind, in: root)
                let options = ChunkingOptions(chunkSize: 1 << 10, maxLineLength: 64 << 10)
                let run = drain(try makeReader(path, options: options, in: root))
                try checkChunks(run, input: input, options: options)
                let holder = run.chunks.first { chunk in
                    if case .lines(let bytes) = chunk.content { return bytes.count >= 30_001 } else { return false }
                }
                #expect(holder != nil)
                expectSameLines(try run.chunks.map(payload(of:)).joined().split(separator: 0x0A).map(Array.init), lines)
            }
        }
    }

    @Test func shardOfOneOverlongLine() throws {
        try withScratchDirectory { root in
            for finalNewline in [true, false] {
                let (input, lines) = linesOfLengths([100_000], finalNewline: finalNewline)
                let path = try writeShard(input, kind: .zstd, in: root)
                let options = ChunkingOptions(chunkSize: 1 << 10, maxLineLength: 1_000)
                let run = drain(try makeReader(path, options: options, in: root))
                try checkChunks(run, input: input, options: options)
                #expect(run.chunks.count == 1)
                expectSameBytes(try payload(of: run.chunks[0]), lines[0])
            }
        }
    }

    @Test func spillFailureIsReportedAndEndsTheShard() throws {
        try withScratchDirectory { root in
            let (input, _) = linesOfLengths([10, 20_000, 10])
            let path = try writeShard(input, kind: .zstd, in: root)
            let blocker = Path.join(root, "blocker")
            try writeFileBytes([1], to: blocker)
            let reader = ChunkReader(
                source: try ShardByteSource(path: path), options: ChunkingOptions(chunkSize: 1 << 10, maxLineLength: 1_000),
                spillDirectory: Path.join(blocker, "spill"))
            let run = drain(reader)
            #expect(run.chunks.count == 1)
            let error = try #require(run.error)
            #expect(error.reason.contains("spill"), "\(error)")
            #expect(error.reason.contains(blocker), "\(error)")
            #expect(run.chunksAfterError == 0)
            #expect(run.staysFinished)
        }
    }
}

@Suite struct ChunkReaderFailureTests {
    @Test(arguments: [1 << 10, 4 << 10, 64 << 10, 1 << 20])
    func truncatedStreamGivesLinesThenTheCutLineThenTheError(chunkSize: Int) throws {
        try withScratchDirectory { root in
            let input = randomLines(seed: 5, totalBytes: 700_000, maxLength: 3_000)
            let file = try zstdFrames(input, frameSize: 100_000)
            let options = ChunkingOptions(chunkSize: chunkSize, maxLineLength: 64 << 10)
            for cut in [file.count / 3, file.count / 2 + 11, file.count - 1, 7, 2] {
                let path = Path.join(root, "cut.jsonl.zst")
                try writeFileBytes(Array(file.prefix(cut)), to: path)
                let run = drain(try makeReader(path, options: options, in: root))
                let stream = try checkChunks(run, input: input, options: options, expectFailure: true)
                let error = try #require(run.error)
                #expect(error.reason.contains("truncated"), "\(error)")
                #expect(error.offset == Int64(cut))
                // The decoded prefix ends in the middle of a line: it comes as `.truncated`.
                if let last = run.chunks.last, stream.last != 0x0A {
                    guard case .truncated(let bytes) = last.content else {
                        Issue.record("cut at \(cut): the cut line is not delivered as truncated")
                        continue
                    }
                    expectSameBytes(bytes[...], stream.suffix(bytes.count))
                }
                if cut > file.count / 3 { #expect(stream.count >= 200_000) }
            }
        }
    }

    @Test func truncationRightAfterANewlineStillFails() throws {
        try withScratchDirectory { root in
            // Frames that each hold whole lines: cutting into a frame's header leaves
            // a decoded stream that ends exactly at a line's end.
            let first = randomLines(seed: 8, totalBytes: 30_000)
            let second = randomLines(seed: 9, totalBytes: 30_000)
            let secondFrame = try zstdFrame(second)
            let file = try zstdFrame(first) + secondFrame.prefix(5)
            let path = Path.join(root, "cut.jsonl.zst")
            try writeFileBytes(file, to: path)
            for chunkSize in [1 << 10, 1 << 20] {
                let options = ChunkingOptions(chunkSize: chunkSize)
                let run = drain(try makeReader(path, options: options, in: root))
                let stream = try checkChunks(run, input: first + second, options: options, expectFailure: true)
                expectSameBytes(stream, first)
                let error = try #require(run.error, "the truncation went unreported")
                #expect(error.reason.contains("truncated"))
            }
        }
    }

    @Test func truncationInsideAnOverlongLine() throws {
        try withScratchDirectory { root in
            let (input, lines) = linesOfLengths([10, 400_000, 10])
            let file = try zstdFrames(input, frameSize: 50_000)
            let path = Path.join(root, "cut.jsonl.zst")
            try writeFileBytes(Array(file.prefix(file.count / 2)), to: path)
            let options = ChunkingOptions(chunkSize: 1 << 10, maxLineLength: 5_000)
            let run = drain(try makeReader(path, options: options, in: root))
            let stream = try checkChunks(run, input: input, options: options, expectFailure: true)
            #expect(run.error?.reason.contains("truncated") == true)
            // The cut-off line is too long to hold: it comes spilled, then the error.
            guard case .overlong(let line) = run.chunks.last?.content else {
                Issue.record("expected the cut line as overlong")
                return
            }
            #expect(line.length > 5_000 && line.length < 400_000)
            expectSameBytes(try readFileBytes(line.spillPath)[...], lines[1].prefix(Int(line.length)))
            #expect(stream.count == 11 + Int(line.length))
        }
    }

    @Test func errorAfterAnOverlongLineKeepsTheLinesBetween() throws {
        try withScratchDirectory { root in
            // The overlong line ends in the last frame that decodes; the short lines
            // after it come before the error.
            let (head, _) = linesOfLengths([10, 30_000, 10, 20, 30])
            let file = try zstdFrame(head) + (try zstdFrame(Array(repeating: UInt8(ascii: "z"), count: 1000))).prefix(9)
            let path = Path.join(root, "cut.jsonl.zst")
            try writeFileBytes(file, to: path)
            let options = ChunkingOptions(chunkSize: 1 << 20, maxLineLength: 5_000)
            let run = drain(try makeReader(path, options: options, in: root))
            let stream = try checkChunks(run, input: head + Array(repeating: UInt8(ascii: "z"), count: 1000), options: options, expectFailure: true)
            expectSameBytes(stream, head)
            #expect(run.error != nil)
        }
    }

    @Test(arguments: [1 << 10, 64 << 10])
    func corruptFrameGivesTheLinesBeforeItThenTheError(chunkSize: Int) throws {
        try withScratchDirectory { root in
            let input = randomLines(seed: 6, totalBytes: 300_000, maxLength: 2_000)
            var file = try zstdFrames(input, frameSize: 100_000)
            let secondFrame = try zstdFrame(Array(input[..<100_000])).count
            for i in (secondFrame + 500)..<(secondFrame + 520) { file[i] ^= 0xA5 }
            let path = Path.join(root, "corrupt.jsonl.zst")
            try writeFileBytes(file, to: path)
            let options = ChunkingOptions(chunkSize: chunkSize, maxLineLength: 10_000)
            let run = drain(try makeReader(path, options: options, in: root))
            let stream = try checkChunks(run, input: input, options: options, expectFailure: true)
            #expect(stream.count >= 100_000 && stream.count < input.count)
            #expect(run.error?.reason.contains("corrupt") == true, "\(String(describing: run.error))")
        }
    }

    @Test func plainTextNamedZstFailsAtOnce() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "wrong.jsonl.zst")
            try writeFileBytes(Array("{\"text\": \"hello\"}\n".utf8), to: path)
            let run = drain(try makeReader(path, options: ChunkingOptions(), in: root))
            #expect(run.chunks.isEmpty)
            #expect(run.error?.reason.contains("not a zstd file") == true)
            #expect(run.error?.offset == 0)
            #expect(run.staysFinished && run.chunksAfterError == 0)
        }
    }
}

@Suite struct ChunkReaderEdgeTests {
    @Test(arguments: ShardKind.allCases)
    func emptyShardsHaveNoChunks(kind: ShardKind) throws {
        try withScratchDirectory { root in
            let path = try writeShard([], kind: kind, in: root)
            let run = drain(try makeReader(path, options: ChunkingOptions(), in: root))
            #expect(run.chunks.isEmpty)
            #expect(run.error == nil)
        }
    }

    @Test func zeroLengthFrameOnly() throws {
        try withScratchDirectory { root in
            let path = Path.join(root, "zero.jsonl.zst")
            try writeFileBytes(try zstdFrame([]), to: path)
            let run = drain(try makeReader(path, options: ChunkingOptions(), in: root))
            #expect(run.chunks.isEmpty)
            #expect(run.error == nil)
        }
    }

    @Test(arguments: ["\n", "\n\n\n", "a", "a\nb", "a\r\nb\r\n", "\r\n", "é\n中🙂"])
    func tinyShards(text: String) throws {
        try withScratchDirectory { root in
            let input = Array(text.utf8)
            for kind in ShardKind.allCases {
                for chunkSize in [1, 2, 1 << 10] {
                    let path = try writeShard(input, kind: kind, in: root)
                    let options = ChunkingOptions(chunkSize: chunkSize)
                    let run = drain(try makeReader(path, options: options, in: root))
                    try checkChunks(run, input: input, options: options)
                }
            }
        }
    }

    @Test func optionsAreClampedToSensibleMinimums() {
        let options = ChunkingOptions(chunkSize: 0, maxLineLength: -3)
        #expect(options.chunkSize == 1)
        #expect(options.maxLineLength == 1)
        #expect(ChunkingOptions().chunkSize == 4 << 20)
        #expect(ChunkingOptions().maxLineLength == 64 << 20)
    }

    @Test func closeEndsTheShard() throws {
        try withScratchDirectory { root in
            let input = randomLines(seed: 4, totalBytes: 100_000)
            let path = try writeShard(input, kind: .zstd, in: root)
            let reader = try makeReader(path, options: ChunkingOptions(chunkSize: 1 << 10), in: root)
            #expect(try reader.next() != nil)
            reader.close()
            #expect(try reader.next() == nil)
            reader.close()
        }
    }
}

@Suite struct ChunkReaderSpillNameTests {
    @Test func readersOneAfterAnotherNeverReuseASpillName() throws {
        try withScratchDirectory { root in
            var spills: [(path: String, line: [UInt8])] = []
            for i in 0..<40 {
                // Each reader's first chunk is an overlong line of its own.
                let (input, lines) = linesOfLengths([3_000, 1], seed: UInt64(i))
                let path = try writeShard(input, kind: .plain, in: root, name: "s\(i)")
                let reader = try makeReader(path, options: ChunkingOptions(chunkSize: 1 << 10, maxLineLength: 1_000), in: root)
                guard case .overlong(let line) = try reader.next()?.content else {
                    Issue.record("expected an overlong line")
                    return
                }
                spills.append((line.spillPath, lines[0]))
            }
            #expect(Set(spills.map(\.path)).count == spills.count)
            for spill in spills { expectSameBytes(try readFileBytes(spill.path), spill.line) }
        }
    }

    @Test func existingFilesInTheSpillDirectoryAreNeverOverwritten() throws {
        try withScratchDirectory { root in
            // Another process with the same pid (on another machine sharing the
            // directory) may have used the names this process would pick next.
            let options = ChunkingOptions(chunkSize: 1 << 10, maxLineLength: 1_000)
            let (input, lines) = linesOfLengths([3_000, 1, 4_000])
            let path = try writeShard(input, kind: .zstd, in: root)
            guard case .overlong(let probe) = try makeReader(path, options: options, in: root).next()?.content else {
                Issue.record("expected an overlong line")
                return
            }
            let serial = Int(probe.spillPath.split(separator: "-").last!.split(separator: ".").first!)!
            var precious: [String] = []
            for next in (serial + 1)...(serial + 32) {
                let other = Path.join(root, "spill/overlong-\(getpid())-\(next).spill")
                try writeFileBytes(Array("precious \(next)".utf8), to: other)
                precious.append(other)
            }
            let run = drain(try makeReader(path, options: options, in: root))
            try checkChunks(run, input: input, options: options)
            var spilled: [[UInt8]] = []
            for chunk in run.chunks { if case .overlong = chunk.content { spilled.append(try payload(of: chunk)) } }
            expectSameLines(spilled, [lines[0], lines[2]])
            for other in precious {
                #expect(try readFileBytes(other) == Array("precious \(other.split(separator: "-").last!.split(separator: ".").first!)".utf8))
            }
        }
    }

    @Test func unlimitedLineLengthDoesNotOverflow() throws {
        try withScratchDirectory { root in
            let input = randomLines(seed: 21, totalBytes: 50_000)
            let path = try writeShard(input, kind: .plain, in: root)
            let options = ChunkingOptions(chunkSize: 1 << 10, maxLineLength: .max)
            let run = drain(try makeReader(path, options: options, in: root))
            try checkChunks(run, input: input, options: ChunkingOptions(chunkSize: 1 << 10, maxLineLength: Int.max / 4))
        }
    }

    @Test func concurrentReadersNeverShareASpillFile() async throws {
        try await withScratchDirectory { root in
            let lengths = [2_000, 5, 3_000, 7, 2_500, 2_600]
            let results = try await withThrowingTaskGroup(of: [(String, [UInt8])].self) { group in
                for i in 0..<8 {
                    group.addTask {
                        let (input, lines) = linesOfLengths(lengths, seed: UInt64(100 + i))
                        let path = try writeShard(input, kind: i % 2 == 0 ? .zstd : .plain, in: root, name: "c\(i)")
                        let reader = try makeReader(path, options: ChunkingOptions(chunkSize: 1 << 10, maxLineLength: 1_000), in: root)
                        var spills: [(String, [UInt8])] = []
                        var overlong = lines.filter { $0.count > 1_000 }.makeIterator()
                        while let chunk = try reader.next() {
                            if case .overlong(let line) = chunk.content { spills.append((line.spillPath, overlong.next()!)) }
                        }
                        return spills
                    }
                }
                var all: [(String, [UInt8])] = []
                for try await spills in group { all += spills }
                return all
            }
            #expect(results.count == 8 * 4)
            #expect(Set(results.map(\.0)).count == results.count)
            for (path, line) in results { expectSameBytes(try readFileBytes(path), line) }
        }
    }
}
