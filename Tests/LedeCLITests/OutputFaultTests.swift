import Foundation
import Testing

/// An output that cannot be written (a full disk, a quota, an I/O error) stops
/// `lede run` with exit code 4 and a message naming the file; the previous
/// results stay as they were and the next run finishes the work.
///
/// The full disk is simulated without root: the run starts from a shell that
/// ignores SIGXFSZ and sets `ulimit -f`, so that a write taking a file past the
/// limit fails with EFBIG, as a write to a full disk fails with ENOSPC; both
/// reach the same error path. The limits are chosen from the sizes of a clean
/// run's files, so that the write that fails is a shard's documents, a table
/// of the merge, or the SQLite store.
@Suite("Output faults stop the run cleanly", .serialized)
struct OutputFaultTests {
    private static let shell = "/bin/bash"

    /// Whether `lede` starts at all under a file size limit: ThreadSanitizer's runtime does not
    /// (it dies of SIGBUS before `main`), so a `--sanitize=thread` build skips this suite.
    static let canRunUnderAFileSizeLimit: Bool = {
        guard FileManager.default.isExecutableFile(atPath: shell) else { return false }
        return (try? runLimited(["--help"], kibibytes: 64).status) == 0
    }()

    /// Runs `lede` with `arguments` in a shell whose file size limit is `kibibytes`.
    private static func runLimited(_ arguments: [String], kibibytes: Int) throws -> LedeProcess {
        guard let executable = LedeProcess.executable else { throw MissingExecutable() }
        let script = #"trap '' XFSZ; ulimit -f "$0" && exec "$@""#
        return try LedeProcess.run(executable: URL(fileURLWithPath: shell), ["-c", script, String(kibibytes), executable.path] + arguments)
    }

    private static func runArguments(_ corpus: String, _ out: String) -> [String] {
        ["run", "--input", corpus, "--output", out, "--tagger", "rules", "--jobs", "2", "--quiet", "--log-level", "warning"]
    }

    /// The size of every regular file below `directory`, by path relative to it.
    private static func sizes(_ directory: String) -> [String: Int] {
        KillAndResumeTests.tree(directory).mapValues(\.count)
    }

    /// Everything a reader of the output directory sees: tables, documents, rejects, the store.
    private static func results(_ out: String) -> [String: [String: Data]] {
        var results = KillAndResumeTests.outputs(out)
        results["store"] = ["lede.sqlite": FileManager.default.contents(atPath: out + "/lede.sqlite") ?? Data()]
        return results
    }

    @Test(.enabled(if: canRunUnderAFileSizeLimit, "needs /bin/bash, and a lede that runs under ulimit -f (not ThreadSanitizer's)"))
    func aFullDiskStopsTheRunAndTheNextRunResumes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lede-fault-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sample = root + "/sample"
        #expect(try LedeProcess.run(["sample", "--output", sample, "--docs", "600", "--shards", "2", "--seed", "71"]).status == 0)
        let corpus = root + "/corpus"
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: sample + "/sample-00000.jsonl.zst", toPath: corpus + "/sample-00000.jsonl.zst")
        // Yesterday's results, over one shard.
        let previous = root + "/previous"
        #expect(try LedeProcess.run(Self.runArguments(corpus, previous)).status == 0)
        // Tonight a new shard arrives; a clean run shows what the update must give.
        try FileManager.default.moveItem(atPath: sample + "/sample-00001.jsonl.zst", toPath: corpus + "/sample-00001.jsonl.zst")
        let clean = root + "/clean"
        #expect(try LedeProcess.run(Self.runArguments(corpus, clean)).status == 0)
        let expected = Self.results(clean)

        let sizes = Self.sizes(clean)
        let newDocuments = try #require(sizes["documents/sample-00001.jsonl.zst"])
        let shardFiles = sizes.filter { $0.key.hasPrefix("documents/") || $0.key.hasPrefix("_state/") }.values.max() ?? 0
        let tables = sizes.filter { $0.key.hasPrefix("aggregates/") }.values.max() ?? 0
        let store = try #require(sizes["lede.sqlite"])
        try #require(shardFiles + 2048 < tables && tables + 2048 < store, "the files' sizes leave no room between the stages: \(sizes)")
        // With two jobs the store is built beside the tables, so a limit just above the shards'
        // files may stop either of them first.
        let stages: [(name: String, kibibytes: Int, files: [String])] = [
            ("documents", newDocuments / 2 / 1024, ["documents/.sample-00001.jsonl.zst.inprogress"]),
            ("merge", shardFiles / 1024 + 1, [".aggregates.next-", "lede.sqlite.tmp"]),
            ("store", tables / 1024 + 1, ["lede.sqlite.tmp"]),
        ]
        for stage in stages {
            let out = root + "/out-\(stage.name)"
            try FileManager.default.copyItem(atPath: previous, toPath: out)
            let before = Self.results(out)

            let stopped = try Self.runLimited(Self.runArguments(corpus, out), kibibytes: stage.kibibytes)
            #expect(stopped.status == 4, "\(stage.name): \(stopped.error)")
            #expect(stopped.error.contains("the run stopped: cannot"), "\(stage.name): \(stopped.error)")
            #expect(
                stopped.error.contains(out + "/") && stage.files.contains { stopped.error.contains($0) },
                "\(stage.name) names the file: \(stopped.error)")
            let after = Self.results(out)
            // The tables and the store are replaced whole or not at all: the new tables may be
            // in place before the store fails, never a mix; the store is the previous one.
            #expect(after["aggregates"] == before["aggregates"] || after["aggregates"] == expected["aggregates"], "\(stage.name)")
            #expect(after["store"] == before["store"], "\(stage.name): the previous store is kept")
            #expect(after["documents"]?["sample-00000.jsonl.zst"] == before["documents"]?["sample-00000.jsonl.zst"], "\(stage.name)")
            if stage.name == "documents" { #expect(after == before, "nothing of the stopped shard shows") }
            let leftovers = Self.sizes(out).keys.filter { $0.contains(".inprogress") || $0.contains(".tmp") || $0.contains(".next-") }
            #expect(leftovers.isEmpty, "\(stage.name): \(leftovers)")

            let resumed = try LedeProcess.run(Self.runArguments(corpus, out))
            #expect(resumed.status == 0, "\(stage.name): \(resumed.error)")
            #expect(Self.results(out)["aggregates"] == expected["aggregates"], "\(stage.name)")
            #expect(Self.results(out)["documents"] == expected["documents"], "\(stage.name)")
            let top = try LedeProcess.run(["top", "--output", out, "--limit", "3"])
            #expect(top.status == 0 && !top.output.isEmpty, "\(stage.name): \(top.error)")
        }
    }
}
