import Foundation
import Testing

/// A `lede` process whose output is collected while it runs, so that a test can
/// kill it at a moment it chooses.
final class RunningLede: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var errorText = ""
    private var outputText = ""
    private var watch: (pattern: String, seen: DispatchSemaphore)?

    init(_ arguments: [String]) throws {
        guard let executable = LedeProcess.executable else { throw MissingExecutable() }
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            self?.lock.withLock { self?.outputText += text }
        }
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            self?.received(String(decoding: handle.availableData, as: UTF8.self))
        }
        try process.run()
    }

    private func received(_ text: String) {
        lock.withLock {
            errorText += text
            if let watch, errorText.contains(watch.pattern) {
                watch.seen.signal()
                self.watch = nil
            }
        }
    }

    /// Waits until standard error contains `pattern` (or the process ends).
    func waitFor(_ pattern: String, timeout: Double = 120) {
        let seen = DispatchSemaphore(value: 0)
        let already = lock.withLock { () -> Bool in
            if errorText.contains(pattern) { return true }
            watch = (pattern, seen)
            return false
        }
        if already { return }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline {
            if seen.wait(timeout: .now() + .milliseconds(5)) == .success { return }
        }
    }

    /// Kills the process with SIGKILL if it is still running; returns whether it was.
    @discardableResult
    func kill() -> Bool {
        let running = process.isRunning
        if running { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return running && process.terminationReason == .uncaughtSignal
    }

    /// Waits for the end; the exit status and both outputs.
    func finish() -> (status: Int32, output: String, error: String) {
        process.waitUntilExit()
        // Let the handlers take the last bytes.
        Thread.sleep(forTimeInterval: 0.05)
        return lock.withLock { (process.terminationStatus, outputText, errorText) }
    }
}

