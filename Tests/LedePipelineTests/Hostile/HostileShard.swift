import Foundation
import LedeIO
import LedePipeline
import LedeSample
import Testing

/// One generated shard of broken input and what a run must make of it.
struct HostileShard {
    /// The file name, which is also the shard's relative path.
    var name: String
    /// The file's bytes.
    var file: [UInt8]
    /// Lines the run reads: those decoded before any fault, a cut-off last one included; `nil`
    /// when the test cannot know (at most one such shard per run: its count is what the run's
    /// total leaves).
    var lines: Int?
    /// The reject reason of each rejected line, in order; `nil` when the test cannot know.
    var reasons: [String]?
    /// Whether the shard must be reported failed.
    var fails = false
    /// Line numbers (from 1) of the rejected lines, when the test knows them.
    var rejectedLineNumbers: [Int]?
    /// The rejected lines' bytes, each followed by `\n`, when the test knows them.
    var rejectedBytes: [UInt8]?


    /// A shard whose decoded stream is `lines` joined by `\n`, with what each line is rejected
    /// for (`nil` when accepted).
    init(name: String, lines: [(bytes: [UInt8], reason: String?)], trailingNewline: Bool = true) {
        var stream: [UInt8] = []
        for (k, line) in lines.enumerated() {
            stream += line.bytes
            if k < lines.count - 1 || trailingNewline { stream.append(0x0A) }
        }
        self.name = name
        file = stream
        self.lines = lines.count
        reasons = lines.compactMap(\.reason)
        rejectedLineNumbers = lines.enumerated().compactMap { $0.element.reason == nil ? nil : $0.offset + 1 }
        rejectedBytes = lines.filter { $0.reason != nil }.flatMap { $0.bytes + [0x0A] }
    }

    init(name: String, file: [UInt8], lines: Int?, reasons: [String]?, fails: Bool) {
        self.name = name
        self.file = file
        self.lines = lines
        self.reasons = reasons
        self.fails = fails
    }

    /// The decoded stream `lines` make, compressed into frames of `linesPerFrame` lines.
    static func frames(_ lines: [[UInt8]], linesPerFrame: Int) throws -> (file: [UInt8], frameEnds: [Int]) {
        let compressor = try ZstdCompressor(level: 3)
        var file: [UInt8] = []
        var ends: [Int] = []
        var start = 0
        while start < lines.count {
            let end = min(start + linesPerFrame, lines.count)
            try compressor.compress(lines[start..<end].flatMap { $0 + [0x0A] }, appendingTo: &file)
            ends.append(file.count)
            start = end
        }
        return (file, ends)
    }

    /// The shard with its decoded stream compressed into frames of `frameSize` decoded bytes,
    /// which cut lines anywhere.
    func compressed(frameSize: Int = .max) throws -> HostileShard {
        let compressor = try ZstdCompressor(level: 3)
        var copy = self
        copy.file = []
        var start = 0
        repeat {
            let end = min(start + min(frameSize, file.count - start), file.count)
            try compressor.compress(Array(file[start..<end]), appendingTo: &copy.file)
            start = end
        } while start < file.count
        return copy
    }

