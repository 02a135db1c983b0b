import LedeText

/// In-document alias resolution over finished mentions, for every tagger: it
/// links short forms to the full names found elsewhere in the same document.
///
/// - **Surnames.** A one-word mention (or an untagged capitalised word) equal,
///   ASCII case-insensitively, to the last word of a person named in two words or
///   more is that person: `Guaido` → `Juan Guaido` (canonical `.span`).
/// - **Surname-first names.** A two-word person name whose first word the
///   gazetteer knows nothing about (not a given name, place, title or ordinary
///   word) and whose second word is not a known given name may be written surname
///   first (`Huang Jun`, `Wang Junxia`), so it answers to its first word too. A
///   known given name first (`Juan Guaido`) says the name is given-name-first:
///   `Juan` alone is not linked. Surnames that are also ordinary words (`Park`)
///   are not linked this way.
/// - **One-word people.** An untagged capitalised word equal to a one-word person
///   mention (`President Clinton` … `Clinton said`) is that person. Tagged
///   mentions keep their label: one guess of the tagger does not overrule another.
/// - **Organisations.** An organisation whose name ends in an organisation keyword
///   and opens with a word the built-in lists don't know (`Cofinec S.A.`,
///   `Pirelli SpA`) answers to that first word. An acronym-shaped word defined as
///   `Full Name (ACRO)`, or whose letters are the initials of an organisation named
///   in the document (`U.S.` gives both its letters), is that organisation.
///
/// The nearest full name before a short form wins; a short form before any full
/// name (headlines come first) takes the first one after it. Mentions whose
/// canonical name comes from the gazetteer keep it: they take only an acronym
/// definition, and a known place name becomes a person only when the person was
/// named in full before it (`Washington`). Untagged words in capitals are
/// considered only when the gazetteer does not know them (headline surnames like
/// `SHEARER`, not `SOCCER`), and none that it knows as an ordinary word, month,
/// day or keyword (`May`) is. A place is never taken for an organisation's short
/// name (companies are named after their towns).
///
/// Works on byte spans and token indexes only; scratch arrays are reused across
/// documents, and documents without a person or a multi-word organisation cost
/// one pass over their mentions.
public struct MentionAliasResolver: Sendable {
    /// The gazetteer whose flags say which words are given names, places or
    /// ordinary words (the built-in one by default).
    public let gazetteer: Gazetteer
    /// Per mention of the document: first token and token count.
    private var firstToken: [Int32] = []
    private var tokenCount: [Int32] = []
    /// The words that stand for a person or organisation, in mention order.
    private var names: [Name] = []
    /// A 256-bit filter with bit ``filterBit(_:_:)`` set for every name's word:
    /// most capitalised words match no name, and this rules them out without a
    /// scan of ``names``.
    private var nameFilter = SIMD4<UInt64>(repeating: 0)
    /// Organisations' acronym keys (packed capitals), their mention indexes, and
    /// whether the key is defined in the text (`… (OAS)`) rather than initials.
    private var acronymKeys: [UInt64] = []
    private var acronymMentions: [Int32] = []
    private var acronymDefined: [Bool] = []
    /// Capitalised words of more than one byte between the mentions, found while
    /// the mentions' tokens are: the candidates for ``addUntagged(_:_:_:_:)``.
    private var gapWords: [Int32] = []
    private var added: [Mention] = []
    private var merged: [Mention] = []

    /// A word a short form may equal, and what it stands for.
    private struct Name {
        /// The token whose spelling is the key.
        var token: Int32
        /// The mention it stands for.
        var mention: Int32
        var kind: Kind

        enum Kind: UInt8 {
            /// A word of a person named in two words or more.
            case fullPerson
            /// The first word of an organisation's name.
            case organization
            /// A person named in one word.
            case onePerson
            /// The first word of a two-word person, if the gazetteer says the name
            /// may be surname first: checked on first use, as most are never used.
            case maybeSurnameFirst
            /// The first word of an organisation, if the gazetteer does not know it:
            /// checked on first use.
            case maybeOrganization
            /// A first word whose check failed.
            case none
        }

