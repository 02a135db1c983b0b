/// The synthetic world every document draws from: people with jobs,
/// organisations, countries and places, the templates, and the sampling
/// tables, all built once per process from the raw lists.
///
/// The world is fixed (it does not depend on the corpus seed) so that tests
/// and benchmarks can use `SampleCorpus.people` and friends as ground truth.
/// Everything the per-document path reads is frozen into never-freed buffers
/// of plain-old-data, which is why this is `@unchecked Sendable`: it is
/// immutable after `init`.
final class SampleVocabulary: @unchecked Sendable {
    /// The one world, built on first use.
    static let shared = SampleVocabulary()

    let arena: UnsafeBufferPointer<UInt8>
    let pieces: UnsafeBufferPointer<Piece>
    let templates: UnsafeBufferPointer<TemplateRef>
    /// Flat list of fragment choices (quotes, hashtags, emoji…), addressed by `Pool`s.
    let frags: UnsafeBufferPointer<Frag>
    /// Flat list of entity indices for per-topic pools.
    let poolMembers: UnsafeBufferPointer<Int32>
    /// Flat list of place indices per country (capital first).
    let countryPlaces: UnsafeBufferPointer<Int32>
    /// Places that are not countries, in popularity order.
    let localPlaces: UnsafeBufferPointer<Int32>

    let people: UnsafeBufferPointer<PersonModel>
    let orgs: UnsafeBufferPointer<OrgModel>
    let countries: UnsafeBufferPointer<CountryModel>
    let places: UnsafeBufferPointer<PlaceModel>
    let topics: UnsafeBufferPointer<TopicModel>
    let sources: UnsafeBufferPointer<SourceModel>

    let topicSampler: ZipfSampler
    let topicPeople: [ZipfSampler]
    let topicOrgs: [ZipfSampler]
    let topicLeadOrgs: [ZipfSampler]
    let peopleSampler: ZipfSampler
    let orgSampler: ZipfSampler
    let countrySampler: ZipfSampler
    let localPlaceSampler: ZipfSampler
    let sourceSampler: ZipfSampler

    let genericBody, attributions, closings, genericClaims, tweets, tweetIntros, tweetFollowUps: Pool
    let genericQuotes, genericShortQuotes, diseases, emoji: Pool
    let words: SampleWords

    /// Public views of the same world.
    let peopleEntities: [SampleEntity]
    let organizationEntities: [SampleEntity]
    let placeEntities: [SampleEntity]
    let sourceNames: [String]

