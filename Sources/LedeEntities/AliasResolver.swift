import LedeText

/// The second pass of ``RuleTagger``: resolves short forms against the full
/// names found elsewhere in the same document, then writes the mentions.
///
/// - A one-word candidate equal (ASCII case-insensitively) to the last word of a
///   person's name is that person: `Guaido` → `Juan Guaido` (canonical `.span`).
///   The nearest full name before it wins; a short form before any full name
///   (headlines often come first) takes a full name after it. Names whose first
///   word is not a known given name (`Wang Junxia`) answer to their first word too.
/// - An all-capitals word defined as `Full Name (ACRO)`, or whose letters are
///   the initials of an organisation named earlier, is that organisation.
/// - Only candidates whose label rests on weak evidence are relabelled; names
///   the gazetteer knows keep their label, except a place name that is the
///   surname of a person named in full in the document (`Washington`).
///
/// Tables are open-addressed arrays reused across documents: no allocation in
/// steady state.
struct AliasResolver {
    /// Name table: candidate index + 1 (0 = empty) of the person or organisation
    /// a one-word form stands for, and the byte span of that word.
    private var nameSlots: [Int32] = []
    private var nameKeyStart: [Int32] = []
    private var nameKeyEnd: [Int32] = []
    /// Acronym table: packed letters → candidate index of the organisation.
    private var acronymKeys: [UInt64] = []
    private var acronymValues: [Int32] = []
    /// Pending candidates to retry once every full name is known.
    private var unresolved: [Int32] = []
    /// How many keys the tables hold in this document: lookups in an empty
    /// table (most candidates of most documents) skip the hashing.
    private var names = 0
    private var fullPersons = 0
    private var acronyms = 0

    mutating func resolve(
        _ candidates: inout [Candidate], _ stats: CandidateStats, _ doc: DocumentView, into mentions: inout [Mention]
    ) {
        // People's short forms need a person and something to resolve; acronyms
        // need an organisation and something in capitals.
        let needNames = stats.persons + stats.fullOrganizations > 0
            && (stats.openSingles > 0 || (stats.placeSingles > 0 && stats.fullPersons > 0))
        let needAcronyms = stats.fullOrganizations > 0 && stats.acronyms > 0
        if needNames || needAcronyms {
            link(&candidates, doc, names: needNames, acronyms: needAcronyms)
        }
        for candidate in candidates {
            guard let label = candidate.label else { continue }
            mentions.append(Mention(start: candidate.start, end: candidate.end, label: label, canonical: candidate.canonical))
        }
    }

