import LedeEntities
import Testing

@testable import LedeAggregation

@Suite struct AggregateBuilderTests {
    private func day(_ text: String) -> Day { Day(text)! }

    private func entity(_ partial: Partial, _ name: String, _ label: EntityLabel) -> Partial.Entity? {
        partial.entities.first { $0.canonical == name && $0.label == label }
    }

    private func threeDocuments() -> Partial {
        var builder = AggregateBuilder()
        builder.add([
            TestDocument(
                date: "2019-05-12", source: "Reuters", tokens: 100, bytes: 501,
                mentions: [("Alice", .person), ("Alice", .person), ("Acme", .organization), ("Alice", .person)]),
            TestDocument(
                date: "2019-05-10T08:00:00Z", source: "AP", tokens: 50, bytes: 201,
                mentions: [("Alice", .person), ("Paris", .location), ("Paris", .location)]),
            TestDocument(
                date: "sometime", source: "Reuters", tokens: 7, bytes: 31,
                mentions: [("Acme", .organization), ("Alice", .person)]),
        ])
        return builder.makePartial()
    }

    @Test func mentionsDocumentsAndDates() {
        let partial = threeDocuments()
        #expect(
            partial.entities == [
                Partial.Entity(
                    canonical: "Acme", label: .organization, mentions: 2, documents: 2,
                    firstDate: day("2019-05-12"), lastDate: day("2019-05-12")),
                Partial.Entity(
                    canonical: "Alice", label: .person, mentions: 5, documents: 3,
                    firstDate: day("2019-05-10"), lastDate: day("2019-05-12")),
                Partial.Entity(
                    canonical: "Paris", label: .location, mentions: 2, documents: 1,
                    firstDate: day("2019-05-10"), lastDate: day("2019-05-10")),
            ])
    }

    @Test func timelineHasDatedDocumentsOnly() {
        let partial = threeDocuments()
        #expect(
            partial.timeline == [
                Partial.TimelineEntry(
                    date: day("2019-05-10"), canonical: "Alice", label: .person, mentions: 1, documents: 1),
                Partial.TimelineEntry(
                    date: day("2019-05-10"), canonical: "Paris", label: .location, mentions: 2, documents: 1),
                Partial.TimelineEntry(
                    date: day("2019-05-12"), canonical: "Acme", label: .organization, mentions: 1, documents: 1),
                Partial.TimelineEntry(
                    date: day("2019-05-12"), canonical: "Alice", label: .person, mentions: 3, documents: 1),
            ])
    }

    @Test func cooccurrencesAreUnorderedAndCountedPerDocument() {
        let partial = threeDocuments()
        #expect(
            partial.cooccurrences == [
                Partial.Cooccurrence(a: "Acme", aLabel: .organization, b: "Alice", bLabel: .person, documents: 2),
                Partial.Cooccurrence(a: "Alice", aLabel: .person, b: "Paris", bLabel: .location, documents: 1),
            ])
    }

    @Test func stats() {
        var builder = AggregateBuilder()
        builder.add([
            TestDocument(date: "2019-05-12", source: "Reuters", tokens: 100, bytes: 501, mentions: [("A", .person)]),
            TestDocument(date: nil, source: nil, tokens: 5, bytes: 20),
            TestDocument(date: "bad", source: "", tokens: 1, bytes: 3, mentions: [("A", .person), ("B", .person)]),
            TestDocument(date: "2019-05-12", source: "Reuters", tokens: 0, bytes: 1),
        ])
        builder.addLines(7)
        builder.addReject(reason: "invalid JSON")
        builder.addReject(reason: "invalid JSON")
        builder.addReject(reason: "no text", count: 1)
        builder.addShard()
        builder.addFailedShard()
        #expect(
            builder.makePartial().stats
                == AggregateStats(
                    documents: 4, lines: 7, bytes: 525, tokens: 106, mentions: 3, undated: 2, shards: 1,
                    failedShards: 1, rejects: ["invalid JSON": 2, "no text": 1], sources: ["Reuters": 2]))
    }

    @Test func sameNameWithTwoLabelsIsTwoEntities() {
        var builder = AggregateBuilder()
        builder.add(TestDocument(date: "2019-01-01", mentions: [("Washington", .location), ("Washington", .person)]))
        let partial = builder.makePartial()
        // Label order is EntityLabel's: PER, ORG, LOC, MISC.
        #expect(partial.entities.map(\.label) == [.person, .location])
        #expect(
            partial.cooccurrences == [
                Partial.Cooccurrence(a: "Washington", aLabel: .person, b: "Washington", bLabel: .location, documents: 1)
            ])
    }

    @Test func pairKeyIsOrderedByNameNotByMentionOrder() {
        var builder = AggregateBuilder()
        builder.add(TestDocument(date: nil, mentions: [("Zeta", .person), ("Alpha", .person)]))
        builder.add(TestDocument(date: nil, mentions: [("Alpha", .person), ("Zeta", .person)]))
        #expect(
            builder.makePartial().cooccurrences == [
                Partial.Cooccurrence(a: "Alpha", aLabel: .person, b: "Zeta", bLabel: .person, documents: 2)
            ])
    }

    @Test func cooccurrenceCapKeepsTheMostMentionedTiesByKey() {
        var builder = AggregateBuilder(options: AggregationOptions(cooccurrenceCap: 3))
        // Counts: Top 3, Second 2, then four names with one mention each.
        // The third place goes to the smallest key among the ties: "Abe" (not "Zed", seen first).
        builder.add(
            TestDocument(
                date: nil,
                mentions: [
                    ("Zed", .person), ("Top", .person), ("Second", .person), ("Top", .person), ("Second", .person),
                    ("Top", .person), ("Mid", .person), ("Abe", .person), ("Abe", .location),
                ]))
        let pairs = builder.makePartial().cooccurrences.map { "\($0.a)+\($0.b)" }
        #expect(pairs == ["Abe+Second", "Abe+Top", "Second+Top"])
        // Mentions and documents still count every entity.
        #expect(builder.makePartial().entities.count == 6)
    }

    @Test func capBelowTwoTurnsCooccurrenceOff() {
        var builder = AggregateBuilder(options: AggregationOptions(cooccurrenceCap: 1))
        builder.add(TestDocument(date: nil, mentions: [("A", .person), ("B", .person)]))
        #expect(builder.makePartial().cooccurrences.isEmpty)
    }

    @Test func listLikeDocumentIsBounded() {
        var builder = AggregateBuilder(options: AggregationOptions(cooccurrenceCap: 50))
        builder.add(TestDocument(date: "2019-01-01", mentions: (0..<1000).map { ("Name \($0)", .person) }))
        let partial = builder.makePartial()
        #expect(partial.entities.count == 1000)
        #expect(partial.cooccurrences.count == 50 * 49 / 2)
    }

    @Test func tagsCountMentionsAndDocuments() {
        var builder = AggregateBuilder()
        builder.add(TestDocument(date: nil, tags: ["#a", "@b", "#a"]))
        builder.add(TestDocument(date: nil, tags: ["#a"]))
        #expect(
            builder.makePartial().tags == [
                Partial.Tag(tag: "#a", mentions: 3, documents: 2), Partial.Tag(tag: "@b", mentions: 1, documents: 1),
            ])
    }

    @Test func keysSortBytewise() {
        var builder = AggregateBuilder()
        builder.add(TestDocument(date: nil, mentions: trickyNames.map { ($0, .person) }))
        let names = builder.makePartial().entities.map(\.canonical)
        let expected = trickyNames.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(names == expected)
    }

    @Test func countingGoesOnAfterMakePartialAndResetForgets() {
        var builder = AggregateBuilder()
        builder.add(TestDocument(date: nil, mentions: [("A", .person)]))
        #expect(builder.makePartial().entities.first?.mentions == 1)
        builder.add(TestDocument(date: nil, mentions: [("A", .person)]))
        #expect(builder.makePartial().entities.first?.documents == 2)
        builder.reset()
        #expect(builder.makePartial() == Partial())
        builder.add(TestDocument(date: "2019-01-01", mentions: [("B", .person)]))
        #expect(builder.makePartial().entities.map(\.canonical) == ["B"])
    }

    @Test func manyNamesGrowTheTables() {
        var builder = AggregateBuilder()
        for document in 0..<200 {
            builder.add(
                TestDocument(date: "2019-01-01", mentions: (0..<100).map { ("N\(document * 100 + $0)", .organization) })
            )
        }
        let partial = builder.makePartial()
        #expect(partial.entities.count == 20_000)
        #expect(partial.entities.allSatisfy { $0.mentions == 1 && $0.documents == 1 })
        #expect(partial.timeline.count == 20_000)
    }

    @Test func invalidUTF8NamesAreRepairedAndCombined() {
        var builder = AggregateBuilder()
        builder.add(TestDocument(date: nil, rawMentions: [([0xFF], .person), ([0xFE], .person), ([0x41], .person)]))
        let partial = builder.makePartial()
        #expect(partial.entities.map(\.canonical) == ["A", "\u{FFFD}"])
        #expect(partial.entities[1].mentions == 2 && partial.entities[1].documents == 2)
        #expect(partial.cooccurrences.map(\.documents) == [2])
    }
}
