/// Writes one document's JSON line, straight into a byte buffer.
///
/// Every choice comes from `rng`, seeded from (corpus seed, document number)
/// alone, so a document is the same whichever shard or thread writes it.
/// Whether a fragment is written plainly or with `\uXXXX` escapes comes from
/// a second generator, `esc`, so the *decoded* text is identical with and
/// without escaping — which is what lets tests check that escapes round-trip.
struct DocumentRenderer {
    private let v: SampleVocabulary
    private let w: SampleWords
    private let base: UnsafePointer<UInt8>
    /// The line being written (swapped in from the caller, so no copy).
    var out: [UInt8] = []
    private var rng: SplitMix64
    private var esc: SplitMix64
    /// This is one of the ~10% of documents full of JSON escapes and emoji.
    private let heavy: Bool
    /// Escape non-ASCII and `/` at random (only in heavy documents).
    private let escapeUnicode: Bool
    private var headline = false
    /// Bytes added by optional escapes so far. Length decisions use
    /// `out.count - escapeSurplus`, so escaping never changes the content.
    private var escapeSurplus = 0

    private var topicIndex = 0
    private var topic: TopicModel
    private var source: SourceModel
    private var day = 0
    /// 0: “curly”, 1: ‘single’, 2: straight \"…\".
    private var quoteMode: UInt8 = 0
    /// The currency most amounts in this document are in.
    private var currency = Frag.empty

    // The cast: up to three people, two organisations, two countries, two places.
    private var p0: Int32 = 0, p1: Int32 = 0, p2: Int32 = 0
    private var o0: Int32 = 0, o1: Int32 = 0
    private var c0: Int32 = 0, c1: Int32 = 0
    private var l0: Int32 = 0, l1: Int32 = 0
    /// Bits 0–2: person mentioned; 3–4: organisation mentioned; 5–6: its
    /// acronym was introduced; 7–8: place mentioned.
    private var mentioned: UInt32 = 0

    // Templates already used in this document, so a sentence rarely repeats.
    private var usedBody: UInt64 = 0, usedGeneric: UInt64 = 0, usedAttribution: UInt64 = 0
    private var usedQuotes: UInt64 = 0, usedGenericQuotes: UInt64 = 0, usedClaims: UInt64 = 0

    init(vocabulary: SampleVocabulary, rng: SplitMix64, escapeRNG: SplitMix64, heavy: Bool, allowEscapes: Bool) {
        v = vocabulary
        w = vocabulary.words
        base = vocabulary.arena.baseAddress!
        self.rng = rng
        esc = escapeRNG
        self.heavy = heavy
        escapeUnicode = heavy && allowEscapes
        topic = vocabulary.topics[0]
        source = vocabulary.sources[0]
    }

    // MARK: - Document

    /// Appends the whole JSON object for document `number`.
    mutating func write(number: Int, startDay: Int, days: Int) {
        day = startDay + rng.below(days)
        source = v.sources[v.sourceSampler.sample(&rng)]
        topicIndex = v.topicSampler.sample(&rng)
        topic = v.topics[topicIndex]
        chooseCast()
        quoteMode = heavy && rng.chance(50) ? 2 : source.singleQuotes ? 1 : 0
        currency = pickCurrency()

        ascii("{\"id\":\"sample-")
        appendZeroPadded(number, width: 9)
        ascii("\",\"date\":\"")
        appendISODate(day)
        if source.timestamps {
            out.append(UInt8(ascii: "T"))
            appendZeroPadded(rng.below(24), width: 2)
            out.append(UInt8(ascii: ":"))
            appendZeroPadded(rng.below(60), width: 2)
            ascii(":00Z")
        }
        ascii("\",\"source\":\"")
        emit(source.name)
        ascii("\",\"title\":\"")
        headline = true
        var unusedMask: UInt64 = 0
        render(pick(topic.headlines, &unusedMask), capitalize: true)
        headline = false
        ascii("\",\"text\":\"")
        writeBody()
        ascii("\"}")
    }

