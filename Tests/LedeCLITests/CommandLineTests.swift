import Foundation
import Testing

/// Runs the built `lede` executable, as users and cron do.
struct LedeProcess {
    var status: Int32
    var output: String
    var error: String

    /// The `lede` built with the tests: beside the test binary, so that a build with
    /// another `--scratch-path` (a sanitizer's, say) tests its own executable; else
    /// the package's `.build/debug` or `.build/release`.
    static var executable: URL? {
        if let tests = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let beside = tests.deletingLastPathComponent().appendingPathComponent("lede")
            if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for configuration in ["debug", "release"] {
            let url = root.appendingPathComponent(".build/\(configuration)/lede")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> LedeProcess {
        guard let executable else { throw MissingExecutable() }
        return try run(executable: executable, arguments, in: directory)
    }

    /// Runs another executable (a shell that starts `lede`, or a copy of `lede`), with
    /// `environment` added to this process's.
    static func run(
        executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> LedeProcess {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return LedeProcess(
            status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
            error: String(decoding: errData, as: UTF8.self))
    }
}

/// The tests run the built binary; `swift build` (or `make test`) makes it.
struct MissingExecutable: Error, CustomStringConvertible {
    var description: String { "no lede beside the test binary, nor .build/debug/lede or .build/release/lede: run `swift build --build-tests` first" }
}

@Suite("The lede command line")
struct CommandLineTests {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lede-cli-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func badUsageExitsTwoWithAMessage() throws {
        let unknown = try LedeProcess.run(["run", "--input", "x", "--output", "y", "--no-such-option"])
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("no-such-option"))
        let noInput = try LedeProcess.run(["run", "--output", "/tmp/lede-never"])
        #expect(noInput.status == 2)
        #expect(noInput.error.contains("--input"))
        let missing = try LedeProcess.run(["run", "--input", "/nonexistent/shards", "--output", "/tmp/lede-never"])
        #expect(missing.status == 2)
        #expect(missing.error.contains("/nonexistent/shards"))
        let topWithoutRun = try LedeProcess.run(["top", "--output", "/nonexistent/out"])
        #expect(topWithoutRun.status == 2)
        #expect(topWithoutRun.error.contains("lede run"))
    }

    @Test func unusableOutputDirectoryExitsTwo() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let corpus = root.appendingPathComponent("corpus").path
        #expect(try LedeProcess.run(["sample", "--output", corpus, "--docs", "20", "--shards", "1"]).status == 0)
        let result = try LedeProcess.run(["run", "--input", corpus, "--output", file.appendingPathComponent("out").path])
        #expect(result.status == 2)
        #expect(result.error.contains("--output"))
    }

    @Test func sampleRunTopAndMergeWorkTogether() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("corpus").path
        let out = root.appendingPathComponent("out").path
        let sample = try LedeProcess.run(["sample", "--output", corpus, "--docs", "300", "--shards", "2", "--seed", "5"])
        #expect(sample.status == 0)
        let run = try LedeProcess.run(["run", "--input", corpus, "--output", out])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("300 documents"))
        #expect(run.output.contains("MB/s"))
        let top = try LedeProcess.run(["top", "--output", out, "--label", "PER", "--limit", "5"])
        #expect(top.status == 0)
        #expect(top.output.split(separator: "\n").count == 6)
        #expect(top.output.contains("PER"))
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/aggregates/entities.csv"))
        try FileManager.default.removeItem(atPath: out + "/aggregates")
        let merge = try LedeProcess.run(["merge", "--output", out])
        #expect(merge.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/aggregates/entities.csv")) == before)
        // Partials without records (an older lede's output) are not merged into empty tables.
        try FileManager.default.removeItem(atPath: out + "/_state/shards")
        let unrecorded = try LedeProcess.run(["merge", "--output", out])
        #expect(unrecorded.status == 2)
        #expect(unrecorded.error.contains("no shard records"), "\(unrecorded.error)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/aggregates/entities.csv")) == before)
    }

    @Test func metricsFileForATextfileCollector() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("corpus").path
        let out = root.appendingPathComponent("out").path
        let metrics = root.appendingPathComponent("lede.prom").path
        #expect(try LedeProcess.run(["sample", "--output", corpus, "--docs", "120", "--shards", "2"]).status == 0)
        let run = try LedeProcess.run(["run", "--input", corpus, "--output", out, "--tagger", "rules", "--no-sqlite", "--metrics", metrics])
        #expect(run.status == 0, "\(run.error)")
        let text = try String(contentsOfFile: metrics, encoding: .utf8)
        #expect(text.contains("lede_documents_total{output=\"\(out)\"} 120\n"), "\(text)")
        #expect(text.contains("lede_last_success_timestamp_seconds{output=\"\(out)\"} "))
    }

    @Test func rejectsMakeTheExitCodeOne() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let shard = root.appendingPathComponent("bad.jsonl")
        try Data("{\"text\":\"Fine in Paris.\"}\nnot json\n".utf8).write(to: shard)
        let run = try LedeProcess.run(["run", "--input", shard.path, "--output", root.appendingPathComponent("out").path])
        #expect(run.status == 1)
        #expect(run.output.contains("not-json 1"))
    }

    @Test func userGazetteerNamesReachTheAggregates() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let shard = root.appendingPathComponent("news.jsonl")
        try Data(#"""
            {"id":"a","date":"2019-05-12","text":"The U.S. SOUTHCOM said opposition leader Juan Guaido met officers in Caracas. Guaido spoke."}
            {"id":"b","date":"2019-05-13","text":"SOUTHCOM tweeted again."}

            """#.utf8).write(to: shard)
        let tsv = root.appendingPathComponent("names.tsv")
        try Data("SOUTHCOM\tORG\tU.S. Southern Command\nGuaido\tPER\tJuan Guaidó\n".utf8).write(to: tsv)
        for tagger in ["rules", "model"] {
            let out = root.appendingPathComponent("out-\(tagger)").path
            let run = try LedeProcess.run(["run", "--input", shard.path, "--output", out, "--tagger", tagger,
                                           "--gazetteer", tsv.path, "--quiet"])
            #expect(run.status == 0, "\(run.error)")
            let entities = try String(contentsOfFile: out + "/aggregates/entities.csv", encoding: .utf8)
            #expect(entities.contains("U.S. Southern Command,ORG,2,2,2019-05-12,2019-05-13"), "\(tagger): \(entities)")
            #expect(entities.contains("Juan Guaidó,PER,2,1,2019-05-12,2019-05-12"), "\(tagger): \(entities)")
        }
    }

    @Test func badGazetteerExitsTwoNamingTheLine() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let shard = root.appendingPathComponent("news.jsonl")
        try Data("{\"text\":\"Fine in Paris.\"}\n".utf8).write(to: shard)
        let yaml = root.appendingPathComponent("names.yaml")
        try Data("- name: SOUTHCOM\n  label: ORG\n- name: Guaido\n  label: PERSON\n".utf8).write(to: yaml)
        let out = root.appendingPathComponent("out").path
        let run = try LedeProcess.run(["run", "--input", shard.path, "--output", out, "--gazetteer", yaml.path])
        #expect(run.status == 2)
        #expect(run.error.contains("names.yaml:4: unknown label 'PERSON'"), "\(run.error)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let gold = root.appendingPathComponent("gold.jsonl")
        try Data("{\"id\":\"g\",\"text\":\"Fine in Paris.\",\"entities\":[]}\n".utf8).write(to: gold)
        let eval = try LedeProcess.run(["eval", "--gold", gold.path, "--gazetteer", yaml.path])
        #expect(eval.status == 2)
        #expect(eval.error.contains("names.yaml:4: unknown label 'PERSON'"), "\(eval.error)")
    }
}

@Suite("lede status and reruns from the command line")
struct StatusCommandTests {
    @Test func statusFollowsTheArchive() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lede-status-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("corpus").path
        let out = root.appendingPathComponent("out").path
        #expect(try LedeProcess.run(["status", "--output", out]).status == 2, "no run yet, no inputs given")
        #expect(try LedeProcess.run(["sample", "--output", corpus, "--docs", "60", "--shards", "2"]).status == 0)
        let run = try LedeProcess.run(["run", "--input", corpus, "--output", out, "--tagger", "rules", "--quiet"])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("2 new, 0 changed, 0 unchanged"), "\(run.output)")
        let again = try LedeProcess.run(["run", "--input", corpus, "--output", out, "--tagger", "rules", "--quiet"])
        #expect(again.status == 0)
        #expect(again.output.contains("nothing to do: 2 shard(s) unchanged"), "\(again.output)")
        let clean = try LedeProcess.run(["status", "--output", out])
        #expect(clean.status == 0)
        #expect(clean.output.contains("shards: 2 (2 done, 0 failed, 0 changed, 0 pending)"), "\(clean.output)")
        #expect(clean.output.contains("up to date"))

        try FileManager.default.removeItem(atPath: corpus + "/sample-00001.jsonl.zst")
        try Data("{\"text\": \"Fresh news from Madrid.\"}\n".utf8).write(to: URL(fileURLWithPath: corpus + "/late.jsonl"))
        let json = try LedeProcess.run(["status", "--output", out, "--json"])
        #expect(json.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as! [String: Any]
        let totals = report["totals"] as! [String: Any]
        #expect(totals["pending"] as? Int == 1)
        #expect(totals["missing"] as? Int == 1)
        #expect(totals["done"] as? Int == 1)

        let kept = try LedeProcess.run(["run", "--input", corpus, "--output", out, "--tagger", "rules", "--quiet", "--keep-missing"])
        #expect(kept.output.contains("kept missing shard: sample-00001.jsonl.zst"), "\(kept.output)")
        let removed = try LedeProcess.run(["run", "--input", corpus, "--output", out, "--tagger", "rules", "--quiet"])
        #expect(removed.output.contains("removed shard: sample-00001.jsonl.zst"), "\(removed.output)")
        #expect(try LedeProcess.run(["status", "--output", out]).output.contains("up to date"))
        #expect(try LedeProcess.run(["run", "--input", corpus, "--output", out, "--checkpoint-chunks", "-1"]).status == 2)
    }

    @Test func duplicateIDsAndTheEntityLimitAreReported() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lede-limits-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("news.jsonl")
        try Data(
            (#"{"id":"a","text":"Angela Merkel met Juan Guaido in Berlin and Paris."}"# + "\n"
                + #"{"id":"a","text":"A second story under the same id."}"# + "\n"
                + #"{"id":"b","text":"Nothing named here."}"# + "\n").utf8
        ).write(to: corpus)
        let out = root.appendingPathComponent("out").path
        let arguments = ["run", "--input", corpus.path, "--output", out, "--tagger", "rules", "--quiet"]
        let run = try LedeProcess.run(arguments + ["--dedupe-ids", "--max-entities", "2"])
        #expect(run.status == 1, "a rejected line: \(run.error)")
        #expect(run.output.contains("3 lines, 2 documents, 1 rejects"), "\(run.output)")
        #expect(run.output.contains("rejects: duplicate-id 1"), "\(run.output)")
        #expect(run.output.contains("entity limit: 1 document(s) cut"), "\(run.output)")
        let stats = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/aggregates/stats.json"))) as! [String: Any]
        #expect(stats["entity_limit_documents"] as? Int == 1)
        #expect((stats["rejects"] as? [String: Int]) == ["duplicate-id": 1])
        // Without the options the shard's settings changed: processed again, no reject, no cut.
        let plain = try LedeProcess.run(arguments)
        #expect(plain.status == 0, "\(plain.output)")
        #expect(!plain.output.contains("entity limit"), "\(plain.output)")
        #expect(try LedeProcess.run(arguments + ["--max-entities", "0"]).status == 2)
    }
}