    private init() {
        var arena = ByteArenaBuilder()
        var rng = SplitMix64(seed: 0x1EDE_5A3D_0000_0001)
        words = SampleWords(&arena)

        // MARK: Cultures
        struct Culture {
            var male: [String] = [], female: [String] = [], surnames: [String] = []
            var surnameFirst = false
            var feminine = "none"
        }
        var cultures: [Culture] = []
        var cultureIndex: [String: Int] = [:]
        for line in SampleNameData.cultures {
            let parts = line.split(separator: "|").map(String.init)
            var c = Culture()
            c.surnameFirst = parts[1] == "sg"
            c.feminine = parts[2]
            for part in parts[3...] {
                let list = part.dropFirst(2).split(separator: ",").map(String.init)
                switch part.prefix(1) {
                case "m": c.male = list
                case "f": c.female = list
                default: c.surnames = list
                }
            }
            cultureIndex[parts[0]] = cultures.count
            cultures.append(c)
        }

        // MARK: Countries and places
        struct RawCountry {
            var name: String, article: Bool, demonym: String, capital: String, cities: [String]
            var culture: Int, leaderTitle: String
        }
        var rawCountries: [RawCountry] = []
        var countryIndex: [String: Int] = [:]
        for line in SampleNameData.countries {
            let p = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            countryIndex[p[0]] = rawCountries.count
            rawCountries.append(RawCountry(
                name: p[0], article: p[1] == "1", demonym: p[2], capital: p[3],
                cities: p[4].split(separator: ";").map(String.init),
                culture: cultureIndex[p[5]] ?? -1, leaderTitle: p[6]))
        }

        struct RawPlace {
            var name: String, article: Bool, kind: PlaceKind, country: Int, score: Double
        }
        var rawPlaces: [RawPlace] = []
        for (i, c) in rawCountries.enumerated() {
            let r = Double(i + 1)
            rawPlaces.append(RawPlace(name: c.name, article: c.article, kind: .country, country: i, score: 1.0 / r))
            if !c.capital.isEmpty && c.capital != c.name {
                rawPlaces.append(RawPlace(name: c.capital, article: false, kind: .capital, country: i, score: 0.7 / r))
            }
            for (j, city) in c.cities.enumerated() {
                rawPlaces.append(RawPlace(name: city, article: false, kind: .city, country: i,
                                          score: 0.35 / (r * Double(j + 1))))
            }
        }
        for (k, line) in SampleNameData.regions.enumerated() {
            let p = line.split(separator: "|").map(String.init)
            rawPlaces.append(RawPlace(name: p[0], article: p[1] == "1", kind: .region,
                                      country: countryIndex[p[2]] ?? -1, score: 0.15 / Double(k + 1)))
        }
        rawPlaces = SampleVocabulary.stableSorted(rawPlaces) { $0.score > $1.score }

        var placeModels: [PlaceModel] = []
        for p in rawPlaces {
            var dateline = Frag.empty
            if p.kind == .capital || p.kind == .city {
                let c = rawCountries[p.country]
                let suffix = p.kind == .capital || p.country == 0 && p.name == "New York" ? "" : ", " + c.name
                dateline = arena.add(p.name.uppercased() + suffix + " — ")
            }
            placeModels.append(PlaceModel(name: arena.add(p.name), article: p.article, kind: p.kind,
                                          country: Int32(p.country), dateline: dateline))
        }
        var countryPlaceList: [Int32] = []
        var countryModels: [CountryModel] = []
        for (i, c) in rawCountries.enumerated() {
            let start = countryPlaceList.count
            // Capital first so "capital 50%" is a fixed position.
            for kind in [PlaceKind.capital, .city, .region] {
                for (pi, p) in rawPlaces.enumerated() where p.country == i && p.kind == kind {
                    countryPlaceList.append(Int32(pi))
                }
            }
            countryModels.append(CountryModel(
                name: arena.add(c.name), article: c.article, demonym: arena.add(c.demonym),
                leaderTitle: arena.add(c.leaderTitle), leaderTitleLower: arena.add(c.leaderTitle.lowercased()),
                culture: Int32(c.culture),
                places: Pool(start: Int32(start), count: Int32(countryPlaceList.count - start)),
                hashtag: arena.add("#" + c.name.filter { $0 != " " }),
                endsWithS: c.name.hasSuffix("s")))
        }
        let localPlaceList = rawPlaces.indices.filter { rawPlaces[$0].kind != .country }.map { Int32($0) }

        // MARK: Organisations
        struct RawOrg {
            var name: String, acronym: String, article: Bool, acronymArticle: Bool, nominal: String
            var kind: OrgKind, country: Int, topics: UInt8, score: Double, portfolio: Int = -1
        }
        var rawOrgs: [RawOrg] = []
        for (i, line) in SampleOrganizationData.fixed.enumerated() {
            let p = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let kind: OrgKind
            switch p[0] {
            case "igo": kind = .intergovernmental
            case "agency": kind = .agency
            case "military": kind = .military
            case "cbank": kind = .centralBank
            default: kind = .ngo
            }
            rawOrgs.append(RawOrg(name: p[1], acronym: p[2], article: p[3] == "1", acronymArticle: p[4] == "1",
                                  nominal: p[6], kind: kind, country: countryIndex[p[5]] ?? -1,
                                  topics: SampleVocabulary.topics(ofFixedOrg: p[1], kind: kind),
                                  score: 1.0 / Double(i + 1)))
        }
        // Ministries for the most newsworthy countries that have people to staff them.
        let ministryCountries = rawCountries.indices.filter { rawCountries[$0].culture >= 0 && $0 != 0 }.prefix(16)
        for (r, ci) in ministryCountries.enumerated() {
            for (pi, line) in SampleOrganizationData.portfolios.enumerated() {
                let p = line.split(separator: "|").map(String.init)
                let topic = NewsTopic(name: p[2])!
                rawOrgs.append(RawOrg(name: rawCountries[ci].demonym + " " + p[0], acronym: "", article: true,
                                      acronymArticle: false, nominal: "the ministry", kind: .ministry, country: ci,
                                      topics: topic.bit | NewsTopic.politics.bit,
                                      score: 0.25 / (Double(r + 1) * Double(pi + 1)), portfolio: pi))
            }
        }
        let partyCountries = Array(rawCountries.indices.filter { rawCountries[$0].culture >= 0 }.prefix(20))
        for (j, line) in SampleOrganizationData.parties.enumerated() {
            let p = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let country = p[0] == "Republican Party" || p[0] == "Democratic Party" ? 0 : partyCountries[j % partyCountries.count]
            rawOrgs.append(RawOrg(name: p[0], acronym: p[1], article: true, acronymArticle: false, nominal: "the party",
                                  kind: .party, country: country, topics: NewsTopic.politics.bit,
                                  score: 0.2 / Double(j + 1)))
        }
        let suffixes = SampleOrganizationData.companySuffixes.map { $0.split(separator: "|").map(String.init) }
        let businessCountries = Array(rawCountries.indices.prefix(25))
        for (j, stem) in SampleOrganizationData.companyStems.enumerated() {
            let s = suffixes[(j * 7) % suffixes.count]
            rawOrgs.append(RawOrg(name: stem + " " + s[0], acronym: "", article: false, acronymArticle: false,
                                  nominal: s[1], kind: .company, country: businessCountries[(j * 3) % businessCountries.count],
                                  topics: NewsTopic.business.bit | NewsTopic.economy.bit, score: 0.25 / Double(j + 1)))
        }
        for (j, stem) in SampleOrganizationData.bankStems.enumerated() {
            let (suffix, nominal) = j < 14 ? ("Bank", "the bank") : j < 17 ? ("Capital", "the investment firm") : ("Securities", "the brokerage")
            rawOrgs.append(RawOrg(name: stem + " " + suffix, acronym: "", article: false, acronymArticle: false,
                                  nominal: nominal, kind: .bank, country: businessCountries[(j * 5 + 1) % businessCountries.count],
                                  topics: NewsTopic.business.bit | NewsTopic.economy.bit, score: 0.15 / Double(j + 1)))
        }
        let universityTopics = NewsTopic.all & ~(NewsTopic.business.bit | NewsTopic.diplomacy.bit)
        let anglo = ["United States", "United Kingdom", "Canada", "Australia", "Ireland"].map { countryIndex[$0]! }
        for (j, stem) in SampleOrganizationData.universityStems.enumerated() {
            rawOrgs.append(RawOrg(name: stem + " University", acronym: "", article: false, acronymArticle: false,
                                  nominal: "the university", kind: .university, country: anglo[j % anglo.count],
                                  topics: universityTopics, score: 0.15 / Double(j + 1)))
        }
        for (j, city) in SampleOrganizationData.universityCities.enumerated() {
            let country = rawPlaces.first { $0.name == city && $0.kind != .country }?.country ?? -1
            rawOrgs.append(RawOrg(name: "University of " + city, acronym: "", article: true, acronymArticle: false,
                                  nominal: "the university", kind: .university, country: country,
                                  topics: universityTopics, score: 0.12 / Double(j + 1)))
        }
        for (j, name) in SampleOrganizationData.armedForces.enumerated() {
            let ci = countryIndex[name]!
            rawOrgs.append(RawOrg(name: rawCountries[ci].demonym + " Armed Forces", acronym: "", article: true,
                                  acronymArticle: false, nominal: "the military", kind: .military, country: ci,
                                  topics: NewsTopic.diplomacy.bit, score: 0.15 / Double(j + 1)))
        }
        for (j, name) in SampleOrganizationData.centralBankCountries.enumerated() {
            rawOrgs.append(RawOrg(name: "Central Bank of " + name, acronym: "", article: true, acronymArticle: false,
                                  nominal: "the central bank", kind: .centralBank, country: countryIndex[name]!,
                                  topics: NewsTopic.economy.bit | NewsTopic.business.bit, score: 0.2 / Double(j + 1)))
        }
        rawOrgs = SampleVocabulary.stableSorted(rawOrgs) { $0.score > $1.score }

        var orgModels: [OrgModel] = []
        for o in rawOrgs {
            let handleText = o.acronym.isEmpty ? SampleVocabulary.asciiFold(o.name) : o.acronym
            orgModels.append(OrgModel(
                name: arena.add(o.name), acronym: o.acronym.isEmpty ? .empty : arena.add(o.acronym),
                hasAcronym: !o.acronym.isEmpty, article: o.article, acronymArticle: o.acronymArticle,
                nominal: arena.add(o.nominal), kind: o.kind, country: Int32(o.country),
                handle: arena.add("@" + handleText), topics: o.topics,
                leadTopics: SampleVocabulary.leadTopics(kind: o.kind, topics: o.topics)))
        }

        // MARK: People
        struct Slot { var role: PersonRole, score: Double, country: Int, femalePercent: Int }
        var slots: [Slot] = []
        let cultured = rawCountries.indices.filter { rawCountries[$0].culture >= 0 }
        for (r, ci) in cultured.enumerated() {
            slots.append(Slot(role: .leader(country: Int32(ci)), score: 1.2 / Double(r + 1), country: ci, femalePercent: 25))
            if r < 20 {
                slots.append(Slot(role: .opposition(country: Int32(ci)), score: 0.35 / Double(r + 1), country: ci, femalePercent: 40))
            }
            if r < 12 {
                let parties = rawOrgs.indices.filter { rawOrgs[$0].kind == .party && rawOrgs[$0].country == ci }
                for k in 0..<5 {
                    let party = parties.isEmpty ? -1 : parties[k % parties.count]
                    slots.append(Slot(role: .lawmaker(country: Int32(ci), party: Int32(party)),
                                      score: 0.15 / (Double(r + 1) * Double(k + 1)), country: ci, femalePercent: 40))
                }
            }
        }
        var kindCounters: [OrgKind: Int] = [:]
        for (oi, o) in rawOrgs.enumerated() {
            let j = kindCounters[o.kind, default: 0]
            kindCounters[o.kind] = j + 1
            let org = Int32(oi)
            let rankScore = 1.0 / Double(oi + 1)
            switch o.kind {
            case .ministry:
                let ministryRank = ministryCountries.firstIndex(of: o.country).map { $0 - ministryCountries.startIndex } ?? 0
                slots.append(Slot(role: .minister(country: Int32(o.country), portfolio: Int32(o.portfolio), ministry: org),
                                  score: 0.4 / (Double(ministryRank + 1) * Double(o.portfolio + 1)),
                                  country: o.country, femalePercent: 35))
                if oi < 120 {
                    slots.append(Slot(role: .official(org: org), score: 0.8 * rankScore * 0.1, country: o.country, femalePercent: 45))
                }
            case .intergovernmental, .agency, .centralBank, .ngo:
                slots.append(Slot(role: .head(org: org), score: 0.45 / Double(j + 1), country: o.country, femalePercent: 40))
                if o.kind == .ngo {
                    for k in 0..<2 {
                        slots.append(Slot(role: .activist(org: org), score: 0.15 / (Double(j + 1) * Double(k + 1)),
                                          country: o.country, femalePercent: 55))
                    }
                } else if o.kind == .agency {
                    slots.append(Slot(role: .official(org: org), score: 0.08 / Double(j + 1), country: o.country, femalePercent: 45))
                }
            case .military:
                slots.append(Slot(role: .commander(org: org, admiral: j % 3 == 0), score: 0.2 / Double(j + 1),
                                  country: o.country, femalePercent: 10))
            case .company:
                slots.append(Slot(role: .executive(org: org), score: 0.3 / Double(j + 1), country: o.country, femalePercent: 30))
            case .bank:
                for k in 0..<2 {
                    slots.append(Slot(role: .economist(org: org), score: 0.2 / (Double(j + 1) * Double(k + 1)),
                                      country: o.country, femalePercent: 45))
                }
            case .university:
                for k in 0..<3 {
                    let field = (j * 3 + k) % SampleWords.fieldNames.count
                    slots.append(Slot(role: .academic(org: org, field: Int32(field)),
                                      score: 0.12 / (Double(j + 1) * Double(k + 1)), country: o.country, femalePercent: 50))
                }
            case .party:
                break
            }
            if oi < 150 && o.kind != .university && o.kind != .party {
                slots.append(Slot(role: .spokesperson(org: org), score: 0.12 * rankScore, country: o.country, femalePercent: 55))
            }
        }
        let cities = rawPlaces.indices.filter { rawPlaces[$0].kind == .city || rawPlaces[$0].kind == .capital }
        for k in 0..<250 {
            let place = cities[(k * 7) % cities.count]
            slots.append(Slot(role: .resident(place: Int32(place), occupation: Int32(k % SampleWords.occupationNames.count)),
                              score: 0.03 / Double(k + 1), country: rawPlaces[place].country, femalePercent: 50))
        }
        slots = SampleVocabulary.stableSorted(slots) { $0.score > $1.score }

        var usedNames: Set<String> = []
        var personModels: [PersonModel] = []
        var peopleEntities: [SampleEntity] = []
        for (rank, slot) in slots.enumerated() {
            var cultureID = slot.country >= 0 ? rawCountries[slot.country].culture : -1
            if cultureID < 0 { cultureID = rng.below(cultures.count) }
            let culture = cultures[cultureID]
            let female = rng.below(100) < slot.femalePercent
            var given = "", surname = "", full = ""
            for _ in 0..<200 {
                let names = female ? culture.female : culture.male
                given = names[rng.below(names.count)]
                surname = culture.surnames[rng.below(culture.surnames.count)]
                if female {
                    if culture.feminine == "ova", surname.hasSuffix("ov") || surname.hasSuffix("ev") || surname.hasSuffix("in") {
                        surname += "a"
                    } else if culture.feminine == "ska", surname.hasSuffix("ski") || surname.hasSuffix("cki") {
                        surname = String(surname.dropLast()) + "a"
                    }
                }
                full = culture.surnameFirst ? surname + " " + given : given + " " + surname
                if !usedNames.contains(full) { break }
            }
            usedNames.insert(full)
            let handleParts = culture.surnameFirst ? [surname, given] : [given, surname]
            var org: Int32 = -1
            var country = Int32(slot.country)
            var topics: UInt8
            switch slot.role {
            case .leader:
                topics = NewsTopic.all
            case let .minister(_, portfolio, ministry):
                org = ministry
                let p = SampleOrganizationData.portfolios[Int(portfolio)].split(separator: "|")
                topics = NewsTopic(name: String(p[2]))!.bit | NewsTopic.politics.bit
            case .opposition:
                topics = NewsTopic.politics.bit | NewsTopic.diplomacy.bit
            case let .lawmaker(_, party):
                org = party
                topics = NewsTopic.politics.bit | NewsTopic.economy.bit
            case let .spokesperson(o), let .official(o), let .head(o), let .commander(o, _):
                org = o
                topics = orgModels[Int(o)].topics
            case let .executive(o), let .economist(o):
                org = o
                topics = NewsTopic.business.bit | NewsTopic.economy.bit
            case let .academic(o, field):
                org = o
                topics = SampleWords.fieldTopics[Int(field)].bit
            case let .activist(o):
                org = o
                topics = orgModels[Int(o)].topics | NewsTopic.politics.bit
            case let .resident(place, _):
                country = Int32(rawPlaces[Int(place)].country)
                topics = NewsTopic.disaster.bit | NewsTopic.health.bit | NewsTopic.politics.bit
            }
            personModels.append(PersonModel(
                full: arena.add(full), surname: arena.add(surname), female: female,
                endsWithS: surname.hasSuffix("s"), role: slot.role, country: country, org: org,
                handle: arena.add("@" + handleParts.map(SampleVocabulary.asciiFold).joined()),
                topics: topics))
            peopleEntities.append(SampleEntity(kind: .person, name: full, shortName: surname, rank: rank))
        }

        // MARK: Templates and topic pools
        var pieceList: [Piece] = []
        var templateList: [TemplateRef] = []
        var fragList: [Frag] = []
        var members: [Int32] = []
        func templatePool(_ texts: [String]) -> Pool {
            precondition(texts.count <= 64, "template pools track use in a 64-bit mask")
            let start = templateList.count
            for t in texts { templateList.append(TemplateParser.parse(t, arena: &arena, pieces: &pieceList)) }
            return Pool(start: Int32(start), count: Int32(texts.count))
        }
        func fragPool(_ texts: [String]) -> Pool {
            precondition(texts.count <= 64, "fragment pools track use in a 64-bit mask")
            let start = fragList.count
            for t in texts { fragList.append(arena.add(t)) }
            return Pool(start: Int32(start), count: Int32(texts.count))
        }
        func memberPool(_ ids: [Int]) -> Pool {
            precondition(!ids.isEmpty, "every topic needs people and organisations")
            let start = members.count
            members.append(contentsOf: ids.map { Int32($0) })
            return Pool(start: Int32(start), count: Int32(ids.count))
        }
        for ci in countryModels.indices {
            let start = members.count
            for (oi, o) in orgModels.enumerated() where o.kind == .party && o.country == Int32(ci) {
                members.append(Int32(oi))
            }
            countryModels[ci].parties = Pool(start: Int32(start), count: Int32(members.count - start))
            if let bank = orgModels.firstIndex(where: { $0.kind == .centralBank && $0.country == Int32(ci) }) {
                countryModels[ci].centralBank = Int32(bank)
            }
        }
        var topicModels: [TopicModel] = []
        var topicPeople: [ZipfSampler] = []
        var topicOrgs: [ZipfSampler] = []
        var topicLeadOrgs: [ZipfSampler] = []
        for (ti, t) in SampleTemplateText.topics.enumerated() {
            let bit = UInt8(1) << UInt8(ti)
            let peopleIDs = personModels.indices.filter { personModels[$0].topics & bit != 0 }
            let orgIDs = orgModels.indices.filter { orgModels[$0].topics & bit != 0 }
            let leadIDs = orgModels.indices.filter { orgModels[$0].leadTopics & bit != 0 }
            topicModels.append(TopicModel(
                ledes: templatePool(t.ledes), body: templatePool(t.body), claims: templatePool(t.claims),
                headlines: templatePool(t.headlines), quotes: fragPool(t.quotes), shortQuotes: fragPool(t.shortQuotes),
                hashtags: fragPool(t.hashtags.map { "#" + $0 }),
                people: memberPool(peopleIDs), orgs: memberPool(orgIDs), leadOrgs: memberPool(leadIDs)))
            topicPeople.append(ZipfSampler(count: peopleIDs.count, exponent: 1.0, shift: 1))
            topicOrgs.append(ZipfSampler(count: orgIDs.count, exponent: 1.0, shift: 1))
            topicLeadOrgs.append(ZipfSampler(count: leadIDs.count, exponent: 1.0, shift: 1))
        }
        genericBody = templatePool(SampleTemplateText.genericBody)
        attributions = templatePool(SampleTemplateText.attributions)
        closings = templatePool(SampleTemplateText.closings)
        genericClaims = templatePool(SampleTemplateText.genericClaims)
        tweets = templatePool(SampleTemplateText.tweets)
        tweetIntros = templatePool(SampleTemplateText.tweetIntros)
        tweetFollowUps = templatePool(SampleTemplateText.tweetFollowUps)
        genericQuotes = fragPool(SampleTemplateText.genericQuotes)
        genericShortQuotes = fragPool(SampleTemplateText.genericShortQuotes)
        diseases = fragPool(SampleTemplateText.diseases)
        emoji = fragPool(SampleTemplateText.emoji)

        // MARK: Sources
        let sourceList = SourceModel.all(&arena)
        sourceNames = sourceList.map(\.nameText)

        // MARK: Freeze
        self.topicSampler = ZipfSampler(weights: SampleTemplateText.topics.map { Double($0.weight) })
        self.topicPeople = topicPeople
        self.topicOrgs = topicOrgs
        self.topicLeadOrgs = topicLeadOrgs
        peopleSampler = ZipfSampler(count: personModels.count, exponent: 1.0)
        orgSampler = ZipfSampler(count: orgModels.count, exponent: 1.0)
        countrySampler = ZipfSampler(count: countryModels.count, exponent: 1.1, shift: 1)
        localPlaceSampler = ZipfSampler(count: localPlaceList.count, exponent: 0.9)
        sourceSampler = ZipfSampler(weights: sourceList.map { Double($0.weight) })
        self.pieces = pieceList.frozenCopy()
        self.templates = templateList.frozenCopy()
        self.frags = fragList.frozenCopy()
        self.poolMembers = members.frozenCopy()
        self.countryPlaces = countryPlaceList.frozenCopy()
        self.localPlaces = localPlaceList.frozenCopy()
        self.people = personModels.frozenCopy()
        self.orgs = orgModels.frozenCopy()
        self.countries = countryModels.frozenCopy()
        self.places = placeModels.frozenCopy()
        self.topics = topicModels.frozenCopy()
        self.sources = sourceList.frozenCopy()
        self.arena = arena.freeze()
        self.peopleEntities = peopleEntities
        self.organizationEntities = rawOrgs.enumerated().map { i, o in
            SampleEntity(kind: .organization, name: o.name, shortName: o.acronym.isEmpty ? nil : o.acronym, rank: i)
        }
        self.placeEntities = rawPlaces.enumerated().map { i, p in
            SampleEntity(kind: .place, name: p.name, shortName: nil, rank: i)
        }
    }

