import LedeIO
import Testing

@testable import LedeAggregation

@Suite struct PairPartitionTests {
    @Test func cutsWhereTheWeightsBalance() {
        #expect(_PairPartition(weights: [1, 1, 1, 1], count: 2).parts == [0..<2, 2..<4])
        #expect(_PairPartition(weights: [10, 1, 1, 1, 1, 10], count: 2).parts == [0..<3, 3..<6])
        #expect(_PairPartition(weights: [1, 1, 1, 1, 1, 1], count: 3).parts == [0..<2, 2..<4, 4..<6])
        // The rank that straddles the target goes to whichever side leaves the cut nearer to it.
        #expect(_PairPartition(weights: [3, 1], count: 2).parts == [0..<1, 1..<2])
        #expect(_PairPartition(weights: [1, 3], count: 2).parts == [0..<1, 1..<2])
        #expect(_PairPartition(weights: [1, 1, 5, 1], count: 2).parts == [0..<2, 2..<4])
        #expect(_PairPartition(weights: [5, 1, 1, 1], count: 1).parts == [0..<4])
    }

    @Test func heavyRanksAndFewRanksLeaveEmptyParts() {
        // One rank holds everything: it is a part of its own, and a part beside it holds no rank.
        #expect(_PairPartition(weights: [0, 9, 0], count: 4).parts == [0..<1, 1..<1, 1..<2, 2..<3])
        #expect(_PairPartition(weights: [1, 1], count: 5).parts == [0..<0, 0..<1, 1..<1, 1..<2, 2..<2])
        #expect(_PairPartition(weights: [], count: 3).parts == [0..<0, 0..<0, 0..<0])
        // No estimate at all: even by rank.
        #expect(_PairPartition(weights: [0, 0, 0, 0, 0, 0, 0], count: 3).parts == [0..<2, 2..<4, 4..<7])
    }

    @Test(arguments: [1, 2, 3, 8, 13])
    func partsAreConsecutiveAndCoverEveryRank(count: Int) {
        var random = SeededGenerator(seed: UInt64(count))
        for size in [0, 1, 5, 100] {
            let weights = (0..<size).map { _ in Double(Int.random(in: 0...3, using: &random) * 7) }
            let parts = _PairPartition(weights: weights, count: count).parts
            #expect(parts.count == count)
            #expect(parts.first?.lowerBound == 0 && parts.last?.upperBound == size)
            #expect(zip(parts, parts.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        }
    }

    @Test("a name's estimated pair rows grow with the root of its documents and the share of names after it")
    func estimateWeighsDocumentsAndRank() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        func write(_ documents: [[String]], to name: String) throws -> String {
            var builder = AggregateBuilder()
            for names in documents {
                builder.add(TestDocument(date: "2019-05-12", mentions: names.map { ($0, .person) }))
            }
            let path = scratch.join(name)
            try PartialStore.write(builder.makePartial(), to: path, durable: false)
            return path
        }
        // A in 4 documents, B in 1, C in 9, D in 1: of 4 names, 3, 2, 1 and 0 come after them.
        let first = try write(
            [["A", "C"], ["A", "C"], ["A", "C"], ["A", "B"]] + Array(repeating: ["C"], count: 6) + [["D"]], to: "p1")
        // B and E in 4 documents each: 1 and 0 names after them.
        let second = try write(Array(repeating: ["B", "E"], count: 4), to: "p2")
        let plan = try _MergePlan(directories: [first, second])
        let rows = _PairPartition.estimatedRows(plan)
        // Each partial's estimates add up to the bytes of its pair records.
        func pairBytes(_ path: String) throws -> Double {
            Double(try readBytes(_PartialFile.cooccurrences.path(in: path)).count - 24)
        }
        let scale = try pairBytes(first) / (2 * 3 / 4 + 1 * 2 / 4 + 3 * 1 / 4)
        let expected = try [2 * 3 / 4 * scale, 1 * 2 / 4 * scale + pairBytes(second), 3 * 1 / 4 * scale, 0, 0]
        #expect(rows.count == 5)
        #expect(zip(rows, expected).allSatisfy { abs($0 - $1) < 1e-9 }, "\(rows) vs \(expected)")
    }