    private mutating func chooseCast() {
        let pool = topic.people
        let sampler = v.topicPeople[topicIndex]
        func fromTopic(_ r: inout SplitMix64) -> Int32 {
            v.poolMembers[Int(pool.start) + sampler.sample(&r)]
        }
        p0 = fromTopic(&rng)
        p1 = p0
        for _ in 0..<12 where p1 == p0 || sameSurname(p1, p0) {
            p1 = fromTopic(&rng)
        }
        p2 = p0
        for _ in 0..<12 where p2 == p0 || p2 == p1 || sameSurname(p2, p0) || sameSurname(p2, p1) {
            p2 = rng.chance(50) ? fromTopic(&rng) : Int32(v.peopleSampler.sample(&rng))
        }

        let lead = v.people[Int(p0)]
        c0 = lead.country >= 0 && rng.chance(75) ? lead.country : Int32(v.countrySampler.sample(&rng))
        c1 = c0
        for _ in 0..<12 where c1 == c0 {
            c1 = Int32(v.countrySampler.sample(&rng))
        }

        let orgPool = topic.orgs
        let orgSampler = v.topicOrgs[topicIndex]
        let home = v.countries[Int(c0)]
        let parties = home.parties
        let politics = topicIndex == NewsTopic.politics.rawValue
        let topicBit = UInt8(1) << UInt8(topicIndex)
        if politics && parties.count > 0 {
            // Domestic politics: the country's own parties.
            o0 = v.poolMembers[Int(parties.start) + rng.below(Int(parties.count))]
        } else if topicIndex == NewsTopic.economy.rawValue && home.centralBank >= 0 && rng.chance(60) {
            o0 = home.centralBank
        } else if lead.org >= 0 && v.orgs[Int(lead.org)].leadTopics & topicBit != 0 && rng.chance(50) {
            o0 = lead.org
        } else {
            let leads = topic.leadOrgs
            o0 = v.poolMembers[Int(leads.start) + v.topicLeadOrgs[topicIndex].sample(&rng)]
        }
        o1 = o0
        if politics && parties.count > 1 {
            o1 = v.poolMembers[Int(parties.start) + rng.below(Int(parties.count))]
        }
        for _ in 0..<12 where o1 == o0 && politics {
            let leads = topic.leadOrgs
            o1 = v.poolMembers[Int(leads.start) + v.topicLeadOrgs[topicIndex].sample(&rng)]
        }
        for _ in 0..<12 where o1 == o0 {
            o1 = rng.chance(85)
                ? v.poolMembers[Int(orgPool.start) + orgSampler.sample(&rng)]
                : Int32(v.orgSampler.sample(&rng))
        }

        let local = v.countries[Int(c0)].places
        if local.count > 0 {
            let i = rng.chance(50) ? 0 : rng.below(Int(local.count))
            l0 = v.countryPlaces[Int(local.start) + i]
        } else {
            l0 = v.localPlaces[v.localPlaceSampler.sample(&rng)]
        }
        l1 = l0
        for _ in 0..<12 where l1 == l0 {
            l1 = v.localPlaces[v.localPlaceSampler.sample(&rng)]
        }
    }

    private func sameSurname(_ a: Int32, _ b: Int32) -> Bool {
        v.people[Int(a)].surname.start == v.people[Int(b)].surname.start
    }

    /// Length of `out` as it would be without optional escapes.
    private var plainCount: Int { out.count - escapeSurplus }

    private mutating func writeBody() {
        let textStart = plainCount
        let target = targetBytes()
        let paragraphs = min(12, max(3, target / 520 + rng.below(3) - 1))
        let tweetAt = heavy || rng.chance(3) ? 1 + rng.below(paragraphs - 1) : -1
        for p in 0..<paragraphs {
            if p > 0 { ascii("\\n\\n") }
            let goal = textStart + target * (p + 1) / paragraphs
            if p == 0 {
                let place = v.places[Int(l0)]
                if source.datelines && place.dateline.length > 0 && rng.chance(70) {
                    emit(place.dateline)
                    mentioned |= 1 << 7
                }
                var ledeMask: UInt64 = 0
                render(pick(topic.ledes, &ledeMask), capitalize: true)
                if plainCount < goal - 200 {
                    out.append(0x20)
                    sentence()
                }
            } else if p == tweetAt {
                writeTweet()
            } else {
                sentence()
                while plainCount < goal - 80 {
                    out.append(0x20)
                    sentence()
                }
                if p == paragraphs - 1 && rng.chance(50) {
                    out.append(0x20)
                    var mask: UInt64 = 0
                    render(pick(v.closings, &mask), capitalize: true)
                }
            }
        }
    }

