import GRDB
import LedeAggregation
import LedeEntities
import LedeIO
import Testing

@testable import LedeStore

/// Queries over the store of ``newsShards``, whose counts are worked out by hand in the comments.
@Suite struct StoreReaderTests {
    private static func withStore(_ name: String = #function, _ body: (StoreReader) throws -> Void) throws {
        let scratch = ScratchDirectory(name)
        defer { scratch.remove() }
        let shards = try writeShards(newsShards, in: scratch)
        let path = scratch.join("lede.sqlite")
        _ = try StoreWriter.rebuild(shards: shards, destination: path, temporaryPath: scratch.join("tmp"), durable: false)
        try body(try StoreReader(path: path))
    }

    private func names(_ entities: [StoreEntity]) -> [String] {
        entities.map { "\($0.canonical)/\($0.label.name)" }
    }

    @Test func topOverTheWholeArchive() throws {
        try Self.withStore { store throws in
            let top = try store.top(limit: 10)
            // Ties on mentions and documents go by name bytes, then label.
            #expect(
                names(top) == [
                    "Juan Guaido/PER", "Caracas/LOC", "OPEC/ORG", "Washington/LOC",
                    "O'Brien'); DROP TABLE entities; --/PER", "Washington/PER", "日本/LOC",
                ])
            // The undated document counts here.
            #expect(top[0] == StoreEntity(id: top[0].id, canonical: "Juan Guaido", label: .person, mentions: 5, documents: 4, firstDate: Day("2019-05-12"), lastDate: Day("2019-05-14")))
            #expect(top[4].firstDate == nil && top[4].lastDate == nil)
            #expect(try names(store.top(limit: 3)) == ["Juan Guaido/PER", "Caracas/LOC", "OPEC/ORG"])
            #expect(try names(store.top(label: .location, limit: 10)) == ["Caracas/LOC", "Washington/LOC", "日本/LOC"])
        }
    }

    @Test func topOverARangeOfDays() throws {
        try Self.withStore { store throws in
            let since = try store.top(since: Day("2019-05-13"), limit: 10)
            #expect(
                names(since) == [
                    "Caracas/LOC", "OPEC/ORG", "Juan Guaido/PER", "Washington/PER", "Washington/LOC", "日本/LOC",
                ])
            // Counts and dates are those of the range.
            #expect(since[0].mentions == 2 && since[0].documents == 2)
            #expect(since[0].firstDate == Day("2019-05-13") && since[0].lastDate == Day("2019-05-14"))
            let until = try store.top(until: Day("2019-05-12"), limit: 10)
            #expect(names(until) == ["Juan Guaido/PER", "Caracas/LOC", "Washington/LOC"])
            #expect(until[0].mentions == 3 && until[0].documents == 2 && until[0].lastDate == Day("2019-05-12"))
            let both = try store.top(label: .organization, since: Day("2019-05-13"), until: Day("2019-05-13"), limit: 10)
            #expect(both.isEmpty)
            #expect(
                try names(store.top(label: .person, since: Day("2019-05-13"), until: Day("2019-05-14"), limit: 10))
                    == ["Juan Guaido/PER", "Washington/PER"])
        }
    }

    @Test func timelineOfAnEntity() throws {
        try Self.withStore { store throws in
            let guaido = try store.entities(named: "Juan Guaido")
            #expect(guaido.count == 1)
            let all = try store.timeline(of: guaido[0])
            #expect(
                all == [
                    StoreTimelineEntry(date: Day("2019-05-12")!, mentions: 3, documents: 2),
                    StoreTimelineEntry(date: Day("2019-05-14")!, mentions: 1, documents: 1),
                ])
            #expect(try store.timeline(of: guaido[0], limit: 1) == [all[1]])
            #expect(try store.timeline(of: guaido[0], since: Day("2019-05-13")) == [all[1]])
            #expect(try store.timeline(of: guaido[0], until: Day("2019-05-13")) == [all[0]])
            #expect(try store.timeline(of: guaido[0], since: Day("2019-05-13"), until: Day("2019-05-13")).isEmpty)
            let undated = try store.entities(named: "O'Brien'); DROP TABLE entities; --")
            #expect(try store.timeline(of: undated[0]).isEmpty)
        }
    }

    @Test func neighborsOnBothSidesOfThePair() throws {
        try Self.withStore { store throws in
            // "Caracas" sorts before "Juan Guaido", the others after: both sides of the pair table.
            let guaido = try store.entities(named: "Juan Guaido")[0]
            let neighbors = try store.neighbors(of: guaido, limit: 10)
            #expect(
                names(neighbors.map(\.entity)) == [
                    "Caracas/LOC", "O'Brien'); DROP TABLE entities; --/PER", "OPEC/ORG", "Washington/LOC", "日本/LOC",
                ])
            #expect(neighbors.allSatisfy { $0.documents == 1 })
            // Neighbours carry their own counts over the archive.
            #expect(neighbors[0].entity.mentions == 3)
            let caracas = try store.entities(named: "Caracas")[0]
            #expect(
                try names(store.neighbors(of: caracas, limit: 10).map(\.entity))
                    == ["Juan Guaido/PER", "OPEC/ORG", "Washington/PER", "Washington/LOC"])
            #expect(try names(store.neighbors(of: caracas, label: .location, limit: 10).map(\.entity)) == ["Washington/LOC"])
            #expect(try names(store.neighbors(of: caracas, limit: 2).map(\.entity)) == ["Juan Guaido/PER", "OPEC/ORG"])
        }
    }

    @Test func aNameWithSeveralLabels() throws {
        try Self.withStore { store throws in
            #expect(try names(store.entities(named: "Washington")) == ["Washington/LOC", "Washington/PER"])
            #expect(try names(store.entities(named: "Washington", label: .person)) == ["Washington/PER"])
            #expect(try names(store.entities(named: "日本")) == ["日本/LOC"])
        }
    }

    @Test func unknownNamesComeWithSuggestions() throws {
        try Self.withStore { store throws in
            func suggestions(_ name: String, label: EntityLabel? = nil) throws -> [String] {
                do {
                    _ = try store.entities(named: name, label: label)
                } catch StoreError.entityNotFound(let missing, let missingLabel, let suggestions) {
                    #expect(missing == name && missingLabel == label)
                    return names(suggestions)
                }
                Issue.record("\(name) was found")
                return []
            }
            // ASCII case is ignored; names that start with the text come first.
            #expect(try suggestions("washington") == ["Washington/LOC", "Washington/PER"])
            #expect(try suggestions("Guaido") == ["Juan Guaido/PER"])
            #expect(try suggestions("Guaido Juan") == ["Juan Guaido/PER"])
            #expect(try suggestions("Washington", label: .organization) == ["Washington/LOC", "Washington/PER"])
            // LIKE's wildcards in a name are plain characters.
            #expect(try suggestions("%").isEmpty)
            #expect(try suggestions("O_EC").isEmpty)
            let error = StoreError.entityNotFound(name: "Guaido", label: nil, suggestions: try store.suggestions(for: "Guaido"))
            #expect(error.description == "no entity named \"Guaido\"; did you mean \"Juan Guaido\" (PER)?")
        }
    }

    @Test func missingAndForeignFilesAreClearErrors() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        #expect(throws: StoreError.missing(path: scratch.join("none.sqlite"))) {
            _ = try StoreReader(path: scratch.join("none.sqlite"))
        }
        let garbage = scratch.join("garbage.sqlite")
        let descriptor = try FileDescriptor.createForWriting(garbage)
        try [UInt8](repeating: 0x42, count: 8192).withUnsafeBytes { try descriptor.writeAll($0) }
        try descriptor.close()
        let error = #expect(throws: StoreError.self) { _ = try StoreReader(path: garbage) }
        guard case .unreadable(let path, _) = error else {
            Issue.record("expected unreadable, got \(String(describing: error))")
            return
        }
        #expect(path == garbage)
        let foreign = scratch.join("foreign.sqlite")
        try DatabaseQueue(path: foreign).write { try $0.execute(sql: "CREATE TABLE entities (name TEXT)") }
        #expect(throws: StoreError.unreadable(path: foreign, reason: "an SQLite database, but not one Lede wrote")) {
            _ = try StoreReader(path: foreign)
        }
    }

    @Test func aStoreOfAnotherVersionIsRefused() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let shards = try writeShards(newsShards, in: scratch)
        let path = scratch.join("lede.sqlite")
        _ = try StoreWriter.rebuild(shards: shards, destination: path, temporaryPath: scratch.join("tmp"), durable: false)
        try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 99") }
        #expect(throws: StoreError.incompatible(path: path, found: 99, expected: Int(StoreSchema.version))) {
            _ = try StoreReader(path: path)
        }
    }
}