    /// Topics in which an organisation of `kind` active in `topics` can be
    /// the one a story is about: ledes say it cut rates, won a vote,
    /// reported cases — so a university never leads, a party only in politics.
    private static func leadTopics(kind: OrgKind, topics: UInt8) -> UInt8 {
        let fieldwork = NewsTopic.diplomacy.bit | NewsTopic.health.bit | NewsTopic.disaster.bit
        switch kind {
        case .party: return NewsTopic.politics.bit
        case .centralBank: return NewsTopic.economy.bit
        case .company, .bank: return NewsTopic.business.bit
        case .military: return NewsTopic.diplomacy.bit
        case .intergovernmental, .agency, .ngo, .ministry: return topics & fieldwork
        case .university: return 0
        }
    }

    /// Topics a well-known organisation turns up in, from its kind and name.
    private static func topics(ofFixedOrg name: String, kind: OrgKind) -> UInt8 {
        func has(_ words: String...) -> Bool { words.contains { name.contains($0) } }
        var t: UInt8
        switch kind {
        case .intergovernmental: t = NewsTopic.diplomacy.bit | NewsTopic.politics.bit
        case .agency: t = NewsTopic.politics.bit
        case .military: t = NewsTopic.diplomacy.bit
        case .centralBank: t = NewsTopic.economy.bit | NewsTopic.business.bit
        default: t = NewsTopic.politics.bit | NewsTopic.diplomacy.bit
        }
        if has("Health", "Children", "Disease", "Drug", "Médecins") { t |= NewsTopic.health.bit }
        if has("Monetary", "Bank", "Trade", "Petroleum", "Reserve", "Securities") {
            t |= NewsTopic.economy.bit | NewsTopic.business.bit
        }
        if has("Food", "Refugee", "Red Cross", "Emergency", "Weather", "Met Office", "Meteorological",
               "Relief", "Environmental", "Greenpeace", "Oxfam", "Save the Children", "United Nations") {
            t |= NewsTopic.disaster.bit
        }
        if has("World Health", "Centers for Disease") { t = NewsTopic.health.bit | NewsTopic.politics.bit }
        return t
    }

