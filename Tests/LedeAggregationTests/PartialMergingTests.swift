import LedeEntities
import LedeIO
import Testing

@testable import LedeAggregation

/// Merging in any grouping and order equals one builder over all documents,
/// in memory and on disk.
@Suite struct PartialMergingTests {
    static let tableFiles = ["entities.csv", "cooccurrences.csv", "timeline.csv", "tags.csv"]

    /// Splits documents into `groups` random non-empty groups (not contiguous).
    private func randomGroups(_ documents: [TestDocument], groups: Int, using random: inout SeededGenerator)
        -> [[TestDocument]]
    {
        var result = [[TestDocument]](repeating: [], count: groups)
        for (index, document) in documents.enumerated() {
            let group = index < groups ? index : Int.random(in: 0..<groups, using: &random)
            result[group].append(document)
        }
        return result
    }

    private func partial(of documents: [TestDocument], options: AggregationOptions, lines: Int = 0, rejects: Int = 0)
        -> Partial
    {
        var builder = AggregateBuilder(options: options)
        builder.add(documents)
        builder.addLines(documents.count + lines)
        for _ in 0..<rejects { builder.addReject(reason: "bad, \"quoted\" reason") }
        builder.addShard()
        return builder.makePartial()
    }

    /// Merges a list in a random binary tree shape.
    private func treeMerge(_ partials: [Partial], using random: inout SeededGenerator) -> Partial {
        var items = partials
        while items.count > 1 {
            let i = Int.random(in: 0..<items.count, using: &random)
            let a = items.remove(at: i)
            let j = Int.random(in: 0..<items.count, using: &random)
            let b = items.remove(at: j)
            items.append(Bool.random(using: &random) ? a.merging(b) : b.merging(a))
        }
        return items.first ?? Partial()
    }

    @Test func aPartialWithoutNamesLeavesTheOtherSidesTablesAsTheyAre() {
        let options = AggregationOptions()
        let counted = partial(of: randomDocuments(count: 200, seed: 9), options: options)
        // Counts without names: a shard's own counter, which only counts the shard.
        var shardOnly = AggregateBuilder(options: options)
        shardOnly.addShard()
        shardOnly.addLines(3)
        let empty = shardOnly.makePartial()
        var expected = counted
        expected.stats.add(empty.stats)
        for merged in [counted.merging(empty), empty.merging(counted)] {
            #expect(merged.compactTables == counted.compactTables)
            #expect(merged.stats == expected.stats)
            #expect(firstDifference(merged, expected) == nil)
        }
        #expect(empty.merging(empty).compactTables == _CompactTables())
    }

    @Test(arguments: [(UInt64(1), 50), (UInt64(2), 5), (UInt64(3), 3)])
    func inMemoryGroupingsEqualOneBuilder(seed: UInt64, cap: Int) {
        let options = AggregationOptions(cooccurrenceCap: cap)
        let documents = randomDocuments(count: 400, seed: seed)
        var random = SeededGenerator(seed: seed &* 7919)
        let whole = partial(of: documents, options: options)
        #expect(!whole.cooccurrences.isEmpty && !whole.timeline.isEmpty && !whole.tags.isEmpty)

        for groupCount in [2, 7, 31] {
            let partials = randomGroups(documents, groups: groupCount, using: &random).map {
                partial(of: $0, options: options)
            }
            let left = partials.dropFirst().reduce(partials[0]) { $0.merging($1) }
            let right = partials.dropLast().reversed().reduce(partials[partials.count - 1]) { $1.merging($0) }
            let tree = treeMerge(partials.shuffled(using: &random), using: &random)
            var stats = whole.stats
            stats.shards = groupCount  // each group counted one shard
            stats.lines = whole.stats.lines
            var expected = whole
            expected.stats = stats
            #expect(firstDifference(left, expected) == nil)
            #expect(firstDifference(right, expected) == nil)
            #expect(firstDifference(tree, expected) == nil)
        }
    }

    @Test func mergingWithEmptyIsIdentity() {
        let one = partial(of: randomDocuments(count: 50, seed: 9), options: AggregationOptions())
        #expect(firstDifference(one.merging(Partial()), one) == nil)
        #expect(firstDifference(Partial().merging(one), one) == nil)
    }

    @Test(arguments: [UInt64(11), UInt64(12)])
    func onDiskGroupingsGiveIdenticalBytes(seed: UInt64) throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let options = AggregationOptions(cooccurrenceCap: 4)
        let documents = randomDocuments(count: 300, seed: seed)
        var random = SeededGenerator(seed: seed)

        // Reference: one builder over all documents, written and merged alone.
        var wholeBuilder = AggregateBuilder(options: options)
        wholeBuilder.add(documents)
        let whole = wholeBuilder.makePartial()
        try PartialStore.write(whole, to: scratch.join("whole/partial"))
        let reference = try PartialMerger.merge(
            partials: [scratch.join("whole/partial")], into: scratch.join("whole/out"))

        var outputs: [String: [String]] = [:]  // output directory → file contents
        for (run, groupCount) in [5, 12, 12].enumerated() {
            let groups = randomGroups(documents, groups: groupCount, using: &random)
            var paths: [String] = []
            for (index, group) in groups.enumerated() {
                var builder = AggregateBuilder(options: options)
                builder.add(group)
                let path = scratch.join("run\(run)/partials/p\(index)")
                try PartialStore.write(builder.makePartial(), to: path, durable: false)
                paths.append(path)
            }
            for (variant, fanIn) in [256, 3, 2].enumerated() {
                let out = scratch.join("run\(run)/out\(variant)")
                let summary = try PartialMerger.merge(
                    partials: paths.shuffled(using: &random), into: out, fanIn: fanIn, durable: false)
                #expect(summary.stats == reference.stats)
                #expect(summary.partials == groupCount)
                outputs[out] = try (Self.tableFiles + ["stats.json"]).map { try readText(Path.join(out, $0)) }
            }
            // In memory, then written as one partial: the same tables again.
            let inMemory = groups.map { group -> Partial in
                var builder = AggregateBuilder(options: options)
                builder.add(group)
                return builder.makePartial()
            }.shuffled(using: &random).reduce(Partial()) { $0.merging($1) }
            #expect(firstDifference(inMemory, whole) == nil)
            try PartialStore.write(inMemory, to: scratch.join("run\(run)/memory/partial"))
            _ = try PartialMerger.merge(
                partials: [scratch.join("run\(run)/memory/partial")], into: scratch.join("run\(run)/memory/out"))
            outputs[scratch.join("run\(run)/memory/out")] = try (Self.tableFiles + ["stats.json"]).map {
                try readText(scratch.join("run\(run)/memory/out/\($0)"))
            }
        }

        let expectedTables = try Self.tableFiles.map { try readText(scratch.join("whole/out/\($0)")) }
        let expectedStats = try readText(scratch.join("whole/out/stats.json"))
        for (directory, files) in outputs {
            #expect(Array(files.prefix(4)) == expectedTables, "tables of \(directory)")
            // stats.json differs only in how many partials were merged.
            let withoutPartials = files[4].split(separator: "\n").filter { !$0.contains("\"partials\"") }
            #expect(withoutPartials == expectedStats.split(separator: "\n").filter { !$0.contains("\"partials\"") })
        }
        #expect(reference.entities == whole.entities.count)
        #expect(reference.cooccurrences == whole.cooccurrences.count)
        #expect(reference.timeline == whole.timeline.count)
        #expect(reference.tags == whole.tags.count)
    }
}
