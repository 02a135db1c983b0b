import LedeEntities
import LedeIO
import Testing

@testable import LedeAggregation

@Suite struct PartialStoreTests {
    @Test func roundTrip() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        var builder = AggregateBuilder(options: AggregationOptions(cooccurrenceCap: 8))
        builder.add(randomDocuments(count: 200, seed: 3))
        builder.addReject(reason: "tab\there\nand newline")
        builder.addLines(205)
        let partial = builder.makePartial()
        try PartialStore.write(partial, to: scratch.join("a/b/partial"))
        #expect(try firstDifference(PartialStore.read(scratch.join("a/b/partial")), partial) == nil)
        #expect(
            try FileSystem.contentsOfDirectory(scratch.join("a/b/partial"))
                == [
                    "FORMAT", "cooccurrences.bin", "entities.bin", "names.bin", "stats.bin", "tags.bin", "timeline.bin",
                ])
        #expect(try readText(scratch.join("a/b/partial/FORMAT")) == "lede-partial 3\n")
        #expect(PartialStore.formatVersion == 3)
    }

    @Test func keepsTabsNewlinesAndBackslashesInNames() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let names = ["a\\b", "a\tb", "a\nb", "a\rb", "", "日本", "a,\"b\""].sorted { _compareUTF8($0, $1) < 0 }
        let partial = Partial(
            entities: names.map {
                Partial.Entity(
                    canonical: $0, label: .miscellaneous, mentions: 1, documents: 1, firstDate: nil, lastDate: nil)
            },
            cooccurrences: [
                Partial.Cooccurrence(a: names[0], aLabel: .miscellaneous, b: names[1], bLabel: .miscellaneous, documents: 2)
            ],
            tags: [Partial.Tag(tag: "#a\tb", mentions: 1, documents: 1)],
            stats: AggregateStats(documents: 3, rejects: ["tab\there": 1], sources: ["": 1, "x\ny": 2]))
        try PartialStore.write(partial, to: scratch.join("p"))
        #expect(try PartialStore.read(scratch.join("p")) == partial)
    }

    @Test func compactAndRowPartialsWriteTheSameFiles() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        var builder = AggregateBuilder(options: AggregationOptions(cooccurrenceCap: 6))
        builder.add(randomDocuments(count: 300, seed: 11))
        let compact = builder.makePartial()
        let rows = Partial(
            entities: compact.entities, cooccurrences: compact.cooccurrences, timeline: compact.timeline,
            tags: compact.tags, stats: compact.stats)
        #expect(compact.isCompact && !rows.isCompact)
        #expect(rows == compact)
        try PartialStore.write(compact, to: scratch.join("c"))
        try PartialStore.write(rows, to: scratch.join("r"))
        for file in ["names.bin", "entities.bin", "cooccurrences.bin", "timeline.bin", "tags.bin", "stats.bin"] {
            #expect(try readBytes(scratch.join("c/\(file)")) == readBytes(scratch.join("r/\(file)")), "\(file)")
        }
    }

    @Test func replacesAnExistingPartial() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        var first = AggregateBuilder()
        first.add(TestDocument(date: "2019-01-01", mentions: [("Old", .person)]))
        var second = AggregateBuilder()
        second.add(TestDocument(date: "2019-01-02", mentions: [("New", .person)]))
        let path = scratch.join("shard.partial")
        try PartialStore.write(first.makePartial(), to: path)
        try PartialStore.write(second.makePartial(), to: path)
        #expect(try PartialStore.read(path) == second.makePartial())
        // No temporary or old directory is left next to it.
        #expect(try FileSystem.contentsOfDirectory(scratch.path) == ["shard.partial"])
    }

    @Test func failedWriteKeepsThePreviousPartial() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        var builder = AggregateBuilder()
        builder.add(TestDocument(date: "2019-01-01", mentions: [("Kept", .person)]))
        let path = scratch.join("shard.partial")
        try PartialStore.write(builder.makePartial(), to: path)
        struct Interrupted: Error {}
        #expect(throws: Interrupted.self) {
            try _PartialDirectory.write(to: path) { temporary in
                try AtomicFile.write(Array("half".utf8), to: Path.join(temporary, "entities.bin"))
                throw Interrupted()
            }
        }
        #expect(try PartialStore.read(path) == builder.makePartial())
        #expect(try FileSystem.contentsOfDirectory(scratch.path) == ["shard.partial"])
    }

    @Test func replacementFallbackWithoutExchange() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        try FileSystem.createDirectory(scratch.join("new"))
        try AtomicFile.write(Array("new".utf8), to: scratch.join("new/file"))
        try FileSystem.createDirectory(scratch.join("target"))
        try AtomicFile.write(Array("old".utf8), to: scratch.join("target/file"))
        try _DirectoryReplacement.replace(scratch.join("target"), with: scratch.join("new"))
        #expect(try readText(scratch.join("target/file")) == "new")
        #expect(try FileSystem.contentsOfDirectory(scratch.path) == ["target"])
    }

    @Test func rejectsDamagedFilesNamingThem() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        var builder = AggregateBuilder(options: AggregationOptions(cooccurrenceCap: 6))
        builder.add(randomDocuments(count: 100, seed: 4))
        try PartialStore.write(builder.makePartial(), to: scratch.join("good"))
        let files = ["names.bin", "entities.bin", "cooccurrences.bin", "timeline.bin", "tags.bin", "stats.bin"]
        func damaged(_ file: String, _ change: (inout [UInt8]) -> Void) throws -> AggregationError? {
            let directory = scratch.join("bad")
            try? FileSystem.removeTree(directory)
            try FileSystem.createDirectory(directory)
            for name in files + ["FORMAT"] {
                var bytes = try readBytes(scratch.join("good/\(name)"))
                if name == file { change(&bytes) }
                try AtomicFile.write(bytes, to: Path.join(directory, name))
            }
            do {
                _ = try PartialStore.read(directory)
                return nil
            } catch let error as AggregationError {
                #expect(error.path == Path.join(directory, file), "\(error)")
                return error
            }
        }
        for file in files {
            let size = try readBytes(scratch.join("good/\(file)")).count
            // Truncated anywhere: inside the header, inside a record, just before the trailer.
            for cut in [0, 3, 16, size / 2, size - 9, size - 1] where cut < size {
                #expect(try damaged(file) { $0.removeLast($0.count - cut) } != nil, "\(file) cut at \(cut)")
            }
            #expect(try damaged(file) { $0[0] ^= 0xFF } != nil, "\(file) bad magic")
            #expect(try damaged(file) { $0 += [0, 0, 0, 0, 0, 0, 0, 0] } != nil, "\(file) extra bytes")
        }
        // A name rank out of range (the first entity record's key difference is its name).
        let outOfRange = try damaged("entities.bin") { bytes in
            bytes.replaceSubrange(16..<17, with: varint(1 << 31))
        }
        #expect(outOfRange?.message.contains("out of range") == true)
        let badLabel = try damaged("names.bin") { $0[16] = 9 }
        #expect(badLabel?.message.contains("bad label") == true)
        #expect(throws: AggregationError.self) { try PartialStore.read(scratch.join("nothing")) }
        // Another format version is refused with its FORMAT file, with what to do.
        #expect(PartialStore.hasCurrentFormat(scratch.join("good")))
        try AtomicFile.write(Array("lede-partial 2\n".utf8), to: scratch.join("good/FORMAT"))
        #expect(!PartialStore.hasCurrentFormat(scratch.join("good")))
        #expect(!PartialStore.hasCurrentFormat(scratch.join("nothing")))
        do {
            _ = try PartialStore.read(scratch.join("good"))
            Issue.record("a format 2 partial was read")
        } catch let error as AggregationError {
            #expect(error.message.contains("another version of Lede") && error.message.contains("process its shard again"))
        }
    }

    @Test func rejectsMalformedVarintRecords() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        var builder = AggregateBuilder(options: AggregationOptions(cooccurrenceCap: 6))
        builder.add(randomDocuments(count: 100, seed: 4))
        try PartialStore.write(builder.makePartial(), to: scratch.join("good"))
        let names = try _PartialFileIO.readNames(directory: scratch.join("good")).count
        #expect(names > 3)
        /// Reads the good partial with `file` replaced by `records`; returns the error's message, or nil.
        func read(_ file: _PartialFile, _ records: [[UInt8]], count: Int? = nil) throws -> String? {
            let directory = scratch.join("bad")
            try? FileSystem.removeTree(directory)
            try FileSystem.createDirectory(directory)
            for name in try FileSystem.contentsOfDirectory(scratch.join("good")) {
                try AtomicFile.write(try readBytes(scratch.join("good/\(name)")), to: Path.join(directory, name))
            }
            let tag = String(decoding: withUnsafeBytes(of: file.tag.littleEndian) { Array($0) }, as: UTF8.self)
            let bytes = partialFileBytes(tag: tag, payload: records.flatMap { $0 }, records: count ?? records.count)
            try AtomicFile.write(bytes, to: file.path(in: directory))
            do {
                _ = try PartialStore.read(directory)
                return nil
            } catch let error as AggregationError {
                #expect(error.path == file.path(in: directory), "\(error)")
                return error.message
            }
        }
        let pair: UInt64 = 1 << 32 | 2
        let next: UInt64 = 1  // (1, 3)
        // Well-formed records read back.
        #expect(try read(.cooccurrences, [varint(pair) + varint(300), varint(next) + varint(1)]) == nil)
        let pairs = try PartialStore.read(scratch.join("bad")).compactTables.pairs
        #expect(pairs == [_PairCell(key: pair, documents: 300), _PairCell(key: pair + 1, documents: 1)])

        // A varint cut short by the end of the records.
        #expect(try read(.cooccurrences, [varint(pair) + [0x83]])?.contains("runs past the end") == true)
        #expect(try read(.cooccurrences, [varint(pair) + varint(1), [0xFF, 0xFF]])?.contains("runs past the end") == true)
        // Longer than 64 bits, or not in the shortest form.
        let overlong = [UInt8](repeating: 0xFF, count: 10) + [0x01]
        #expect(try read(.cooccurrences, [varint(pair) + overlong])?.contains("malformed number") == true)
        let tooBig = [UInt8](repeating: 0xFF, count: 9) + [0x02]
        #expect(try read(.cooccurrences, [varint(pair) + tooBig])?.contains("malformed number") == true)
        #expect(try read(.cooccurrences, [varint(pair) + [0x81, 0x00]])?.contains("malformed number") == true)
        #expect(try read(.cooccurrences, [[0x82, 0x80, 0x80, 0x80, 0x90, 0x00] + varint(1)])?.contains("malformed") == true)
        // A key difference of 0 (a repeated key) or one that wraps around (a key going backwards).
        let repeated = try read(.cooccurrences, [varint(pair) + varint(1), varint(0) + varint(1)])
        #expect(repeated?.contains("not sorted") == true && repeated?.contains("record 2") == true)
        let backwards = try read(.cooccurrences, [varint(pair) + varint(1), varint(UInt64.max) + varint(1)])
        #expect(backwards?.contains("not sorted") == true)
        // A count above Int64.max, a pair past the name table, an entity name above 32 bits, a day above 32 bits.
        #expect(try read(.cooccurrences, [varint(pair) + varint(1 << 63)])?.contains("negative count") == true)
        #expect(try read(.cooccurrences, [varint(1 << 32 | UInt64(names))] + [varint(1)])?.contains("out of range") == true)
        let entity = varint(20_190_512) + varint(20_190_513) + varint(2) + varint(1)
        #expect(try read(.entities, [varint(0) + entity]) == nil)
        #expect(try read(.entities, [varint(1 << 32) + entity])?.contains("out of range") == true)
        #expect(try read(.entities, [varint(0) + varint(1 << 32) + varint(0) + varint(2) + varint(1)])?.contains("malformed") == true)
        let day: UInt64 = 20_190_512 << 32
        #expect(try read(.timeline, [varint(day) + varint(2) + varint(1), varint(1) + varint(1) + varint(1)]) == nil)
        #expect(try read(.timeline, [varint(day | 1) + varint(2) + varint(1), varint(0) + varint(1) + varint(1)])?.contains("not sorted") == true)
        // A trailer that counts more or fewer records than there are.
        #expect(try read(.cooccurrences, [varint(pair) + varint(1)], count: 2)?.contains("record count differs") == true)
        #expect(try read(.cooccurrences, [varint(pair) + varint(1), varint(1) + varint(1)], count: 1)?.contains("record count differs") == true)
        #expect(try read(.cooccurrences, [], count: 0) == nil)
    }
}