    /// Body size in bytes: mostly 1.2–5.4 KB around 3.3 KB, with a tail of
    /// long reads, so documents average about 3.5 KB like wire copy.
    private mutating func targetBytes() -> Int {
        if rng.chance(8) { return 5400 + rng.below(2600) }
        return 1200 + rng.below(1400) + rng.below(1400) + rng.below(1400)
    }

    private mutating func sentence() {
        let r = rng.below(100)
        if r < 42 {
            render(DocumentRenderer.pick(topic.body, &usedBody, &rng), capitalize: true)
        } else if r < 68 {
            render(DocumentRenderer.pick(v.genericBody, &usedGeneric, &rng), capitalize: true)
        } else {
            render(DocumentRenderer.pick(v.attributions, &usedAttribution, &rng), capitalize: true)
        }
    }

    /// A quoted social-media post: the only place for @handles, #hashtags,
    /// emoji, a line break and a short link.
    private mutating func writeTweet() {
        var mask: UInt64 = 0
        render(pick(v.tweetIntros, &mask), capitalize: true)
        openQuote()
        render(pick(v.tweets, &mask), capitalize: true)
        if heavy || rng.chance(20) {
            out.append(0x20)
            for _ in 0..<(1 + rng.below(2)) {
                emit(v.frags[Int(v.emoji.start) + rng.below(Int(v.emoji.count))])
            }
        }
        if rng.chance(65) {
            out.append(0x20)
            emit(rng.chance(50) ? v.people[Int(p1)].handle : v.orgs[Int(o0)].handle)
        }
        if rng.chance(75) {
            out.append(0x20)
            hashtag()
        }
        if heavy {
            ascii("\\n")
            emit(w.shortLink)
            for _ in 0..<10 {
                let r = rng.below(62)
                out.append(UInt8(r < 10 ? 48 + r : r < 36 ? 55 + r : 61 + r))
            }
        }
        closeQuote()
        if rng.chance(60) {
            out.append(0x20)
            render(pick(v.tweetFollowUps, &mask), capitalize: true)
        }
    }

    // MARK: - Templates

    /// Picks a template or fragment index from `pool`, avoiding ones this
    /// document already used (a few retries, then repeats are allowed).
    private mutating func pick(_ pool: Pool, _ used: inout UInt64) -> Int {
        DocumentRenderer.pick(pool, &used, &rng)
    }

    private static func pick(_ pool: Pool, _ used: inout UInt64, _ rng: inout SplitMix64) -> Int {
        let n = Int(pool.count)
        var i = rng.below(n)
        var tries = 0
        while used & (1 << UInt64(i)) != 0 && tries < 8 {
            i = rng.below(n)
            tries += 1
        }
        used |= 1 << UInt64(i)
        if used.nonzeroBitCount >= n { used = 0 }
        return Int(pool.start) + i
    }

    private mutating func render(_ template: Int, capitalize: Bool) {
        let ref = v.templates[template]
        let start = out.count
        var i = Int(ref.start)
        let end = i + Int(ref.count)
        while i < end {
            switch v.pieces[i] {
            case let .text(f): emit(f)
            case let .slot(s): renderSlot(s)
            }
            i += 1
        }
        if capitalize && ref.capitalize && start < out.count {
            let b = out[start]
            if b >= 0x61 && b <= 0x7A { out[start] = b - 0x20 }
        }
    }

    private mutating func renderSlot(_ slot: Slot) {
        switch slot {
        case let .person(k, form): person(k, form)
        case let .pronoun(k, possessive): pronoun(k, possessive: possessive)
        case let .org(k, short): org(k, short: short)
        case let .country(k, form): country(k == 0 ? c0 : c1, form)
        case let .place(k): place(k)
        case let .number(kind): number(kind)
        case .pastDay: pastDay()
        case .futureDay: futureDay()
        case .date: monthDay(day - rng.below(10))
        case .month: emit(w.months[SampleDay.civil(fromDays: day - rng.below(60)).month - 1])
        case .quote:
            if rng.chance(65) {
                emit(v.frags[DocumentRenderer.pick(topic.quotes, &usedQuotes, &rng)])
            } else {
                emit(v.frags[DocumentRenderer.pick(v.genericQuotes, &usedGenericQuotes, &rng)])
            }
        case .shortQuote:
            let pool = rng.chance(70) ? topic.shortQuotes : v.genericShortQuotes
            emit(v.frags[Int(pool.start) + rng.below(Int(pool.count))])
        case .claim:
            if rng.chance(75) {
                render(DocumentRenderer.pick(topic.claims, &usedClaims, &rng), capitalize: false)
            } else {
                var mask: UInt64 = 0
                render(pick(v.genericClaims, &mask), capitalize: false)
            }
        case .disease:
            emit(v.frags[Int(v.diseases.start) + rng.below(Int(v.diseases.count))])
        case .hashtag: hashtag()
        case .openQuote: openQuote()
        case .closeQuote: closeQuote()
        }
    }

