import Foundation
import LedeIO
import LedePipeline
import Testing

/// Runs over the real news in `../shared/corpora` when it is there.
@Suite("Real news corpora")
struct RealCorpusTests {
    @Test func seedArticleYieldsItsPeoplePlacesAndOrganisations() async throws {
        guard let corpora = Fixtures.corpora else {
            print("skipped: ../shared/corpora is absent (real-text tests need it)")
            return
        }
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let out = Path.join(root, "seed")
        let summary = try await runPipeline(inputs: [Path.join(corpora, "seed/seed.jsonl")], output: out, jobs: 1)
        #expect(summary.documents == 1)
        #expect(summary.rejects == 0)
        let document = try Fixtures.readJSONLines(Path.join(out, "documents/seed.jsonl.zst"))[0]
        let entities = document["entities"] as! [[String: Any]]
        let found = Set(entities.map { "\($0["label"] as! String) \($0["canonical"] as! String)" })
        for expected in ["PER Juan Guaido", "PER Nicolas Maduro", "LOC Caracas", "LOC Venezuela", "ORG Pentagon"] {
            #expect(found.contains(expected), "missing \(expected) in \(found.sorted())")
        }
        // Offsets count Unicode scalars: the text at [start, end) is the surface text.
        let line = try Fixtures.readAll(Path.join(corpora, "seed/seed.jsonl"))
        let input = try JSONSerialization.jsonObject(with: Data(line)) as! [String: Any]
        let scalars = Array((input["text"] as! String).unicodeScalars)
        for entity in entities {
            let start = entity["start"] as! Int
            let end = entity["end"] as! Int
            var surface = String.UnicodeScalarView()
            surface.append(contentsOf: scalars[start..<end])
            #expect(String(surface) == entity["text"] as! String)
        }
    }

    @Test func newsShardsHaveNoRejectsAndAccountingHolds() async throws {
        guard let corpora = Fixtures.corpora else {
            print("skipped: ../shared/corpora is absent (real-text tests need it)")
            return
        }
        let root = try Fixtures.temporaryDirectory()
        defer { Fixtures.remove(root) }
        let out = Path.join(root, "news")
        let summary = try await runPipeline(inputs: [Path.join(corpora, "news")], output: out, jobs: 2, chunkSize: 4 << 20)
        #expect(summary.rejects == 0)
        #expect(summary.failures.isEmpty)
        #expect(summary.documents == 34_500)
        #expect(summary.lines == summary.documents)
        let entities = try String(contentsOfFile: Path.join(out, "aggregates/entities.csv"), encoding: .utf8)
        for name in ["Reuters", "London", "United States"] where !entities.contains(name) {
            Issue.record("entities.csv lacks \(name)")
        }
    }
}
