import LedeEntities

/// Counts the entities, tags and corpus statistics of one chunk of documents.
///
/// One builder per worker and chunk; it is fed in the hot path, once per
/// mention, so names are interned by hashing their borrowed bytes (no `String`
/// per mention) and counts live in flat arrays indexed by the interned id. In
/// steady state a mention allocates nothing; only growth of the tables does.
///
/// Feed each document as `beginDocument`, any number of `addMention` and
/// `addTag` calls, then `endDocument`; call ``makePartial()`` at the end of the
/// chunk.
///
/// ```swift
/// var builder = AggregateBuilder(options: AggregationOptions())
/// builder.beginDocument(date: dateBytes, source: sourceBytes, tokens: 412, bytes: line.count + 1)
/// builder.addMention(canonical: nameBytes, label: .person)
/// builder.endDocument()
/// let partial = builder.makePartial()
/// ```
public struct AggregateBuilder: Sendable {
    /// The settings the builder was made with.
    public let options: AggregationOptions

    /// Per-entity counters, indexed by the id that `names` gives a (canonical, label) key.
    struct EntityState: Sendable {
        var mentions = 0
        var documents = 0
        /// Packed ``Day``; 0 while the entity has only been seen in undated documents.
        var firstDay: UInt32 = 0
        var lastDay: UInt32 = 0
        /// The serial of the last document that mentioned it, so that it enters
        /// that document's list and its document count only once.
        var seenInDocument: UInt32 = 0
        var mentionsInDocument: Int32 = 0
    }

    /// Per-tag counters, indexed by the id that `tagNames` gives a tag.
    struct TagState: Sendable {
        var mentions = 0
        var documents = 0
        var seenInDocument: UInt32 = 0
    }

    /// Scalar counters; reject and source counts are kept apart.
    struct Counters: Sendable {
        var documents = 0, lines = 0, bytes = 0, tokens = 0, mentions = 0, undated = 0
        var shards = 0, failedShards = 0, entityLimitDocuments = 0
    }

    var names = _ByteInterner(capacity: 1024)
    var entityStates: [EntityState] = []
    var tagNames = _ByteInterner(capacity: 64)
    var tagStates: [TagState] = []
    var sourceNames = _ByteInterner(capacity: 16)
    var sourceDocuments: [Int] = []
    /// `day << 32 | entity id` → (mentions, documents).
    var timeline = _CountTable<_TwoCounts>(capacity: 1024)
    /// `lower id << 32 | higher id` → documents. Ids, not names, so that a
    /// pair costs one integer store; the name order is applied once, in ``makePartial()``.
    var pairs = _PairCounter()
    var counters = Counters()
    var rejects: [String: Int] = [:]

    /// The current document: 0 before the first; wraps by clearing every `seenInDocument`.
    var documentSerial: UInt32 = 0
    var documentDay: UInt32 = 0
    var inDocument = false
    /// Ids of the entities of the current document, in order of first mention.
    var documentEntities: [Int32] = []
    /// Scratch for choosing the capped co-occurrence set.
    var cappedEntities: [Int32] = []

    /// Makes an empty builder.
    ///
    /// - Parameter options: The co-occurrence cap and other settings.
    public init(options: AggregationOptions = AggregationOptions()) {
        self.options = options
    }

    /// Starts a document.
    ///
    /// - Parameters:
    ///   - date: The raw date field, for example `2019-05-12` or
    ///     `2019-05-12T10:00:00Z`. A field that does not start with a valid
    ///     `YYYY-MM-DD` (or `nil`) makes the document undated: it counts in
    ///     ``AggregateStats/undated`` and stays out of the timeline and of first
    ///     and last dates.
    ///   - source: The raw source field; `nil` or empty leaves the document out of
    ///     the per-source counts.
    ///   - tokens: The document's token count.
    ///   - bytes: The input line's length, including its newline.
    public mutating func beginDocument(
        date: UnsafeRawBufferPointer?, source: UnsafeRawBufferPointer?, tokens: Int, bytes: Int
    ) {
        precondition(!inDocument, "beginDocument while a document is open")
        inDocument = true
        if documentSerial == UInt32.max { restartDocumentSerials() }
        documentSerial += 1
        documentEntities.removeAll(keepingCapacity: true)
        documentDay = date.flatMap { Day.parsePrefix($0) } ?? 0
        counters.documents += 1
        counters.tokens += tokens
        counters.bytes += bytes
        if documentDay == 0 { counters.undated += 1 }
        if let source, !source.isEmpty {
            let id = sourceNames.intern(source, discriminator: 0)
            if id == sourceDocuments.count { sourceDocuments.append(0) }
            sourceDocuments[id] += 1
        }
    }

    /// Counts one mention of an entity in the current document.
    ///
    /// - Parameters:
    ///   - canonical: The canonical name, white space already folded, as UTF-8.
    ///     Only borrowed: the bytes are copied once, when the name is new.
    ///   - label: The entity class.
    /// - Complexity: O(`canonical.count`) expected; no allocation unless the name is new.
    public mutating func addMention(canonical: UnsafeRawBufferPointer, label: EntityLabel) {
        precondition(inDocument, "addMention outside beginDocument/endDocument")
        let id = names.intern(canonical, discriminator: label.rawValue)
        if id == entityStates.count { entityStates.append(EntityState()) }
        let serial = documentSerial
        let firstInDocument = entityStates.withUnsafeMutableBufferPointer { states in
            let first = states[id].seenInDocument != serial
            if first {
                states[id].seenInDocument = serial
                states[id].mentionsInDocument = 0
            }
            states[id].mentionsInDocument += 1
            states[id].mentions += 1
            return first
        }
        if firstInDocument { documentEntities.append(Int32(truncatingIfNeeded: id)) }
        counters.mentions += 1
    }