    @Test func aPartialThatCannotBeReadIsLeftOutOfTheEstimate() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        var builder = AggregateBuilder()
        builder.add(randomDocuments(count: 50, seed: 3))
        try PartialStore.write(builder.makePartial(), to: scratch.join("p"), durable: false)
        let plan = try _MergePlan(directories: [scratch.join("p")])
        #expect(_PairPartition.estimatedRows(plan).contains { $0 > 0 })
        try AtomicFile.write([1, 2, 3], to: _PartialFile.entities.path(in: scratch.join("p")), durable: false)
        #expect(_PairPartition.estimatedRows(plan).allSatisfy { $0 == 0 })
        #expect(_PairPartition(plan: plan, count: 2).parts.last?.upperBound == plan.names.count)
    }
}

@Suite struct CellReaderSkipTests {
    /// Writes a pair file of `records` (each a key difference and documents, as varints) in a
    /// fresh directory and opens it for a name table of 10 names.
    private func reader(
        _ scratch: ScratchDirectory, _ records: [[UInt8]], count: Int? = nil
    ) throws -> _CellReader<_PairCell> {
        let directory = scratch.join("p-\(UInt32.random(in: 0...UInt32.max))")
        let bytes = partialFileBytes(tag: "PAIR", payload: records.flatMap { $0 }, records: count ?? records.count)
        try AtomicFile.write(bytes, to: _PartialFile.cooccurrences.path(in: directory), durable: false)
        return try _CellReader<_PairCell>(directory: directory, names: 10, map: (0..<10).map { UInt32($0) * 2 })
    }

    private let keys: [UInt64] = [0 << 32 | 1, 0 << 32 | 5, 2 << 32 | 3, 4 << 32 | 9, 7 << 32 | 8]

    private func records(_ keys: [UInt64]) -> [[UInt8]] {
        zip(keys, [0] + keys.dropLast()).map { varint($0 &- $1) + varint(1) }
    }

    @Test func skipStartsAtTheFirstRecordAtOrAboveTheBoundAndRemapsIt() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        for (bound, first) in [(UInt64(0), 0), (1 << 32, 2), (2 << 32, 2), (3 << 32, 3), (7 << 32 | 8, 4)] {
            let reader = try reader(scratch, records(keys))
            try reader.skip(below: bound)
            var read: [UInt64] = []
            while let cell = try reader.next() { read.append(cell.key) }
            // The map doubles each rank.
            #expect(read == keys[first...].map { (($0 >> 32) * 2) << 32 | ($0 & 0xFFFF_FFFF) * 2 }, "bound \(bound)")
        }
        let past = try reader(scratch, records(keys))
        try past.skip(below: 9 << 32)
        #expect(try past.next() == nil)
    }

    @Test func skippedRecordsAndTheTrailerAreStillChecked() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        // A repeated key below the bound.
        var repeated = records(keys)
        repeated[1] = varint(0) + varint(1)
        #expect(throws: AggregationError.self) { try reader(scratch, repeated).skip(below: 4 << 32) }
        // A pair whose ranks do not increase, below the bound.
        var backwards = records(keys)
        backwards[2] = varint((3 << 32 | 2) - keys[1]) + varint(1)
        #expect(throws: AggregationError.self) { try reader(scratch, backwards).skip(below: 7 << 32) }
        // A trailer that counts one record too many, found by skipping past the last record.
        #expect(throws: AggregationError.self) {
            try reader(scratch, records(keys), count: keys.count + 1).skip(below: 9 << 32)
        }
        // The same damage above the bound is found by reading on.
        var backwardsLater = records(keys)
        backwardsLater[3] = varint((5 << 32 | 4) - keys[2]) + varint(1)
        let later = try reader(scratch, backwardsLater)
        try later.skip(below: 1 << 32)
        #expect(throws: AggregationError.self) { while try later.next() != nil {} }
    }
}
