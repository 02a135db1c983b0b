import LedeEntities
import LedeIO
import LedeSample
import Testing

@testable import LedeAggregation

#if canImport(Glibc)
    import Glibc
#endif

/// The project-wide SplitMix64, so that random tests replay exactly from their seed.
typealias SeededGenerator = SplitMix64

/// A fresh directory under /tmp, removed by ``remove()``.
struct ScratchDirectory {
    let path: String

    init(_ name: String = #function) {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        path = "/tmp/lede-agg-tests/\(safe)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try! FileSystem.removeTree(path)
        try! FileSystem.createDirectory(path)
    }

    func join(_ name: String) -> String { Path.join(path, name) }

    func remove() { try? FileSystem.removeTree(path) }
}

/// A test document described with strings.
struct TestDocument: Sendable {
    var date: String?
    var source: String?
    var tokens = 10
    var bytes = 100
    var mentions: [(String, EntityLabel)] = []
    var tags: [String] = []
    /// Raw names (for invalid UTF-8), added after `mentions`.
    var rawMentions: [([UInt8], EntityLabel)] = []
}

extension AggregateBuilder {
    /// Feeds one document through the byte API, as the pipeline does.
    mutating func add(_ document: TestDocument) {
        withOptionalBytes(document.date) { date in
            withOptionalBytes(document.source) { source in
                beginDocument(date: date, source: source, tokens: document.tokens, bytes: document.bytes)
            }
        }
        for (name, label) in document.mentions {
            var name = name
            name.withUTF8 { addMention(canonical: UnsafeRawBufferPointer($0), label: label) }
        }
        for (bytes, label) in document.rawMentions {
            bytes.withUnsafeBytes { addMention(canonical: $0, label: label) }
        }
        for tag in document.tags {
            var tag = tag
            tag.withUTF8 { addTag(UnsafeRawBufferPointer($0)) }
        }
        endDocument()
    }

    /// Feeds several documents.
    mutating func add(_ documents: [TestDocument]) {
        for document in documents { add(document) }
    }
}

func withOptionalBytes<R>(_ text: String?, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
    guard var text else { return body(nil) }
    return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
}

/// The contents of a file as a string.
func readText(_ path: String) throws -> String {
    String(decoding: try readBytes(path), as: UTF8.self)
}

/// The contents of a file.
func readBytes(_ path: String) throws -> [UInt8] {
    let descriptor = try FileDescriptor.openForReading(path)
    defer { try? descriptor.close() }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = try chunk.withUnsafeMutableBytes { try descriptor.read(into: $0) }
        if count == 0 { break }
        bytes += chunk[0..<count]
    }
    return bytes
}

/// `value` as an unsigned LEB128 varint in its shortest form.
func varint(_ value: UInt64) -> [UInt8] {
    var bytes: [UInt8] = []
    var rest = value
    while rest >= 0x80 {
        bytes.append(UInt8(rest & 0x7F) | 0x80)
        rest >>= 7
    }
    return bytes + [UInt8(rest)]
}

/// A partial file of table `tag` (4 ASCII letters) holding `payload`, whose trailer says `records`.
func partialFileBytes(tag: String, payload: [UInt8], records: Int) -> [UInt8] {
    func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }
    return Array("LDP3".utf8) + Array(tag.utf8) + littleEndian(UInt64(0)) + payload + littleEndian(UInt64(records))
}

/// Names chosen to exercise ordering (prefixes, case, non-ASCII) and escaping.
let trickyNames = [
    "Ab", "Abc", "ab", "A", "Zürich", "Zurich", "日本", "Ångström", "O'Brien", "Smith, John",
    "say \"hi\"", "back\\slash", "tab\there", "new\nline", "#notatag", "", "Juan Guaido", "Guaido",
    "Washington", "Washington D.C.",
]

/// Random documents over a pool of names with a skewed distribution.
func randomDocuments(count: Int, seed: UInt64) -> [TestDocument] {
    var random = SeededGenerator(seed: seed)
    var names = trickyNames
    for index in 0..<40 { names.append("Entity \(index)") }
    let dates: [String?] = [
        "2019-05-12", "2019-05-12T10:00:00Z", "2019-05-13", "2020-02-29", "2018-12-31 23:59", nil, "n/a",
        "2019-02-29",
    ]
    let sources: [String?] = ["Reuters", "AP", "Le Monde", nil, "", "a,b"]
    let tagPool = ["#news", "@lede", "#Zürich", "#a\tb", "@x"]
    var documents: [TestDocument] = []
    for _ in 0..<count {
        var document = TestDocument()
        document.date = dates.randomElement(using: &random)!
        document.source = sources.randomElement(using: &random)!
        document.tokens = Int.random(in: 0...500, using: &random)
        document.bytes = Int.random(in: 1...5000, using: &random)
        for _ in 0..<Int.random(in: 0...30, using: &random) {
            // Squaring skews towards the front of the pool, as news does.
            let pick = Double.random(in: 0..<1, using: &random)
            let name = names[Int(pick * pick * Double(names.count))]
            let label = EntityLabel.allCases.randomElement(using: &random)!
            document.mentions.append((name, label))
        }
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            document.tags.append(tagPool.randomElement(using: &random)!)
        }
        documents.append(document)
    }
    return documents
}

/// Where two partials differ, briefly, or `nil` when they are equal: `#expect(a == b)`
/// on random partials would print thousands of rows.
func firstDifference(_ a: Partial, _ b: Partial) -> String? {
    func compare<Row: Equatable>(_ name: String, _ x: [Row], _ y: [Row]) -> String? {
        if x.count != y.count { return "\(name): \(x.count) rows vs \(y.count)" }
        guard let index = x.indices.first(where: { x[$0] != y[$0] }) else { return nil }
        return "\(name)[\(index)]: \(x[index]) vs \(y[index])"
    }
    return compare("entities", a.entities, b.entities)
        ?? compare("cooccurrences", a.cooccurrences, b.cooccurrences)
        ?? compare("timeline", a.timeline, b.timeline)
        ?? compare("tags", a.tags, b.tags)
        ?? (a.stats == b.stats ? nil : "stats: \(a.stats) vs \(b.stats)")
}