    /// Counts one @handle or #hashtag in the current document.
    ///
    /// - Parameter bytes: The tag's UTF-8, with its `@` or `#`. Only borrowed.
    /// - Complexity: O(`bytes.count`) expected; no allocation unless the tag is new.
    public mutating func addTag(_ bytes: UnsafeRawBufferPointer) {
        precondition(inDocument, "addTag outside beginDocument/endDocument")
        let id = tagNames.intern(bytes, discriminator: 0)
        if id == tagStates.count { tagStates.append(TagState()) }
        let serial = documentSerial
        tagStates.withUnsafeMutableBufferPointer { states in
            states[id].mentions += 1
            if states[id].seenInDocument != serial {
                states[id].seenInDocument = serial
                states[id].documents += 1
            }
        }
    }

    /// Ends the current document: counts its entities' documents, dates, timeline and co-occurrences.
    ///
    /// - Complexity: O(*e* + *p*) for *e* entities in the document and *p* pairs
    ///   of the capped set; O(*e* log *e*) more when *e* exceeds the cap.
    public mutating func endDocument() {
        precondition(inDocument, "endDocument without beginDocument")
        inDocument = false
        let day = documentDay
        let entityIDs = documentEntities
        for id32 in entityIDs {
            let id = Int(id32)
            let mentions = entityStates.withUnsafeMutableBufferPointer { states in
                states[id].documents += 1
                if day != 0 {
                    if states[id].firstDay == 0 || day < states[id].firstDay { states[id].firstDay = day }
                    if day > states[id].lastDay { states[id].lastDay = day }
                }
                return Int(states[id].mentionsInDocument)
            }
            if day != 0 { timeline.add(UInt64(day) << 32 | UInt64(id), _TwoCounts(mentions: mentions, documents: 1)) }
        }
        countPairs(entityIDs)
    }

    /// Adds the document's co-occurrence pairs among its `cooccurrenceCap` most mentioned entities.
    private mutating func countPairs(_ entityIDs: [Int32]) {
        let cap = options.cooccurrenceCap
        guard cap >= 2, entityIDs.count >= 2 else { return }
        var selected = entityIDs
        if entityIDs.count > cap {
            cappedEntities.removeAll(keepingCapacity: true)
            cappedEntities.append(contentsOf: entityIDs)
            // Ties broken by key, never by id: ids depend on which chunk saw a
            // name first, keys do not, so every grouping picks the same set.
            let states = entityStates
            let names = self.names
            cappedEntities.sort { a, b in
                let ma = states[Int(a)].mentionsInDocument
                let mb = states[Int(b)].mentionsInDocument
                if ma != mb { return ma > mb }
                return names.compare(Int(a), Int(b)) < 0
            }
            cappedEntities.removeLast(cappedEntities.count - cap)
            selected = cappedEntities
        }
        selected.withUnsafeBufferPointer { pairs.addPairs(of: $0) }
    }

    /// Counts input lines read (accepted or not).
    ///
    /// - Parameter count: Lines read.
    public mutating func addLines(_ count: Int) {
        counters.lines += count
    }

    /// Counts rejected input lines.
    ///
    /// - Parameters:
    ///   - reason: Why the lines could not be used, for example `invalid JSON`.
    ///   - count: How many lines.
    public mutating func addReject(reason: String, count: Int = 1) {
        rejects[reason, default: 0] += count
    }

    /// Counts a document whose mentions were cut at the run's entity limit.
    public mutating func addEntityLimitDocument() {
        counters.entityLimitDocuments += 1
    }

    /// Counts a shard whose documents this builder holds (once per shard, by whoever owns the shard).
    public mutating func addShard() {
        counters.shards += 1
    }

    /// Counts a shard that failed as a whole (unreadable, corrupt compression).
    public mutating func addFailedShard() {
        counters.failedShards += 1
    }

    /// Forgets everything counted, keeping the tables' capacity for the next chunk.
    public mutating func reset() {
        precondition(!inDocument, "reset while a document is open")
        names.removeAll()
        entityStates.removeAll(keepingCapacity: true)
        tagNames.removeAll()
        tagStates.removeAll(keepingCapacity: true)
        sourceNames.removeAll()
        sourceDocuments.removeAll(keepingCapacity: true)
        timeline.removeAll()
        pairs.removeAll()
        counters = Counters()
        rejects.removeAll(keepingCapacity: true)
        documentSerial = 0
    }

    /// Clears the per-document marks so that serials can start again at 1.
    private mutating func restartDocumentSerials() {
        entityStates.withUnsafeMutableBufferPointer { states in
            for index in states.indices { states[index].seenInDocument = 0 }
        }
        tagStates.withUnsafeMutableBufferPointer { states in
            for index in states.indices { states[index].seenInDocument = 0 }
        }
        documentSerial = 0
    }
}