    private mutating func link(_ candidates: inout [Candidate], _ doc: DocumentView, names needNames: Bool, acronyms needAcronyms: Bool) {
        var capacity = 16
        while capacity < candidates.count * 2 { capacity <<= 1 }
        if needNames { reset(&nameSlots, 0, capacity) }
        if needAcronyms { reset(&acronymKeys, 0, capacity) }
        if nameKeyStart.count < nameSlots.count {
            nameKeyStart = Array(repeating: 0, count: nameSlots.count)
            nameKeyEnd = Array(repeating: 0, count: nameSlots.count)
        }
        if acronymValues.count < acronymKeys.count { acronymValues = Array(repeating: 0, count: acronymKeys.count) }
        unresolved.removeAll(keepingCapacity: true)
        names = 0
        fullPersons = 0
        acronyms = 0
        let mask = capacity - 1

        // In place: candidates are large and most are only read.
        candidates.withUnsafeMutableBufferPointer { candidates in
            for index in candidates.indices {
                let single = candidates[index].tokenCount == 1
                if single && isRelabelable(candidates[index]) {
                    resolveSingle(index, candidates, doc, mask)
                } else if single && acronyms > 0 && candidates[index].label == .organization
                            && candidates[index].source == .gazetteer && doc.isAcronymShape(Int(candidates[index].firstToken)) {
                    // A known acronym defined in this document (`… (OAS)`) takes the
                    // document's spelling of the full name.
                    let key = doc.packedLetters(Int(candidates[index].firstToken))
                    if let organization = findAcronym(key, mask), isDefinition(organization, of: index, candidates, doc) {
                        relabel(&candidates[index], as: .organization, like: candidates[organization])
                    }
                }
                switch candidates[index].label {
                case .person where needNames:
                    let candidate = candidates[index]
                    // A full name replaces an earlier one under its surname (the nearest wins).
                    let full = candidate.tokenCount > 1
                    if full { fullPersons += 1 }
                    insertName(index, keyStart: candidate.lastStart, keyEnd: candidate.end, hash: candidate.lastHash,
                               doc, mask, replace: full)
                    if full && candidate.source == .evidence && !candidate.startsWithGivenName {
                        let first = doc[Int(candidate.firstToken)]
                        insertName(index, keyStart: first.start, keyEnd: first.end, hash: candidate.firstHash,
                                   doc, mask, replace: false)
                    }
                case .organization where !single:
                    let candidate = candidates[index]
                    if needAcronyms { registerOrganization(index, candidate, doc, mask) }
                    // `Cofinec S.A.` is later just `Cofinec`.
                    let first = doc[Int(candidate.firstToken)]
                    if needNames && candidate.source == .keyword && !candidate.startsWithKnownWord
                        && first.flags.contains(.hasLowercase) && doc.isNameWord(Int(candidate.firstToken) + 1) {
                        insertName(index, keyStart: first.start, keyEnd: first.end, hash: candidate.firstHash,
                                   doc, mask, replace: false)
                    }
                default:
                    break
                }
            }
        }
        for index in unresolved where names > 0 {
            let candidate = candidates[Int(index)]
            if let named = findName(candidate.start, candidate.end, candidate.lastHash, doc, mask), named != Int(index) {
                relabel(&candidates[Int(index)], as: candidates[named].label ?? .person, like: candidates[named])
            }
        }
    }

    /// A one-word candidate: a person's short form, an organisation's acronym,
    /// or (if still unexplained) one to retry once every full name is known.
    private mutating func resolveSingle(
        _ index: Int, _ candidates: UnsafeMutableBufferPointer<Candidate>, _ doc: DocumentView, _ mask: Int
    ) {
        var candidate = candidates[index]
        if names > 0 && (candidate.source != .gazetteer || fullPersons > 0),
           let named = findName(candidate.start, candidate.end, candidate.lastHash, doc, mask),
           candidate.source != .gazetteer
            || (candidates[named].tokenCount > 1 && candidates[named].label == .person) {
            relabel(&candidate, as: candidates[named].label ?? .person, like: candidates[named])
        } else if candidate.source == .gazetteer {
            return  // keeps its gazetteer label
        } else if acronyms > 0,
                  doc.isAcronymShape(Int(candidate.firstToken)) || candidate.label == nil,
                  let organization = findAcronym(doc.packedLetters(Int(candidate.firstToken)), mask) {
            relabel(&candidate, as: .organization, like: candidates[organization])
        } else {
            if candidate.label == nil { unresolved.append(Int32(index)) }
            return
        }
        candidates[index] = candidate
    }

    private func isRelabelable(_ candidate: Candidate) -> Bool {
        switch candidate.source {
        case .pending, .weak, .evidence: true
        case .gazetteer: candidate.label == .location
        case .user, .keyword: false
        }
    }

    /// Takes `target`'s canonical name: its own span if it has none of its own.
    private func relabel(_ candidate: inout Candidate, as label: EntityLabel, like target: Candidate) {
        candidate.label = label
        candidate.source = .evidence
        switch target.canonical {
        case .surface: candidate.canonical = .span(start: target.start, end: target.end)
        default: candidate.canonical = target.canonical
        }
    }

    /// Zeroes the first `count` elements, growing the array if needed (memset,
    /// not a loop of appends: this runs once per document).
    private func reset<T: FixedWidthInteger>(_ array: inout [T], _ value: T, _ count: Int) {
        if array.count < count {
            array = Array(repeating: value, count: count)
        } else {
            array.withUnsafeMutableBufferPointer { UnsafeMutableBufferPointer(rebasing: $0[0..<count]).update(repeating: value) }
        }
    }

    // MARK: - Names (people's last words, organisations' first words)

