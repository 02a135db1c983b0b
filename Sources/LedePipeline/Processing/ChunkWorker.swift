#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LedeAggregation
import LedeEntities
import LedeIO
import LedeText

/// Turns chunks of JSON lines into annotated documents, rejects and counts.
///
/// One worker serves one task at a time and keeps every buffer between chunks,
/// so that steady-state processing allocates per chunk, never per line or token.
/// This is the pipeline's hot path: it works on borrowed bytes only.
public final class ChunkWorker<Tagger: EntityTagger> {
    private var scanner: JSONFieldScanner
    private let tokenizer = Tokenizer()
    private var tokens = TokenBuffer()
    private var tagger: Tagger
    private var mentions: [Mention] = []
    private var documents: [UInt8] = []
    /// The document's canonical names, one after another; built once per mention
    /// and read by both the counting and the document line.
    private var canonicals: [UInt8] = []
    /// Where each mention's name ends in ``canonicals``.
    private var canonicalEnds: [Int] = []
    private var shardNameBytes: [UInt8] = []
    private let compressor: ZstdCompressor
    private let aggregation: AggregationOptions
    private let maxEntities: Int
    /// Documents of the current chunk cut at ``maxEntities``.
    private var entityLimitDocuments = 0
    /// Counts per shard, kept across chunks so that names become strings and rows
    /// get sorted once per shard, not once per chunk.
    private var builders: [Int: AggregateBuilder] = [:]

    /// Creates a worker.
    ///
    /// - Parameters:
    ///   - tagger: This worker's own copy of the tagger (taggers keep scratch state).
    ///   - fields: The input's field names.
    ///   - aggregation: Counting options.
    ///   - compressionLevel: zstd level of the documents frame.
    ///   - maxEntities: The most mentions a document keeps, the first in document order.
    public init(
        tagger: Tagger, fields: FieldNames, aggregation: AggregationOptions, compressionLevel: Int32,
        maxEntities: Int = PipelineConfiguration.defaultMaxEntities
    ) throws {
        self.tagger = tagger
        self.maxEntities = max(1, maxEntities)
        scanner = JSONFieldScanner(fields: fields)
        compressor = try ZstdCompressor(level: compressionLevel)
        self.aggregation = aggregation
        documents.reserveCapacity(1 << 20)
        mentions.reserveCapacity(256)
    }

