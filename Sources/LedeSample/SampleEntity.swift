/// One entity the sample corpus writes about: a person, an organisation or
/// a place, with the forms the text uses for it.
///
/// This is ground truth for tests and benchmarks (what a tagger should find),
/// not a gazetteer for the tagger itself.
public struct SampleEntity: Sendable, Hashable {
    /// What kind of entity this is.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case person
        case organization
        case place

        /// The tagger label this kind should receive: PER, ORG or LOC.
        public var label: String {
            switch self {
            case .person: return "PER"
            case .organization: return "ORG"
            case .place: return "LOC"
            }
        }
    }

    /// Person, organisation or place.
    public let kind: Kind
    /// Canonical full name, as written on first mention ("Juan Guaido",
    /// "World Health Organization", "São Paulo"), without a leading "the".
    public let name: String
    /// The form later mentions in the same document use instead of `name`:
    /// a person's surname ("Guaido") or an organisation's acronym ("WHO");
    /// nil when the entity is always written in full.
    public let shortName: String?
    /// Popularity rank within its kind: 0 is drawn most often (Zipf-like).
    public let rank: Int

    /// The tagger label for `kind`: PER, ORG or LOC.
    public var label: String { kind.label }

    /// Creates an entity record.
    public init(kind: Kind, name: String, shortName: String?, rank: Int) {
        self.kind = kind
        self.name = name
        self.shortName = shortName
        self.rank = rank
    }
}
