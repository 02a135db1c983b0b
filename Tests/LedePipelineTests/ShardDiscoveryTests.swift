import LedeIO
import LedePipeline
import Testing

@Suite("Shard discovery")
struct ShardDiscoveryTests {
    @Test func directoriesAreSearchedRecursivelyAndNamedRelatively() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        for name in ["b.jsonl.zst", "a/x.jsonl", "a/deep/y.jsonl.zst", "notes.txt", ".hidden.jsonl"] {
            try AtomicFile.write([], to: Path.join(root, name), durable: false)
        }
        let shards = try ShardDiscovery.shards(for: [root])
        #expect(shards.map(\.relativePath) == ["a/deep/y.jsonl.zst", "a/x.jsonl", "b.jsonl.zst"])
        #expect(shards.map(\.stem) == ["a/deep/y", "a/x", "b"])
    }

    @Test func globsFilesAndErrors() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        for name in ["one/s1.jsonl.zst", "one/s2.jsonl.zst", "two/s1.jsonl.zst"] {
            try AtomicFile.write([], to: Path.join(root, name), durable: false)
        }
        #expect(try ShardDiscovery.shards(for: [Path.join(root, "one/*.jsonl.zst")]).map(\.relativePath) == ["s1.jsonl.zst", "s2.jsonl.zst"])
        #expect(try ShardDiscovery.shards(for: [Path.join(root, "one/s1.jsonl.zst"), Path.join(root, "one/s1.jsonl.zst")]).count == 1)
        #expect(throws: DiscoveryError.self) {
            try ShardDiscovery.shards(for: [Path.join(root, "one/s1.jsonl.zst"), Path.join(root, "two/s1.jsonl.zst")])
        }
        #expect(throws: DiscoveryError.self) { try ShardDiscovery.shards(for: [Path.join(root, "missing")]) }
        #expect(throws: DiscoveryError.self) { try ShardDiscovery.shards(for: [Path.join(root, "none/*.jsonl")]) }
    }

    @Test func twoShardsWithOneDocumentsFileAreAnError() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        for name in ["a.jsonl", "a.jsonl.zst", "b.jsonl"] {
            try AtomicFile.write([], to: Path.join(root, name), durable: false)
        }
        #expect(throws: DiscoveryError.self) { try ShardDiscovery.shards(for: [root]) }
        #expect(try ShardDiscovery.shards(for: [Path.join(root, "a.jsonl"), Path.join(root, "b.jsonl")]).count == 2)
    }

    @Test func flatNamesAreReversibleAndUnique() {
        #expect(OutputLayout.flatName("a/b%c.jsonl.zst") == "a%2Fb%25c.jsonl.zst")
        #expect(OutputLayout.flatName("a%2Fb") != OutputLayout.flatName("a/b"))
        for path in ["a/b%c.jsonl.zst", "a%2Fb", "a/b", "%", "%%2F/", "日本/x%25.jsonl", "plain.jsonl"] {
            #expect(OutputLayout.relativePath(fromFlatName: OutputLayout.flatName(path)) == path)
        }
    }
}

@Suite("Line counting")
struct LineCounterTests {
    @Test func countsMatchANaiveCount() {
        var rng = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 8, 9, 63, 64, 65, 1000] {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) & (Bool.random() ? 0x0A : 0xFF) }
                let naive = bytes.filter { $0 == 0x0A }.count
                #expect(bytes.withUnsafeBytes(LineCounter.countNewlines) == naive)
                let lines = bytes.isEmpty ? 0 : (bytes.last == 0x0A ? naive : naive + 1)
                #expect(bytes.withUnsafeBytes(LineCounter.count) == lines)
            }
        }
    }
}
