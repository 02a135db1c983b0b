import LedeText

/// In-document alias resolution over finished mentions: what ``AliasResolver``
/// does for the rule tagger's candidates, for any tagger that produces
/// ``Mention``s (the ``PerceptronTagger``).
///
/// - A one-word mention (or an untagged capitalised word) equal, ASCII
///   case-insensitively, to the last word of a person named in full in the
///   document is that person: `Guaido` → `Juan Guaido` (canonical `.span`). The
///   nearest full name before it wins; a short form before any full name
///   (headlines come first) takes the first full name after it.
/// - An acronym-shaped one-word mention defined as `Full Name (ACRO)`, or whose
///   letters are the initials of an organisation named in the document, is that
///   organisation.
/// - Mentions whose canonical name comes from the gazetteer (`U.S.` → "United
///   States") keep it, unless they are the surname of a person named in full.
///
/// Works on byte spans and token indexes only; scratch arrays are reused across
/// documents, and documents without a multi-word person or organisation cost
/// one pass over their mentions.
public struct MentionAliasResolver: Sendable {
    /// Per mention of the document: first token and token count.
    private var firstToken: [Int32] = []
    private var tokenCount: [Int32] = []
    /// Mention indexes of people named in two words or more.
    private var persons: [Int32] = []
    /// Organisations' acronym keys (packed capitals) and their mention indexes.
    private var acronymKeys: [UInt64] = []
    private var acronymMentions: [Int32] = []
    private var added: [Mention] = []
    private var merged: [Mention] = []

    /// Creates a resolver with empty scratch storage.
    public init() {}

    /// Resolves the aliases among `mentions[base...]`, the mentions of the
    /// document of `text` and `tokens` in text order, and adds untagged
    /// capitalised words that are the surname of a person named in full.
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
        persons.removeAll(keepingCapacity: true)
        acronymKeys.removeAll(keepingCapacity: true)
        acronymMentions.removeAll(keepingCapacity: true)
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
            if end - first == 1 { singles += 1; continue }
            switch mention.label {
            case .person where doc.isNameWord(end - 1): persons.append(Int32(k))
            case .organization: registerOrganization(k, first, end, doc)
            default: break
            }
        }
        guard !persons.isEmpty || !acronymKeys.isEmpty else { return }
        if singles > 0 {
            for k in 0..<count where tokenCount[k] == 1 {
                let t = Int(firstToken[k])
                if let full = person(named: t, near: k, doc) {
                    if case .lexicon = mentions[base + k].canonical, mentions[base + k].label != .location { continue }
                    point(&mentions[base + k], at: mentions[base + full], label: .person)
                } else if !acronymKeys.isEmpty, doc.isAcronymShape(t),
                          let organization = organization(doc.packedLetters(t)), organization != k {
                    point(&mentions[base + k], at: mentions[base + organization], label: .organization)
                }
            }
        }
        if !persons.isEmpty { addUntagged(doc, &mentions, base, count) }
    }

    /// Points `mention` at `target`'s canonical name (its span if it has none of its own).
    private func point(_ mention: inout Mention, at target: Mention, label: EntityLabel) {
        mention.label = label
        switch target.canonical {
        case .surface: mention.canonical = .span(start: target.start, end: target.end)
        default: mention.canonical = target.canonical
        }
    }

    /// The full person whose last word is token `t`: the nearest before mention
    /// `k`, else the first after it.
    private func person(named t: Int, near k: Int, _ doc: DocumentView) -> Int? {
        var after: Int? = nil
        for index in persons.reversed() {
            let p = Int(index)
            let last = Int(firstToken[p] + tokenCount[p]) - 1
            guard sameWord(doc, t, last) else { continue }
            if p < k { return p }
            after = p
        }
        return after
    }

    private func sameWord(_ doc: DocumentView, _ a: Int, _ b: Int) -> Bool {
        let x = doc[a], y = doc[b]
        guard x.length == y.length else { return false }
        return ByteKey.equalFolded(doc.text + Int(x.start), readableA: doc.textCount - Int(x.start),
                                   doc.text + Int(y.start), readableB: doc.textCount - Int(y.start), count: x.length)
    }

    private func organization(_ key: UInt64) -> Int? {
        guard key > 0xFF else { return nil }
        for (index, stored) in acronymKeys.enumerated() where stored == key { return Int(acronymMentions[index]) }
        return nil
    }

    /// Records organisation mention `k` (tokens `[first, end)`) under an acronym
    /// defined right after it (`Organization of American States (OAS)`) and
    /// under its initials, with and without the connectors'.
    private mutating func registerOrganization(_ k: Int, _ first: Int, _ end: Int, _ doc: DocumentView) {
        if end + 2 < doc.count, doc.isByte(end, 0x28), doc.isByte(end + 2, 0x29), doc.isAcronymShape(end + 1) {
            acronymKeys.insert(doc.packedLetters(end + 1), at: 0)  // a definition wins over initials
            acronymMentions.insert(Int32(k), at: 0)
        }
        var initials: UInt64 = 0, shift: UInt64 = 0
        var withConnectors: UInt64 = 0, shiftWith: UInt64 = 0
        for position in first..<end {
            let byte = doc.firstByte(position)
            let upper = byte &- 0x61 < 26 ? byte & 0xDF : byte
            guard upper &- 0x41 < 26 else { continue }
            if shiftWith < 64 { withConnectors |= UInt64(upper) << shiftWith; shiftWith += 8 }
            guard doc.isNameWord(position), shift < 64 else { continue }
            initials |= UInt64(upper) << shift
            shift += 8
        }
        for key in [initials, withConnectors] where key > 0xFF {
            acronymKeys.append(key)
            acronymMentions.append(Int32(k))
        }
    }

    /// Adds a PER mention for every capitalised word outside the mentions that is
    /// the last word of a person named in full (`Guaido’s aides`), keeping text order.
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
            if doc.isNameWord(t), token.flags.contains(.hasLowercase),
               let full = person(named: t, near: next, doc) {
                var mention = Mention(start: token.start, end: token.end, label: .person)
                point(&mention, at: mentions[base + full], label: .person)
                added.append(mention)
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
