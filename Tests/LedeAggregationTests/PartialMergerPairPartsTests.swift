import LedeEntities
import LedeIO
import Testing

@testable import LedeAggregation

/// The co-occurrence table merged in key ranges (`pairParts`): the same bytes as in one part.
@Suite struct PartialMergerPairPartsTests {
    private static let tableFiles = ["cooccurrences.csv", "entities.csv", "timeline.csv", "tags.csv", "stats.json"]

    /// Writes one partial per group of documents.
    private func writePartials(
        _ groups: [[TestDocument]], in scratch: ScratchDirectory, cooccurrenceCap: Int = 6
    ) throws -> [String] {
        var paths: [String] = []
        for (index, group) in groups.enumerated() {
            var builder = AggregateBuilder(options: AggregationOptions(cooccurrenceCap: cooccurrenceCap))
            builder.add(group)
            builder.addShard()
            let path = scratch.join("partials/p\(index)")
            try PartialStore.write(builder.makePartial(), to: path, durable: false)
            paths.append(path)
        }
        return paths
    }

    private func files(_ directory: String) throws -> [String] {
        try Self.tableFiles.map { try readText(Path.join(directory, $0)) }
    }

    /// Runs the jobs last first, so that no piece can rely on another part having run before it.
    private static func lastFirst(_ jobs: [@Sendable () throws -> Int]) throws -> [Int] {
        Array(try jobs.reversed().map { try $0() }.reversed())
    }

    /// Merges `paths` with each number of parts and checks that every output is the one-part output.
    private func expectSameTables(_ paths: [String], in scratch: ScratchDirectory, _ comment: Comment) throws {
        let reference = try PartialMerger.merge(partials: paths, into: scratch.join("out-1"), durable: false)
        let expected = try files(scratch.join("out-1"))
        for parts in [2, 3, 8] {
            let out = scratch.join("out-\(parts)")
            let summary = try PartialMerger.merge(
                partials: paths, into: out, durable: false, pairParts: parts, runJobs: Self.lastFirst)
            #expect(summary == reference, "\(comment), \(parts) parts")
            #expect(try files(out) == expected, "\(comment), \(parts) parts")
            // The pieces and the workspace are gone: only the tables remain.
            #expect(try FileSystem.contentsOfDirectory(out).sorted() == Self.tableFiles.sorted(), "\(comment)")
        }
    }

