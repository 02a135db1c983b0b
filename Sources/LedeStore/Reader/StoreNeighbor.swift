/// An entity named in the same documents as another one.
public struct StoreNeighbor: Sendable, Hashable {
    /// The neighbour, with its own counts over the archive.
    public var entity: StoreEntity
    /// Documents that name both (among each document's most mentioned entities, up to the co-occurrence cap).
    public var documents: Int

    /// Makes a row.
    public init(entity: StoreEntity, documents: Int) {
        self.entity = entity
        self.documents = documents
    }
}

extension StoreNeighbor: Encodable {
    private enum CodingKeys: String, CodingKey {
        case canonical, label, documents
    }

    /// `{"canonical", "label", "documents"}`, documents being those that name both.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entity.canonical, forKey: .canonical)
        try container.encode(entity.label.name, forKey: .label)
        try container.encode(documents, forKey: .documents)
    }
}
