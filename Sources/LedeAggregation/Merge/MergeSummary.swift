/// What a merge wrote.
public struct MergeSummary: Sendable, Equatable {
    /// Partial directories merged.
    public var partials: Int
    /// Intermediate rounds needed because there were more partials than the fan-in (0 for one pass).
    public var rounds: Int
    /// Rows of `entities.csv`.
    public var entities: Int
    /// Rows of `cooccurrences.csv`.
    public var cooccurrences: Int
    /// Rows of `timeline.csv`.
    public var timeline: Int
    /// Rows of `tags.csv`.
    public var tags: Int
    /// The merged corpus counters, as in `stats.json`.
    public var stats: AggregateStats
    /// The most mentioned entities (at most ``PartialMerger/summaryEntityCount``),
    /// best first, ranked as ``EntityTable/top(aggregatesDirectory:label:limit:)``
    /// ranks the rows of `entities.csv`; empty for a merge into a partial.
    public var topEntities: [EntityRow]

    /// Makes a summary.
    public init(
        partials: Int, rounds: Int, entities: Int, cooccurrences: Int, timeline: Int, tags: Int,
        stats: AggregateStats, topEntities: [EntityRow] = []
    ) {
        self.partials = partials
        self.rounds = rounds
        self.entities = entities
        self.cooccurrences = cooccurrences
        self.timeline = timeline
        self.tags = tags
        self.stats = stats
        self.topEntities = topEntities
    }
}
