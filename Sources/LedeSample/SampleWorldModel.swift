/// Topics a document can be about. Raw values index `SampleTemplateText.topics`.
enum NewsTopic: Int, CaseIterable, Sendable {
    case politics, economy, business, diplomacy, health, disaster

    var bit: UInt8 { 1 << UInt8(rawValue) }

    static let all: UInt8 = 0b11_1111

    init?(name: String) {
        switch name {
        case "politics": self = .politics
        case "economy": self = .economy
        case "business": self = .business
        case "diplomacy": self = .diplomacy
        case "health": self = .health
        case "disaster": self = .disaster
        default: return nil
        }
    }
}

/// A country as the renderer needs it (plain-old-data: fragments and indices).
struct CountryModel: Sendable {
    var name: Frag
    var article: Bool
    var demonym: Frag
    /// Leader's title as a prefix ("President") and lower-cased ("president").
    var leaderTitle: Frag
    var leaderTitleLower: Frag
    /// Naming culture of its people, or -1.
    var culture: Int32
    /// Places (capital first) located in the country: a run in `countryPlaces`.
    var places: Pool
    /// `#SouthKorea`.
    var hashtag: Frag
    /// Whether the name ends in "s" (possessive takes a bare ’).
    var endsWithS: Bool
    /// Political parties of the country: a run in `poolMembers` (may be empty).
    var parties = Pool(start: 0, count: 0)
    /// The country's central bank, or -1.
    var centralBank: Int32 = -1
}

/// What kind of place a place is.
enum PlaceKind: UInt8, Sendable {
    case country, capital, city, region
}

/// A place: country, city or region.
struct PlaceModel: Sendable {
    var name: Frag
    var article: Bool
    var kind: PlaceKind
    /// Country index, or -1.
    var country: Int32
    /// Dateline opening a story filed from this city ("CARACAS — "); empty
    /// for regions and countries.
    var dateline: Frag
}

/// Kinds of organisation, deciding how people relate to them and which
/// topics they turn up in.
enum OrgKind: UInt8, Sendable {
    case intergovernmental, agency, military, centralBank, ngo, ministry, party, company, bank, university
}

/// An organisation as the renderer needs it.
struct OrgModel: Sendable {
    var name: Frag
    /// Acronym; `hasAcronym` false when the organisation has none.
    var acronym: Frag
    var hasAcronym: Bool
    var article: Bool
    var acronymArticle: Bool
    /// Unnamed reference for later sentences ("the bank").
    var nominal: Frag
    var kind: OrgKind
    var country: Int32
    /// `@WHO`, `@NorlithInc`.
    var handle: Frag
    var topics: UInt8
    /// Topics in which it can be the story's main organisation (the one
    /// ledes make act: a party in politics, a central bank in economy…).
    var leadTopics: UInt8
}

/// A person's job, which decides their title and appositive.
/// Payloads index countries, organisations, places or small word lists.
enum PersonRole: Sendable {
    case leader(country: Int32)
    case minister(country: Int32, portfolio: Int32, ministry: Int32)
    case opposition(country: Int32)
    case lawmaker(country: Int32, party: Int32)
    case spokesperson(org: Int32)
    case executive(org: Int32)
    case economist(org: Int32)
    case academic(org: Int32, field: Int32)
    case official(org: Int32)
    case head(org: Int32)
    case commander(org: Int32, admiral: Bool)
    case activist(org: Int32)
    case resident(place: Int32, occupation: Int32)
}

/// A person as the renderer needs it.
struct PersonModel: Sendable {
    var full: Frag
    var surname: Frag
    var female: Bool
    /// Surname ends in "s": possessive is a bare ’.
    var endsWithS: Bool
    var role: PersonRole
    /// Country the person belongs to, or -1.
    var country: Int32
    /// Organisation the role ties them to, or -1.
    var org: Int32
    var handle: Frag
    var topics: UInt8
}

/// Fragments of a topic's text, as runs in the vocabulary's flat lists.
struct TopicModel: Sendable {
    var ledes: Pool
    var body: Pool
    var claims: Pool
    var headlines: Pool
    var quotes: Pool
    var shortQuotes: Pool
    var hashtags: Pool
    /// Person indices (popularity order) that fit the topic: a run in `poolMembers`.
    var people: Pool
    var orgs: Pool
    /// Organisations that can lead a story of this topic.
    var leadOrgs: Pool
}