    // MARK: - Entities

    private func personID(_ k: UInt8) -> Int {
        Int(k == 0 ? p0 : k == 1 ? p1 : p2)
    }

    /// Full name (maybe with title or appositive) on first mention, then the
    /// surname — the in-document aliasing a tagger has to resolve.
    private mutating func person(_ k: UInt8, _ form: PersonForm) {
        let p = v.people[personID(k)]
        defer {
            if form == .possessive { emit(p.endsWithS ? w.apostrophe : w.apostropheS) }
        }
        if headline || form == .surname {
            emit(p.surname)
            return
        }
        let bit: UInt32 = 1 << UInt32(k)
        if mentioned & bit == 0 {
            mentioned |= bit
            let r = rng.below(100)
            if (form == .subject || form == .final) && r < 55 {
                emit(p.full)
                emit(w.comma)
                appositive(p)
                if form == .subject { emit(w.commaOnly) }
            } else if r < 80 && hasTitle(p.role) {
                title(p)
                emit(w.space)
                emit(p.full)
            } else {
                emit(p.full)
            }
        } else {
            if rng.below(100) < (source.honorifics ? 70 : 6) { emit(p.female ? w.ms : w.mr) }
            emit(p.surname)
        }
    }

    private mutating func pronoun(_ k: UInt8, possessive: Bool) {
        if mentioned & (1 << UInt32(k)) == 0 {
            // A pronoun before its person is introduced would dangle: name them.
            person(k, possessive ? .possessive : .plain)
            return
        }
        let female = v.people[personID(k)].female
        emit(possessive ? (female ? w.her : w.his) : (female ? w.she : w.he))
    }

    private func hasTitle(_ role: PersonRole) -> Bool {
        switch role {
        case .leader, .minister, .opposition, .lawmaker, .commander, .executive, .academic: return true
        default: return false
        }
    }

    /// A title written before the name ("Venezuelan opposition leader").
    private mutating func title(_ p: PersonModel) {
        switch p.role {
        case let .leader(c):
            let cm = v.countries[Int(c)]
            if rng.chance(50) {
                emit(cm.demonym)
                emit(w.space)
            }
            emit(cm.leaderTitle)
        case let .minister(c, portfolio, _):
            if rng.chance(60) {
                emit(v.countries[Int(c)].demonym)
                emit(w.space)
            }
            emit(w.ministerTitles[Int(portfolio)])
        case let .opposition(c):
            emit(v.countries[Int(c)].demonym)
            emit(w.oppositionLeader)
        case let .lawmaker(c, _):
            if c == 0 {
                emit(w.senator)
            } else {
                emit(v.countries[Int(c)].demonym)
                emit(w.lawmaker)
            }
        case let .commander(_, admiral):
            emit(admiral ? w.admiral : w.general)
        case let .executive(o):
            orgReference(o)
            emit(w.chiefExecutive)
        case .academic:
            emit(w.professor)
        default:
            emit(p.full)
        }
    }

