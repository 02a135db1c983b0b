import LedeEntities

/// Mergeable counts of a chunk, a shard or a whole archive.
///
/// Every table is sorted by its key and has one row per key, so that two
/// partials merge in one linear pass and any number of them merge in one
/// streaming k-way pass (``PartialMerger``). Keys sort bytewise on their UTF-8,
/// with the label last (in ``EntityLabel``'s order: PER, ORG, LOC, MISC):
///
/// - ``entities``: canonical, label.
/// - ``cooccurrences``: entity a, label a, entity b, label b, where
///   (a, label a) sorts before (b, label b).
/// - ``timeline``: date, canonical, label.
/// - ``tags``: tag.
///
/// Merging sums counts and takes the earliest first date and the latest last
/// date, so it is associative and commutative: any grouping of the same
/// documents gives the same partial.
public struct Partial: Sendable, Equatable {
    /// How the entity, co-occurrence and timeline tables are held.
    enum _Storage: Sendable {
        /// Names stored once and rows as ranks: what the builder, merges and the store make.
        case compact(_CompactTables)
        /// `String` rows, after a caller assigned a table or the names needed repair.
        case rows(entities: [Entity], cooccurrences: [Cooccurrence], timeline: [TimelineEntry])
    }

    var _storage: _Storage

    /// One row per entity (canonical name and label).
    ///
    /// - Complexity: O(*n*) to read when the partial is compact (rows are made on access).
    public var entities: [Entity] {
        get {
            switch _storage {
            case .compact(let tables): tables.entityRows(tables.strings())
            case .rows(let entities, _, _): entities
            }
        }
        set { _storage = .rows(entities: newValue, cooccurrences: cooccurrences, timeline: timeline) }
    }

    /// One row per unordered pair of entities that appeared in the same document.
    ///
    /// - Complexity: O(*n*) to read when the partial is compact (rows are made on access).
    public var cooccurrences: [Cooccurrence] {
        get {
            switch _storage {
            case .compact(let tables): tables.pairRows(tables.strings())
            case .rows(_, let cooccurrences, _): cooccurrences
            }
        }
        set { _storage = .rows(entities: entities, cooccurrences: newValue, timeline: timeline) }
    }

    /// One row per day and entity named on that day.
    ///
    /// - Complexity: O(*n*) to read when the partial is compact (rows are made on access).
    public var timeline: [TimelineEntry] {
        get {
            switch _storage {
            case .compact(let tables): tables.timelineRows(tables.strings())
            case .rows(_, _, let timeline): timeline
            }
        }
        set { _storage = .rows(entities: entities, cooccurrences: cooccurrences, timeline: newValue) }
    }

    /// One row per @handle or #hashtag.
    public var tags: [Tag]
    /// Corpus counters.
    public var stats: AggregateStats

    /// Makes a partial from sorted rows with unique keys.
    ///
    /// - Parameters:
    ///   - entities: Rows sorted by canonical (bytewise), then label.
    ///   - cooccurrences: Rows sorted by a, label a, b, label b.
    ///   - timeline: Rows sorted by date, canonical, label.
    ///   - tags: Rows sorted by tag.
    ///   - stats: Corpus counters.
    public init(
        entities: [Entity] = [], cooccurrences: [Cooccurrence] = [], timeline: [TimelineEntry] = [],
        tags: [Tag] = [], stats: AggregateStats = AggregateStats()
    ) {
        _storage = .rows(entities: entities, cooccurrences: cooccurrences, timeline: timeline)
        self.tags = tags
        self.stats = stats
    }

    /// Makes a partial from compact tables.
    init(_compact tables: _CompactTables, tags: [Tag], stats: AggregateStats) {
        _storage = .compact(tables)
        self.tags = tags
        self.stats = stats
    }

    /// The tables in compact form, converted when the partial holds `String` rows.
    var compactTables: _CompactTables {
        switch _storage {
        case .compact(let tables): tables
        case .rows(let entities, let cooccurrences, let timeline):
            _CompactTables(entities: entities, cooccurrences: cooccurrences, timeline: timeline)
        }
    }

    /// Whether the tables are held in compact form.
    var isCompact: Bool {
        if case .compact = _storage { return true }
        return false
    }

    /// Whether two partials hold the same rows.
    ///
    /// Compact partials compare their names bytewise; otherwise rows are compared.
    public static func == (lhs: Partial, rhs: Partial) -> Bool {
        guard lhs.tags == rhs.tags, lhs.stats == rhs.stats else { return false }
        if case .compact(let a) = lhs._storage, case .compact(let b) = rhs._storage { return a == b }
        return lhs.entities == rhs.entities && lhs.cooccurrences == rhs.cooccurrences && lhs.timeline == rhs.timeline
    }
}
