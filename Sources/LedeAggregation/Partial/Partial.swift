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
    /// One row per entity (canonical name and label).
    public var entities: [Entity]
    /// One row per unordered pair of entities that appeared in the same document.
    public var cooccurrences: [Cooccurrence]
    /// One row per day and entity named on that day.
    public var timeline: [TimelineEntry]
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
        self.entities = entities
        self.cooccurrences = cooccurrences
        self.timeline = timeline
        self.tags = tags
        self.stats = stats
    }
}
