import LedeEntities
import LedeIO
import Testing

@testable import LedeAggregation

@Suite struct PartialMergerTests {
    private func writePartials(_ count: Int, in scratch: ScratchDirectory, seed: UInt64) throws -> [String] {
        let documents = randomDocuments(count: count * 20, seed: seed)
        var paths: [String] = []
        for index in 0..<count {
            var builder = AggregateBuilder(options: AggregationOptions(cooccurrenceCap: 6))
            builder.add(Array(documents[(index * 20)..<(index * 20 + 20)]))
            builder.addLines(21)
            builder.addReject(reason: "invalid JSON")
            builder.addShard()
            let path = scratch.join("partials/shard-\(index)")
            try PartialStore.write(builder.makePartial(), to: path, durable: false)
            paths.append(path)
        }
        return paths
    }

    private func files(_ directory: String) throws -> [String] {
        try ["entities.csv", "cooccurrences.csv", "timeline.csv", "tags.csv", "stats.json"].map {
            try readText(Path.join(directory, $0))
        }
    }

    @Test func fanInRoundsEqualOnePass() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let paths = try writePartials(10, in: scratch, seed: 5)
        let onePass = try PartialMerger.merge(partials: paths, into: scratch.join("one"))
        let rounds = try PartialMerger.merge(partials: paths, into: scratch.join("rounds"), fanIn: 3)
        #expect(onePass.rounds == 0)
        // 10 → 4 groups (3, 3, 2, 2) → 2 groups → final pass.
        #expect(rounds.rounds == 2)
        #expect(
            onePass
                == MergeSummary(
                    partials: 10, rounds: 0, entities: rounds.entities, cooccurrences: rounds.cooccurrences,
                    timeline: rounds.timeline, tags: rounds.tags, stats: rounds.stats, topEntities: rounds.topEntities))
        #expect(try files(scratch.join("one")) == files(scratch.join("rounds")))
        #expect(
            onePass.stats.shards == 10 && onePass.stats.lines == 210 && onePass.stats.rejects == ["invalid JSON": 10])
        // The rounds' workspace is gone; only the outputs remain.
        #expect(
            try FileSystem.contentsOfDirectory(scratch.join("rounds"))
                == ["cooccurrences.csv", "entities.csv", "stats.json", "tags.csv", "timeline.csv"])
        // The inputs are untouched.
        #expect(try paths.allSatisfy { try PartialStore.read($0).stats.shards == 1 })
    }

    @Test("the merge keeps the entities that EntityTable.top reads back from entities.csv", arguments: [1, 2])
    func topEntitiesMatchTheTable(pairParts: Int) throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        // Few names over many documents: ties on mentions and documents, broken by name and label.
        let paths = try writePartials(12, in: scratch, seed: 17)
        let summary = try PartialMerger.merge(partials: paths, into: scratch.join("out"), pairParts: pairParts)
        let table = try EntityTable.top(aggregatesDirectory: scratch.join("out"), limit: PartialMerger.summaryEntityCount)
        #expect(summary.topEntities.count == PartialMerger.summaryEntityCount)
        #expect(summary.topEntities == table)
        let all = try EntityTable.top(aggregatesDirectory: scratch.join("out"), limit: summary.entities)
        #expect(Set(all.prefix(30).map(\.mentions)).count < 30, "the corpus should have ties for the test to mean something")
    }

    @Test func topEntitiesKeepsTheBestRowsInTheTablesOrder() {
        var top = _TopEntities(limit: 3)
        let cells = [(0, 5, 2), (1, 9, 1), (2, 5, 3), (3, 5, 3), (4, 1, 1), (5, 9, 1)].map { name, mentions, documents in
            _EntityCell(name: UInt32(name), firstDay: 0, lastDay: 0, mentions: mentions, documents: documents)
        }
        for cell in cells.reversed() { top.offer(cell) }
        #expect(top.ranked().map(\.name) == [1, 5, 2])
        var none = _TopEntities(limit: 0)
        none.offer(cells[0])
        #expect(none.ranked().isEmpty)
    }

    @Test("merging partials from disk into a partial writes the files that merging them in memory writes")
    func mergeIntoPartialEqualsTheInMemoryMerge() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let paths = try writePartials(7, in: scratch, seed: 11)
        let inMemory = try paths.map(PartialStore.read).reduce(nil as Partial?) { $0?.merging($1) ?? $1 }!
        try PartialStore.write(inMemory, to: scratch.join("out/memory"), durable: false)
        try PartialMerger.merge(partials: paths, intoPartial: scratch.join("out/one-pass"))
        try PartialMerger.merge(partials: paths, intoPartial: scratch.join("out/rounds"), fanIn: 3)
        let names = try FileSystem.contentsOfDirectory(scratch.join("out/memory")).sorted()
        #expect(names.contains("cooccurrences.bin"))
        for name in names {
            let expected = try readBytes(scratch.join("out/memory/\(name)"))
            #expect(try readBytes(scratch.join("out/one-pass/\(name)")) == expected, "\(name)")
            #expect(try readBytes(scratch.join("out/rounds/\(name)")) == expected, "\(name)")
        }
        // The rounds' workspace is gone: only the three outputs remain beside each other.
        #expect(try FileSystem.contentsOfDirectory(scratch.join("out")).sorted() == ["memory", "one-pass", "rounds"])
        #expect(throws: AggregationError.self) {
            try PartialMerger.merge(partials: [paths[0], paths[0]], intoPartial: scratch.join("out/twice"))
        }
    }

    @Test func streamingMergeEqualsInMemoryMerge() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let paths = try writePartials(12, in: scratch, seed: 9)
        try PartialMerger.mergeIntoPartial(paths, scratch.join("merged"))
        let streamed = try PartialStore.read(scratch.join("merged"))
        let inMemory = try paths.map { try PartialStore.read($0) }.reduce(Partial()) { $0.merging($1) }
        #expect(firstDifference(streamed, inMemory) == nil)
        // Enough rows that the readers decode several blocks, the last one partly filled.
        #expect(streamed.compactTables.pairs.count > 200 && streamed.compactTables.timeline.count > 64)
    }

    @Test(arguments: [0, 1, 63, 64, 65, 200])
    func csvSinkWritesEveryRowInOrder(rows: Int) throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        var table = _NameTable(reservingCapacity: 3, bytes: 0)
        for name in ["Alpha", "Beta, \"the\" second", String(repeating: "long name ", count: 5)] {
            Array(name.utf8).withUnsafeBytes { table.append($0, label: EntityLabel.person.rawValue) }
        }
        let names = _CSVNames(table)
        let keys: [UInt64] = [0 << 32 | 1, 0 << 32 | 2, 1 << 32 | 2]
        let cells = (0..<rows).map { _PairCell(key: keys[$0 % 3], documents: $0 * 37) }
        var sink = try _CSVCellSink<_PairCell>(directory: scratch.path, names: names, durable: false)
        for cell in cells { try sink.consume(cell) }
        try sink.commit()
        var expected = "entity_a,label_a,entity_b,label_b,documents\n"
        for cell in cells {
            expected += "\(field(table.string(Int(cell.key >> 32)))),PER,\(field(table.string(Int(cell.key & 0xFFFF_FFFF)))),PER,"
            expected += "\(cell.documents)\n"
        }
        #expect(try readText(scratch.join("cooccurrences.csv")) == expected)
    }

    /// `name` as a CSV field, quoted per RFC 4180 when it needs to be.
    private func field(_ name: String) -> String {
        guard name.contains(",") || name.contains("\"") else { return name }
        return "\"" + name.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
    }

    @Test func balancedGroups() {
        let inputs = (0..<10).map(String.init)
        #expect(PartialMerger.balancedGroups(inputs, fanIn: 3).map(\.count) == [3, 3, 2, 2])
        #expect(PartialMerger.balancedGroups(inputs, fanIn: 256).map(\.count) == [10])
        #expect(PartialMerger.balancedGroups(Array(inputs.prefix(6)), fanIn: 2).map(\.count) == [2, 2, 2])
    }

    @Test func knownTablesAndStats() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        var builder = AggregateBuilder()
        builder.add(
            TestDocument(
                date: "2019-05-12", source: "Le \"Monde\"", tokens: 12, bytes: 80,
                mentions: [("Smith, John", .person), ("Acme", .organization), ("Smith, John", .person)],
                tags: ["#news"]))
        builder.add(TestDocument(date: nil, source: nil, tokens: 3, bytes: 10, mentions: [("Acme", .organization)]))
        builder.addLines(3)
        builder.addReject(reason: "no text")
        builder.addShard()
        try PartialStore.write(builder.makePartial(), to: scratch.join("p"))
        let summary = try PartialMerger.merge(partials: [scratch.join("p")], into: scratch.join("out"))
        #expect(summary.entities == 2 && summary.cooccurrences == 1 && summary.timeline == 2 && summary.tags == 1)

        #expect(
            try readText(scratch.join("out/entities.csv")) == """
                canonical,label,mentions,documents,first_date,last_date
                Acme,ORG,2,2,2019-05-12,2019-05-12
                "Smith, John",PER,2,1,2019-05-12,2019-05-12

                """)
        #expect(
            try readText(scratch.join("out/cooccurrences.csv")) == """
                entity_a,label_a,entity_b,label_b,documents
                Acme,ORG,"Smith, John",PER,1

                """)
        #expect(
            try readText(scratch.join("out/timeline.csv")) == """
                date,canonical,label,mentions,documents
                2019-05-12,Acme,ORG,1,1
                2019-05-12,"Smith, John",PER,2,1

                """)
        #expect(try readText(scratch.join("out/tags.csv")) == "tag,mentions,documents\n#news,1,1\n")
        #expect(
            try readText(scratch.join("out/stats.json")) == """
                {
                  "bytes": 90,
                  "documents": 2,
                  "entity_limit_documents": 0,
                  "failed_shards": 0,
                  "lines": 3,
                  "mentions": 4,
                  "partials": 1,
                  "rejects": {
                    "no text": 1
                  },
                  "shards": 1,
                  "sources": {
                    "Le \\"Monde\\"": 1
                  },
                  "tokens": 15,
                  "undated": 1
                }

                """)
    }

    @Test func noPartialsGiveEmptyTables() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let summary = try PartialMerger.merge(partials: [], into: scratch.join("out"))
        #expect(summary.entities == 0 && summary.stats == AggregateStats())
        #expect(try readText(scratch.join("out/tags.csv")) == "tag,mentions,documents\n")
        #expect(try readText(scratch.join("out/stats.json")).contains("\"rejects\": {},"))
    }

    @Test func refusesBadInput() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let paths = try writePartials(2, in: scratch, seed: 1)
        #expect(throws: AggregationError.self) {
            try PartialMerger.merge(partials: [paths[0], paths[1], paths[0] + "/"], into: scratch.join("out"))
        }
        #expect(throws: AggregationError.self) {
            try PartialMerger.merge(partials: paths, into: scratch.join("out"), fanIn: 1)
        }
        #expect(throws: AggregationError.self) {
            try PartialMerger.merge(partials: [scratch.join("missing")], into: scratch.join("out"))
        }
        // Nothing was written by the refused merges.
        #expect(!FileSystem.exists(scratch.join("out/entities.csv")))

        // A partial whose rows are out of order is reported with its file, and
        // tables merged before the problem showed up are not put in place.
        let good = try PartialMerger.merge(partials: paths, into: scratch.join("out"), durable: false)
        let goodFiles = try files(scratch.join("out"))
        let timeline = Path.join(paths[1], "timeline.bin")
        // Two records of one key: day 2019-05-12, name 0 (a key difference of 0).
        let record = varint(20_190_512 << 32) + varint(1) + varint(1)
        let repeated = partialFileBytes(tag: "TIME", payload: record + varint(0) + varint(1) + varint(1), records: 2)
        try AtomicFile.write(repeated, to: timeline)
        do {
            _ = try PartialMerger.merge(partials: [paths[1]], into: scratch.join("out"), durable: false)
            Issue.record("merge of an unsorted partial succeeded")
        } catch let error as AggregationError {
            #expect(error.path == timeline && error.message.contains("not sorted"), "\(error)")
        }
        #expect(good.timeline > 2)
        #expect(try files(scratch.join("out")) == goodFiles)
        #expect(
            try FileSystem.contentsOfDirectory(scratch.join("out"))
                == ["cooccurrences.csv", "entities.csv", "stats.json", "tags.csv", "timeline.csv"])

        try AtomicFile.write(Array("lede-partial 99\n".utf8), to: Path.join(paths[0], "FORMAT"))
        #expect(throws: AggregationError.self) {
            try PartialMerger.merge(partials: [paths[0]], into: scratch.join("out"))
        }
    }

    @Test func leftoverWorkspaceIsRemoved() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        try FileSystem.createDirectory(scratch.join("out/.merge.rounds-1-1/round-1-0"))
        _ = try PartialMerger.merge(partials: [], into: scratch.join("out"))
        #expect(!FileSystem.exists(scratch.join("out/.merge.rounds-1-1")))
    }
}