        /// The label a short form of this name takes.
        var label: EntityLabel { kind == .organization ? .organization : .person }
    }

    /// Words that an untagged capitalised word is read as rather than as a name.
    private static let notAName: Gazetteer.Flags = [
        .commonLowercaseWord, .monthOrDay, .orgKeyword, .locationKeyword, .miscKeyword,
    ]

    /// Creates a resolver with empty scratch storage over `gazetteer`.
    public init(gazetteer: Gazetteer = .builtIn) {
        self.gazetteer = gazetteer
    }

    /// Resolves the aliases among `mentions[base...]`, the mentions of the
    /// document of `text` and `tokens` in text order, and adds untagged
    /// capitalised words that stand for a person or organisation named in it.
    public mutating func resolve(
        text: UnsafeRawBufferPointer, tokens: UnsafeBufferPointer<Token>, mentions: inout [Mention], from base: Int = 0
    ) {
        guard let textBase = text.baseAddress, let tokenBase = tokens.baseAddress, !tokens.isEmpty else { return }
        let doc = DocumentView(
            text: textBase.assumingMemoryBound(to: UInt8.self), textCount: text.count,
            tokens: tokenBase, count: tokens.count)
        resolve(doc, &mentions, from: base)
    }

    mutating func resolve(_ doc: DocumentView, _ mentions: inout [Mention], from base: Int) {
        let count = mentions.count - base
        guard count > 0 else { return }
        firstToken.removeAll(keepingCapacity: true)
        tokenCount.removeAll(keepingCapacity: true)
        gapWords.removeAll(keepingCapacity: true)
        var token = 0
        for k in 0..<count {
            let mention = mentions[base + k]
            while token < doc.count && doc[token].end <= mention.start {
                if isUntaggedCandidate(token, doc) { gapWords.append(Int32(token)) }
                token += 1
            }
            let first = token
            var end = first
            while end < doc.count && doc[end].start < mention.end { end += 1 }
            token = end
            firstToken.append(Int32(first))
            tokenCount.append(Int32(end - first))
        }
        link(doc, &mentions, from: base, wordsKnownTo: token)
    }

    /// Resolves the aliases among `mentions[base...]`, made one for one from
    /// `candidates`, whose tokens the tagger knows, as it knows `untaggedWords`:
    /// the capitalised words of more than one byte outside every candidate.
    /// Saves the resolver its walks over the document's tokens.
    mutating func resolve(
        _ doc: DocumentView, _ mentions: inout [Mention], from base: Int, candidates: [Candidate], untaggedWords: [Int32]
    ) {
        guard mentions.count > base else { return }
        firstToken.removeAll(keepingCapacity: true)
        tokenCount.removeAll(keepingCapacity: true)
        for candidate in candidates {
            firstToken.append(candidate.firstToken)
            tokenCount.append(candidate.tokenCount)
        }
        gapWords.removeAll(keepingCapacity: true)
        gapWords.append(contentsOf: untaggedWords)
        link(doc, &mentions, from: base, wordsKnownTo: doc.count)
    }

    /// Whether token `t` may be an untagged short form: a capitalised word of
    /// more than one byte.
    @inline(__always)
    private func isUntaggedCandidate(_ t: Int, _ doc: DocumentView) -> Bool {
        doc.isNameWord(t) && doc[t].length > 1
    }