    /// What the person is, after their name ("an economist at Meridian Bank").
    private mutating func appositive(_ p: PersonModel) {
        let coin = rng.chance(50)
        switch p.role {
        case let .leader(c):
            let cm = v.countries[Int(c)]
            emit(w.the)
            if coin {
                emit(cm.demonym)
                emit(w.space)
                emit(cm.leaderTitleLower)
            } else {
                emit(cm.leaderTitleLower)
                emit(w.ofWord)
                country(c, .name)
            }
        case let .minister(c, portfolio, _):
            if coin {
                country(c, .possessive)
                emit(w.space)
            } else {
                emit(w.the)
                emit(v.countries[Int(c)].demonym)
                emit(w.space)
            }
            emit(w.ministerTitlesLower[Int(portfolio)])
        case let .opposition(c):
            if coin {
                emit(w.leaderOfOppositionIn)
                country(c, .name)
            } else {
                emit(w.whoLeadsThe)
                emit(v.countries[Int(c)].demonym)
                emit(w.opposition)
            }
        case let .lawmaker(_, party):
            if party >= 0 {
                emit(coin ? w.lawmakerFrom : w.seniorMemberOf)
                orgReference(party)
            } else {
                emit(w.memberOfParliament)
            }
        case let .spokesperson(o):
            emit(p.female ? w.spokeswomanFor : w.spokesmanFor)
            orgReference(o)
        case let .executive(o):
            emit(coin ? w.chiefExecutiveOf : w.whoRuns)
            orgReference(o)
        case let .economist(o):
            let r = rng.below(3)
            emit(r == 0 ? w.chiefEconomistAt : r == 1 ? w.economistAt : w.analystAt)
            orgReference(o)
        case let .academic(o, field):
            emit(w.professorOf)
            emit(w.fields[Int(field)])
            emit(w.atWord)
            orgReference(o)
        case let .official(o):
            emit(w.seniorOfficialAt)
            orgReference(o)
        case let .head(o):
            emit(v.orgs[Int(o)].kind == .centralBank ? w.governorOf : coin ? w.headOf : w.whoLeads)
            orgReference(o)
        case let .commander(o, _):
            emit(coin ? w.commanderOf : w.seniorCommanderIn)
            orgReference(o)
        case let .activist(o):
            emit(coin ? w.researcherAt : w.directorOf)
            orgReference(o)
        case let .resident(place, occupation):
            emit(w.anArticle)
            appendInt(19 + rng.below(60))
            emit(w.yearOld)
            emit(w.occupations[Int(occupation)])
            emit(w.inWord)
            let pl = v.places[Int(place)]
            if pl.article { emit(w.the) }
            emit(pl.name)
        }
    }

    /// An organisation named inside a title or appositive: tracked like a
    /// cast member when it is one, otherwise written in full.
    private mutating func orgReference(_ id: Int32) {
        if id == o0 {
            org(0, short: false, nominalAllowed: false)
        } else if id == o1 {
            org(1, short: false, nominalAllowed: false)
        } else {
            let o = v.orgs[Int(id)]
            if o.article { emit(w.the) }
            emit(o.name)
        }
    }

    /// First mention in full, introducing the acronym in parentheses most of
    /// the time ("the World Health Organization (WHO)"); later mentions by
    /// acronym when introduced, sometimes by a noun ("the agency").
    private mutating func org(_ k: UInt8, short: Bool, nominalAllowed: Bool = true) {
        let o = v.orgs[Int(k == 0 ? o0 : o1)]
        if headline || short {
            emit(o.hasAcronym ? o.acronym : o.name)
            return
        }
        let seen: UInt32 = 1 << (3 + UInt32(k))
        let defined: UInt32 = 1 << (5 + UInt32(k))
        if mentioned & seen == 0 {
            mentioned |= seen
            if o.article { emit(w.the) }
            emit(o.name)
            if o.hasAcronym && rng.chance(70) {
                emit(w.openParen)
                emit(o.acronym)
                emit(w.closeParen)
                mentioned |= defined
            }
            return
        }
        let r = rng.below(100)
        if mentioned & defined != 0 && r < 80 {
            if o.acronymArticle { emit(w.the) }
            emit(o.acronym)
        } else if nominalAllowed && r < 20 {
            emit(o.nominal)
        } else {
            if o.article { emit(w.the) }
            emit(o.name)
        }
    }

    private mutating func country(_ id: Int32, _ form: CountryForm) {
        let c = v.countries[Int(id)]
        switch headline && form == .name ? .bare : form {
        case .name:
            if c.article { emit(w.the) }
            emit(c.name)
        case .demonym:
            emit(c.demonym)
        case .government:
            emit(w.the)
            emit(rng.chance(80) ? c.demonym : c.name)
            emit(w.government)
        case .bare:
            // Headlines drop the article; running text keeps it.
            if c.article && !headline { emit(w.the) }
            emit(c.name)
        case .possessive:
            if c.article && !headline { emit(w.the) }
            emit(c.name)
            emit(c.endsWithS ? w.apostrophe : w.apostropheS)
        }
    }

