import LedeEntities
import LedeIO
import Testing

@testable import LedeAggregation

/// The building blocks whose mistakes would only show on large inputs.
@Suite struct InternalsTests {
    @Test func internerKeepsDistinctKeysAndSortsThemBytewise() {
        var random = SeededGenerator(seed: 77)
        var interner = _ByteInterner(capacity: 4)
        var keys: [[UInt8]: Int] = [:]
        // Short alphabet and shared prefixes: many equal 8-byte prefixes, NUL bytes, the empty key.
        for _ in 0..<5000 {
            let length = Int.random(in: 0...20, using: &random)
            var key = Array("Prefix__".utf8.prefix(Int.random(in: 0...8, using: &random)))
            key += (0..<length).map { _ in [0, 0x41, 0x42, 0xC3, 0xFF].randomElement(using: &random)! }
            let discriminator = UInt8.random(in: 0...3, using: &random)
            let id = key.withUnsafeBytes { interner.intern($0, discriminator: discriminator) }
            let again = key.withUnsafeBytes { interner.intern($0, discriminator: discriminator) }
            #expect(id == again)
            let tagged = key + [0xEE, discriminator]
            if let known = keys[tagged] { #expect(known == id) } else { keys[tagged] = id }
        }
        #expect(interner.count == keys.count)
        let expected = keys.keys.sorted { a, b in
            let x = Array(a.dropLast(2))
            let y = Array(b.dropLast(2))
            return x == y ? a.last! < b.last! : x.lexicographicallyPrecedes(y)
        }.map { keys[$0]! }
        #expect(interner.sortedIDs() == expected)
    }

    @Test func radixSortMatchesComparisonSort() {
        var random = SeededGenerator(seed: 5)
        for (count, mask) in [(10, UInt64.max), (1000, UInt64.max), (5000, 0x0000_FFFF_0000_0FFF), (3000, 0)] {
            var keys = Set<UInt64>()
            while keys.count < max(count, 1) && keys.count < (mask == 0 ? 1 : count) {
                keys.insert(random.next() & mask)
            }
            var cells = keys.shuffled(using: &random).map { _KeyedCell(key: $0, first: Int($0 & 0xFF), second: 0) }
            _radixSortByKey(&cells)
            #expect(cells.map(\.key) == keys.sorted())
            #expect(cells.allSatisfy { $0.first == Int($0.key & 0xFF) })
        }
    }

    @Test func countTableGrowsAndSums() {
        var table = _CountTable<_TwoCounts>(capacity: 2)
        for round in 0..<3 {
            for key in 0..<10_000 as Range<UInt64> {
                table.add(key * 0x1_0000_0001, _TwoCounts(mentions: round + 1, documents: 1))
            }
        }
        #expect(table.count == 10_000)
        var total = 0
        table.forEachKey { key, counts in
            #expect(key % 0x1_0000_0001 == 0 && counts.mentions == 6 && counts.documents == 3)
            total += 1
        }
        #expect(total == 10_000)
        table.removeAll()
        #expect(table.count == 0)
    }

    @Test(arguments: [1, 7, 100, 1 << 20])
    func pairCounterMatchesADictionary(batchLimit: Int) {
        var random = SeededGenerator(seed: UInt64(batchLimit))
        var counter = _PairCounter(batchLimit: batchLimit)
        var expected: [UInt64: Int] = [:]
        for _ in 0..<300 {
            let ids = Array(Set((0..<Int.random(in: 0...12, using: &random)).map { _ in Int32.random(in: 0..<40, using: &random) }))
            ids.withUnsafeBufferPointer { counter.addPairs(of: $0) }
            for i in ids.indices {
                for j in ids.indices where i < j {
                    let a = UInt64(UInt32(min(ids[i], ids[j])))
                    let b = UInt64(UInt32(max(ids[i], ids[j])))
                    expected[a << 32 | b, default: 0] += 1
                }
            }
            // Reading never changes what is counted.
            if Int.random(in: 0..<50, using: &random) == 0 { _ = counter.merged() }
        }
        #expect(counter.merged() == expected.keys.sorted().map { _PairCount(key: $0, count: expected[$0]!) })
        counter.removeAll()
        #expect(counter.merged().isEmpty && counter.estimatedCount == 0)
    }

    @Test func builderWithTinyPairBatchesGivesTheSamePartial() {
        let documents = randomDocuments(count: 300, seed: 21)
        var reference = AggregateBuilder(options: AggregationOptions(cooccurrenceCap: 10))
        reference.add(documents)
        var tiny = AggregateBuilder(options: AggregationOptions(cooccurrenceCap: 10))
        tiny.pairs = _PairCounter(batchLimit: 5)
        tiny.add(documents)
        #expect(firstDifference(tiny.makePartial(), reference.makePartial()) == nil)
    }

    @Test func nameTableUnionIsSortedAndMapsMonotonically() {
        var random = SeededGenerator(seed: 9)
        let tables: [_NameTable] = (0..<5).map { _ in
            var keys = Set<[UInt8]>()
            for _ in 0..<Int.random(in: 0...200, using: &random) {
                keys.insert((0..<Int.random(in: 0...6, using: &random)).map { _ in [0x41, 0x42, 0xC3, 0x00].randomElement(using: &random)! } + [UInt8.random(in: 0...3, using: &random)])
            }
            var table = _NameTable()
            for key in keys.sorted(by: { $0.dropLast().lexicographicallyPrecedes($1.dropLast()) || ($0.dropLast() == $1.dropLast() && $0.last! < $1.last!) }) {
                key.dropLast().withUnsafeBytes { table.append($0, label: key.last!) }
            }
            return table
        }
        let (union, maps) = _NameTable.union(tables[...])
        for index in 1..<max(1, union.count) { #expect(_NameTable.compare(union, index - 1, union, index) < 0) }
        for (table, map) in zip(tables, maps) {
            #expect(map.count == table.count)
            for rank in 0..<table.count {
                #expect(_NameTable.compare(table, rank, union, Int(map[rank])) == 0)
                if rank > 0 { #expect(map[rank - 1] < map[rank]) }
            }
        }
        #expect(union.count == Set(tables.flatMap { t in (0..<t.count).map { t.withBytes($0) { Array($0) } + [t.labels[$0]] } }).count)
    }

    @Test func lineReaderGrowsForLongLinesAndKeepsAFinalLineWithoutNewline() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let long = String(repeating: "x", count: 100_000)
        try AtomicFile.write(Array("a\n\n\(long)\nlast".utf8), to: scratch.join("f"))
        let reader = try _LineReader(path: scratch.join("f"), bufferSize: 16)
        var lines: [String] = []
        while let line = try reader.withNextLine({ String(decoding: $0, as: UTF8.self) }) { lines.append(line) }
        #expect(lines == ["a", "", long, "last"])
        #expect(reader.lineNumber == 4)
    }

    @Test func normalizedOrdersPairsAndDropsSelfPairs() {
        let partial = Partial(
            cooccurrences: [
                Partial.Cooccurrence(a: "Zed", aLabel: .person, b: "Abe", bLabel: .person, documents: 1),
                Partial.Cooccurrence(a: "Abe", aLabel: .person, b: "Zed", bLabel: .person, documents: 2),
                Partial.Cooccurrence(a: "Abe", aLabel: .person, b: "Abe", bLabel: .person, documents: 5),
                Partial.Cooccurrence(a: "Abe", aLabel: .location, b: "Abe", bLabel: .person, documents: 1),
            ],
            tags: [
                Partial.Tag(tag: "#b", mentions: 1, documents: 1), Partial.Tag(tag: "#a", mentions: 1, documents: 1),
            ]
        ).normalized()
        #expect(
            partial.cooccurrences == [
                Partial.Cooccurrence(a: "Abe", aLabel: .person, b: "Abe", bLabel: .location, documents: 1),
                Partial.Cooccurrence(a: "Abe", aLabel: .person, b: "Zed", bLabel: .person, documents: 3),
            ])
        #expect(partial.tags.map(\.tag) == ["#a", "#b"])
    }

    @Test func statsJSONEscapesNames() {
        let stats = AggregateStats(rejects: ["line\nbreak": 1, "quote\"": 2, "\u{01}": 3])
        let text = String(decoding: _StatsJSON.encode(stats, partials: 0), as: UTF8.self)
        #expect(text.contains(#""\u0001": 3,"#))
        #expect(text.contains(#""line\nbreak": 1,"#))
        #expect(text.contains(#""quote\"": 2"#))
    }
}