    /// Processes the lines of one chunk.
    ///
    /// - Parameters:
    ///   - bytes: Whole lines, each ending in `\n` except perhaps the shard's last.
    ///   - index: The chunk's position in its shard.
    ///   - shard: The key the chunk's counts accumulate under until ``takeCounts(shard:)``:
    ///     the runner uses one per shard, or per checkpointed segment of a shard.
    ///   - shardName: The shard's relative path, for missing ids and reject records.
    ///   - firstLine: The 1-based line number of the chunk's first line.
    ///   - byteOffset: The chunk's offset in the shard's decoded stream.
    ///   - duplicateLines: The 0-based numbers within the chunk of the lines to reject
    ///     as `duplicate-id` if they are otherwise accepted, ascending (``DuplicateIDFilter``).
    ///   - depth: How far to take each line; a run always goes all the way, and only
    ///     `lede bench` stops earlier, to time the stages one by one.
    public func process(
        _ bytes: [UInt8], index: Int, shard: Int, shardName: String, firstLine: Int, byteOffset: Int64,
        duplicateLines: [Int] = [], depth: ProcessingDepth = .write
    ) throws -> ChunkResult {
        var builder = builders.removeValue(forKey: shard) ?? AggregateBuilder(options: aggregation)
        defer { builders[shard] = builder }
        var rejectedLines: [UInt8] = []
        var rejectReasons: [UInt8] = []
        documents.removeAll(keepingCapacity: true)
        shardNameBytes = Array(shardName.utf8)
        var lines = 0
        var accepted = 0
        var rejectsByReason: [String: Int] = [:]
        var nextDuplicate = 0
        entityLimitDocuments = 0
        bytes.withUnsafeBytes { chunk in
            guard let base = chunk.baseAddress else { return }
            var start = 0
            while start < chunk.count {
                let remaining = chunk.count - start
                let end: Int
                if let hit = memchr(base + start, 0x0A, remaining) {
                    end = UnsafeRawPointer(hit) - base
                } else {
                    end = chunk.count
                }
                let line = UnsafeRawBufferPointer(rebasing: chunk[start..<end])
                let lineNumber = firstLine + lines
                lines += 1
                let consumed = min(end + 1, chunk.count) - start
                let isDuplicate = nextDuplicate < duplicateLines.count && duplicateLines[nextDuplicate] == lines - 1
                if isDuplicate { nextDuplicate += 1 }
                var rejection = scanner.scan(line)
                if rejection == nil && isDuplicate {
                    rejection = LineRejection(reason: .duplicateID, offset: 0, detail: "an earlier line of this shard has the same id")
                }
                if let rejection {
                    rejectsByReason[rejection.reason.rawValue, default: 0] += 1
                    builder.addReject(reason: rejection.reason.rawValue)
                    RejectRecord.append(
                        line: line, shard: shardName, lineNumber: lineNumber,
                        offset: byteOffset + Int64(start), reason: rejection.reason.rawValue,
                        detail: rejection.detail, lines: &rejectedLines, reasons: &rejectReasons)
                } else {
                    accepted += 1
                    if depth > .scan {
                        annotate(lineNumber: lineNumber, lineBytes: consumed, depth: depth, into: &builder)
                    }
                }
                start = end + 1
            }
        }
        builder.addLines(lines)
        var frame: [UInt8] = []
        if !documents.isEmpty && depth == .write {
            try compressor.compress(documents, appendingTo: &frame)
        }
        return ChunkResult(
            index: index, documentsFrame: frame, rejectedLines: rejectedLines, rejectReasons: rejectReasons,
            lines: lines, documents: accepted, rejectsByReason: rejectsByReason,
            bytes: Int64(bytes.count), entityLimitDocuments: entityLimitDocuments)
    }

    /// The counts of every chunk of `shard` this worker has processed, handed over
    /// once, when the shard is complete.
    ///
    /// They come as the builder itself, unsorted: turning it into a ``Partial``
    /// (sorting every table) is the costly part, and the runner does it in a task
    /// of its own rather than while it coordinates the workers.
    public func takeCounts(shard: Int) -> AggregateBuilder? {
        builders.removeValue(forKey: shard)
    }

    /// Tokenises, tags, counts and writes out the document the scanner holds.
    private func annotate(lineNumber: Int, lineBytes: Int, depth: ProcessingDepth, into builder: inout AggregateBuilder) {
        tokens.removeAll()
        mentions.removeAll(keepingCapacity: true)
        scanner.withText { text in
            tokenizer.tokenize(text, into: &tokens)
            guard depth > .tokenize else { return }
            tokens.tokens.withUnsafeBufferPointer { tokenList in
                tagger.tag(text: text, tokens: tokenList, into: &mentions)
            }
        }
        let cut = mentions.count > maxEntities
        if cut { mentions.removeLast(mentions.count - maxEntities) }
        guard depth > .tag else { return }
        scanner.withText { text in
            scanner.withDate { date in
                scanner.withSource { source in
                    builder.beginDocument(date: date, source: source, tokens: tokens.count, bytes: lineBytes)
                    if cut {
                        builder.addEntityLimitDocument()
                        entityLimitDocuments += 1
                    }
                    let lexicon = tagger.lexicon
                    // Built in locals, for the reason ``writeDocument`` gives.
                    var names = canonicals
                    var ends = canonicalEnds
                    canonicals = []
                    canonicalEnds = []
                    names.removeAll(keepingCapacity: true)
                    ends.removeAll(keepingCapacity: true)
                    for mention in mentions {
                        CanonicalName.append(text: text, mention: mention, lexicon: lexicon, to: &names)
                        ends.append(names.count)
                    }
                    canonicals = names
                    canonicalEnds = ends
                    canonicals.withUnsafeBytes { names in
                        var start = 0
                        for (mention, end) in zip(mentions, canonicalEnds) {
                            builder.addMention(canonical: UnsafeRawBufferPointer(rebasing: names[start..<end]), label: mention.label)
                            start = end
                        }
                    }
                    for token in tokens.tokens where token.kind == .handle || token.kind == .hashtag {
                        builder.addTag(UnsafeRawBufferPointer(rebasing: text[Int(token.start)..<Int(token.end)]))
                    }
                    if depth > .aggregate {
                        writeDocument(text: text, lineNumber: lineNumber, date: date, source: source)
                    }
                }
            }
        }
        builder.endDocument()
    }