    @Test(arguments: [UInt64(1), UInt64(2), UInt64(3)])
    func randomPartialsGiveTheSameTablesInAnyNumberOfParts(seed: UInt64) throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let documents = randomDocuments(count: 240, seed: seed)
        for partials in [1, 3, 7] {
            let size = documents.count / partials
            let groups = (0..<partials).map { Array(documents[($0 * size)..<($0 * size + size)]) }
            let paths = try writePartials(groups, in: scratch)
            let rows = try PartialMerger.merge(partials: paths, into: scratch.join("count"), durable: false)
            #expect(rows.cooccurrences > 500)
            try expectSameTables(paths, in: scratch, "seed \(seed), \(partials) partials")
            try FileSystem.removeTree(scratch.join("partials"))
        }
    }

    @Test func fewerNamesThanPartsAndNoPairs() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        // Three names, quoted ones among them, and eight parts: most parts hold no rank.
        let few = [
            TestDocument(date: "2019-05-12", mentions: [("Smith, John", .person), ("say \"hi\"", .miscellaneous)]),
            TestDocument(date: "2019-05-13", mentions: [("Acme", .organization), ("Smith, John", .person)]),
        ]
        try expectSameTables(try writePartials([few, [few[0]]], in: scratch), in: scratch, "three names")
        try FileSystem.removeTree(scratch.join("partials"))
        // Names but no pairs at all, and no names at all.
        let lonely = [TestDocument(date: "2019-05-12", mentions: [("Acme", .organization)])]
        try expectSameTables(try writePartials([lonely, []], in: scratch), in: scratch, "no pairs")
        try FileSystem.removeTree(scratch.join("partials"))
        try expectSameTables(try writePartials([[]], in: scratch), in: scratch, "no names")
        try expectSameTables([], in: scratch, "no partials")
    }

    /// Collects merged cells.
    private struct Collector: _CellSink {
        var cells: [_PairCell] = []
        mutating func consume(_ cell: _PairCell) throws { cells.append(cell) }
    }

    @Test("the parts of any partition, empty ones included, give the whole table's rows in order")
    func anyPartitionGivesTheWholeTable() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let documents = randomDocuments(count: 200, seed: 8)
        let paths = try writePartials([Array(documents[..<80]), Array(documents[80...])], in: scratch)
        let plan = try _MergePlan(directories: paths)
        var whole = Collector()
        let count = try plan.merge(into: &whole)
        #expect(count == whole.cells.count && count > 300)
        let names = plan.names.count
        var random = SeededGenerator(seed: 8)
        var partitions: [[Int]] = [[0, names], [0, 0, names], [0, names, names], [0, names - 1, names]]
        for _ in 0..<20 {
            let cuts = (0..<Int.random(in: 1...6, using: &random)).map { _ in
                Int.random(in: 0...names, using: &random)
            }
            partitions.append([0] + cuts.sorted() + [names])
        }
        for bounds in partitions {
            var cells: [_PairCell] = []
            for (index, (lower, upper)) in zip(bounds, bounds.dropFirst()).enumerated() {
                var part = Collector()
                let rows = try plan.mergePairs(firstRanks: lower..<upper, last: index == bounds.count - 2, into: &part)
                #expect(rows == part.cells.count)
                #expect(part.cells.allSatisfy { (lower..<upper).contains(Int($0.key >> 32)) })
                cells += part.cells
            }
            #expect(cells == whole.cells, "\(bounds)")
        }
        // The last rank is never the first of a pair: a part of it alone has no rows.
        var last = Collector()
        #expect(try plan.mergePairs(firstRanks: (names - 1)..<names, last: true, into: &last) == 0)
    }

    @Test("parts are asked for when the co-occurrence table outweighs the timeline")
    func partsPayWhenPairsOutweighTheTimeline() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let names = (0..<12).map { ("Name \($0)", EntityLabel.person) }
        // Twelve names in every document of one day: 66 pairs, 12 timeline rows.
        let crowded = try writePartials(
            [Array(repeating: TestDocument(date: "2019-05-12", mentions: names), count: 3)], in: scratch,
            cooccurrenceCap: 12)
        #expect(PartialMerger.pairParts(for: crowded, jobs: 2) == 2)
        #expect(PartialMerger.pairParts(for: crowded, jobs: 4) == 4)
        #expect(PartialMerger.pairParts(for: crowded, jobs: 1) == 1)
        try FileSystem.removeTree(scratch.join("partials"))
        // One name a document, on many days: no pairs, a long timeline.
        let days = (1...28).map { TestDocument(date: "2019-05-\($0 < 10 ? "0" : "")\($0)", mentions: [names[$0 % 12]]) }
        let sparse = try writePartials([days], in: scratch)
        #expect(PartialMerger.pairParts(for: sparse, jobs: 2) == 1)
        #expect(PartialMerger.pairParts(for: [scratch.join("missing")], jobs: 2) == 1)
    }

    @Test("a damaged pair file stops a merge in parts wherever the damage is, and leaves the previous tables")
    func damageInAnyPartFailsTheMerge() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let documents = randomDocuments(count: 300, seed: 5)
        let paths = try writePartials(
            [Array(documents[..<100]), Array(documents[100..<200]), Array(documents[200...])], in: scratch)
        let out = scratch.join("out")
        _ = try PartialMerger.merge(partials: paths, into: out, durable: false, pairParts: 2)
        let goodFiles = try files(out)

        let plan = try _MergePlan(directories: paths)
        let parts = _PairPartition(plan: plan, count: 2).parts
        let victim = 1
        let pairFile = _PartialFile.cooccurrences.path(in: paths[victim])
        let original = try readBytes(pairFile)
        let cells = try _PartialFileIO.readCells(
            _PairCell.self, directory: paths[victim], names: plan.nameCounts[victim])
        /// The records of `cells` as varints, with `damage` applied to the list of records.
        func rewrite(count: Int? = nil, _ damage: (inout [[UInt8]]) -> Void) throws {
            var records = zip(cells, [_PairCell(key: 0, documents: 0)] + cells.dropLast()).map {
                varint($0.key - $1.key) + varint(UInt64($0.documents))
            }
            damage(&records)
            let bytes = partialFileBytes(tag: "PAIR", payload: records.flatMap { $0 }, records: count ?? records.count)
            try AtomicFile.write(bytes, to: pairFile, durable: false)
        }
        func expectFailure(_ what: String, _ message: String) throws {
            do {
                _ = try PartialMerger.merge(partials: paths, into: out, durable: false, pairParts: 2)
                Issue.record("the merge with \(what) succeeded")
            } catch let error as AggregationError {
                #expect(error.path == pairFile && error.message.contains(message), "\(what): \(error)")
            }
            #expect(try files(out) == goodFiles, "\(what)")
            #expect(try FileSystem.contentsOfDirectory(out).sorted() == Self.tableFiles.sorted(), "\(what)")
        }

        try rewrite { _ in }
        #expect(try readBytes(pairFile) == original)
        for (index, part) in parts.enumerated() {
            // A record in the middle of the part's ranks (in the victim's own ranks, mapped).
            let inPart = cells.indices.filter { index in
                index > 0 && part.contains(Int(plan.maps[victim][Int(cells[index].key >> 32)]))
            }
            #expect(inPart.count > 10, "part \(index) of \(parts)")
            let record = inPart[inPart.count / 2]
            try rewrite { $0[record] = varint(0) + varint(1) }
            try expectFailure("a repeated key in part \(index)", "not sorted")
            try rewrite { $0[record] = [UInt8](repeating: 0xFF, count: 10) + [0x01] + varint(1) }
            try expectFailure("a malformed number in part \(index)", "malformed")
        }
        try rewrite(count: cells.count + 1) { _ in }
        try expectFailure("a trailer that counts one record too many", "record count differs")
        try AtomicFile.write(Array(original.dropLast(12)), to: pairFile, durable: false)
        try expectFailure("a file cut short", "truncated")
    }
}
