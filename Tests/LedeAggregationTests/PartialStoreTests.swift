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
                == ["FORMAT", "cooccurrences.tsv", "entities.tsv", "stats.tsv", "tags.tsv", "timeline.tsv"])
        #expect(try readText(scratch.join("a/b/partial/FORMAT")) == "lede-partial 1\n")
    }

    @Test func escapesTabsNewlinesAndBackslashes() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let partial = Partial(
            entities: ["a\\b", "a\tb", "a\nb", "a\rb"].map {
                Partial.Entity(
                    canonical: $0, label: .miscellaneous, mentions: 1, documents: 1, firstDate: nil, lastDate: nil)
            }.sorted { _compareUTF8($0.canonical, $1.canonical) < 0 })
        try PartialStore.write(partial, to: scratch.join("p"))
        let text = try readText(scratch.join("p/entities.tsv"))
        #expect(
            text == """
                canonical\tlabel\tmentions\tdocuments\tfirst_date\tlast_date
                a\\tb\tMISC\t1\t1\t\t
                a\\nb\tMISC\t1\t1\t\t
                a\\rb\tMISC\t1\t1\t\t
                a\\\\b\tMISC\t1\t1\t\t

                """)
        #expect(try PartialStore.read(scratch.join("p")) == partial)
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
                try AtomicFile.write(Array("half".utf8), to: Path.join(temporary, "entities.tsv"))
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

    @Test func rejectsDamagedFiles() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        try PartialStore.write(Partial(), to: scratch.join("p"))
        let tags = scratch.join("p/tags.tsv")
        for (content, line) in [
            ("tag\tmentions\n", 1),
            ("tag\tmentions\tdocuments\n#a\t1\n", 2),
            ("tag\tmentions\tdocuments\n#a\t1\tx\n", 2),
            ("tag\tmentions\tdocuments\n#a\\q\t1\t1\n", 2),
            ("tag\tmentions\tdocuments\n#b\t1\t1\n#a\t1\t1\n", 3),
            ("tag\tmentions\tdocuments\n#a\t1\t1\n#a\t1\t1\n", 3),
        ] {
            try AtomicFile.write(Array(content.utf8), to: tags)
            do {
                _ = try PartialStore.read(scratch.join("p"))
                Issue.record("accepted \(content)")
            } catch let error as AggregationError {
                #expect(error.line == line, "\(error)")
            }
        }
        #expect(throws: AggregationError.self) { try PartialStore.read(scratch.join("nothing")) }
    }
}