    /// A place; a city's first mention sometimes adds its country
    /// ("Maracaibo, Venezuela").
    private mutating func place(_ k: UInt8) {
        let p = v.places[Int(k == 0 ? l0 : l1)]
        if p.article { emit(w.the) }
        emit(p.name)
        let bit: UInt32 = 1 << (7 + UInt32(k))
        if !headline && mentioned & bit == 0 {
            mentioned |= bit
            if p.kind == .city && rng.chance(35) {
                emit(w.comma)
                country(p.country, .name)
            }
        }
    }

    private mutating func hashtag() {
        let r = rng.below(100)
        if r < 70 && r >= 40 {
            emit(v.countries[Int(c0)].hashtag)
            return
        }
        emit(v.frags[Int(topic.hashtags.start) + rng.below(Int(topic.hashtags.count))])
        if r >= 70 { appendInt(SampleDay.civil(fromDays: day).year) }
    }

    private mutating func openQuote() {
        switch quoteMode {
        case 0: emit(w.curlyOpen)
        case 1: emit(w.singleOpen)
        default: ascii("\\\"")
        }
    }

    private mutating func closeQuote() {
        switch quoteMode {
        case 0: emit(w.curlyClose)
        case 1: emit(w.singleClose)
        default: ascii("\\\"")
        }
    }

    // MARK: - Dates and numbers

    private mutating func weekday(_ d: Int) {
        emit(w.weekdays[SampleDay.weekday(daysSinceEpoch: d)])
    }

    /// "May 12", or "12 May" for British-style sources.
    private mutating func monthDay(_ d: Int) {
        let c = SampleDay.civil(fromDays: d)
        if source.dayFirst {
            appendInt(c.day)
            emit(w.space)
            emit(w.months[c.month - 1])
        } else {
            emit(w.months[c.month - 1])
            emit(w.space)
            appendInt(c.day)
        }
    }

    private mutating func pastDay() {
        let r = rng.below(100)
        if r < 45 {
            emit(w.on)
            weekday(day - rng.below(6))
        } else if r < 60 {
            emit(w.on)
            monthDay(day - rng.below(8))
        } else if r < 68 {
            emit(w.lastWeek)
        } else if r < 75 {
            emit(w.earlierThisMonth)
        } else if r < 83 {
            emit(w.thisWeek)
        } else if r < 93 {
            emit(w.on)
            weekday(day - rng.below(6))
            let t = rng.below(3)
            emit(t == 0 ? w.night : t == 1 ? w.morning : w.evening)
        } else {
            emit(w.lateOn)
            weekday(day - rng.below(6))
        }
    }

    private mutating func futureDay() {
        let r = rng.below(100)
        if r < 20 {
            emit(w.nextWeek)
        } else if r < 35 {
            emit(w.laterThisMonth)
        } else if r < 50 {
            emit(w.comingDays)
        } else if r < 60 {
            emit(w.nextMonth)
        } else if r < 68 {
            emit(w.endOfYear)
        } else if r < 74 {
            emit(w.earlyNextYear)
        } else if r < 88 {
            emit(w.on)
            weekday(day + 1 + rng.below(6))
        } else {
            emit(w.on)
            monthDay(day + 2 + rng.below(20))
        }
    }

    private mutating func number(_ kind: NumberKind) {
        switch kind {
        case .count:
            let r = rng.below(100)
            let scale = r < 35 ? 10 : r < 70 ? 100 : r < 90 ? 1000 : 10000
            var n = rng.between(10...99) * scale
            if rng.chance(30) { n += rng.below(scale) }
            appendGrouped(n)
        case .big:
            appendTenths(rng.between(11...99))
            emit(rng.chance(85) ? w.millionWord : w.billionWord)
        case .small:
            let n = rng.between(3...95)
            if n < 10 && rng.chance(60) {
                emit(w.numberWords[n])
            } else {
                appendInt(n)
            }
        case .percent:
            let r = rng.below(100)
            let tenths = r < 75 ? rng.between(1...99) : r < 97 ? rng.between(10...40) * 10 : rng.between(41...95) * 10
            appendTenths(tenths)
            switch source.percentStyle {
            case 0: emit(w.percent)
            case 1: emit(w.perCent)
            default: emit(w.percentSign)
            }
        case .money:
            money()
        case .year:
            appendInt(SampleDay.civil(fromDays: day).year - rng.between(2...25))
        case .decimal:
            let hundredths = rng.between(100...9999)
            appendInt(hundredths / 100)
            out.append(UInt8(ascii: "."))
            appendZeroPadded(hundredths % 100, width: 2)
        case .temperature:
            let c = rng.between(350...495)
            let r = rng.below(10)
            if r < 4 {
                appendTenths(c)
                emit(w.celsiusOpen)
                appendTenths((c * 9 + 2) / 5 + 320)
                emit(w.fahrenheitClose)
            } else if r < 7 {
                appendInt(c / 10)
                emit(w.degreesCelsius)
            } else {
                appendInt(c / 10)
                emit(w.degreeC)
            }
        case .magnitude:
            let t = rng.between(45...79)
            appendInt(t / 10)
            out.append(UInt8(ascii: "."))
            appendInt(t % 10)
        case .quarter:
            emit(w.quarters[rng.below(4)])
        }
    }

