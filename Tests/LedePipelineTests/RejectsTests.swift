import Foundation
import LedeIO
import LedePipeline
import Testing

@Suite("Bad input becomes counted, kept rejects")
struct RejectsTests {
    private static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func everyBadLineIsKeptWithItsReason() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let good = Self.bytes(#"{"id":"a","text":"Juan Guaido spoke in Caracas.","date":"2019-05-12"}"#)
        let lines: [[UInt8]] = [
            good,
            Self.bytes("this is not json"),
            Self.bytes(#"["an","array"]"#),
            Self.bytes(#"{"id":"b"}"#),
            Self.bytes(#"{"id":"c","text":42}"#),
            Self.bytes(#"{"id":"d","text":"bad "#) + [0xC3, 0x28] + Self.bytes(#" utf8"}"#),
            Self.bytes(#"{"id":"e","text":"ok","date":"2019-05-13"}"#),
            Self.bytes(#"{"id":"f","text":"x"#) + Array(repeating: UInt8(ascii: "y"), count: 3000) + Self.bytes(#""}"#),
            Self.bytes(#"{"id":"g","text":"after the long line"}"#),
        ]
        let shard = Path.join(root, "in/mixed.jsonl.zst")
        try Fixtures.writeShard(lines, to: shard)
        let out = Path.join(root, "out")
        let summary = try await runPipeline(inputs: [shard], output: out, jobs: 2, chunkSize: 1024, maxLineLength: 2048)
        #expect(summary.lines == 9)
        #expect(summary.documents == 3)
        #expect(summary.rejectsByReason == [
            "not-json": 1, "not-object": 1, "missing-text": 1, "text-not-string": 1, "invalid-utf8": 1, "too-long": 1,
        ])
        #expect(summary.exitCode == 1)
        let layout = OutputLayout(root: out)
        let kept = try Fixtures.readAll(layout.rejectedLinesPath(for: Shard(path: shard, relativePath: "mixed.jsonl.zst")))
        let expected: [UInt8] = [1, 2, 3, 4, 5, 7].flatMap { lines[$0] + [UInt8(0x0A)] }
        #expect(kept == expected, "rejected lines must be kept byte for byte, in input order")
        let reasons = try Fixtures.readJSONLines(layout.rejectReasonsPath(for: Shard(path: shard, relativePath: "mixed.jsonl.zst")))
        #expect(reasons.map { $0["line"] as! Int } == [2, 3, 4, 5, 6, 8])
        #expect(reasons.map { $0["reason"] as! String } == ["not-json", "not-object", "missing-text", "text-not-string", "invalid-utf8", "too-long"])
        #expect(reasons.allSatisfy { $0["shard"] as? String == "mixed.jsonl.zst" })
        let documents = try Fixtures.readJSONLines(layout.documentsPath(for: Shard(path: shard, relativePath: "mixed.jsonl.zst")))
        #expect(documents.map { $0["id"] as! String } == ["a", "e", "g"])
    }

    @Test func aTruncatedShardFailsAloneAndKeepsWhatCameBefore() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let input = Path.join(root, "in")
        var lines: [[UInt8]] = []
        for i in 0..<2000 {
            lines.append(Self.bytes(#"{"id":"n\#(i)","text":"Report \#(i) from Caracas about Venezuela and the Pentagon, with some more words to fill."}"#))
        }
        try Fixtures.writeShard(lines, to: Path.join(input, "good.jsonl.zst"))
        let cutPath = Path.join(input, "cut.jsonl.zst")
        // One frame per 100 lines, as archives are written: a cut leaves whole frames before it.
        try Fixtures.writeShard(lines, to: cutPath, linesPerFrame: 100)
        let whole = try Data(contentsOf: URL(fileURLWithPath: cutPath))
        try whole.prefix(whole.count * 2 / 3).write(to: URL(fileURLWithPath: cutPath))
        let out = Path.join(root, "out")
        let summary = try await runPipeline(inputs: [input], output: out, jobs: 2, chunkSize: 8 << 10)
        #expect(summary.failures.count == 1)
        #expect(summary.failures.first?.shard == "cut.jsonl.zst")
        #expect(summary.failures.first?.reason.contains("byte") == true)
        #expect(summary.exitCode == 1)
        let cutDocuments = try Fixtures.readJSONLines(OutputLayout(root: out).documentsPath(for: Shard(path: cutPath, relativePath: "cut.jsonl.zst")))
        #expect(cutDocuments.count > 100, "documents decoded before the fault are kept")
        #expect(cutDocuments.enumerated().allSatisfy { $0.element["id"] as? String == "n\($0.offset)" })
        #expect(summary.lines == summary.documents + summary.rejects)
        #expect(summary.documents == 2000 + cutDocuments.count)
    }

    @Test func plainJSONLAndAFinalLineWithoutNewline() async throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let shard = Path.join(root, "plain.jsonl")
        try Fixtures.writeShard(
            [Self.bytes(#"{"text":"First in Caracas."}"#), Self.bytes("{\"text\":\"Second.\"}\r")], to: shard, zstd: false,
            trailingNewline: false)
        let out = Path.join(root, "out")
        let summary = try await runPipeline(inputs: [shard], output: out, jobs: 1)
        #expect(summary.documents == 2)
        #expect(summary.rejects == 0)
        let documents = try Fixtures.readJSONLines(Path.join(out, "documents/plain.jsonl.zst"))
        #expect(documents.map { $0["id"] as! String } == ["plain.jsonl:1", "plain.jsonl:2"])
    }
}
