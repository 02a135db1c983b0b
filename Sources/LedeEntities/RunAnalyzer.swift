import LedeText

/// The first pass of ``RuleTagger``: finds runs of capitalised words and labels
/// the pieces of each run, appending ``Candidate``s in text order.
///
/// Each word of a run is hashed and looked up once; longer gazetteer probes
/// reuse those hashes, and each position's longest match is computed at most
/// once. A run of one word (most of them) takes a short path.
///
/// Precedence inside one run (see ``RuleTagger`` for the whole list):
/// 1. leading words that are not names are dropped: connectors, person titles
///    (noted as evidence), ordinary words at a clause start (`The`, `However`),
///    month and day names;
/// 2. the whole rest of the run, if the gazetteer knows it (≤ 4 tokens);
/// 3. runs joined by `and`/`&` are split (unless they read as one company) and
///    each part goes on from step 2;
/// 4. a run ending in an organisation keyword, or with `Keyword of …`, is an
///    organisation; the same with event keywords gives `MISC`;
/// 5. the run is split at `of`/`for`/`the`, and each piece is segmented
///    left to right: longest gazetteer matches are taken as they are, titles
///    become evidence for what follows, and the stretches of unknown words
///    between them are classified by `flush`.
struct RunAnalyzer {
    let gazetteer: Gazetteer
    /// Output of the pass, reused across documents.
    var candidates: [Candidate] = []
    /// The capitalised words of more than one byte that no candidate covers, in
    /// text order: what the alias pass may still explain.
    var untaggedWords: [Int32] = []
    /// Per token of the current run (`run.tokens[0]` is token `runStart`).
    private var run = RunStore(capacity: 64)
    private var runStart = 0
    private var runEnd = 0

    private static let connectorInfo = Gazetteer.Match(
        label: nil, flags: .connector, canonical: -1, maxTokens: 0, found: false)

