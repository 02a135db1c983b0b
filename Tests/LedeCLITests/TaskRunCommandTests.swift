import Foundation
import Testing

/// `lede run --task I --tasks N` into one output directory, then `lede merge`.
@Suite("Task runs on the command line")
struct TaskRunCommandTests {
    private static let tables = ["entities.csv", "cooccurrences.csv", "timeline.csv", "tags.csv"]

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lede-tasks-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func table(_ output: URL, _ name: String) throws -> Data {
        try Data(contentsOf: output.appendingPathComponent("aggregates").appendingPathComponent(name))
    }

    private func taskArguments(_ task: Int, corpus: URL, output: URL) -> [String] {
        ["run", "--input", corpus.path, "--output", output.path, "--task", String(task), "--tasks", "3", "--jobs", "1",
         "--tagger", "rules", "--quiet"]
    }

    @Test func threeTasksAndAMergeEqualOneRunSequentiallyAndConcurrently() async throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("corpus")
        #expect(try LedeProcess.run(["sample", "--output", corpus.path, "--docs", "300", "--shards", "8", "--seed", "5"]).status == 0)
        let single = root.appendingPathComponent("single")
        #expect(try LedeProcess.run(["run", "--input", corpus.path, "--output", single.path, "--jobs", "1", "--tagger", "rules", "--quiet"]).status == 0)

        let sequential = root.appendingPathComponent("sequential")
        for task in 0..<3 {
            let run = try LedeProcess.run(taskArguments(task, corpus: corpus, output: sequential))
            #expect(run.status == 0, "\(run.error)")
            #expect(run.output.contains("tables not merged"))
        }
        #expect(!FileManager.default.fileExists(atPath: sequential.appendingPathComponent("aggregates").path))

        let concurrent = root.appendingPathComponent("concurrent")
        let statuses = try await withThrowingTaskGroup(of: LedeProcess.self) { group in
            for task in 0..<3 {
                let arguments = taskArguments(task, corpus: corpus, output: concurrent)
                group.addTask { try LedeProcess.run(arguments) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.allSatisfy { $0.status == 0 }, "\(statuses.map(\.error))")

        for output in [sequential, concurrent] {
            let merge = try LedeProcess.run(["merge", "--output", output.path])
            #expect(merge.status == 0, "\(merge.error)")
            #expect(merge.output.contains("merged 8 partial(s)"))
            for name in Self.tables {
                #expect(try table(output, name) == table(single, name), "\(output.lastPathComponent)/\(name) differs from one run's")
            }
        }
    }

    @Test func mergeRefusesWhileShardsAreUnfinishedUnlessAllowedPartial() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("corpus")
        #expect(try LedeProcess.run(["sample", "--output", corpus.path, "--docs", "200", "--shards", "8", "--seed", "6"]).status == 0)
        let output = root.appendingPathComponent("out")
        #expect(try LedeProcess.run(taskArguments(0, corpus: corpus, output: output)).status == 0)
        let records = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("_state/shards").path)
        #expect(records.count < 8)

        let refused = try LedeProcess.run(["merge", "--output", output.path])
        #expect(refused.status == 5)
        #expect(refused.error.contains("\(8 - records.count) shard(s) of the run are not finished"))
        let listed = refused.error.split(separator: "\n").filter { $0.hasPrefix("  sample-") }
        #expect(listed.count == 8 - records.count)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("aggregates").path))

        let partial = try LedeProcess.run(["merge", "--output", output.path, "--allow-partial"])
        #expect(partial.status == 0, "\(partial.error)")
        #expect(partial.output.contains("merged \(records.count) partial(s)"))

        for task in 1..<3 { #expect(try LedeProcess.run(taskArguments(task, corpus: corpus, output: output)).status == 0) }
        #expect(try LedeProcess.run(["merge", "--output", output.path]).status == 0)
    }

    @Test func taskOptionsAreCheckedTogether() throws {
        let alone = try LedeProcess.run(["run", "--input", "x", "--output", "y", "--task", "1"])
        #expect(alone.status == 2)
        #expect(alone.error.contains("--task I and --tasks N together"))
        let outside = try LedeProcess.run(["run", "--input", "x", "--output", "y", "--task", "3", "--tasks", "3"])
        #expect(outside.status == 2)
        #expect(outside.error.contains("between 0 and 2"))
    }
}
