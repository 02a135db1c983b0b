import LedeAggregation
import LedeEntities

/// An entity of the store with its counts (over the whole archive, or over a date range).
public struct StoreEntity: Sendable, Hashable {
    /// The row's id in this store's `entities` table; ids change when the store is rebuilt.
    public var id: Int64
    /// The canonical name.
    public var canonical: String
    /// The entity class.
    public var label: EntityLabel
    /// Mentions.
    public var mentions: Int
    /// Documents that mention it.
    public var documents: Int
    /// The earliest day of a dated document that mentions it.
    public var firstDate: Day?
    /// The latest day of a dated document that mentions it.
    public var lastDate: Day?

    /// Makes a row.
    public init(
        id: Int64, canonical: String, label: EntityLabel, mentions: Int, documents: Int, firstDate: Day?,
        lastDate: Day?
    ) {
        self.id = id
        self.canonical = canonical
        self.label = label
        self.mentions = mentions
        self.documents = documents
        self.firstDate = firstDate
        self.lastDate = lastDate
    }
}

extension StoreEntity: Encodable {
    private enum CodingKeys: String, CodingKey {
        case canonical, label, mentions, documents
        case firstDate = "first_date"
        case lastDate = "last_date"
    }

    /// `{"canonical", "label", "mentions", "documents", "first_date", "last_date"}`, dates as `YYYY-MM-DD` or null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(canonical, forKey: .canonical)
        try container.encode(label.name, forKey: .label)
        try container.encode(mentions, forKey: .mentions)
        try container.encode(documents, forKey: .documents)
        try container.encode(firstDate?.description, forKey: .firstDate)
        try container.encode(lastDate?.description, forKey: .lastDate)
    }
}
