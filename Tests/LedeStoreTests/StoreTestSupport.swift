import GRDB
import LedeAggregation
import LedeEntities
import LedeIO
import LedeStore

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh directory under /tmp, removed by ``remove()``.
struct ScratchDirectory {
    let path: String

    init(_ name: String = #function) {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        path = "/tmp/lede-store-tests/\(safe)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try! FileSystem.removeTree(path)
        try! FileSystem.createDirectory(path)
    }

    func join(_ name: String) -> String { Path.join(path, name) }

    func remove() { try? FileSystem.removeTree(path) }
}

/// A test document: a date, a source and its mentions.
struct TestDocument {
    var date: String?
    var source: String? = "wire"
    var mentions: [(String, EntityLabel)]
    var tags: [String] = []
}

/// Writes one partial per shard, as a run would, and returns the shards for the store.
func writeShards(_ shards: [(name: String, documents: [TestDocument])], in scratch: ScratchDirectory) throws
    -> [StoreShard]
{
    try shards.map { shard in
        var builder = AggregateBuilder(options: AggregationOptions(cooccurrenceCap: 50))
        for document in shard.documents {
            withOptionalBytes(document.date) { date in
                withOptionalBytes(document.source) { source in
                    builder.beginDocument(date: date, source: source, tokens: 20, bytes: 200)
                }
            }
            for (name, label) in document.mentions {
                var name = name
                name.withUTF8 { builder.addMention(canonical: UnsafeRawBufferPointer($0), label: label) }
            }
            for tag in document.tags {
                var tag = tag
                tag.withUTF8 { builder.addTag(UnsafeRawBufferPointer($0)) }
            }
            builder.endDocument()
        }
        builder.addLines(shard.documents.count + 1)
        builder.addReject(reason: "not-json")
        builder.addShard()
        let partial = scratch.join("partials/\(shard.name)")
        try PartialStore.write(builder.makePartial(), to: partial, durable: false)
        return StoreShard(name: shard.name, partial: partial)
    }
}

func withOptionalBytes<R>(_ text: String?, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
    guard var text else { return body(nil) }
    return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
}

/// A small archive with known counts: people, places and organisations over three days
/// and two shards, a name with two labels, and names that need quoting in SQL.
let newsShards: [(name: String, documents: [TestDocument])] = [
    (
        "wire/day-1.jsonl.zst",
        [
            TestDocument(
                date: "2019-05-12", mentions: [("Juan Guaido", .person), ("Caracas", .location), ("Juan Guaido", .person)],
                tags: ["#venezuela"]),
            TestDocument(date: "2019-05-12T10:00:00Z", mentions: [("Juan Guaido", .person), ("Washington", .location)]),
            TestDocument(date: nil, mentions: [("Juan Guaido", .person), ("O'Brien'); DROP TABLE entities; --", .person)]),
        ]
    ),
    (
        "wire/day-2.jsonl.zst",
        [
            TestDocument(
                date: "2019-05-13", mentions: [("Washington", .person), ("Washington", .location), ("Caracas", .location)]),
            TestDocument(date: "2019-05-14", mentions: [("Juan Guaido", .person), ("OPEC", .organization), ("日本", .location)]),
            TestDocument(date: "2019-05-14", source: "blog", mentions: [("OPEC", .organization), ("Caracas", .location)]),
        ]
    ),
]

/// Every row of a query on the store, as strings, for comparisons with the merged partial.
func rows(_ path: String, _ sql: String) throws -> [[String]] {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    return try queue.read { database in
        try Row.fetchAll(database, sql: sql).map { row in
            row.databaseValues.map { value in
                switch value.storage {
                case .null: "NULL"
                case .int64(let number): String(number)
                case .double(let number): String(number)
                case .string(let text): text
                case .blob(let bytes): "blob of \(bytes.count) bytes"
                }
            }
        }
    }
}
