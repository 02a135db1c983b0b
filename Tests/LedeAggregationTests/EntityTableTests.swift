import LedeEntities
import Testing

@testable import LedeAggregation

@Suite struct EntityTableTests {
    private func aggregates(_ scratch: ScratchDirectory) throws -> String {
        func entity(_ name: String, _ label: EntityLabel, _ mentions: Int, _ documents: Int) -> Partial.Entity {
            Partial.Entity(
                canonical: name, label: label, mentions: mentions, documents: documents,
                firstDate: Day("2019-01-01"), lastDate: name == "Undated" ? nil : Day("2019-02-01"))
        }
        let partial = Partial(entities: [
            entity("Acme", .organization, 10, 4),
            entity("Bob", .person, 10, 4),
            entity("Bob", .location, 10, 4),
            entity("Carol", .person, 10, 7),
            entity("Dave, Jr.", .person, 50, 2),
            entity("Eve", .person, 1, 1),
            entity("Paris", .location, 30, 30),
            entity("Undated", .miscellaneous, 2, 2),
        ]).normalized()
        try PartialStore.write(partial, to: scratch.join("p"))
        _ = try PartialMerger.merge(partials: [scratch.join("p")], into: scratch.join("out"))
        return scratch.join("out")
    }

    @Test func orderedByMentionsThenDocumentsThenName() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let directory = try aggregates(scratch)
        let top = try EntityTable.top(aggregatesDirectory: directory, label: nil, limit: 6)
        #expect(
            top.map { "\($0.canonical)/\($0.label.name)" } == [
                "Dave, Jr./PER", "Paris/LOC", "Carol/PER", "Acme/ORG", "Bob/PER", "Bob/LOC",
            ])
        #expect(
            top[0]
                == EntityRow(
                    canonical: "Dave, Jr.", label: .person, mentions: 50, documents: 2,
                    firstDate: Day("2019-01-01"), lastDate: Day("2019-02-01")))
        let all = try EntityTable.top(aggregatesDirectory: directory, limit: 100)
        #expect(all.count == 8 && all.last?.canonical == "Eve")
        #expect(all.first { $0.canonical == "Undated" }?.lastDate == nil)
        #expect(try EntityTable.top(aggregatesDirectory: directory, limit: 0).isEmpty)
    }

    @Test func labelFilter() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let directory = try aggregates(scratch)
        #expect(
            try EntityTable.top(aggregatesDirectory: directory, label: .person, limit: 3).map(\.canonical)
                == ["Dave, Jr.", "Carol", "Bob"])
        #expect(
            try EntityTable.top(aggregatesDirectory: directory, label: .location, limit: 5).map(\.canonical)
                == ["Paris", "Bob"])
        #expect(
            try EntityTable.top(aggregatesDirectory: directory, label: .miscellaneous, limit: 5).map(\.canonical)
                == ["Undated"])
    }

    @Test func boundedHeapMatchesFullSort() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        var builder = AggregateBuilder()
        builder.add(randomDocuments(count: 500, seed: 21))
        try PartialStore.write(builder.makePartial(), to: scratch.join("p"))
        _ = try PartialMerger.merge(partials: [scratch.join("p")], into: scratch.join("out"))
        let all = try EntityTable.top(aggregatesDirectory: scratch.join("out"), limit: 100_000)
        #expect(all.count == builder.makePartial().entities.count)
        for limit in [1, 5, 17] {
            #expect(
                try EntityTable.top(aggregatesDirectory: scratch.join("out"), limit: limit) == Array(all.prefix(limit)))
        }
        for label in EntityLabel.allCases {
            #expect(
                try EntityTable.top(aggregatesDirectory: scratch.join("out"), label: label, limit: 7)
                    == Array(all.filter { $0.label == label }.prefix(7)))
        }
    }
}