    /// The linking pass, once ``firstToken`` and ``tokenCount`` describe every
    /// mention and ``gapWords`` holds the untagged candidates before token `known`.
    private mutating func link(_ doc: DocumentView, _ mentions: inout [Mention], from base: Int, wordsKnownTo known: Int) {
        let count = mentions.count - base
        names.removeAll(keepingCapacity: true)
        nameFilter = SIMD4(repeating: 0)
        acronymKeys.removeAll(keepingCapacity: true)
        acronymMentions.removeAll(keepingCapacity: true)
        acronymDefined.removeAll(keepingCapacity: true)
        var singles = 0
        for k in 0..<count {
            let first = Int(firstToken[k]), end = first + Int(tokenCount[k])
            if end - first == 1 {
                singles += 1
                if mentions[base + k].label == .person && doc.isNameWord(first) { addName(first, k, .onePerson, doc) }
                continue
            }
            switch mentions[base + k].label {
            case .person where end > first && doc.isNameWord(end - 1):
                addName(end - 1, k, .fullPerson, doc)
                if end - first == 2 && doc.isNameWord(first) { addName(first, k, .maybeSurnameFirst, doc) }
            case .organization where end > first:
                registerOrganization(k, first, end, doc)
            default:
                break
            }
        }
        guard !names.isEmpty || !acronymKeys.isEmpty else { return }
        if singles > 0 {
            for k in 0..<count where tokenCount[k] == 1 {
                resolveSingle(k, Int(firstToken[k]), base, &mentions, doc)
            }
        }
        addUntagged(doc, &mentions, base, count, wordsKnownTo: known)
    }

    /// Points the one-word mention `k` (token `t`) at the person or organisation it
    /// stands for, if any.
    private mutating func resolveSingle(_ k: Int, _ t: Int, _ base: Int, _ mentions: inout [Mention], _ doc: DocumentView) {
        let mention = mentions[base + k]
        var known = false
        if case .lexicon = mention.canonical { known = true }
        if !known || mention.label == .location,
           let name = named(t, near: k, doc, place: mention.label == .location, known: known) {
            let target = names[name]
            point(&mentions[base + k], at: mentions[base + Int(target.mention)], label: target.label)
        } else if !acronymKeys.isEmpty, doc.isAcronymShape(t),
                  let organization = organization(doc.packedLetters(t), definedOnly: known), organization != k {
            point(&mentions[base + k], at: mentions[base + organization], label: .organization)
        }
    }

    /// The ``names`` entry that token `t` (in or near mention `k`) stands for: the
    /// nearest full name before `k`, else the first after it; for an untagged word
    /// (`untagged`), else a one-word person. A place (`place`) is not taken for an
    /// organisation's short name, and a place the gazetteer knows (`known`) only
    /// for a person named in full before it.
    private mutating func named(
        _ t: Int, near k: Int, _ doc: DocumentView, place: Bool = false, known: Bool = false, untagged: Bool = false
    ) -> Int? {
        guard mayBeName(t, doc) else { return nil }
        var after: Int? = nil
        var onePersonBefore: Int? = nil
        var onePersonAfter: Int? = nil
        for index in names.indices.reversed() {
            let m = Int(names[index].mention)
            // A mention is not its own alias; an untagged word lies before mention `k`.
            guard m != k || untagged, sameWord(doc, t, Int(names[index].token)) else { continue }
            switch names[index].kind {
            case .maybeSurnameFirst:
                names[index].kind = isSurnameFirst(Int(names[index].token), doc) ? .fullPerson : .none
            case .maybeOrganization:
                let first = Int(firstToken[m])
                names[index].kind = isOrganizationFirstWord(first, Int(tokenCount[m]), doc) ? .organization : .none
            default:
                break
            }
            switch names[index].kind {
            case .onePerson where untagged:
                if m < k {
                    if onePersonBefore == nil { onePersonBefore = index }
                } else {
                    onePersonAfter = index
                }
            case .onePerson:
                continue  // only untagged words take one-word people
            case .none, .maybeSurnameFirst, .maybeOrganization:
                continue
            case .organization where place:
                continue
            case .fullPerson, .organization:
                if m < k { return index }
                if !known { after = index }
            }
        }
        return after ?? onePersonBefore ?? onePersonAfter
    }

    /// Whether the two-word person name at tokens `first, first + 1` may be written
    /// surname first: the gazetteer knows nothing about its first word and
    /// its second word is not a given name.
    private func isSurnameFirst(_ first: Int, _ doc: DocumentView) -> Bool {
        let head = info(first, doc)
        return head.label == nil && head.flags.isEmpty && !info(first + 1, doc).flags.contains(.givenName)
    }