    private func sameWord(_ doc: DocumentView, _ a: Int32, _ b: Int32, _ length: Int) -> Bool {
        ByteKey.equalFolded(doc.text + Int(a), readableA: doc.textCount - Int(a),
                            doc.text + Int(b), readableB: doc.textCount - Int(b), count: length)
    }

    private func findName(_ start: Int32, _ end: Int32, _ hash: UInt64, _ doc: DocumentView, _ mask: Int) -> Int? {
        var slot = Int(truncatingIfNeeded: ByteKey.finish(hash)) & mask
        let length = Int(end - start)
        while nameSlots[slot] != 0 {
            if Int(nameKeyEnd[slot] - nameKeyStart[slot]) == length,
               sameWord(doc, start, nameKeyStart[slot], length) {
                return Int(nameSlots[slot]) - 1
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private mutating func insertName(
        _ index: Int, keyStart: Int32, keyEnd: Int32, hash: UInt64, _ doc: DocumentView, _ mask: Int, replace: Bool
    ) {
        var slot = Int(truncatingIfNeeded: ByteKey.finish(hash)) & mask
        let length = Int(keyEnd - keyStart)
        while nameSlots[slot] != 0 {
            if Int(nameKeyEnd[slot] - nameKeyStart[slot]) == length,
               sameWord(doc, keyStart, nameKeyStart[slot], length) {
                if replace { nameSlots[slot] = Int32(index + 1) }
                return
            }
            slot = (slot + 1) & mask
        }
        names += 1
        nameSlots[slot] = Int32(index + 1)
        nameKeyStart[slot] = keyStart
        nameKeyEnd[slot] = keyEnd
    }

    // MARK: - Acronyms

    @inline(__always)
    private func acronymSlot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private func findAcronym(_ key: UInt64, _ mask: Int) -> Int? {
        guard key > 0xFF else { return nil }  // at least two letters
        var slot = acronymSlot(key, mask)
        while acronymKeys[slot] != 0 {
            if acronymKeys[slot] == key { return Int(acronymValues[slot]) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private mutating func insertAcronym(_ key: UInt64, _ index: Int, _ mask: Int, replace: Bool) {
        guard key > 0xFF else { return }
        var slot = acronymSlot(key, mask)
        while acronymKeys[slot] != 0 {
            if acronymKeys[slot] == key {
                if replace { acronymValues[slot] = Int32(index) }
                return
            }
            slot = (slot + 1) & mask
        }
        acronyms += 1
        acronymKeys[slot] = key
        acronymValues[slot] = Int32(index)
    }

    /// Whether candidate `acronym` stands in `( … )` right after organisation `organization`.
    private func isDefinition(
        _ organization: Int, of acronym: Int, _ candidates: UnsafeMutableBufferPointer<Candidate>, _ doc: DocumentView
    ) -> Bool {
        let full = candidates[organization]
        let end = Int(full.firstToken + full.tokenCount)
        return Int(candidates[acronym].firstToken) == end + 1 && doc.isByte(end, 0x28)
    }

    /// Records organisation `index` under its initials (with and without the
    /// connectors' initials) and under an acronym defined right after it:
    /// `Organization of American States (OAS)`.
    private mutating func registerOrganization(_ index: Int, _ candidate: Candidate, _ doc: DocumentView, _ mask: Int) {
        var initials: UInt64 = 0, shift: UInt64 = 0
        var withConnectors: UInt64 = 0, shiftWith: UInt64 = 0
        let first = Int(candidate.firstToken), end = first + Int(candidate.tokenCount)
        for position in first..<end {
            let byte = doc.firstByte(position)
            let upper = byte &- 0x61 < 26 ? byte & 0xDF : byte
            guard upper &- 0x41 < 26 else { continue }
            if shiftWith < 64 {
                withConnectors |= UInt64(upper) << shiftWith
                shiftWith += 8
            }
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
        insertAcronym(initials, index, mask, replace: false)
        if withConnectors != initials { insertAcronym(withConnectors, index, mask, replace: false) }
        if end + 2 < doc.count, doc.isByte(end, 0x28), doc.isByte(end + 2, 0x29), doc[end + 1].kind == .word,
           doc[end + 1].flags.contains(.allUppercase) {
            insertAcronym(doc.packedLetters(end + 1), index, mask, replace: true)
        }
    }
}
