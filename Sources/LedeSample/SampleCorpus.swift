/// A deterministic synthetic news corpus in Lede's input format.
///
/// Each document is one JSON object on one line:
/// `{"id":"sample-000000042","date":"2019-05-12","source":"wire-b","title":"…","text":"…"}`
/// with news-like text (3–12 paragraphs, roughly 150–1,500 words, about
/// 3.5 KB on average) about a small cast of people, organisations and
/// places drawn with Zipf-like popularity from `SampleCorpus.people`,
/// `.organizations` and `.places`. About one document in ten is written with
/// `\uXXXX` escapes (including surrogate pairs), `\"`, `\n` and `\/`, as some
/// JSON writers produce; the decoded text is the same either way.
///
/// A document depends only on `(seed, number)` and the corpus settings, so
/// shards can be written in parallel and the same number always yields the
/// same bytes, whatever the shard count.
public struct SampleCorpus: Sendable {
    /// The seed every document's generator derives from.
    public let seed: UInt64
    /// First day documents are dated.
    public let startDate: SampleDay
    /// Number of days documents are spread over (uniformly).
    public let days: Int

    private let startDay: Int
    private let vocabulary: SampleVocabulary

    /// A corpus for `seed`, with documents dated uniformly over `days` days
    /// from `startDate` (default: the whole of 2019).
    public init(seed: UInt64 = 1, startDate: SampleDay = SampleDay(year: 2019, month: 1, day: 1), days: Int = 365) {
        precondition(days >= 1, "a corpus needs at least one day")
        self.seed = seed
        self.startDate = startDate
        self.days = days
        startDay = startDate.daysSinceEpoch
        vocabulary = SampleVocabulary.shared
    }

    /// The last day a document can be dated.
    public var endDate: SampleDay {
        SampleDay(daysSinceEpoch: startDay + days - 1)
    }

    /// Appends the JSON line of global document `number` (≥ 0) to `line`,
    /// without a trailing newline.
    public func appendDocument(number: Int, to line: inout [UInt8]) {
        appendDocument(number: number, to: &line, allowEscapes: true)
    }

    /// Appends documents `numbers` to `buffer`, each followed by `\n`: the
    /// uncompressed content of a shard (or a chunk of one).
    public func appendDocuments(_ numbers: Range<Int>, to buffer: inout [UInt8]) {
        for number in numbers {
            appendDocument(number: number, to: &buffer, allowEscapes: true)
            buffer.append(0x0A)
        }
    }

    /// The JSON line of document `number`, without a trailing newline.
    public func document(number: Int) -> [UInt8] {
        var line: [UInt8] = []
        appendDocument(number: number, to: &line)
        return line
    }

    /// `allowEscapes: false` writes the same document with only the escapes
    /// JSON requires, so tests can check that optional escapes decode to the
    /// same text.
    func appendDocument(number: Int, to line: inout [UInt8], allowEscapes: Bool) {
        precondition(number >= 0, "document numbers start at 0")
        let documentSeed = SplitMix64.mix(SplitMix64.mix(seed) &+ UInt64(truncatingIfNeeded: number) &* 0x9E37_79B9_7F4A_7C15)
        var rng = SplitMix64(seed: documentSeed)
        let heavy = rng.chance(10)
        var renderer = DocumentRenderer(
            vocabulary: vocabulary, rng: rng,
            escapeRNG: SplitMix64(seed: SplitMix64.mix(documentSeed ^ 0xD1B5_4A32_D192_ED03)),
            heavy: heavy, allowEscapes: allowEscapes)
        // Render straight into the caller's buffer: swap it in and out
        // rather than copying.
        // Grow geometrically: reserving an exact size on every call would make
        // appending many documents to one buffer quadratic.
        if line.capacity - line.count < 16_384 {
            line.reserveCapacity(max(line.count + 16_384, line.capacity * 2))
        }
        swap(&line, &renderer.out)
        renderer.write(number: number, startDay: startDay, days: days)
        swap(&line, &renderer.out)
    }

    /// Roughly how many bytes a line takes on average (measured over 20,000
    /// documents, newline included), for sizing a corpus: 1 GB ≈ 270,000 documents.
    public static let averageLineBytes = 3_700

    /// Every person the corpus writes about, most frequently drawn first.
    /// `name` is the full name, `shortName` the surname later mentions use.
    public static var people: [SampleEntity] { SampleVocabulary.shared.peopleEntities }

    /// Every organisation, most frequently drawn first. `shortName` is the
    /// acronym, when the organisation has one.
    public static var organizations: [SampleEntity] { SampleVocabulary.shared.organizationEntities }

    /// Every place (countries, capitals, cities, regions), most prominent first.
    public static var places: [SampleEntity] { SampleVocabulary.shared.placeEntities }

    /// People, organisations and places together.
    public static var entities: [SampleEntity] { people + organizations + places }

    /// The `source` values documents carry, most frequent first.
    public static var sources: [String] { SampleVocabulary.shared.sourceNames }
}
