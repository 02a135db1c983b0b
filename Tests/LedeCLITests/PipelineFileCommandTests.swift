import Foundation
import Testing

@Suite("lede run with a pipeline file")
struct PipelineFileCommandTests {
    /// A scratch project: `corpus/` with `shards` sample shards of 150 documents each.
    private func project(shards: Int) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lede-pipeline-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Pipelines"), withIntermediateDirectories: true)
        let sample = try LedeProcess.run([
            "sample", "--output", root.appendingPathComponent("corpus").path, "--docs", "\(150 * shards)",
            "--shards", "\(shards)", "--seed", "3",
        ])
        #expect(sample.status == 0, "\(sample.error)")
        return root
    }

    private func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func runReadsThePipelineFileWithPathsRelativeToIt() throws {
        let root = try project(shards: 2)
        defer { try? FileManager.default.removeItem(at: root) }
        let pipeline = root.appendingPathComponent("Pipelines/sample.yaml")
        try write(
            """
            inputs:
              paths: [../corpus]
            tagger:
              kind: rules
            outputs:
              directory: ../out/sample
            run:
              jobs: 1
            """, to: pipeline)
        let run = try LedeProcess.run(["run", pipeline.path, "--quiet"], in: URL(fileURLWithPath: "/"))
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("2 shard(s), 300 lines, 300 documents"))
        #expect(run.error.contains("tagger rules"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/sample/aggregates/entities.csv").path))

        let firstShard = root.appendingPathComponent("corpus/sample-00000.jsonl.zst").path
        let elsewhere = root.appendingPathComponent("elsewhere").path
        let overridden = try LedeProcess.run(["run", pipeline.path, "--input", firstShard, "--output", elsewhere, "--quiet"])
        #expect(overridden.status == 0, "\(overridden.error)")
        #expect(overridden.output.contains("1 shard(s), 150 lines, 150 documents"))
        #expect(FileManager.default.fileExists(atPath: elsewhere + "/aggregates/entities.csv"))
    }

    @Test func aBadPipelineFileExitsTwoNamingItsLine() throws {
        let root = try project(shards: 1)
        defer { try? FileManager.default.removeItem(at: root) }
        let pipeline = root.appendingPathComponent("Pipelines/bad.yml")
        try write("inputs:\n  paths: [../corpus]\noutputs:\n  directory: ../out\nrun:\n  chunk_size: 4\n", to: pipeline)
        let unknown = try LedeProcess.run(["run", pipeline.path])
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("\(pipeline.path):6:3: run.chunk_size: unknown key \"chunk_size\": did you mean \"chunk-size\"?"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))

        try write("inputs:\n  paths:\n    - ../corpus\n    - ../missing\noutputs:\n  directory: ../out\n", to: pipeline)
        let missing = try LedeProcess.run(["run", pipeline.path])
        #expect(missing.status == 2)
        #expect(missing.error.contains("\(pipeline.path):4:7: inputs.paths[1]: input \(root.path)/missing does not exist"))

        let misplaced = try LedeProcess.run(["run", "--input", root.appendingPathComponent("corpus").path, pipeline.path])
        #expect(misplaced.status == 2)
        #expect(misplaced.error.contains("give it first"))
        let notYAML = try LedeProcess.run(["run", root.appendingPathComponent("corpus").path])
        #expect(notYAML.status == 2)
        #expect(notYAML.error.contains("not a pipeline file"))
    }
}
