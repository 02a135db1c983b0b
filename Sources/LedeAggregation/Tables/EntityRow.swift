import LedeEntities

/// One row of the merged `entities.csv`.
public struct EntityRow: Sendable, Hashable {
    /// The canonical name.
    public var canonical: String
    /// The entity class.
    public var label: EntityLabel
    /// Mentions over the archive.
    public var mentions: Int
    /// Documents that mention it.
    public var documents: Int
    /// The earliest day of a dated document that mentions it.
    public var firstDate: Day?
    /// The latest day of a dated document that mentions it.
    public var lastDate: Day?

    /// Makes a row.
    public init(canonical: String, label: EntityLabel, mentions: Int, documents: Int, firstDate: Day?, lastDate: Day?) {
        self.canonical = canonical
        self.label = label
        self.mentions = mentions
        self.documents = documents
        self.firstDate = firstDate
        self.lastDate = lastDate
    }
}
