import Foundation
import Testing

@Suite("lede run with a pipeline file")
struct PipelineFileCommandTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

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

    @Test func thePipelineFilesGazetteersApply() throws {
        let root = try project(shards: 1)
        defer { try? FileManager.default.removeItem(at: root) }
        try write("Zorbatov Quillane\tPER\tZ. Quillane\n", to: root.appendingPathComponent("Pipelines/names/ours.tsv"))
        try write("{\"text\":\"Zorbatov Quillane spoke. Quillane left.\"}\n", to: root.appendingPathComponent("corpus/extra.jsonl"))
        let pipeline = root.appendingPathComponent("Pipelines/names.yaml")
        try write(
            """
            inputs:
              paths: [../corpus/extra.jsonl]
            tagger:
              kind: rules
              gazetteers: [names/ours.tsv]
            outputs:
              directory: ../out/names
            """, to: pipeline)
        let run = try LedeProcess.run(["run", pipeline.path, "--quiet"], in: URL(fileURLWithPath: "/"))
        #expect(run.status == 0, "\(run.error)")
        let entities = try String(contentsOfFile: root.appendingPathComponent("out/names/aggregates/entities.csv").path, encoding: .utf8)
        #expect(entities.contains("Z. Quillane,PER,2,1"), "\(entities)")
    }

    @Test func theRunSectionsStateOptionsReachTheRun() throws {
        let root = try project(shards: 2)
        defer { try? FileManager.default.removeItem(at: root) }
        let pipeline = root.appendingPathComponent("Pipelines/keep.yaml")
        try write(
            """
            inputs: {paths: [../corpus]}
            tagger: {kind: rules}
            outputs: {directory: ../out}
            run: {checkpoint-chunks: 0, keep-missing: true}
            """, to: pipeline)
        #expect(try LedeProcess.run(["run", pipeline.path, "--quiet"]).status == 0)
        try FileManager.default.removeItem(at: root.appendingPathComponent("corpus/sample-00001.jsonl.zst"))
        let kept = try LedeProcess.run(["run", pipeline.path, "--quiet"])
        #expect(kept.status == 0, "\(kept.error)")
        #expect(kept.output.contains("kept missing shard: sample-00001.jsonl.zst"), "\(kept.output)")
        let removed = try LedeProcess.run(["run", pipeline.path, "--no-keep-missing", "--quiet"])
        #expect(removed.status == 0, "\(removed.error)")
        #expect(removed.output.contains("removed shard: sample-00001.jsonl.zst"), "\(removed.output)")
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

    /// Runs the crontab line of `Pipelines/cron/lede-nightly.cron` as cron would
    /// (`\%` made `%`, `/bin/sh`, a bare PATH, the home directory as working
    /// directory) in a scratch checkout holding the shipped `Pipelines/news.yaml`.
    @Test func theNightlyCrontabLineRunsTheNewsPipeline() throws {
        let executable = try #require(LedeProcess.executable, "run `swift build` first")
        let cron = try String(contentsOf: Self.repository.appendingPathComponent("Pipelines/cron/lede-nightly.cron"), encoding: .utf8)
        let lines = cron.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("LEDE_HOME=") == true)
        let job = try #require(lines.last)
        let fields = job.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
        #expect(fields.count == 6)
        #expect(!fields[5].replacingOccurrences(of: "\\%", with: "").contains("%"), "cron ends a command at a bare %")
        let command = fields[5].replacingOccurrences(of: "\\%", with: "%")

        let root = try project(shards: 2)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.moveItem(at: root.appendingPathComponent("corpus"), to: root.appendingPathComponent("archive"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".build/release"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent(".build/release/lede"), withDestinationURL: executable)
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("Models"), withDestinationURL: Self.repository.appendingPathComponent("Models"))
        try FileManager.default.copyItem(
            at: Self.repository.appendingPathComponent("Pipelines/news.yaml"),
            to: root.appendingPathComponent("Pipelines/news.yaml"))

        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", command]
        shell.environment = ["LEDE_HOME": root.path, "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "SHELL": "/bin/sh"]
        shell.currentDirectoryURL = URL(fileURLWithPath: NSTemporaryDirectory())
        let errors = Pipe()
        shell.standardError = errors
        try shell.run()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0, "\(errorText)")

        let logs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("logs").path)
        #expect(logs.count == 1)
        let log = try #require(logs.first)
        #expect(log.wholeMatch(of: /lede-\d{4}-\d\d-\d\d\.log/) != nil, "\(log)")
        let text = try String(contentsOf: root.appendingPathComponent("logs/\(log)"), encoding: .utf8)
        #expect(text.contains("2 shard(s), 300 lines, 300 documents"), "\(text)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/news/aggregates/entities.csv").path))
    }
}