    /// Whether the organisation of `tokens` answers to its first word: the name
    /// ends in an organisation keyword and the gazetteer does not know the word.
    private func isOrganizationFirstWord(_ first: Int, _ tokens: Int, _ doc: DocumentView) -> Bool {
        info(first + tokens - 1, doc).flags.contains(.orgKeyword) && !info(first, doc).found
    }

    private mutating func addName(_ t: Int, _ k: Int, _ kind: Name.Kind, _ doc: DocumentView) {
        names.append(Name(token: Int32(t), mention: Int32(k), kind: kind))
        let bit = Self.filterBit(t, doc)
        nameFilter[bit >> 6] |= 1 &<< UInt64(bit & 63)
    }

    /// One of 256 bits for a word, from its length and first two bytes (ASCII
    /// letters folded to lowercase).
    @inline(__always)
    private static func filterBit(_ t: Int, _ doc: DocumentView) -> Int {
        let token = doc[t]
        let second = token.length > 1 ? ByteKey.fold(doc.text[Int(token.start) + 1]) : 0
        let key = UInt32(ByteKey.fold(doc.firstByte(t))) | UInt32(second) << 8 | UInt32(truncatingIfNeeded: token.length) << 16
        return Int((key &* 0x9E37_79B1) >> 24)
    }

    /// Whether token `t` may equal the word of some name (no false negatives).
    @inline(__always)
    private func mayBeName(_ t: Int, _ doc: DocumentView) -> Bool {
        let bit = Self.filterBit(t, doc)
        return nameFilter[bit >> 6] & (1 &<< UInt64(bit & 63)) != 0
    }

    @inline(__always)
    private func info(_ t: Int, _ doc: DocumentView) -> Gazetteer.Match {
        let word = gazetteer.word(text: doc.text, textCount: doc.textCount, token: doc[t])
        return gazetteer.find(word: word, text: doc.text, textCount: doc.textCount, token: doc[t])
    }

    /// Points `mention` at `target`'s canonical name (its span if it has none of its own).
    private func point(_ mention: inout Mention, at target: Mention, label: EntityLabel) {
        mention.label = label
        switch target.canonical {
        case .surface: mention.canonical = .span(start: target.start, end: target.end)
        default: mention.canonical = target.canonical
        }
    }

    private func sameWord(_ doc: DocumentView, _ a: Int, _ b: Int) -> Bool {
        let x = doc[a], y = doc[b]
        guard x.length == y.length else { return false }
        return ByteKey.equalFolded(doc.text + Int(x.start), readableA: doc.textCount - Int(x.start),
                                   doc.text + Int(y.start), readableB: doc.textCount - Int(y.start), count: x.length)
    }

    /// The organisation whose acronym is `key`: a definition first, then initials
    /// (unless `definedOnly`).
    private func organization(_ key: UInt64, definedOnly: Bool) -> Int? {
        guard key > 0xFF else { return nil }
        for (index, stored) in acronymKeys.enumerated() where stored == key {
            if definedOnly && !acronymDefined[index] { return nil }
            return Int(acronymMentions[index])
        }
        return nil
    }

