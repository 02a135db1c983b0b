import Foundation
import LedeIO
import LedeSample
import Testing

/// Documents of the project's own sample corpus, re-written with random escaping, scan back to the
/// same text: line by line, and through `ChunkReader` when frames and chunks cut the lines anywhere.
@Suite("Sample documents, escaped at random")
struct SampleDocumentRoundTripTests {
    static let corpus = SampleCorpus(seed: 20_240_611)
    /// Scalars above U+FFFF, which sample text rarely has: escaped, they become surrogate pairs.
    static let astral: [Unicode.Scalar] = ["\u{1F642}", "\u{1D400}", "\u{1F1FB}", "\u{10348}", "\u{10FFFF}", "\u{1F600}"]

    /// A document's fields as Foundation's JSON parser reads them, independently of the scanner.
    struct Fields {
        var id: String
        var text: String
        var date: String
        var source: String
    }

    static func fields(of line: [UInt8]) throws -> Fields {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        return Fields(
            id: try #require(object["id"] as? String), text: try #require(object["text"] as? String),
            date: try #require(object["date"] as? String), source: try #require(object["source"] as? String))
    }

    /// JSON white space that keeps a line one line (no `\n`).
    static func whitespace(_ rng: inout SplitMix64) -> String {
        ["", "", " ", "\t", "  ", " \r\t "][Int(rng.next() % 6)]
    }

    /// `fields` as one JSON line: members in random order with random white space, every string
    /// escaped at random, astral scalars put into the text, and a nested decoy `text` member.
    static func reescaped(_ fields: Fields, _ rng: inout SplitMix64) -> (line: [UInt8], text: String) {
        var text = String.UnicodeScalarView()
        for scalar in fields.text.unicodeScalars {
            if rng.next() % 200 == 0 { text.append(astral[Int(rng.next() % UInt64(astral.count))]) }
            text.append(scalar)
        }
        let members = [
            #""text""# + ":" + JSONRoundTripTests.encode(String(text), &rng),
            #""id""# + ":" + JSONRoundTripTests.encode(fields.id, &rng),
            #""date""# + ":" + JSONRoundTripTests.encode(fields.date, &rng),
            #""source""# + ":" + JSONRoundTripTests.encode(fields.source, &rng),
            #""meta":{"text":"# + JSONRoundTripTests.encode(fields.source, &rng) + "}",
        ].shuffled(using: &rng)
        var line = whitespace(&rng) + "{"
        for (k, member) in members.enumerated() {
            line += whitespace(&rng) + (k > 0 ? "," : "") + whitespace(&rng) + member
        }
        line += "}" + (rng.next() % 4 == 0 ? "\r" : "")
        return (Array(line.utf8), String(text))
    }

    @Test func generatedDocumentsScanToWhatFoundationReads() throws {
        var scanner = JSONFieldScanner()
        for number in 0..<400 {
            let line = Self.corpus.document(number: number)
            let expected = try Self.fields(of: line)
            let scanned = try #require(scanner.scanBytes(line).accepted, "document \(number)")
            #expect(scanned.text == Array(expected.text.utf8), "document \(number)")
            #expect(scanned.idString == expected.id && scanned.dateString == expected.date)
            #expect(scanned.sourceString == expected.source)
        }
    }

    @Test func reescapedDocumentsScanToTheSameText() throws {
        var rng = SplitMix64(seed: 91)
        var scanner = JSONFieldScanner()
        for number in 0..<400 {
            let fields = try Self.fields(of: Self.corpus.document(number: number))
            let (line, text) = Self.reescaped(fields, &rng)
            let scanned = try #require(scanner.scanBytes(line).accepted, "document \(number)")
            #expect(scanned.text == Array(text.utf8), "document \(number)")
            #expect(scanned.idString == fields.id && scanned.dateString == fields.date)
            #expect(scanned.sourceString == fields.source)
        }
    }

    @Test(arguments: [(1, 4), (7, 5), (1_000, 13), (64 << 10, 1 << 17)])
    func reescapedShardReadInTinyPiecesScansTheSame(chunkSize: Int, inputBufferSize: Int) throws {
        var rng = SplitMix64(seed: 5)
        var stream: [UInt8] = []
        var texts: [[UInt8]] = []
        for number in 0..<40 {
            let (line, text) = Self.reescaped(try Self.fields(of: Self.corpus.document(number: number)), &rng)
            stream += line + [0x0A]
            texts.append(Array(text.utf8))
        }
        // Frames of 1 to 64 decoded bytes cut escapes, multi-byte characters and lines anywhere.
        let compressor = try ZstdCompressor(level: 1)
        var file: [UInt8] = []
        var start = 0
        while start < stream.count {
            let end = min(start + 1 + Int(rng.next() % 64), stream.count)
            try compressor.compress(Array(stream[start..<end]), appendingTo: &file)
            start = end
        }
        try withScratchDirectory { root in
            let path = Path.join(root, "escaped.jsonl.zst")
            try writeFileBytes(file, to: path)
            let reader = ChunkReader(
                source: try ShardByteSource(path: path, inputBufferSize: inputBufferSize),
                options: ChunkingOptions(chunkSize: chunkSize), spillDirectory: Path.join(root, "spill"))
            var scanner = JSONFieldScanner()
            var scanned: [[UInt8]] = []
            while let chunk = try reader.next() {
                guard case .lines(let bytes) = chunk.content else {
                    Issue.record("unexpected chunk \(chunk.content)")
                    continue
                }
                for line in bytes.split(separator: 0x0A) {
                    scanned.append(try #require(scanner.scanBytes(Array(line)).accepted).text)
                }
            }
            #expect(scanned == texts)
        }
    }
}
