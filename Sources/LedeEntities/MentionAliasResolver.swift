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
    /// Organisations' acronym keys (packed capitals), their mention indexes, and
    /// whether the key is defined in the text (`… (OAS)`) rather than initials.
    private var acronymKeys: [UInt64] = []
    private var acronymMentions: [Int32] = []
    private var acronymDefined: [Bool] = []
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
        names.removeAll(keepingCapacity: true)
        acronymKeys.removeAll(keepingCapacity: true)
        acronymMentions.removeAll(keepingCapacity: true)
        acronymDefined.removeAll(keepingCapacity: true)
        firstToken.removeAll(keepingCapacity: true)
        tokenCount.removeAll(keepingCapacity: true)
        var singles = 0
        var token = 0
        for k in 0..<count {
            let mention = mentions[base + k]
            while token < doc.count && doc[token].end <= mention.start { token += 1 }
            let first = token
            var end = first
            while end < doc.count && doc[end].start < mention.end { end += 1 }
            firstToken.append(Int32(first))
            tokenCount.append(Int32(end - first))
            if end - first == 1 {
                singles += 1
                if mention.label == .person && doc.isNameWord(first) {
                    names.append(Name(token: Int32(first), mention: Int32(k), kind: .onePerson))
                }
                continue
            }
            switch mention.label {
            case .person where end > first && doc.isNameWord(end - 1):
                names.append(Name(token: Int32(end - 1), mention: Int32(k), kind: .fullPerson))
                if end - first == 2 && isSurnameFirst(first, doc) {
                    names.append(Name(token: Int32(first), mention: Int32(k), kind: .fullPerson))
                }
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
        addUntagged(doc, &mentions, base, count)
    }

    /// Points the one-word mention `k` (token `t`) at the person or organisation it
    /// stands for, if any.
    private func resolveSingle(_ k: Int, _ t: Int, _ base: Int, _ mentions: inout [Mention], _ doc: DocumentView) {
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
    private func named(
        _ t: Int, near k: Int, _ doc: DocumentView, place: Bool = false, known: Bool = false, untagged: Bool = false
    ) -> Int? {
        var after: Int? = nil
        var onePersonBefore: Int? = nil
        var onePersonAfter: Int? = nil
        for index in names.indices.reversed() {
            let name = names[index]
            let m = Int(name.mention)
            // A mention is not its own alias; an untagged word lies before mention `k`.
            guard m != k || untagged, sameWord(doc, t, Int(name.token)) else { continue }
            switch name.kind {
            case .onePerson where untagged:
                if m < k {
                    if onePersonBefore == nil { onePersonBefore = index }
                } else {
                    onePersonAfter = index
                }
            case .onePerson:
                continue  // only untagged words take one-word people
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
        guard doc.isNameWord(first) else { return false }
        let head = info(first, doc)
        return head.label == nil && head.flags.isEmpty && !info(first + 1, doc).flags.contains(.givenName)
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
        if end - first >= 2, doc.isNameWord(first), doc.isNameWord(first + 1),
           doc[first].flags.contains(.hasLowercase), info(end - 1, doc).flags.contains(.orgKeyword) {
            let head = info(first, doc)
            if !head.found { names.append(Name(token: Int32(first), mention: Int32(k), kind: .organization)) }
        }
    }

    /// Adds a mention for every capitalised word outside the mentions that stands
    /// for a person or organisation named in the document (`Guaido’s aides`,
    /// `SHEARER` in a headline, `SEBIN`), keeping text order.
    private mutating func addUntagged(_ doc: DocumentView, _ mentions: inout [Mention], _ base: Int, _ count: Int) {
        added.removeAll(keepingCapacity: true)
        var next = 0
        var t = 0
        while t < doc.count {
            if next < count && t >= Int(firstToken[next]) {
                t = max(t, Int(firstToken[next] + tokenCount[next]))
                next += 1
                continue
            }
            let token = doc[t]
            if doc.isNameWord(t), token.length > 1 {
                // Words in capitals only where the gazetteer doesn't know them:
                // headline surnames (`SHEARER`), not headline words (`SOCCER`).
                let lowercase = token.flags.contains(.hasLowercase)
                var mention = Mention(start: token.start, end: token.end, label: .person)
                if let name = named(t, near: next, doc, untagged: true) {
                    let known = info(t, doc)
                    if (lowercase || !known.found) && known.flags.isDisjoint(with: Self.notAName) {
                        let target = names[name]
                        point(&mention, at: mentions[base + Int(target.mention)], label: target.label)
                        added.append(mention)
                    }
                } else if !acronymKeys.isEmpty, doc.isAcronymShape(t),
                          let organization = organization(doc.packedLetters(t), definedOnly: false),
                          !info(t, doc).found {
                    point(&mention, at: mentions[base + organization], label: .organization)
                    added.append(mention)
                }
            }
            t += 1
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
