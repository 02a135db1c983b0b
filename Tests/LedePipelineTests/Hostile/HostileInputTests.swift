import Foundation
import LedeIO
import LedePipeline
import LedeSample
import Testing

/// Broken input of every kind issue 7 lists, generated here: each line becomes a document or a
/// kept, counted reject, each broken shard fails alone, and for every shard lines read =
/// documents written + rejects.
@Suite("Hostile input, end to end")
struct HostileInputTests {
    private static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    private static func good(_ id: String, _ text: String = "Juan Guaido spoke in Caracas.") -> [UInt8] {
        HostileShard.line(id: id, text: text)
    }

    /// A valid line of exactly `length` bytes (at least 24).
    private static func line(length: Int, id: String) -> [UInt8] {
        let head = Self.bytes(#"{"id":""#) + Self.bytes(id) + Self.bytes(#"","text":""#)
        return head + Array(repeating: UInt8(ascii: "w"), count: length - head.count - 2) + Self.bytes(#""}"#)
    }

    @Test func everyRejectReasonAndLineShape() async throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let reasons = HostileShard(
            name: "reasons.jsonl.zst",
            lines: [
                (bom + Self.good("bom-first"), nil),
                (Self.bytes("this is not json"), "not-json"),
                (Self.bytes(#"["an","array"]"#), "not-object"),
                (Self.bytes(#"{"id":"no-text"}"#), "missing-text"),
                (Self.bytes(#"{"id":"null-text","text":null}"#), "text-not-string"),
                (Self.bytes(#"{"text":"bad "#) + [0xC3, 0x28] + Self.bytes(#" utf8"}"#), "invalid-utf8"),
                (Self.bytes(#"{"text":"a \x escape"}"#), "invalid-escape"),
                (Self.bytes(#"{"text":"half \uD83D of a pair"}"#), "lone-surrogate"),
                (Self.bytes(#"{"text":"raw "#) + [0x00] + Self.bytes(#" byte"}"#), "nul-byte"),
                (Self.bytes(""), "not-json"),
                (Self.bytes("\r"), "not-json"),
                (Self.bytes("   "), "not-json"),
                (Self.good("crlf") + [0x0D], nil),
                (bom + Self.good("bom-later"), nil),
                (Self.bytes(" ") + bom + Self.good("bom-not-first"), "not-json"),
                (Self.bytes(#"{"text":"escaped \u0000 is kept"}"#), nil),
                (Self.good("last"), nil),
            ])
        let compressed = try reasons.compressed(frameSize: 100)

        // Plain JSONL with CRLF ends, blank lines and a last line without its newline.
        let crlf = HostileShard(
            name: "crlf.jsonl",
            lines: [
                (bom + Self.good("c1") + [0x0D], nil), (Self.bytes("\r"), "not-json"), (Self.good("c2") + [0x0D], nil),
                (Self.bytes(""), "not-json"), (Self.good("c3"), nil),
            ],
            trailingNewline: false)
        // A blank line at the very end is a line too.
        let blankEnd = HostileShard(name: "blank-end.jsonl", lines: [(Self.good("b1"), nil), (Self.bytes(""), "not-json")])

        let (summary, outcomes) = try await runHostile([compressed, crlf, blankEnd], chunkSize: 256)
        #expect(summary.exitCode == 1)
        #expect(
            outcomes["reasons.jsonl.zst"]?.documents.map { $0["id"] as? String }
                == ["bom-first", "crlf", "bom-later", "reasons.jsonl.zst:16", "last"])
        #expect(outcomes["crlf.jsonl"]?.documents.map { $0["id"] as? String } == ["c1", "c2", "c3"])
        // Each reject records where its line starts in the decoded stream.
        var offsets: [Int] = []
        var offset = 0
        for (k, line) in reasons.file.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().enumerated() {
            if reasons.rejectedLineNumbers!.contains(k + 1) { offsets.append(offset) }
            offset += line.count + 1
        }
        #expect(outcomes["reasons.jsonl.zst"]?.reasons.map { $0["offset"] as? Int } == offsets)
    }

    @Test func linesAtAndAroundTheLengthLimit() async throws {
        let limit = 4_096
        var lines: [(bytes: [UInt8], reason: String?)] = []
        for length in [limit - 1, limit, limit + 1, limit + 2, 30, 3 * limit] {
            lines.append((Self.line(length: length, id: "n\(length)"), length > limit ? "too-long" : nil))
        }
        // A CR counts: the line is `limit` bytes before it.
        lines.append((Self.line(length: limit, id: "cr") + [0x0D], "too-long"))
        lines.append((Self.line(length: limit - 1, id: "cr-fits") + [0x0D], nil))
        let zstd = try HostileShard(name: "limits.jsonl.zst", lines: lines).compressed(frameSize: 5_000)
        // The last line is overlong and has no newline.
        let last = HostileShard(
            name: "limits-last.jsonl",
            lines: [(Self.good("short"), nil), (Self.line(length: limit + 1, id: "last"), "too-long")],
            trailingNewline: false)
        for chunkSize in [1, 1_000, limit, 64 << 10] {
            let (_, outcomes) = try await runHostile([zstd, last], chunkSize: chunkSize, maxLineLength: limit)
            #expect(
                outcomes["limits.jsonl.zst"]?.documents.map { $0["id"] as? String }
                    == ["n4095", "n4096", "n30", "cr-fits"], "chunk size \(chunkSize)")
            #expect(outcomes["limits.jsonl.zst"]?.reasons.map { $0["bytes"] as? Int } == [4_097, 4_098, 12_288, 4_097])
        }
    }

    /// The bytes a run accounts for are the shard's decoded bytes exactly: an overlong last line
    /// without a newline counts its length only, with one its newline too.
    @Test(arguments: [false, true])
    func bytesAccountedAreTheDecodedSize(trailingNewline: Bool) async throws {
        let limit = 1_000
        let lines: [(bytes: [UInt8], reason: String?)] = [
            (Self.good("a"), nil), (Self.line(length: limit + 1, id: "long"), "too-long"), (Self.good("b"), nil),
            (Self.line(length: 3 * limit, id: "last"), "too-long"),
        ]
        let plain = HostileShard(name: "last.jsonl", lines: lines, trailingNewline: trailingNewline)
        let zstd = try HostileShard(name: "last-zstd.jsonl.zst", lines: lines, trailingNewline: trailingNewline).compressed(frameSize: 700)
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let input = Path.join(root, "in")
        try FileSystem.createDirectory(input)
        for shard in [plain, zstd] { try AtomicFile.write(shard.file, to: Path.join(input, shard.name), durable: false) }
        for chunkSize in [1, 600, 64 << 10] {
            let out = Path.join(root, "out-\(chunkSize)")
            let summary = try await runPipeline(inputs: [input], output: out, jobs: 2, chunkSize: chunkSize, maxLineLength: limit)
            #expect(summary.bytes == Int64(2 * plain.file.count), "chunk size \(chunkSize)")
            let (records, _) = try RunState(layout: OutputLayout(root: out)).records()
            #expect(records.values.map(\.bytes) == [Int64(plain.file.count), Int64(plain.file.count)], "chunk size \(chunkSize)")
        }
    }

    @Test func deeplyNestedValuesAroundTheTextField() async throws {
        let depth = 20_000
        let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let objects = String(repeating: #"{"text":"#, count: depth) + "1" + String(repeating: "}", count: depth)
        let shard = HostileShard(
            name: "nested.jsonl.zst",
            lines: [
                (Self.bytes(#"{"before":"# + arrays + #","id":"deep","text":"Maduro in Caracas.","after":"# + objects + "}"), nil),
                (Self.bytes(#"{"text":"# + objects + "}"), "text-not-string"),
                (Self.bytes(#"{"id":"open","text":"t","x":"# + String(repeating: "[", count: depth) + "}"), "not-json"),
                (Self.bytes(#"{"wrapper":"# + objects + "}"), "missing-text"),
            ])
        let (_, outcomes) = try await runHostile([try shard.compressed(frameSize: 50_000)], chunkSize: 1 << 10)
        #expect(outcomes["nested.jsonl.zst"]?.documents.map { $0["id"] as? String } == ["deep"])
    }

    /// Escapes and multi-byte characters cut by frame boundaries (frames of one to three
    /// decoded bytes) and read in chunks of one line decode to the same documents as one frame.
    @Test func escapesAndCharactersSplitAcrossFrames() async throws {
        var random = SplitMix64(seed: 0x5EED)
        let texts = [
            "Guaidó’s “interim” government — 中国, 🇻🇪 and 🙂\u{1F600}",
            "tab\there, newline\nthere, quote \" and backslash \\ and slash / end",
            "\u{0007}\u{001F} control, \u{FEFF} BOM, \u{2028} separator, 𝐀𝐁 math, é́ combining",
        ]
        var lines: [[UInt8]] = []
        for (k, text) in texts.enumerated() {
            lines.append(HostileShard.line(id: "plain-\(k)", text: text))
            // The same text with every scalar as a \u escape (surrogate pairs above U+FFFF).
            var escaped = Self.bytes(#"{"id":"escaped-\#(k)","text":""#)
            for unit in text.utf16 { escaped += Self.bytes(String(format: "\\u%04X", unit)) }
            lines.append(escaped + Self.bytes(#""}"#))
        }
        let stream: [UInt8] = lines.flatMap { $0 + [UInt8(0x0A)] }
        let compressor = try ZstdCompressor(level: 1)
        var tiny: [UInt8] = []
        var start = 0
        while start < stream.count {
            let end = min(start + 1 + Int(random.next() % 3), stream.count)
            try compressor.compress(Array(stream[start..<end]), appendingTo: &tiny)
            start = end
        }
        let split = HostileShard(name: "split.jsonl.zst", file: tiny, lines: lines.count, reasons: [], fails: false)
        let whole = HostileShard(
            name: "whole.jsonl.zst", file: try HostileShard.frames(lines, linesPerFrame: .max).file, lines: lines.count,
            reasons: [], fails: false)
        let (_, outcomes) = try await runHostile([split, whole], chunkSize: 1)
        let splitDocuments = try #require(outcomes["split.jsonl.zst"]?.documents)
        let wholeDocuments = try #require(outcomes["whole.jsonl.zst"]?.documents)
        #expect(splitDocuments.count == lines.count)
        for (a, b) in zip(splitDocuments, wholeDocuments) {
            #expect(NSDictionary(dictionary: a).isEqual(to: b))
        }
        // A text and its fully escaped spelling give the same entities.
        for k in 0..<texts.count {
            let plain = NSArray(array: splitDocuments[2 * k]["entities"] as? [Any] ?? [])
            #expect(plain.isEqual(to: splitDocuments[2 * k + 1]["entities"] as? [Any] ?? []), "text \(k)")
        }
    }

    @Test func truncatedStreamsAtSeveralOffsets() async throws {
        let lines = (0..<300).map { Self.good("t\($0)", "Report \($0) from Caracas, Venezuela, on the talks.") }
        let (file, frameEnds) = try HostileShard.frames(lines, linesPerFrame: 50)
        var shards: [HostileShard] = []
        let cuts = [2, 9, frameEnds[0] / 2, frameEnds[1], frameEnds[1] + 3, frameEnds[3] + frameEnds[0] / 2, file.count - 1]
        for cut in cuts {
            let prefix = Array(file[..<cut])
            // What decodes before the fault: whole lines, and maybe the start of one more.
            let decoded = try decodedPrefix(prefix)
            let complete = decoded.filter { $0 == 0x0A }.count
            let cutLine = decoded.last.map { $0 != 0x0A } ?? false
            let atBoundary = frameEnds.contains(cut)
            #expect(complete >= 50 * frameEnds.filter { $0 <= cut }.count, "cut at \(cut)")
            shards.append(
                HostileShard(
                    name: "cut-\(cut).jsonl.zst", file: prefix, lines: complete + (cutLine ? 1 : 0),
                    reasons: cutLine ? ["truncated"] : [], fails: !atBoundary))
        }
        let (summary, outcomes) = try await runHostile(shards, chunkSize: 4 << 10)
        for shard in shards where shard.fails {
            let failure = try #require(summary.failures.first { $0.shard == shard.name })
            #expect(failure.reason.contains("truncated"), "\(failure)")
            // Documents decoded before the fault are kept, in order.
            let ids = outcomes[shard.name]?.documents.map { $0["id"] as? String } ?? []
            #expect(ids == (0..<ids.count).map { "t\($0)" })
        }
    }

    @Test func corruptStreamsFailAlone() async throws {
        var random = SplitMix64(seed: 77)
        // Frame 2 has a wrong checksum: all of its lines come out, then the fault, at the checksum.
        let small = (0..<40).map { Self.good("s\($0)") }
        let noisy = (0..<1_200).map { k -> [UInt8] in
            let word = (0..<200).map { _ in Character(Unicode.Scalar(UInt8(97 + random.next() % 26))) }
            return HostileShard.line(id: "n\(k)", text: String(word))
        }
        let compressor = try ZstdCompressor(level: 1)
        var first: [UInt8] = []
        try compressor.compress(small.flatMap { $0 + [0x0A] }, appendingTo: &first)
        let noisyStream: [UInt8] = noisy.flatMap { $0 + [0x0A] }
        var second: [UInt8] = []
        try compressor.compress(noisyStream, appendingTo: &second)
        var third: [UInt8] = []
        try compressor.compress(small.flatMap { $0 + [0x0A] }, appendingTo: &third)
        var badChecksum = second
        badChecksum[second.count - 2] ^= 0x10
        let checksum = HostileShard(
            name: "checksum.jsonl.zst", file: first + badChecksum + third, lines: small.count + noisy.count, reasons: [],
            fails: true)

        // Frame 2's second block is corrupt (its header has the reserved block type; a flipped
        // literal would decode to other text, found only by the checksum): the lines of the
        // first block come out, the line it cuts as `truncated`, then the fault, where the
        // second block starts.
        let blocks = Self.blockOffsets(ofFrame: second)
        #expect(blocks.count == 3)
        var badBlock = second
        badBlock[blocks[1]] |= 0b110
        let decodedBefore = noisyStream.prefix(128 << 10)
        let wholeLines = decodedBefore.filter { $0 == 0x0A }.count
        let block = HostileShard(
            name: "block.jsonl.zst", file: first + badBlock + third, lines: small.count + wholeLines + 1, reasons: ["truncated"],
            fails: true)

        // Skippable frames, empty frames and several frames: a valid shard.
        var frames = skippable(nibble: 0, payload: Self.bytes("metadata"))
        try compressor.compress(small[..<20].flatMap { $0 + [0x0A] }, appendingTo: &frames)
        try compressor.compress([], appendingTo: &frames)
        frames += skippable(nibble: 0xF, payload: [])
        try compressor.compress(small[20...].flatMap { $0 + [0x0A] }, appendingTo: &frames)
        frames += skippable(nibble: 3, payload: [0x28, 0xB5, 0x2F, 0xFD])
        let concatenated = HostileShard(name: "frames.jsonl.zst", file: frames, lines: small.count, reasons: [], fails: false)

        var emptyFrame: [UInt8] = []
        try compressor.compress([], appendingTo: &emptyFrame)
        let shards = [
            checksum, block, concatenated,
            HostileShard(name: "empty.jsonl.zst", file: [], lines: 0, reasons: [], fails: false),
            HostileShard(name: "empty-plain.jsonl", file: [], lines: 0, reasons: [], fails: false),
            HostileShard(name: "zero-frame.jsonl.zst", file: emptyFrame, lines: 0, reasons: [], fails: false),
            HostileShard(name: "only-skippable.jsonl.zst", file: skippable(nibble: 9, payload: [1, 2, 3]), lines: 0, reasons: [], fails: false),
            HostileShard(name: "not-zstd.jsonl.zst", file: small[0] + [0x0A], lines: 0, reasons: [], fails: true),
            HostileShard(name: "garbage-after.jsonl.zst", file: first + Self.bytes("{\"text\":\"tail\"}\n"), lines: small.count, reasons: [], fails: true),
        ]
        let (summary, outcomes) = try await runHostile(shards, chunkSize: 64 << 10)
        let ids = (0..<40).map { "s\($0)" } + (0..<1_200).map { "n\($0)" }
        #expect(outcomes["checksum.jsonl.zst"]?.documents.map { $0["id"] as? String } == ids)
        #expect(outcomes["block.jsonl.zst"]?.documents.map { $0["id"] as? String } == Array(ids.prefix(40 + wholeLines)))
        let reasons = Dictionary(uniqueKeysWithValues: summary.failures.map { ($0.shard, $0.reason) })
        #expect(reasons["checksum.jsonl.zst"]?.lowercased().contains("checksum") == true, "\(reasons)")
        #expect(reasons["checksum.jsonl.zst"]?.contains("at byte \(first.count + second.count - 4)") == true, "\(reasons)")
        #expect(reasons["block.jsonl.zst"]?.contains("corrupt") == true, "\(reasons)")
        #expect(reasons["block.jsonl.zst"]?.contains("at byte \(first.count + blocks[1])") == true, "\(reasons)")
        #expect(reasons["not-zstd.jsonl.zst"]?.contains("not a zstd file") == true, "\(reasons)")
        #expect(reasons["not-zstd.jsonl.zst"]?.contains("at byte 0") == true, "\(reasons)")
        #expect(reasons["garbage-after.jsonl.zst"]?.contains("at byte \(first.count)") == true, "\(reasons)")
        #expect(summary.exitCode == 1)
    }

    /// A frame whose header claims a 256 MiB window fails its shard at the frame's start, before
    /// libzstd allocates the window, with the window, the limit and the option that raises it; the
    /// lines before it are kept and the other shards go on. Raised, the limit lets it through.
    @Test func windowOverTheLimitFailsItsShardAlone() async throws {
        let lines = (0..<30).map { Self.good("w\($0)") }
        let stream: [UInt8] = lines.flatMap { $0 + [0x0A] }
        var first: [UInt8] = []
        try ZstdCompressor(level: 3).compress(Array(stream[..<(stream.count / 2)]), appendingTo: &first)
        // A hand-made frame: 8-byte content size, window descriptor 2^28, one raw block.
        let rest = Array(stream[(stream.count / 2)...])
        var wide: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0b11 << 6, (28 - 10) << 3]
        wide += withUnsafeBytes(of: UInt64(rest.count).littleEndian) { Array($0) }
        wide += withUnsafeBytes(of: (UInt32(rest.count) << 3 | 1).littleEndian) { Array($0.prefix(3)) }
        wide += rest
        let wholeLines = stream[..<(stream.count / 2)].filter { $0 == 0x0A }.count
        let shards = [
            HostileShard(name: "wide.jsonl.zst", file: first + wide, lines: wholeLines + 1, reasons: ["truncated"], fails: true),
            HostileShard(name: "fine.jsonl", lines: lines.map { ($0, nil) }),
        ]
        let (summary, _) = try await runHostile(shards, chunkSize: 1 << 10)
        #expect(summary.exitCode == 1)
        let failure = try #require(summary.failures.first)
        #expect(failure.shard == "wide.jsonl.zst")
        #expect(
            failure.reason.contains("zstd frame needs a window of 256MiB, more than the limit of 128MiB (raise it with --max-zstd-window"),
            "\(failure.reason)")
        #expect(failure.reason.contains("at byte \(first.count)"), "\(failure.reason)")

        let raised = [HostileShard(name: "wide.jsonl.zst", file: first + wide, lines: lines.count, reasons: [], fails: false)]
        let (again, _) = try await runHostile(raised, chunkSize: 1 << 10, maxZstdWindow: 256 << 20)
        #expect(again.exitCode == 0)
    }

    /// Where each block of a zstd frame starts in it (RFC 8878: the header's size follows from
    /// its descriptor; each block has a 3-byte header).
    private static func blockOffsets(ofFrame frame: [UInt8]) -> [Int] {
        let descriptor = frame[4]
        let singleSegment = descriptor & 0x20 != 0
        var offset = 5 + (singleSegment ? 0 : 1) + [0, 1, 2, 4][Int(descriptor & 3)] + [singleSegment ? 1 : 0, 2, 4, 8][Int(descriptor >> 6)]
        var offsets: [Int] = []
        while true {
            let header = Int(frame[offset]) | Int(frame[offset + 1]) << 8 | Int(frame[offset + 2]) << 16
            offsets.append(offset)
            offset += 3 + (header >> 1 & 3 == 1 ? 1 : header >> 3)
            if header & 1 != 0 { return offsets }
        }
    }

    /// A skippable frame: magic `0x184D2A50 | nibble` and a 4-byte size, both little-endian, then the payload.
    private func skippable(nibble: UInt8, payload: [UInt8]) -> [UInt8] {
        func littleEndian(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
        return littleEndian(0x184D_2A50 | UInt32(nibble & 0xF)) + littleEndian(UInt32(payload.count)) + payload
    }

    /// The bytes a `.zst` file decodes to before its end or its fault.
    private func decodedPrefix(_ file: [UInt8]) throws -> [UInt8] {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let path = Path.join(root, "prefix.jsonl.zst")
        try AtomicFile.write(file, to: path, durable: false)
        let source = try ShardByteSource(path: path)
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 12)
        while true {
            let n: Int
            do {
                n = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            } catch {
                return out
            }
            if n == 0 { return out }
            out += buffer[..<n]
        }
    }
}
