import LedeAggregation

/// The counts of one entity on one day.
public struct StoreTimelineEntry: Sendable, Hashable {
    /// The day.
    public var date: Day
    /// Mentions in documents of that day.
    public var mentions: Int
    /// Documents of that day that mention the entity.
    public var documents: Int

    /// Makes a row.
    public init(date: Day, mentions: Int, documents: Int) {
        self.date = date
        self.mentions = mentions
        self.documents = documents
    }
}

extension StoreTimelineEntry: Encodable {
    private enum CodingKeys: String, CodingKey {
        case date, mentions, documents
    }

    /// `{"date": "YYYY-MM-DD", "mentions", "documents"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date.description, forKey: .date)
        try container.encode(mentions, forKey: .mentions)
        try container.encode(documents, forKey: .documents)
    }
}