    /// Records organisation mention `k` (tokens `[first, end)`) under an acronym
    /// defined right after it (`Organization of American States (OAS)`), under its
    /// initials with and without the connectors', and under its first word if
    /// that word is a name of its own (`Cofinec S.A.` is later just `Cofinec`).
    private mutating func registerOrganization(_ k: Int, _ first: Int, _ end: Int, _ doc: DocumentView) {
        if end + 2 < doc.count, doc.isByte(end, 0x28), doc.isByte(end + 2, 0x29), doc.isAcronymShape(end + 1) {
            acronymKeys.insert(doc.packedLetters(end + 1), at: 0)  // a definition wins over initials
            acronymMentions.insert(Int32(k), at: 0)
            acronymDefined.insert(true, at: 0)
        }
        var initials: UInt64 = 0, shift: UInt64 = 0
        var withConnectors: UInt64 = 0, shiftWith: UInt64 = 0
        for position in first..<end {
            let byte = doc.firstByte(position)
            let upper = byte &- 0x61 < 26 ? byte & 0xDF : byte
            guard upper &- 0x41 < 26 else { continue }
            if shiftWith < 64 { withConnectors |= UInt64(upper) << shiftWith; shiftWith += 8 }
            guard doc.isNameWord(position) else { continue }
            if doc[position].flags.contains(.hasPeriod) && doc[position].flags.contains(.allUppercase) {
                var remaining = doc.packedLetters(position)  // `U.S.` gives all its letters
                while remaining != 0 && shift < 64 {
                    initials |= (remaining & 0xFF) << shift
                    shift += 8
                    remaining >>= 8
                }
            } else if shift < 64 {
                initials |= UInt64(upper) << shift
                shift += 8
            }
        }
        for key in [initials, withConnectors] where key > 0xFF {
            acronymKeys.append(key)
            acronymMentions.append(Int32(k))
            acronymDefined.append(false)
        }
        if end - first >= 2, doc.isNameWord(first), doc.isNameWord(first + 1), doc[first].flags.contains(.hasLowercase) {
            addName(first, k, .maybeOrganization, doc)
        }
    }

    /// Adds untagged word `t` (before mention `next`) to ``added`` if it stands for
    /// a person or organisation of the document.
    private mutating func addUntagged(_ t: Int, near next: Int, _ doc: DocumentView, _ mentions: [Mention], _ base: Int) {
        let token = doc[t]
        var mention = Mention(start: token.start, end: token.end, label: .person)
        if let name = named(t, near: next, doc, untagged: true) {
            // Words in capitals only where the gazetteer doesn't know them:
            // headline surnames (`SHEARER`), not headline words (`SOCCER`).
            let known = info(t, doc)
            guard token.flags.contains(.hasLowercase) || !known.found, known.flags.isDisjoint(with: Self.notAName) else { return }
            let target = names[name]
            point(&mention, at: mentions[base + Int(target.mention)], label: target.label)
            added.append(mention)
        } else if !acronymKeys.isEmpty, doc.isAcronymShape(t),
                  let organization = organization(doc.packedLetters(t), definedOnly: false), !info(t, doc).found {
            point(&mention, at: mentions[base + organization], label: .organization)
            added.append(mention)
        }
    }

    /// Adds a mention for every capitalised word outside the mentions that stands
    /// for a person or organisation named in the document (`Guaido’s aides`,
    /// `SHEARER` in a headline, `SEBIN`), keeping text order.
    private mutating func addUntagged(
        _ doc: DocumentView, _ mentions: inout [Mention], _ base: Int, _ count: Int, wordsKnownTo known: Int
    ) {
        added.removeAll(keepingCapacity: true)
        let acronyms = !acronymKeys.isEmpty
        var next = 0
        for word in gapWords {
            let t = Int(word)
            while next < count && Int(firstToken[next]) <= t { next += 1 }
            if mayBeName(t, doc) || (acronyms && doc[t].flags.contains(.allUppercase)) {
                addUntagged(t, near: next, doc, mentions, base)
            }
        }
        // The rest, token by token: after the last mention, unless the tagger said.
        for t in known..<doc.count
        where isUntaggedCandidate(t, doc) && (mayBeName(t, doc) || (acronyms && doc[t].flags.contains(.allUppercase))) {
            addUntagged(t, near: count, doc, mentions, base)
        }
        guard !added.isEmpty else { return }
        merged.removeAll(keepingCapacity: true)
        var a = 0
        for k in base..<mentions.count {
            while a < added.count && added[a].start < mentions[k].start { merged.append(added[a]); a += 1 }
            merged.append(mentions[k])
        }
        merged.append(contentsOf: added[a...])
        mentions.replaceSubrange(base..., with: merged)
    }
}