    private mutating func pickCurrency() -> Frag {
        let r = rng.below(100)
        if source.britishMoney {
            return r < 45 ? w.pound : r < 80 ? w.dollar : w.euro
        }
        return r < 75 ? w.dollar : r < 90 ? w.euro : r < 95 ? w.pound : w.yen
    }

    /// "$4.2 billion", "$350 million", or British "£600m", "€1.3bn".
    private mutating func money() {
        emit(rng.chance(85) ? currency : pickCurrency())
        let billions = rng.chance(50)
        if billions {
            let tenths = rng.between(11...999)
            appendTenths(tenths >= 100 ? tenths / 10 * 10 : tenths)
        } else {
            appendInt(rng.between(2...190) * 5)
        }
        if source.britishMoney {
            emit(billions ? w.bn : w.m)
        } else {
            emit(billions ? w.billion : w.million)
        }
    }

    // MARK: - Bytes

    /// Appends a fragment, in escaped spelling half of the time in escaped documents.
    @inline(__always)
    private mutating func emit(_ f: Frag) {
        if escapeUnicode && f.escapedLength != 0 && esc.next() & 1 == 0 {
            escapeSurplus &+= Int(f.escapedLength) - Int(f.length)
            out.append(contentsOf: UnsafeBufferPointer(start: base + Int(f.escapedStart), count: Int(f.escapedLength)))
        } else {
            out.append(contentsOf: UnsafeBufferPointer(start: base + Int(f.start), count: Int(f.length)))
        }
    }

    @inline(__always)
    private mutating func ascii(_ s: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    private mutating func appendInt(_ value: Int) {
        if value < 0 {
            out.append(UInt8(ascii: "-"))
            appendInt(-value)
            return
        }
        if value < 10 {
            out.append(UInt8(48 + value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = value
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            while n > 0 {
                buf[19 - count] = UInt8(48 + n % 10)
                n /= 10
                count += 1
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[(20 - count)...]))
        }
    }

    private mutating func appendZeroPadded(_ value: Int, width: Int) {
        var digits = 1
        var limit = 10
        while value >= limit && digits < 18 {
            digits += 1
            limit &*= 10
        }
        var pad = width - digits
        while pad > 0 {
            out.append(UInt8(ascii: "0"))
            pad -= 1
        }
        appendInt(value)
    }

    /// 1,200 — thousands separated by commas.
    private mutating func appendGrouped(_ value: Int) {
        if value < 1000 {
            appendInt(value)
            return
        }
        appendGrouped(value / 1000)
        out.append(UInt8(ascii: ","))
        appendZeroPadded(value % 1000, width: 3)
    }

    /// `tenths` / 10 with one decimal, dropping ".0" ("3.5", "12").
    private mutating func appendTenths(_ tenths: Int) {
        appendInt(tenths / 10)
        if tenths % 10 != 0 {
            out.append(UInt8(ascii: "."))
            out.append(UInt8(48 + tenths % 10))
        }
    }

    private mutating func appendISODate(_ d: Int) {
        let c = SampleDay.civil(fromDays: d)
        appendZeroPadded(c.year, width: 4)
        out.append(UInt8(ascii: "-"))
        appendZeroPadded(c.month, width: 2)
        out.append(UInt8(ascii: "-"))
        appendZeroPadded(c.day, width: 2)
    }
}