/// SIGKILL at many moments of `lede run`, then a rerun: the outputs must equal
/// those of one uninterrupted run, and a killed run must leave the previous
/// tables whole.
@Suite("Killed runs resume to identical outputs", .serialized)
struct KillAndResumeTests {
    private static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lede-kill-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file below `directory` with its bytes (hidden ones included: a
    /// leftover temporary file counts as a difference).
    static func tree(_ directory: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return files }
        while let name = enumerator.nextObject() as? String {
            let path = directory + "/" + name
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[name] = FileManager.default.contents(atPath: path)
            }
        }
        return files
    }

    /// The outputs a resumed run must reproduce byte for byte.
    static func outputs(_ out: String) -> [String: [String: Data]] {
        ["aggregates": tree(out + "/aggregates"), "documents": tree(out + "/documents"), "rejects": tree(out + "/rejects")]
    }

    /// A corpus with a shard of several chunks and a bad line, old enough for checkpoints to be trusted.
    private static func makeCorpus(_ root: URL, seed: Int) throws -> String {
        let corpus = root.appendingPathComponent("corpus").path
        let sample = try LedeProcess.run(["sample", "--output", corpus, "--docs", "1400", "--shards", "2", "--seed", String(seed)])
        try #require(sample.status == 0, "\(sample.error)")
        try Data("{\"text\": \"Talks in Geneva.\"}\nnot json\n{\"text\": \"Juan Guaido spoke in Caracas.\"}\n".utf8)
            .write(to: URL(fileURLWithPath: corpus + "/extra.jsonl"))
        // A checkpoint of a file changed less than two seconds before its run is not trusted.
        Thread.sleep(forTimeInterval: 2.1)
        return corpus
    }

    private static func runArguments(_ corpus: String, _ out: String, logLevel: String = "debug") -> [String] {
        ["run", "--input", corpus, "--output", out, "--tagger", "rules", "--jobs", "2", "--chunk-size", "1",
         "--checkpoint-chunks", "1", "--quiet", "--log-level", logLevel]
    }

    /// Waits until `out` holds an aggregates directory being built, or the run ends.
    private static func waitForMerge(_ run: RunningLede, _ out: String) {
        while run.process.isRunning {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
            if names.contains(where: { $0.hasPrefix(".aggregates.next-") }) { return }
            usleep(500)
        }
    }

    /// Waits until the store is being built under `out/_state/tmp`, or the run ends.
    private static func waitForStore(_ run: RunningLede, _ out: String) {
        while run.process.isRunning {
            if FileManager.default.fileExists(atPath: out + "/_state/tmp/lede.sqlite.tmp") { return }
            usleep(200)
        }
    }

    /// `lede top` reads the store of `out`.
    private static func expectReadableStore(_ out: String, _ moment: String) throws {
        #expect(FileManager.default.fileExists(atPath: out + "/lede.sqlite"), "no store \(moment)")
        let top = try LedeProcess.run(["top", "--output", out, "--limit", "3"])
        #expect(top.status == 0 && !top.output.isEmpty, "lede top \(moment): \(top.error)")
    }

    /// The tables after a kill: none yet, or all of one of the `expected` sets.
    private static func expectWholeTables(_ out: String, oneOf expected: [[String: Data]], _ moment: String) {
        let tables = tree(out + "/aggregates")
        #expect(tables.isEmpty || expected.contains(tables), "after a kill \(moment), the tables are a mix")
    }

    @Test func killedAtRandomMomentsAndResumedEqualsOneRun() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = try Self.makeCorpus(root, seed: 61)
        let reference = root.appendingPathComponent("reference").path
        let started = Date()
        let uninterrupted = try LedeProcess.run(Self.runArguments(corpus, reference, logLevel: "info"))
        let duration = Date().timeIntervalSince(started)
        #expect(uninterrupted.status == 1, "the bad line makes the exit code 1: \(uninterrupted.error)")
        let expected = Self.outputs(reference)
        #expect(expected["documents"]?.count == 3)

        var kills = 0
        for seed: UInt64 in [1, 2, 3] {
            let out = root.appendingPathComponent("out-\(seed)").path
            var random = seed &* 0x9E37_79B9_7F4A_7C15
            // Three kills in a row on one output directory, each at a random moment
            // of its run: each run goes on from what the killed ones left.
            for round in 0..<3 {
                random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let fraction = 0.05 + 0.6 * Double(random >> 11) / Double(1 << 53)
                let run = try RunningLede(Self.runArguments(corpus, out))
                Thread.sleep(forTimeInterval: duration * fraction)
                if run.kill() {
                    kills += 1
                    Self.expectWholeTables(out, oneOf: [expected["aggregates"]!], "at \(Int(fraction * 100))% (seed \(seed), round \(round))")
                } else {
                    // Done before the kill (a faster moment of the machine): right too, and a fresh start.
                    #expect(Self.outputs(out) == expected, "seed \(seed), round \(round), not killed")
                    try FileManager.default.removeItem(atPath: out)
                }
            }
            let resumed = try LedeProcess.run(Self.runArguments(corpus, out, logLevel: "info"))
            // 1 for the bad line, or 0 when a run got to its end before the kill and reported it.
            #expect(resumed.status <= 1, "a killed run's lock is no obstacle: \(resumed.error)")
            #expect(Self.outputs(out) == expected, "seed \(seed)")
            try Self.expectReadableStore(out, "after resuming (seed \(seed))")
        }
        print("killAndResume: \(kills) kills at random moments survived")
        #expect(kills >= 5)
    }

    @Test func killedAtEachStageAndResumedEqualsOneRun() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = try Self.makeCorpus(root, seed: 62)
        let reference = root.appendingPathComponent("reference").path
        #expect(try LedeProcess.run(Self.runArguments(corpus, reference, logLevel: "info")).status == 1)
        let expected = Self.outputs(reference)

        var kills = 0
        // The first sample shard has three chunks of 1 MiB: after its second
        // checkpoint, its last chunk is still being tagged.
        for moment in ["checkpoint: sample-00000.jsonl.zst after 2 chunk(s)", "shard done:", "merge", "store"] {
            let out = root.appendingPathComponent("out-\(moment.filter(\.isLetter))").path
            let run = try RunningLede(Self.runArguments(corpus, out))
            switch moment {
            case "merge": Self.waitForMerge(run, out)
            case "store": Self.waitForStore(run, out)
            default: run.waitFor(moment)
            }
            // A loaded machine can let the run get past the moment (a shard that
            // finishes first skips its checkpoint) and end before the kill.
            let killed = run.kill()
            if killed { kills += 1 }
            Self.expectWholeTables(out, oneOf: [expected["aggregates"]!], "at \(moment)")
            let resumed = try LedeProcess.run(Self.runArguments(corpus, out, logLevel: "info"))
            // 1 for the bad line, which a run that got to its end has reported
            // already (a kill at the store's last instant can come after that too).
            #expect(moment == "store" ? resumed.status <= 1 : resumed.status == (killed ? 1 : 0), "\(resumed.error)")
            if killed && moment.hasPrefix("checkpoint:") {
                #expect(resumed.output.contains("resumed from a checkpoint"), "\(resumed.output)")
            }
            #expect(Self.outputs(out) == expected, "killed at \(moment)")
            try Self.expectReadableStore(out, "after resuming from a kill at \(moment)")
        }
        print("killAndResume: \(kills) kills at named stages survived")
        #expect(kills >= 2)
    }

    /// A nightly update killed part-way: the previous tables stay whole until the
    /// new ones replace them all at once, and the next run finishes the update.
    @Test func aKilledUpdateLeavesThePreviousTablesWhole() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = try Self.makeCorpus(root, seed: 63)
        let out = root.appendingPathComponent("out").path
        #expect(try LedeProcess.run(Self.runArguments(corpus, out, logLevel: "info")).status == 1)
        let before = Self.tree(out + "/aggregates")
        let storeBefore = FileManager.default.contents(atPath: out + "/lede.sqlite")
        #expect(storeBefore != nil)
        // The next night: one shard re-delivered with other content, one new shard.
        let other = root.appendingPathComponent("other").path
        #expect(try LedeProcess.run(["sample", "--output", other, "--docs", "600", "--shards", "2", "--seed", "64"]).status == 0)
        try FileManager.default.removeItem(atPath: corpus + "/sample-00001.jsonl.zst")
        try FileManager.default.moveItem(atPath: other + "/sample-00001.jsonl.zst", toPath: corpus + "/sample-00001.jsonl.zst")
        try FileManager.default.moveItem(atPath: other + "/sample-00000.jsonl.zst", toPath: corpus + "/new.jsonl.zst")
        Thread.sleep(forTimeInterval: 2.1)
        let reference = root.appendingPathComponent("reference").path
        #expect(try LedeProcess.run(Self.runArguments(corpus, reference, logLevel: "info")).status == 1)
        let expected = Self.outputs(reference)

        var kills = 0
        for moment in ["shard done:", "merge", "store"] {
            let run = try RunningLede(Self.runArguments(corpus, out))
            switch moment {
            case "merge": Self.waitForMerge(run, out)
            case "store": Self.waitForStore(run, out)
            default: run.waitFor(moment)
            }
            let killed = run.kill()
            if killed { kills += 1 }
            Self.expectWholeTables(out, oneOf: [before, expected["aggregates"]!], "during the update, at \(moment)")
            if killed && moment != "store" {
                // The store is rebuilt after the tables: a kill before then leaves the previous one as it was.
                #expect(FileManager.default.contents(atPath: out + "/lede.sqlite") == storeBefore, "killed at \(moment)")
            }
            try Self.expectReadableStore(out, "after a kill during the update, at \(moment)")
        }
        let finished = try LedeProcess.run(Self.runArguments(corpus, out, logLevel: "info"))
        #expect(finished.status == 0, "no new rejects: \(finished.error)")
        #expect(Self.outputs(out) == expected)
        try Self.expectReadableStore(out, "after the update")
        print("killAndResume: \(kills) kills during an update survived")
    }

    @Test func aSecondRunExitsThreeNamingTheFirst() throws {
        let root = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = try Self.makeCorpus(root, seed: 65)
        let out = root.appendingPathComponent("out").path
        let first = try RunningLede(Self.runArguments(corpus, out))
        first.waitFor("to process")
        let second = try LedeProcess.run(Self.runArguments(corpus, out, logLevel: "info"))
        let pipeline = root.appendingPathComponent("same.yaml")
        try Data("inputs: {paths: [corpus]}\ntagger: {kind: rules}\noutputs: {directory: out}\n".utf8).write(to: pipeline)
        let fromFile = try LedeProcess.run(["run", pipeline.path])
        let merge = try LedeProcess.run(["merge", "--output", out])
        let status = try LedeProcess.run(["status", "--output", out])
        let ended = first.finish()
        #expect(second.status == 3)
        #expect(second.error.contains("pid \(first.process.processIdentifier) on "), "\(second.error)")
        #expect(second.error.contains("lede run since "))
        #expect(fromFile.status == 3, "\(fromFile.error)")
        #expect(fromFile.error.contains("pid \(first.process.processIdentifier) on "), "\(fromFile.error)")
        #expect(merge.status == 3)
        #expect(status.status == 0)
        #expect(status.output.contains("running: pid \(first.process.processIdentifier)"), "\(status.output)")
        #expect(ended.status == 1, "the first run completes: \(ended.error)")
        let after = try LedeProcess.run(["status", "--output", out])
        #expect(!after.output.contains("running:"))
        #expect(after.output.contains("up to date"), "\(after.output)")
    }
}
