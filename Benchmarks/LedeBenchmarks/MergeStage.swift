import Foundation
import LedeAggregation
import LedeEntities

/// `PartialStore.write` of a few partials, then `PartialMerger.merge` of them into CSV tables,
/// in a temporary directory.
///
/// The fixture's documents are split into `partialCount` chunks, each counted by its own
/// `AggregateBuilder` (at setup), so the partials share most names, as the shards of one archive do.
final class MergeStage {
    static let partialCount = 4

    private let partials: [Partial]
    private let root: String
    private let partialDirectories: [String]
    private let aggregates: String

    init() throws {
        let documents = SampleDocuments.shared
        var partials: [Partial] = []
        let perPartial = (SampleDocuments.count + Self.partialCount - 1) / Self.partialCount
        for first in stride(from: 0, to: SampleDocuments.count, by: perPartial) {
            var builder = AggregateBuilder(options: AggregationOptions())
            var canonical: [UInt8] = []
            documents.text.withUnsafeBytes { all in
                for index in first..<min(first + perPartial, SampleDocuments.count) {
                    let text = UnsafeRawBufferPointer(rebasing: all[documents.texts[index]])
                    withOptionalBytes(documents.dates[index]) { date in
                        withOptionalBytes(documents.sources[index]) { source in
                            builder.beginDocument(
                                date: date, source: source, tokens: documents.tokenRanges[index].count,
                                bytes: documents.lines[index].count + 1)
                        }
                    }
                    for mention in documents.mentions[documents.mentionRanges[index]] {
                        canonical.removeAll(keepingCapacity: true)
                        CanonicalName.append(text: text, mention: mention, lexicon: documents.lexicon, to: &canonical)
                        canonical.withUnsafeBytes { builder.addMention(canonical: $0, label: mention.label) }
                    }
                    for tag in documents.tags[index] { builder.addTag(UnsafeRawBufferPointer(rebasing: text[tag])) }
                    builder.endDocument()
                }
            }
            builder.addLines(min(first + perPartial, SampleDocuments.count) - first)
            builder.addShard()
            partials.append(builder.makePartial())
        }
        self.partials = partials
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("lede-benchmarks-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        self.root = root
        partialDirectories = partials.indices.map { "\(root)/partials/shard-\($0)" }
        aggregates = "\(root)/aggregates"
    }

    /// Writes the partials and merges them; returns the number of entity rows written.
    ///
    /// Not durable (no fsync): the benchmark measures Lede's work, not the disk's.
    func run() throws -> Int {
        for (partial, directory) in zip(partials, partialDirectories) {
            try PartialStore.write(partial, to: directory, durable: false)
        }
        let summary = try PartialMerger.merge(partials: partialDirectories, into: aggregates, durable: false)
        return summary.entities
    }

    /// Removes the temporary directory.
    func removeFiles() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