    /// ASCII letters and digits of `text` with accents dropped ("José" → "Jose"),
    /// as social-media handles are written.
    static func asciiFold(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) {
                out.unicodeScalars.append(scalar)
            } else if let folded = foldTable[Character(scalar)] {
                out += folded
            }
        }
        return out
    }

    private static let foldTable: [Character: String] = {
        var t: [Character: String] = [:]
        let groups: [(String, String)] = [
            ("áàâäãåā", "a"), ("ÁÀÂÄÃÅ", "A"), ("éèêëē", "e"), ("ÉÈÊË", "E"), ("íìîïı", "i"), ("ÍÌÎÏİ", "I"),
            ("óòôöõø", "o"), ("ÓÒÔÖÕØ", "O"), ("úùûü", "u"), ("ÚÙÛÜ", "U"), ("ñń", "n"), ("ÑŃ", "N"),
            ("çć", "c"), ("ÇĆ", "C"), ("şś", "s"), ("ŞŚ", "S"), ("ğ", "g"), ("ł", "l"), ("Ł", "L"),
            ("żź", "z"), ("ŻŹ", "Z"), ("ę", "e"), ("ą", "a"), ("ō", "o"), ("ß", "ss"), ("æ", "ae"), ("Å", "A"),
        ]
        for (chars, replacement) in groups {
            for c in chars { t[c] = replacement }
        }
        return t
    }()

    /// Sorts keeping the original order among equals, so the world does not
    /// depend on the standard library's sort algorithm.
    static func stableSorted<T>(_ items: [T], by before: (T, T) -> Bool) -> [T] {
        items.enumerated().sorted { a, b in
            if before(a.element, b.element) { return true }
            if before(b.element, a.element) { return false }
            return a.offset < b.offset
        }.map(\.element)
    }
}
