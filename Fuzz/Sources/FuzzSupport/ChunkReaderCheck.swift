import LedeIO

/// Reads a shard through `ChunkReader` and checks every promise its documentation makes, whatever
/// the file holds.
public enum ChunkReaderCheck {
    /// What the chunks of one read added up to.
    public struct Run {
        /// The decoded stream the chunks add up to: their bytes, and for an overlong line its
        /// spilled bytes and its newline when it has one.
        public var stream: [UInt8] = []
        /// The error `next()` threw.
        public var error: ShardReadError?
        /// Lines delivered, overlong and cut-off ones included.
        public var lines = 0
    }

    /// Reads `path` to its end, checks the chunks, and removes the spill files.
    ///
    /// - Parameters:
    ///   - path: A shard in the scratch directory.
    ///   - options: Chunk size and line limit.
    ///   - inputBufferSize: Compressed bytes per read of the file.
    public static func read(_ path: String, options: ChunkingOptions, inputBufferSize: Int) -> Run {
        let source: ShardByteSource
        do {
            source = try ShardByteSource(path: path, inputBufferSize: inputBufferSize)
        } catch {
            fuzzFail("cannot open \(path): \(error)")
        }
        let spillDirectory = Path.join(ScratchDirectory.path, "spill")
        let reader = ChunkReader(source: source, options: options, spillDirectory: spillDirectory)
        let limit = max(options.chunkSize, options.maxLineLength + 1)
        var run = Run()
        var chunks: [ShardChunk] = []
        while true {
            let chunk: ShardChunk
            do throws(ShardReadError) {
                guard let next = try reader.next() else { break }
                chunk = next
            } catch {
                fuzzCheck(!error.reason.contains("spill"), "spilling failed: \(error)")
                run.error = error
                break
            }
            fuzzCheck(chunk.index == chunks.count, "chunk index \(chunk.index), expected \(chunks.count)")
            fuzzCheck(
                chunk.byteOffset == Int64(run.stream.count),
                "chunk \(chunk.index) at offset \(chunk.byteOffset), the chunks before add up to \(run.stream.count)")
            if let previous = chunks.last {
                // Only the shard's last line may lack its newline, and nothing follows it.
                if case .lines(let bytes) = previous.content {
                    fuzzCheck(bytes.last == 0x0A, "chunk \(previous.index) ends without a newline and is not the last")
                }
                if case .truncated = previous.content { fuzzFail("a truncated chunk is followed by chunk \(chunk.index)") }
                if case .overlong(let line) = previous.content, !line.hasNewline {
                    fuzzFail("an overlong line without a newline is followed by chunk \(chunk.index)")
                }
            }
            switch chunk.content {
            case .lines(let bytes):
                fuzzCheck(!bytes.isEmpty, "chunk \(chunk.index) is empty")
                fuzzCheck(bytes.count <= limit, "chunk \(chunk.index) holds \(bytes.count) bytes, limit \(limit)")
                var lineStart = 0
                for (i, b) in bytes.enumerated() where b == 0x0A {
                    fuzzCheck(i - lineStart <= options.maxLineLength, "chunk \(chunk.index) holds an overlong line")
                    lineStart = i + 1
                    run.lines += 1
                }
                fuzzCheck(bytes.count - lineStart <= options.maxLineLength, "chunk \(chunk.index) ends in an overlong line")
                if lineStart < bytes.count { run.lines += 1 }
                run.stream += bytes
            case .overlong(let line):
                let spilled = ScratchDirectory.read(line.spillPath)
                do {
                    try FileSystem.removeFile(line.spillPath)
                } catch {
                    fuzzFail("cannot remove \(line.spillPath): \(error)")
                }
                fuzzCheck(Int64(spilled.count) == line.length, "spill file of \(spilled.count) bytes, length \(line.length)")
                fuzzCheck(line.length > Int64(options.maxLineLength), "overlong line of \(line.length) bytes is within the limit")
                fuzzCheck(!spilled.contains(0x0A), "an overlong line holds a newline")
                run.stream += spilled
                if line.hasNewline { run.stream.append(0x0A) }
                run.lines += 1
            case .truncated(let bytes):
                fuzzCheck(!bytes.isEmpty && !bytes.contains(0x0A), "a truncated chunk holds \(bytes.count) bytes, or a newline")
                fuzzCheck(bytes.count <= limit, "a truncated chunk of \(bytes.count) bytes, limit \(limit)")
                run.stream += bytes
                run.lines += 1
            }
            chunks.append(chunk)
        }
        if let error = run.error {
            fuzzCheck(error.path == path, "the error names \(error.path), not \(path)")
            fuzzCheck(error.offset >= 0, "the error is at a negative offset: \(error)")
        }
        switch chunks.last?.content {
        case .truncated:
            fuzzCheck(run.error != nil, "a truncated chunk without an error after it")
        case .lines(let bytes) where bytes.last != 0x0A:
            fuzzCheck(run.error == nil, "a line without its newline before an error, not as a truncated chunk")
        default:
            break
        }
        // Finished for good: no chunk and no second error.
        for _ in 0..<2 {
            do throws(ShardReadError) {
                fuzzCheck(try reader.next() == nil, "a chunk after the end")
            } catch {
                fuzzFail("a second error after the end: \(error)")
            }
        }
        return run
    }

    /// Checks that `run` delivered exactly `expected`: every byte, and the fault when there is one.
    ///
    /// - Parameters:
    ///   - run: What ``read(_:options:inputBufferSize:)`` returned.
    ///   - expected: The bytes decoded before the end or the fault.
    ///   - faulted: Whether the stream ends with a fault.
    ///   - context: What was read, for the message.
    public static func expect(_ run: Run, delivers expected: [UInt8], faulted: Bool, context: @autoclosure () -> String) {
        fuzzCheck(
            (run.error != nil) == faulted,
            "\(context()): error \(run.error.map { "\($0)" } ?? "none"), expected \(faulted ? "one" : "none")")
        let stream = run.stream
        if stream != expected {
            let difference = zip(stream, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            fuzzFail(
                "\(context()): delivered \(stream.count) bytes, expected \(expected.count); first difference at \(difference ?? min(stream.count, expected.count))")
        }
    }
}
