import GRDB
import LedeAggregation
import LedeEntities
import LedeIO
import Testing

@testable import LedeStore

@Suite struct StoreWriterTests {
    /// The tables of `path` must hold exactly the rows of the in-memory merge of the partials.
    private func expectTablesEqualMerge(of shards: [StoreShard], store path: String) throws {
        var merged = Partial()
        for shard in shards { merged.merge(try PartialStore.read(shard.partial)) }
        func date(_ day: Day?) -> String { day?.description ?? "NULL" }

        #expect(
            try rows(path, "SELECT canonical, label, mentions, documents, first_date, last_date FROM entities ORDER BY id")
                == merged.entities.map {
                    [$0.canonical, $0.label.name, String($0.mentions), String($0.documents), date($0.firstDate), date($0.lastDate)]
                })
        #expect(
            try rows(
                path,
                """
                SELECT x.canonical, x.label, y.canonical, y.label, c.documents FROM cooccurrences AS c
                JOIN entities AS x ON x.id = c.a JOIN entities AS y ON y.id = c.b ORDER BY c.a, c.b
                """)
                == merged.cooccurrences.map { [$0.a, $0.aLabel.name, $0.b, $0.bLabel.name, String($0.documents)] })
        #expect(
            try rows(
                path,
                """
                SELECT t.date, e.canonical, e.label, t.mentions, t.documents FROM timeline AS t
                JOIN entities AS e ON e.id = t.entity ORDER BY t.date, t.entity
                """)
                == merged.timeline.map {
                    [$0.date.description, $0.canonical, $0.label.name, String($0.mentions), String($0.documents)]
                })
        #expect(
            try rows(path, "SELECT tag, mentions, documents FROM tags ORDER BY tag")
                == merged.tags.map { [$0.tag, String($0.mentions), String($0.documents)] })
        var stats = Dictionary(
            uniqueKeysWithValues: try rows(path, "SELECT kind || ':' || name, value FROM stats").map { ($0[0], Int($0[1])!) })
        #expect(stats.removeValue(forKey: "counter:partials") == shards.count)
        var expected: [String: Int] = [
            "counter:bytes": merged.stats.bytes, "counter:documents": merged.stats.documents,
            "counter:entity_limit_documents": merged.stats.entityLimitDocuments,
            "counter:failed_shards": merged.stats.failedShards, "counter:lines": merged.stats.lines,
            "counter:mentions": merged.stats.mentions, "counter:shards": merged.stats.shards,
            "counter:tokens": merged.stats.tokens, "counter:undated": merged.stats.undated,
        ]
        for (reason, count) in merged.stats.rejects { expected["reject:\(reason)"] = count }
        for (source, count) in merged.stats.sources { expected["source:\(source)"] = count }
        #expect(stats == expected)
    }

    @Test func tablesHoldTheMergedPartials() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let shards = try writeShards(newsShards, in: scratch)
        let path = scratch.join("lede.sqlite")
        let summary = try StoreWriter.rebuild(
            shards: shards, destination: path, temporaryPath: scratch.join("tmp/lede.sqlite.tmp"), durable: false)
        #expect(summary.entities == 7 && summary.cooccurrences == 10 && summary.timeline == 10)
        #expect(summary.tags == 1 && summary.shards == 2 && summary.rounds == 0)
        try expectTablesEqualMerge(of: shards, store: path)
        // The merge's workspace and the temporary file are gone.
        #expect(try FileSystem.contentsOfDirectory(scratch.join("tmp")).isEmpty)
    }

    @Test func shardsTableHasEachPartialsCounters() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        var shards = try writeShards(newsShards, in: scratch)
        shards[1].failure = "zstd stream corrupt at byte 1234"
        shards[1].fileSize = 987
        shards[1].fileModified = 1_700_000_000_123_456_789
        shards[1].fingerprint = "xxh64:0123456789abcdef"
        let path = scratch.join("lede.sqlite")
        _ = try StoreWriter.rebuild(shards: shards, destination: path, temporaryPath: scratch.join("tmp.sqlite"), durable: false)
        #expect(
            try rows(path, "SELECT name, partial, lines, documents, rejects, undated, failed, failure FROM shards ORDER BY name")
                == [
                    ["wire/day-1.jsonl.zst", "day-1.jsonl.zst", "4", "3", "1", "1", "0", "NULL"],
                    ["wire/day-2.jsonl.zst", "day-2.jsonl.zst", "4", "3", "1", "0", "0", "zstd stream corrupt at byte 1234"],
                ])
        #expect(
            try rows(path, "SELECT shard, reason, lines FROM shard_rejects ORDER BY shard")
                == [["wire/day-1.jsonl.zst", "not-json", "1"], ["wire/day-2.jsonl.zst", "not-json", "1"]])
        #expect(
            try rows(path, "SELECT name, file_size, file_modified_ns, fingerprint FROM shards ORDER BY name")
                == [
                    ["wire/day-1.jsonl.zst", "NULL", "NULL", "NULL"],
                    ["wire/day-2.jsonl.zst", "987", "1700000000123456789", "xxh64:0123456789abcdef"],
                ])
    }

    @Test func mergeRoundsGiveTheSameTables() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        // Seven shards of generated documents over a pool of names, so that every
        // shard shares names with the others.
        let pool: [(String, EntityLabel)] = (0..<30).map { ("Name \($0 % 17)", EntityLabel.allCases[$0 % 4]) }
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let shardDocuments = (0..<7).map { shard in
            (
                name: "shard-\(shard)",
                documents: (0..<25).map { _ in
                    TestDocument(
                        date: next(5) == 0 ? nil : "2020-01-\(10 + next(9))",
                        mentions: (0..<(1 + next(6))).map { _ in pool[next(pool.count)] })
                }
            )
        }
        let shards = try writeShards(shardDocuments, in: scratch)
        let onePass = try StoreWriter.rebuild(
            shards: shards, destination: scratch.join("one.sqlite"), temporaryPath: scratch.join("tmp/one"), durable: false)
        let rounds = try StoreWriter.rebuild(
            shards: shards, destination: scratch.join("rounds.sqlite"), temporaryPath: scratch.join("tmp/rounds"),
            fanIn: 2, durable: false)
        #expect(onePass.rounds == 0 && rounds.rounds == 2)
        try expectTablesEqualMerge(of: shards, store: scratch.join("rounds.sqlite"))
        try expectTablesEqualMerge(of: shards, store: scratch.join("one.sqlite"))
        #expect(try FileSystem.contentsOfDirectory(scratch.join("tmp")).isEmpty)
    }

    @Test func oldStoreStaysReadableUntilTheRename() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let shards = try writeShards(newsShards, in: scratch)
        let path = scratch.join("lede.sqlite")
        let temporary = scratch.join("_state/tmp/lede.sqlite.tmp")
        _ = try StoreWriter.rebuild(shards: [shards[0]], destination: path, temporaryPath: temporary, durable: false)
        let oldReader = try StoreReader(path: path)
        let oldTop = try oldReader.top(limit: 10)
        #expect(oldTop.first?.canonical == "Juan Guaido" && oldTop.first?.mentions == 4)

        let staged = try StoreWriter.stage(shards: shards, destination: path, temporaryPath: temporary, durable: false)
        // Built but not in place: a reader opening the store now still gets the old one.
        #expect(FileSystem.isRegularFile(temporary))
        #expect(try StoreReader(path: path).top(limit: 10) == oldTop)
        let summary = try staged.commit()
        #expect(summary.entities == 7)
        #expect(!FileSystem.exists(temporary))
        #expect(try StoreReader(path: path).top(limit: 1).first?.mentions == 5)
        // A reader that opened the old store keeps reading it, whole.
        #expect(try oldReader.top(limit: 10) == oldTop)
    }

    @Test func aFailedBuildLeavesThePreviousStore() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let shards = try writeShards(newsShards, in: scratch)
        let path = scratch.join("lede.sqlite")
        let temporary = scratch.join("tmp/lede.sqlite.tmp")
        _ = try StoreWriter.rebuild(shards: [shards[0]], destination: path, temporaryPath: temporary, durable: false)
        let before = try rows(path, "SELECT * FROM entities")
        // A partial whose pair table is cut short: found while the rows stream in.
        let pairs = Path.join(shards[1].partial, "cooccurrences.bin")
        let descriptor = try FileDescriptor.createForWriting(pairs)
        try [UInt8](repeating: 7, count: 40).withUnsafeBytes { try descriptor.writeAll($0) }
        try descriptor.close()
        #expect(throws: AggregationError.self) {
            _ = try StoreWriter.rebuild(shards: shards, destination: path, temporaryPath: temporary, durable: false)
        }
        #expect(try rows(path, "SELECT * FROM entities") == before)
        #expect(!FileSystem.exists(temporary))
    }

    @Test func aStagedStoreDroppedWithoutCommitIsRemoved() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let shards = try writeShards(newsShards, in: scratch)
        let temporary = scratch.join("lede.sqlite.tmp")
        do {
            let staged = try StoreWriter.stage(
                shards: shards, destination: scratch.join("lede.sqlite"), temporaryPath: temporary, durable: false)
            #expect(FileSystem.isRegularFile(staged.temporaryPath))
        }
        #expect(!FileSystem.exists(temporary))
        #expect(!FileSystem.exists(scratch.join("lede.sqlite")))
    }

    @Test func aLeftoverTemporaryFileIsReplaced() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let shards = try writeShards(newsShards, in: scratch)
        let temporary = scratch.join("lede.sqlite.tmp")
        // What a build killed half-way leaves: not a database at all.
        let descriptor = try FileDescriptor.createForWriting(temporary)
        try [UInt8](repeating: 0xAB, count: 5000).withUnsafeBytes { try descriptor.writeAll($0) }
        try descriptor.close()
        _ = try StoreWriter.rebuild(
            shards: shards, destination: scratch.join("lede.sqlite"), temporaryPath: temporary, durable: false)
        #expect(try StoreReader(path: scratch.join("lede.sqlite")).top(limit: 1).first?.canonical == "Juan Guaido")
    }
}