    /// A JSON line with the given id and text, its text escaped as JSON writers do.
    static func line(id: String, text: String) -> [UInt8] {
        var line = Array(#"{"id":"#.utf8)
        JSONOutput.appendString(id, to: &line)
        line += Array(#","text":"#.utf8)
        JSONOutput.appendString(text, to: &line)
        line.append(UInt8(ascii: "}"))
        return line
    }
}

/// What a run left for one shard.
struct ShardOutcome {
    var documents: [[String: Any]]
    var reasons: [[String: Any]]
    var rejectedBytes: [UInt8]

    init(output: String, shard: Shard) throws {
        let layout = OutputLayout(root: output)
        let documentsPath = layout.documentsPath(for: shard)
        documents = FileSystem.exists(documentsPath) ? try Fixtures.readJSONLines(documentsPath) : []
        let reasonsPath = layout.rejectReasonsPath(for: shard)
        reasons = FileSystem.exists(reasonsPath) ? try Fixtures.readJSONLines(reasonsPath) : []
        let linesPath = layout.rejectedLinesPath(for: shard)
        rejectedBytes = FileSystem.exists(linesPath) ? try Fixtures.readAll(linesPath) : []
    }
}

/// Runs the pipeline over `shards`, written to a fresh directory, and checks each shard's
/// accounting: lines read = documents written + lines rejected, each rejected line kept with its
/// reason, and the run's totals the sums of the shards'.
///
/// - Returns: The summary and each shard's outcome, by name.
@discardableResult
func runHostile(
    _ shards: [HostileShard], chunkSize: Int, maxLineLength: Int = 64 << 20, jobs: Int = 2,
    maxZstdWindow: Int = ShardByteSource.defaultMaxWindowSize, dedupeIDs: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
) async throws -> (RunSummary, [String: ShardOutcome]) {
    let root = try Fixtures.temporaryDirectory()
    defer { Fixtures.remove(root) }
    let input = Path.join(root, "in")
    try FileSystem.createDirectory(input)
    for shard in shards { try AtomicFile.write(shard.file, to: Path.join(input, shard.name), durable: false) }
    let out = Path.join(root, "out")
    let summary = try await runPipeline(
        inputs: [input], output: out, jobs: jobs, chunkSize: chunkSize, maxLineLength: maxLineLength,
        maxZstdWindow: maxZstdWindow, dedupeIDs: dedupeIDs)
    var outcomes: [String: ShardOutcome] = [:]
    var unknownLines = 0
    for shard in shards {
        let outcome = try ShardOutcome(output: out, shard: Shard(path: Path.join(input, shard.name), relativePath: shard.name))
        outcomes[shard.name] = outcome
        let name = shard.name
        let read = outcome.documents.count + outcome.reasons.count
        if let lines = shard.lines {
            #expect(
                read == lines, "\(name): \(lines) lines read, \(outcome.documents.count) documents + \(outcome.reasons.count) rejects",
                sourceLocation: sourceLocation)
        } else {
            unknownLines += read
        }
        if let reasons = shard.reasons {
            #expect(outcome.reasons.map { $0["reason"] as? String } == reasons, "\(name)", sourceLocation: sourceLocation)
        }
        #expect(outcome.reasons.allSatisfy { $0["shard"] as? String == name }, "\(name)", sourceLocation: sourceLocation)
        #expect(
            outcome.rejectedBytes.filter { $0 == 0x0A }.count == outcome.reasons.count,
            "\(name): every rejected line is kept", sourceLocation: sourceLocation)
        if let numbers = shard.rejectedLineNumbers {
            #expect(outcome.reasons.map { $0["line"] as? Int } == numbers, "\(name)", sourceLocation: sourceLocation)
        }
        if let bytes = shard.rejectedBytes {
            #expect(outcome.rejectedBytes == bytes, "\(name): rejected lines kept byte for byte", sourceLocation: sourceLocation)
        }
        let failure = summary.failures.first { $0.shard == name }
        #expect((failure != nil) == shard.fails, "\(name): \(failure.map(\.reason) ?? "not failed")", sourceLocation: sourceLocation)
    }
    #expect(shards.filter { $0.lines == nil }.count <= 1, "the accounting of two unknown shards cannot be told apart")
    let knownLines = shards.reduce(0) { $0 + ($1.lines ?? 0) }
    let documents = outcomes.values.reduce(0) { $0 + $1.documents.count }
    let rejects = outcomes.values.reduce(0) { $0 + $1.reasons.count }
    #expect(summary.shards == shards.count, sourceLocation: sourceLocation)
    #expect(summary.lines == knownLines + unknownLines, "lines read by the shard the test cannot count", sourceLocation: sourceLocation)
    #expect(summary.documents == documents, sourceLocation: sourceLocation)
    #expect(summary.rejects == rejects, sourceLocation: sourceLocation)
    #expect(summary.lines == summary.documents + summary.rejects, sourceLocation: sourceLocation)
    return (summary, outcomes)
}