    init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        candidates.reserveCapacity(256)
    }

    mutating func scan(_ doc: DocumentView) {
        candidates.removeAll(keepingCapacity: true)
        untaggedWords.removeAll(keepingCapacity: true)
        // Copies of a tagger share their scratch until one of them tags.
        if !isKnownUniquelyReferenced(&run) { run = RunStore(capacity: run.capacity) }
        var index = 0
        while index < doc.count {
            // The only work done for most tokens: one kind and one flag test.
            guard doc.isNameWord(index) else {
                index += 1
                continue
            }
            let end = extendRun(doc, from: index)
            let before = candidates.count
            analyseRun(doc, index, end)
            recordUntagged(doc, index, end, candidatesFrom: before)
            index = end
        }
    }

    /// Adds the name words of run `start..<end` outside the run's candidates
    /// (`candidates[first...]`, in text order) to ``untaggedWords``.
    private mutating func recordUntagged(_ doc: DocumentView, _ start: Int, _ end: Int, candidatesFrom first: Int) {
        var c = first
        var t = start
        while t < end {
            if c < candidates.count && t >= Int(candidates[c].firstToken) {
                t = max(t, Int(candidates[c].firstToken + candidates[c].tokenCount))
                c += 1
                continue
            }
            if doc.isNameWord(t) && doc[t].length > 1 { untaggedWords.append(Int32(t)) }
            t += 1
        }
    }

    // MARK: - Runs

    /// The end of the maximal run of capitalised words starting at `start`, with
    /// connectors inside only where a capitalised word follows them.
    private func extendRun(_ doc: DocumentView, from start: Int) -> Int {
        var next = start + 1
        var lastCapitalised = start
        var connectors = 0
        var afterStructural = false
        while next < doc.count {
            let flags = doc[next].flags
            if !flags.contains(.spaceBefore) || flags.contains(.sentenceStart) || flags.contains(.clitic)
                || flags.contains(.hasDigit) { break }
            // A name may wrap onto the next line of hard-wrapped prose, but not
            // across a blank line or out of a short line (a byline, a headline).
            if flags.contains(.newlineBefore)
                && (!flags.contains(.hasLowercase) || doc.lineFeeds(between: next - 1, and: next) > 1
                    || !doc.lineBeforeIsLong(next - 1, minimum: 48)) { break }
            if doc.isNameWord(next) {
                lastCapitalised = next
                connectors = 0
                next += 1
                continue
            }
            guard connectors < 2, doc[next].length &- 1 < 3, let kind = Connector.kind(doc, next) else { break }
            switch kind {
            case .structural where connectors != 0: return lastCapitalised + 1
            case .article where !(connectors == 1 && afterStructural): return lastCapitalised + 1
            default: break
            }
            afterStructural = kind == .structural
            connectors += 1
            next += 1
        }
        return lastCapitalised + 1
    }

    private mutating func analyseRun(_ doc: DocumentView, _ start: Int, _ end: Int) {
        if run.capacity < end - start { run.grow(to: end - start) }
        let slots = run.tokens
        for index in start..<end {
            let word = gazetteer.word(text: doc.text, textCount: doc.textCount, token: doc[index])
            let info = doc.isNameWord(index)
                ? gazetteer.find(word: word, text: doc.text, textCount: doc.textCount, token: doc[index])
                : Self.connectorInfo
            slots[index - start] = RunToken(info: info, hash: word.hash, longest: -1)
        }
        runStart = start
        runEnd = end

        if doc[start].flags.contains(.allUppercase) && isHeadline(doc, start, end) {
            gazetteerOnly(doc, start, end)
            return
        }
        if end == start + 1 {
            analyseWord(doc, start)
            return
        }

        // 1. Leading words that are not part of a name.
        var first = start
        var evidence = Evidence.context
        var atClauseStart = isClauseStart(doc, start)
        while first < end {
            let info = self.info(first)
            if !doc.isNameWord(first) {
                first += 1
                evidence = .none
                atClauseStart = false
                continue
            }
            let (length, match) = longestMatch(doc, first, end)
            if length >= 2 && match.label != nil { break }
            if length > 0 && match.label == nil {  // a title
                guard first + length < end else { return }  // a bare title names no one
                evidence = doc.isNameWord(first + length) ? .title : .none
                first += length
                atClauseStart = false
                continue
            }
            let startsName = info.flags.contains(.givenName) && first + 1 < end && doc.isNameWord(first + 1)
            if atClauseStart && info.flags.contains(.commonLowercaseWord) && length == 0 && !startsName {
                // `In Caracas`: the ordinary word is the context of what follows.
                evidence = info.flags.contains(.locationPreposition) ? .place : .none
                first += 1
                continue
            }
            if info.flags.contains(.monthOrDay) && !startsName {
                first += 1
                evidence = .none
                atClauseStart = false
                continue
            }
            break
        }
        guard first < end else { return }

        // 2. The whole run is a known name.
        if emitIfKnown(doc, first, end) { return }

        // 3. `Britain and France` are two names; `Procter and Gamble` was caught
        // above. `&` and `and … Co.` join company names (`Marks & Spencer`,
        // `Procter and Gamble Co.`) unless a name opens the run.
        var conjunction = -1, ampersand = false
        for index in first..<end where !doc.isNameWord(index) && Connector.isConjunction(doc, index) {
            if conjunction < 0 { conjunction = index }
            if doc[index].kind == .symbol { ampersand = true }
        }
        if conjunction < 0 {
            analyseClause(doc, first, end, evidence)
            return
        }
        if conjunction > first && end - first >= 3
            && (ampersand || info(end - 1).flags.contains(.orgKeyword))
            && !opensWithName(doc, first, conjunction) {
            add(doc, first, end, .organization, .keyword)
            return
        }
        var piece = first
        for index in first..<end where !doc.isNameWord(index) && Connector.isConjunction(doc, index) {
            if piece < index { analyseClause(doc, piece, index, evidence) }
            evidence = .none
            piece = index + 1
        }
        if piece < end { analyseClause(doc, piece, end, evidence) }
    }

    /// A run of one word: the common case, decided from its own entry.
    private mutating func analyseWord(_ doc: DocumentView, _ index: Int) {
        let info = self.info(index)
        if let label = effectiveLabel(info, doc, index) {
            emitKnown(doc, index, index + 1, label, info)
            return
        }
        if info.flags.contains(.personTitle) || info.flags.contains(.monthOrDay) { return }
        if info.flags.contains(.commonLowercaseWord) && isClauseStart(doc, index) { return }
        flush(doc, index, index + 1, .context)
    }

    /// Steps 2, 4 and 5 for a run or a part of one without `and`.
    private mutating func analyseClause(_ doc: DocumentView, _ start: Int, _ end: Int, _ evidence: Evidence) {
        var first = start
        while first < end && !doc.isNameWord(first) { first += 1 }
        var last = end
        while last > first && !doc.isNameWord(last - 1) { last -= 1 }
        guard first < last else { return }
        if (first != start || last != end || end != runEnd) && emitIfKnown(doc, first, last) { return }

        if isKeywordRun(doc, first, last, .orgKeyword) {
            // `Agents of the Bolivarian Intelligence Service`: when the keyword is
            // last and the run opens `X of …` with X no keyword, the name is after `of`.
            if info(last - 1).flags.contains(.orgKeyword),
               let connector = (first..<last).first(where: { !doc.isNameWord($0) }),
               !info(connector - 1).flags.contains(.orgKeyword),
               Connector.kind(doc, connector) == .structural {
                var named = connector
                while named < last && !doc.isNameWord(named) { named += 1 }
                if last - named >= 2 {
                    segment(doc, first, connector, first == start ? evidence : .none)
                    add(doc, named, last, .organization, .keyword)
                    return
                }
            }
            add(doc, first, last, .organization, .keyword)
            return
        }
        if isKeywordRun(doc, first, last, .miscKeyword) {
            add(doc, first, last, .miscellaneous, .keyword)
            return
        }

        var evidence = first == start ? evidence : .none
        var piece = first
        for index in first..<last where !doc.isNameWord(index) {
            guard let kind = Connector.kind(doc, index), kind != .particle else { continue }
            if piece < index { segment(doc, piece, index, evidence) }
            evidence = .none
            piece = index + 1
        }
        if piece < last { segment(doc, piece, last, evidence) }
    }

    /// Emits `start..<end` if the gazetteer knows exactly this name.
    private mutating func emitIfKnown(_ doc: DocumentView, _ start: Int, _ end: Int) -> Bool {
        guard end - start <= 4 else { return false }
        let (length, match) = longestMatch(doc, start, end)
        guard length == end - start, let label = match.label else { return false }
        emitKnown(doc, start, end, label, match)
        return true
    }

    /// Keyword last (`U.S. Southern Command`, `U.S. Open`), or followed by
    /// `of`/`for` and at most four more words (`Ministry of Defense`, `Treaty of Rome`).
    private func isKeywordRun(_ doc: DocumentView, _ start: Int, _ end: Int, _ keyword: Gazetteer.Flags) -> Bool {
        guard end - start >= 2 else { return false }
        if info(end - 1).flags.contains(keyword) { return true }
        var index = start
        while index + 2 < end {
            if info(index).flags.contains(keyword) && !doc.isNameWord(index + 1)
                && Connector.kind(doc, index + 1) == .structural && end - (index + 2) <= 4 {
                return true
            }
            index += 1
        }
        return false
    }

    // MARK: - Segments

    /// Splits a piece without structural connectors into known names, titles and
    /// stretches of unknown words.
    private mutating func segment(_ doc: DocumentView, _ start: Int, _ end: Int, _ evidence: Evidence) {
        var evidence = evidence
        var stretch = -1
        var index = start
        while index < end {
            guard doc.isNameWord(index) else {
                index += 1  // particles belong to the stretch around them, if any
                continue
            }
            let info = self.info(index)
            let (length, match) = longestMatch(doc, index, end)
            let stretchIsName = stretch >= 0 && (self.info(stretch).flags.contains(.givenName) || evidence == .title)
            if length > 0, match.label == nil {  // a title
                if index + length < end {
                    flush(doc, stretch, index, evidence)
                    stretch = -1
                    evidence = .title
                } else if !stretchIsName {
                    // A title last in a person's name is part of it (`John Major`);
                    // after anything else it ends the stretch (`(CBT Chairman)`).
                    flush(doc, stretch, index, evidence)
                    stretch = -1
                }
                index += length
                continue
            }
            if length > 0, let label = match.label {
                let opensName = stretch < 0 && info.flags.contains(.givenName) && index + 1 < end
                    && isUnknownNameWord(doc, index + 1)
                // A known single word inside a person's name is part of it:
                // `Michael Jordan`, `Victoria Beckham`, and a place name right
                // after an unknown word ends one (`MaliVai Washington`).
                let endsName = length == 1 && stretch >= 0 && label == .location && index + 1 == end
                    && doc[index].flags.contains(.hasLowercase) && !self.info(stretch).flags.contains(.commonLowercaseWord)
                if !(length == 1 && (stretchIsName || opensName || endsName)) {
                    flush(doc, stretch, index, evidence)
                    stretch = -1
                    if length == 1 && evidence == .title && info.flags.contains(.givenName) {
                        add(doc, index, index + 1, .person, .evidence)  // `Queen Victoria`
                    } else if label == .miscellaneous && index > start, var previous = candidates.last,
                              previous.label == .miscellaneous, Int(previous.firstToken + previous.tokenCount) == index {
                        // `Iraqi Kurds`, `Greek Cypriot`: one group, one mention.
                        previous.end = doc[index + length - 1].end
                        previous.tokenCount += Int32(length)
                        previous.canonical = .surface
                        candidates[candidates.count - 1] = previous
                    } else {
                        emitKnown(doc, index, index + length, label, match)
                    }
                    evidence = .none
                    index += length
                    continue
                }
            }
            if info.flags.contains(.monthOrDay) {
                let opensName = stretch < 0 && info.flags.contains(.givenName) && index + 1 < end
                    && doc.isNameWord(index + 1)  // `Jan Kroslak`
                if !stretchIsName && !opensName {
                    flush(doc, stretch, index, evidence)
                    stretch = -1
                    evidence = .none
                    index += 1
                    continue
                }
            }
            if stretch < 0 { stretch = index }
            index += 1
        }
        flush(doc, stretch, end, evidence)
    }

    /// Labels a stretch `start..<end` of words the gazetteer does not name.
    private mutating func flush(_ doc: DocumentView, _ start: Int, _ end: Int, _ evidence: Evidence) {
        guard start >= 0 else { return }
        var end = end
        while end > start && !doc.isNameWord(end - 1) { end -= 1 }
        guard start < end else { return }
        // Names end in a word, not a lone letter (`Division A`, `N / A`).
        if doc[end - 1].length == 1 { return }
        let words = end - start
        let first = info(start), last = info(end - 1)
        let evidence = evidence == .context ? contextEvidence(doc, runStart) : evidence

        if words >= 2 && last.flags.contains(.orgKeyword) {
            add(doc, start, end, .organization, .keyword)
            return
        }
        if words >= 2 && last.flags.contains(.miscKeyword) {
            add(doc, start, end, .miscellaneous, .keyword)
            return
        }
        if doc.isAdjectivalCompound(end - 1) { return }  // `New York-based` describes, it doesn't name
        if words >= 2 && last.flags.contains(.locationKeyword) && !first.flags.contains(.givenName) {
            add(doc, start, end, .location, .evidence)
            return
        }
        if words > 4 { return }
        if evidence == .title || (words >= 2 && first.flags.contains(.givenName)) {
            add(doc, start, end, .person, .evidence)
            return
        }
        if words <= 3 && words >= 2
            && (evidence == .according || (end == runEnd && followedBySpeechVerb(doc, runEnd))) {
            add(doc, start, end, .person, .evidence)
            return
        }
        if words == 1 {
            if first.flags.contains(.givenName) && !doc[start].flags.contains(.allUppercase) {
                add(doc, start, end, .person, .weak)
            } else if doc.isAcronymShape(start) && !first.flags.contains(.commonLowercaseWord) {
                add(doc, start, end, .organization, .weak)
            } else if evidence == .place && !first.flags.contains(.orgKeyword) {
                add(doc, start, end, .location, .weak)
            }
            return
        }
        // Unknown words right after an organisation in the same run belong to
        // it (`AIG Financial Products`, `IBM Research`).
        if evidence != .place, var previous = candidates.last, previous.label == .organization,
           Int(previous.firstToken + previous.tokenCount) == start, start > runStart,
           previous.source == .gazetteer || previous.source == .keyword {
            previous.end = doc[end - 1].end
            previous.tokenCount = Int32(end) - previous.firstToken
            previous.source = .keyword
            previous.canonical = .surface
            candidates[candidates.count - 1] = previous
            return
        }
        // Unexplained capitalised words: in prose mostly people, but table
        // headings and capitals-only fragments are not names at all.
        var mixedCase = false
        for index in start..<end {
            let flags = doc[index].flags
            if index > start && flags.contains(.newlineBefore) { return }
            if flags.contains(.hasLowercase) { mixedCase = true }
        }
        guard mixedCase else { return }
        add(doc, start, end, evidence == .place ? .location : .person, .weak)
    }

    /// In an all-capitals headline, only names the gazetteer knows.
    private mutating func gazetteerOnly(_ doc: DocumentView, _ start: Int, _ end: Int) {
        var index = start
        while index < end {
            guard doc.isNameWord(index) else {
                index += 1
                continue
            }
            let (length, match) = longestMatch(doc, index, end)
            if length > 0, let label = match.label {
                emitKnown(doc, index, index + length, label, match)
            }
            index += max(length, 1)
        }
    }

    // MARK: - Helpers

    @inline(__always)
    private func info(_ index: Int) -> Gazetteer.Match { run.tokens[index - runStart].info }

    /// The label of `match` as written at token `index`: an acronym entry that is
    /// also an ordinary word (`US`, `WHO`) counts only in capitals.
    @inline(__always)
    private func effectiveLabel(_ match: Gazetteer.Match, _ doc: DocumentView, _ index: Int) -> EntityLabel? {
        if match.flags.contains(.labelNeedsUppercase) && !doc[index].flags.contains(.allUppercase) { return nil }
        return match.label
    }

    /// The longest gazetteer entry starting at `index` and ending by `end` that
    /// is a name (has a label) or a person title, probing at most 4 tokens and
    /// only as many as the first token's `maxTokens` allows. `(0, _)` if none.
    /// The returned match's label is the effective one.
    private mutating func longestMatch(_ doc: DocumentView, _ index: Int, _ end: Int) -> (Int, Gazetteer.Match) {
        let slot = index - runStart
        if run.tokens[slot].longest < 0 {
            let (length, match) = computeLongestMatch(doc, index, runEnd)
            run.tokens[slot].longest = Int8(length)
            run.longestMatches[slot] = match
        }
        let cached = Int(run.tokens[slot].longest)
        if index + cached <= end { return (cached, run.longestMatches[slot]) }
        return computeLongestMatch(doc, index, end)
    }

    private func computeLongestMatch(_ doc: DocumentView, _ index: Int, _ end: Int) -> (Int, Gazetteer.Match) {
        let first = info(index)
        guard first.found else { return (0, first) }
        var length = min(Int(first.tokenLimit), end - index, 4)
        while length >= 2 {
            var match = find(doc, index, length)
            if match.found {
                match.label = effectiveLabel(match, doc, index)
                if match.label != nil || match.flags.contains(.personTitle) { return (length, match) }
            }
            length -= 1
        }
        var match = first
        match.label = effectiveLabel(first, doc, index)
        if match.label != nil || match.flags.contains(.personTitle) { return (1, match) }
        return (0, match)
    }

    /// Probes `count` tokens of the current run from `start`, from their cached word hashes.
    @inline(__always)
    private func find(_ doc: DocumentView, _ start: Int, _ count: Int) -> Gazetteer.Match {
        let first = start - runStart
        var key = run.tokens[first].hash
        for slot in (first + 1)..<(first + count) { key = ByteKey.combine(key, run.tokens[slot].hash) }
        return gazetteer.find(hash: ByteKey.finish(key), text: doc.text, textCount: doc.textCount,
                              tokens: doc.tokens, from: start, count: count)
    }

    /// Probes one token outside the run (context words).
    private func findWord(_ doc: DocumentView, _ index: Int) -> Gazetteer.Match {
        let word = gazetteer.word(text: doc.text, textCount: doc.textCount, token: doc[index])
        return gazetteer.find(word: word, text: doc.text, textCount: doc.textCount, token: doc[index])
    }

    private func isUnknownNameWord(_ doc: DocumentView, _ index: Int) -> Bool {
        guard doc.isNameWord(index) else { return false }
        let info = self.info(index)
        return info.label == nil && !info.flags.contains(.personTitle) && !info.flags.contains(.orgKeyword)
    }

    /// Whether the part `start..<end` before an `and` is a name of its own: it
    /// starts with a given name or a title, or it is exactly a known person,
    /// place or other name (`Britain and France Telecom`, but not
    /// `U.S. Securities and Exchange Commission`).
    private mutating func opensWithName(_ doc: DocumentView, _ start: Int, _ end: Int) -> Bool {
        let (length, match) = longestMatch(doc, start, end)
        if info(start).flags.contains(.givenName) || (length > 0 && match.label == nil) { return true }
        return length == end - start && match.label != .organization
    }

    /// Sentence start, line start, or right after an opening quote, bracket or dash.
    private func isClauseStart(_ doc: DocumentView, _ index: Int) -> Bool {
        let flags = doc[index].flags
        if index == 0 || flags.contains(.sentenceStart) || flags.contains(.newlineBefore) { return true }
        let previous = doc[index - 1]
        if previous.kind == .punctuation {
            if previous.flags.contains(.sentenceStart) || previous.flags.contains(.newlineBefore) || index == 1 {
                return true
            }
            return doc.opensClause(index - 1)
        }
        return false
    }

    /// What the lowercase word before the run says: `leader Juan Guaido`,
    /// `according to Juan Guaido`, `in Caracas`.
    private func contextEvidence(_ doc: DocumentView, _ start: Int) -> Evidence {
        guard start > 0 else { return .none }
        let previous = doc[start - 1]
        guard previous.kind == .word, !previous.flags.contains(.capitalized) else { return .none }
        if doc.token(start - 1, is: "to") && doc.token(start - 2, is: "according") { return .according }
        // `the`, `of`, `and` (the commonest words before a name) say nothing: skip the probe.
        if previous.length &- 2 < 2 && Connector.kind(doc, start - 1) != nil { return .none }
        let match = findWord(doc, start - 1)
        if match.flags.contains(.personTitle) { return .title }
        if match.flags.contains(.locationPreposition) { return .place }
        return .none
    }

    private func followedBySpeechVerb(_ doc: DocumentView, _ end: Int) -> Bool {
        guard end < doc.count else { return false }
        let next = doc[end]
        guard next.kind == .word, !next.flags.contains(.capitalized) else { return false }
        return findWord(doc, end).flags.contains(.speechVerb)
    }

    /// Whether the all-capitals run `start..<end` belongs to a headline, where
    /// capitals say nothing about names: it is longer than 4 words, or a nearby
    /// word on the same line (within 3 tokens) is in capitals too. A lone
    /// acronym in prose (`the U.S. SOUTHCOM tweeted`) is not.
    private func isHeadline(_ doc: DocumentView, _ start: Int, _ end: Int) -> Bool {
        for index in start..<end where doc.isNameWord(index) && !doc[index].flags.contains(.allUppercase) {
            return false
        }
        if end - start > 4 { return true }
        var index = start - 1
        var steps = 0
        while index >= 0 && steps < 3 && !doc[index + 1].flags.contains(.newlineBefore) {
            if doc[index].kind == .word { return doc[index].flags.contains(.allUppercase) && doc[index].length > 1 }
            index -= 1
            steps += 1
        }
        index = end
        steps = 0
        while index < doc.count && steps < 3 && !doc[index].flags.contains(.newlineBefore) {
            if doc[index].kind == .word { return doc[index].flags.contains(.allUppercase) && doc[index].length > 1 }
            index += 1
            steps += 1
        }
        return false
    }

    private mutating func emitKnown(
        _ doc: DocumentView, _ start: Int, _ end: Int, _ label: EntityLabel, _ match: Gazetteer.Match
    ) {
        let source: Candidate.Source = match.flags.contains(.userEntry) ? .user : .gazetteer
        add(doc, start, end, label, source, canonical: match.canonical >= 0 ? .lexicon(match.canonical) : .surface)
    }

    private mutating func add(
        _ doc: DocumentView, _ start: Int, _ end: Int, _ label: EntityLabel, _ source: Candidate.Source,
        canonical: CanonicalSource = .surface
    ) {
        candidates.append(Candidate(
            start: doc[start].start, end: doc[end - 1].end, firstToken: Int32(start), tokenCount: Int32(end - start),
            label: label, source: source, canonical: canonical))
    }
}
