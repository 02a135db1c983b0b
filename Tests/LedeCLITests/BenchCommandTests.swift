import Foundation
import Testing

@Suite("lede bench")
struct BenchCommandTests {
    @Test("one round on a small corpus reports every stage, every whole run and the derived figures")
    func reportsEveryStage() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lede-bench-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("corpus").path
        #expect(try LedeProcess.run(["sample", "--output", corpus, "--docs", "200", "--shards", "2"]).status == 0)
        let bench = try LedeProcess.run([
            "bench", "--input", corpus, "--jobs", "2", "--repeat", "1", "--json",
            "--scratch", root.appendingPathComponent("scratch").path,
        ])
        #expect(bench.status == 0, "\(bench.error)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(bench.output.utf8)) as? [String: Any])
        let stages = try #require(report["stages"] as? [[String: Any]])
        let names = stages.compactMap { $0["name"] as? String }
        for expected in [
            "decompress (libzstd)", "+ lines and fields", "+ tokenize", "+ tag", "+ tag (model)", "+ aggregate", "+ write documents",
            "lede run, 1 job", "lede run, 2 jobs", "lede run, 1 job, model", "lede run, 2 jobs, model",
            "lede run, 1 job, + SQLite", "lede run, 2 jobs, model, + SQLite (the default run)",
        ] {
            #expect(names.contains(expected), "no stage \(expected) in \(names)")
        }
        for stage in stages {
            let rate = try #require(stage["mb_per_s"] as? Double, "\(stage)")
            #expect(rate > 0)
        }
        #expect(report["documents"] as? Int == 200)
        #expect(report["scaling"] is Double)
        #expect(report["model_share"] is Double)
        // Pinning needs a second core to mean anything; with one, the row may still be there.
        if ProcessInfo.processInfo.activeProcessorCount > 1 {
            #expect(names.contains("lede run, 1 job, 1 core"), "\(names)")
            #expect(report["core_scaling"] is Double)
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("scratch/run-1").path))
    }
}