    /// Appends the annotated document line: ids, metadata, token count and entities
    /// with Unicode-scalar offsets.
    ///
    /// Works on the buffers moved out into locals: every append to a class's
    /// stored array would check exclusivity and uniqueness at run time, tens of
    /// times per document.
    private func writeDocument(
        text: UnsafeRawBufferPointer, lineNumber: Int, date: UnsafeRawBufferPointer?, source: UnsafeRawBufferPointer?
    ) {
        var out = documents
        documents = []
        defer { documents = out }
        let names = canonicals
        let ends = canonicalEnds
        out.append(contentsOf: #"{"id":"#.utf8)
        let hasID = scanner.withID { id -> Bool in
            guard let id else { return false }
            JSONOutput.appendString(id, to: &out)
            return true
        }
        if !hasID {
            var missing = shardNameBytes
            missing.append(UInt8(ascii: ":"))
            missing.append(contentsOf: String(lineNumber).utf8)
            missing.withUnsafeBytes { JSONOutput.appendString($0, to: &out) }
        }
        out.append(contentsOf: #","date":"#.utf8)
        Self.appendOptionalString(date, to: &out)
        out.append(contentsOf: #","source":"#.utf8)
        Self.appendOptionalString(source, to: &out)
        out.append(contentsOf: #","tokens":"#.utf8)
        JSONOutput.appendInteger(tokens.count, to: &out)
        out.append(contentsOf: #","entities":["#.utf8)
        var counter = ScalarOffsetCounter()
        names.withUnsafeBytes { names in
            for (number, mention) in mentions.enumerated() {
                if number > 0 { out.append(UInt8(ascii: ",")) }
                let start = counter.scalarOffset(forByteOffset: Int(mention.start), in: text)
                let end = counter.scalarOffset(forByteOffset: Int(mention.end), in: text)
                out.append(contentsOf: #"{"start":"#.utf8)
                JSONOutput.appendInteger(start, to: &out)
                out.append(contentsOf: #","end":"#.utf8)
                JSONOutput.appendInteger(end, to: &out)
                out.append(contentsOf: #","label":""#.utf8)
                out.append(contentsOf: mention.label.name.utf8)
                out.append(contentsOf: #"","text":"#.utf8)
                JSONOutput.appendString(UnsafeRawBufferPointer(rebasing: text[Int(mention.start)..<Int(mention.end)]), to: &out)
                out.append(contentsOf: #","canonical":"#.utf8)
                let nameStart = number == 0 ? 0 : ends[number - 1]
                JSONOutput.appendString(UnsafeRawBufferPointer(rebasing: names[nameStart..<ends[number]]), to: &out)
                out.append(UInt8(ascii: "}"))
            }
        }
        out.append(contentsOf: "]}\n".utf8)
    }

    private static func appendOptionalString(_ bytes: UnsafeRawBufferPointer?, to out: inout [UInt8]) {
        if let bytes {
            JSONOutput.appendString(bytes, to: &out)
        } else {
            out.append(contentsOf: "null".utf8)
        }
    }
}
