import CLedePrefetch
import LedeText

/// Finds a document's candidate regions and hashes the features of their tokens.
///
/// A region is a run of capitalised words (and `@handles`/`#hashtags` written
/// with a capital), joined across at most two glue tokens (`of`, `de`, `&`,
/// numbers, `-`): the only places a mention can be. Everything the features need
/// is computed for region tokens and their two neighbours on each side only, so
/// lowercase running text costs one flag test per token.
///
/// Features are hashed from bytes straight into rows of the weight table; no
/// `String` is made. Scratch arrays are kept between documents.
struct FeatureExtractor {
    let gazetteer: Gazetteer
    let mask: UInt32

    /// Region bounds, `[start, end)` token indexes, in order.
    var regionStarts: [Int32] = []
    var regionEnds: [Int32] = []
    /// Per token (valid within two tokens of a region): case-folded word hash (``ByteKey``).
    private(set) var wordHash: UnsafeMutablePointer<UInt64>
    /// Per token (valid within two tokens of a region): the case-folded first 8 bytes.
    private var wordHead: UnsafeMutablePointer<UInt64>
    /// Per token (valid within one token of a region): built-in gazetteer flags of the single token.
    private(set) var gazFlags: UnsafeMutablePointer<UInt32>
    /// Per token: the single token's gazetteer label (0xFF: none).
    private(set) var gazLabel: UnsafeMutablePointer<UInt8>
    /// Per token (valid within one token of a region): the single token's gazetteer
    /// label whatever its case (0xFF: none), and the lexicon id of its canonical name (-1: none).
    private(set) var nameLabel: UnsafeMutablePointer<UInt8>
    private(set) var nameCanonical: UnsafeMutablePointer<Int32>
    /// Per token: 0, or 1 + (part << 2 | label) of the longest built-in gazetteer name covering it.
    private(set) var gazPart: UnsafeMutablePointer<UInt8>
    /// Per token: 0, or part << 4 | label mask of the longest mined name covering it.
    private(set) var minedPart: UnsafeMutablePointer<UInt8>
    /// Per region token: the mined mask of the word alone (bit 4: the training
    /// text writes the word in lowercase).
    private(set) var wordMask: UnsafeMutablePointer<UInt8>
    /// Per word hash: labels the first pass gave its other occurrences (counts).
    var passLabels = WordTable(empty: SIMD4<Int16>.zero)
    /// Per word hash: where the word stands elsewhere in the document (bits, see `prepare`).
    var docBits = WordTable(empty: UInt8(0))
    /// How often words are capitalised in news.
    var casePrior = CasePrior() {
        didSet { adopt(TokenFactBuffers(capacity: buffers.capacity)) }
    }
    /// 1 for documents written like social posts rather than news (see
    /// ``isSocial(_:)``), else 0. Their tokens get a second copy of every static
    /// feature, so the model learns what holds in each register on top of what
    /// holds in both.
    var register: UInt64 = 0
    /// Per token (valid within one token of a region): its ``CasePrior`` byte.
    private(set) var prior: UnsafeMutablePointer<UInt8>
    /// Per token (valid within one token of a region): its word shape hash (``shape(_:_:)``).
    private(set) var shapes: UnsafeMutablePointer<UInt64>
    /// Per token (valid within one token of a region): the most tokens of a built-in
    /// gazetteer name that starts with it (0: none).
    private(set) var gazLimit: UnsafeMutablePointer<UInt8>
    /// The latest words' table lookups, direct-mapped by word hash: the words
    /// around names repeat (`the`, `said`, `Reuters`), and each lookup in the
    /// large tables is a cache miss.
    private var facts: UnsafeMutablePointer<WordFacts>
    /// Owns the memory of the per-token facts and of ``facts``.
    private var buffers: TokenFactBuffers
    static let factSlots = 4096

    /// What the built-in gazetteer and the case prior say about one word.
    struct WordFacts {
        var hash: UInt64 = 0
        var head: UInt64 = 0
        var gazFlags: UInt32 = 0
        /// The word's length in bytes, -1 for an empty slot.
        var length: Int32 = -1
        var gazLabel: UInt8 = 0xFF
        var gazLimit: UInt8 = 0
        var labelNeedsUppercase = false
        var prior: UInt8 = 0
        /// The lexicon id of the word's canonical name when it has a label, else -1.
        var canonical: Int32 = -1
    }

    init(gazetteer: Gazetteer, bucketBits: Int) {
        self.gazetteer = gazetteer
        mask = UInt32((1 << bucketBits) - 1)
        buffers = TokenFactBuffers(capacity: 0)
        wordHash = buffers.wordHash
        wordHead = buffers.wordHead
        gazFlags = buffers.gazFlags
        gazLabel = buffers.gazLabel
        nameLabel = buffers.nameLabel
        nameCanonical = buffers.nameCanonical
        gazPart = buffers.gazPart
        minedPart = buffers.minedPart
        wordMask = buffers.wordMask
        prior = buffers.prior
        shapes = buffers.shapes
        gazLimit = buffers.gazLimit
        facts = buffers.words
    }

    /// Points the per-token facts at `box`'s memory.
    private mutating func adopt(_ box: TokenFactBuffers) {
        buffers = box
        wordHash = box.wordHash
        wordHead = box.wordHead
        gazFlags = box.gazFlags
        gazLabel = box.gazLabel
        nameLabel = box.nameLabel
        nameCanonical = box.nameCanonical
        gazPart = box.gazPart
        minedPart = box.minedPart
        wordMask = box.wordMask
        prior = box.prior
        shapes = box.shapes
        gazLimit = box.gazLimit
        facts = box.words
    }

    /// Documents with fewer tokens than this are in the social register.
    static let shortDocument = 48

    // MARK: - Regions

    @inline(__always)
    static func isCandidate(_ token: Token) -> Bool {
        (token.kind == .word || token.kind == .handle || token.kind == .hashtag)
            && token.flags.contains(.capitalized)
    }

    /// Whether `doc` reads like a social post rather than news.
    ///
    /// The signs are sentences that start in lowercase, a lowercase `i`,
    /// handles, hashtags, links and emoji. A short text needs one sign, or no
    /// numbers, or a `!`/`?` (short news items are results and briefs, full of
    /// numbers); a longer one needs a sign every 50 tokens, since long news has
    /// the odd lowercase line start (`b Saqlain` in a scoreboard).
    static func isSocial(_ doc: DocumentView) -> Bool {
        var signs = 0
        var numbers = false, exclamations = false
        for i in 0..<doc.count {
            let token = doc[i]
            switch token.kind {
            case .word:
                if token.flags.intersection([.sentenceStart, .capitalized, .hasLowercase]) == [.sentenceStart, .hasLowercase] { signs += 1 }
                if token.length == 1 && doc.isByte(i, 0x69) { signs += 1 }
            case .handle, .hashtag, .url:
                signs += 1
            case .symbol:
                if token.flags.contains(.nonASCII) { signs += 1 }
            case .number:
                numbers = true
            case .punctuation:
                if doc.isByte(i, 0x21) || doc.isByte(i, 0x3F) { exclamations = true }
            case .email:
                break
            }
        }
        if doc.count < shortDocument { return signs > 0 || !numbers || exclamations }
        return signs * 50 >= doc.count
    }

    /// A region token: capitalised, or in a social post a lowercase word that
    /// news nearly always capitalises or that the training data tags (`trump`).
    @inline(__always)
    func isCandidate<Mined: MinedNames>(_ doc: DocumentView, _ index: Int, _ mined: Mined) -> Bool {
        let token = doc[index]
        if Self.isCandidate(token) { return true }
        guard register != 0, token.kind == .word, token.length >= 2, token.flags.contains(.hasLowercase) else { return false }
        let key = ByteKey.finish(gazetteer.word(text: doc.text, textCount: doc.textCount, token: token).hash)
        return CasePrior.isNameLike(casePrior.value(key)) || mined.mask(key) & 15 != 0
    }

    @inline(__always)
    static func isGlue(_ doc: DocumentView, _ index: Int) -> Bool {
        let token = doc[index]
        if token.kind == .number { return true }
        if token.kind == .punctuation { return doc.isByte(index, 0x2D) || doc.isByte(index, 0x2E) }
        return Connector.kind(doc, index) != nil
    }

    /// Finds the regions and computes the per-token facts of `doc`; `social`
    /// overrides ``isSocial(_:)`` (training knows where a document comes from).
    mutating func prepare<Mined: MinedNames>(_ doc: DocumentView, mined: Mined, social: Bool? = nil) {
        regionStarts.removeAll(keepingCapacity: true)
        regionEnds.removeAll(keepingCapacity: true)
        docBits.removeAll()
        passLabels.removeAll()
        let n = doc.count
        register = social ?? Self.isSocial(doc) ? 1 : 0
        var i = 0
        while i < n {
            guard isCandidate(doc, i, mined) else { i += 1; continue }
            var end = i + 1
            while true {
                var j = end
                while j < n, j - end < 2, Self.isGlue(doc, j) { j += 1 }
                if j < n, isCandidate(doc, j, mined) { end = j + 1 } else { break }
            }
            regionStarts.append(Int32(i))
            regionEnds.append(Int32(end))
            i = end
        }
        guard !regionStarts.isEmpty else { return }
        // A copy of this extractor may share the box: writing into it would
        // change the copy's facts too.
        if buffers.capacity < n || !isKnownUniquelyReferenced(&buffers) {
            adopt(buffers.resized(to: buffers.capacity < n ? max(n, buffers.capacity * 2) : buffers.capacity))
        }
        // The lookups below miss the cache more often than not: ask for all of
        // the document's slots first, so that the misses overlap. Windows of
        // neighbouring regions overlap; each token is hashed and looked up once.
        // A token two away from every region is only read for its word hash.
        var hashed = 0, asked = 0
        for r in 0..<regionStarts.count {
            let s = Int(regionStarts[r]), e = Int(regionEnds[r])
            for t in max(hashed, s - 2)..<min(n, e + 2) {
                let word = gazetteer.word(text: doc.text, textCount: doc.textCount, token: doc[t])
                wordHash[t] = word.hash
                wordHead[t] = word.head
            }
            hashed = min(n, e + 2)
            for t in max(asked, s - 1)..<min(n, e + 1) {
                let key = ByteKey.finish(wordHash[t])
                lede_prefetch(facts + (Int(truncatingIfNeeded: key) & (Self.factSlots - 1)))
                gazetteer.prefetch(key: key)
                casePrior.prefetch(key)
            }
            asked = min(n, e + 1)
            let longest = mined.maxTokens
            for p in s..<e {
                var key = wordHash[p]
                mined.prefetch(ByteKey.finish(key))
                if longest >= 2 && e - p >= 2 {
                    for length in 2...min(longest, e - p) {
                        key = ByteKey.combine(key, wordHash[p + length - 1])
                        mined.prefetch(ByteKey.finish(key))
                    }
                }
            }
        }
        var known = 0
        for r in 0..<regionStarts.count {
            let s = Int(regionStarts[r]), e = Int(regionEnds[r])
            for t in max(known, s - 1)..<min(n, e + 1) {
                let token = doc[t]
                let facts = lookUp(ByteKey.Word(hash: wordHash[t], head: wordHead[t]), doc, token)
                prior[t] = token.kind == .word ? facts.prior : 0
                shapes[t] = Self.shape(doc, t)
                gazFlags[t] = facts.gazFlags
                gazLabel[t] = facts.labelNeedsUppercase && !token.flags.contains(.allUppercase) ? 0xFF : facts.gazLabel
                nameLabel[t] = facts.gazLabel
                nameCanonical[t] = facts.canonical
                gazLimit[t] = facts.gazLimit
            }
            known = min(n, e + 1)
            // What the names of the region before marked within two tokens of
            // this one is cleared, as it always was: the model learnt it so.
            for t in max(0, s - 2)..<min(n, e + 2) {
                gazPart[t] = 0
                minedPart[t] = 0
            }
            markGazetteerNames(doc, s, e)
            markMinedNames(doc, s, e, mined)
            for t in s..<e where isCandidate(doc, t, mined) {
                var bits: UInt8 = 0
                let flags = doc[t].flags
                if !flags.contains(.sentenceStart) { bits |= 1 }
                if e - s >= 2 && t == s { bits |= 2 }
                if e - s >= 2 && t == e - 1 { bits |= 4 }
                if e - s == 1 && !flags.contains(.sentenceStart) { bits |= 8 }
                if flags.contains(.allUppercase) { bits |= 16 }
                docBits.modify(wordHash[t]) { $0 |= bits }
            }
        }
    }

    /// The built-in gazetteer's and the case prior's answers for `word`, the
    /// ``gazetteer``'s ``Gazetteer/word(text:textCount:token:)`` of `token`.
    @inline(__always)
    private mutating func lookUp(_ word: ByteKey.Word, _ doc: DocumentView, _ token: Token) -> WordFacts {
        let key = ByteKey.finish(word.hash)
        let slot = Int(truncatingIfNeeded: key) & (Self.factSlots - 1)
        let cached = facts[slot]
        // Words of up to 8 bytes are compared whole (the head); a longer word's
        // tail only through the 64-bit hash.
        if cached.hash == word.hash && cached.head == word.head && cached.length == Int32(token.length) { return cached }
        let match = gazetteer.find(word: word, text: doc.text, textCount: doc.textCount, token: token)
        let found = WordFacts(
            hash: word.hash, head: word.head, gazFlags: match.flags.rawValue, length: Int32(token.length),
            gazLabel: match.label?.rawValue ?? 0xFF, gazLimit: UInt8(truncatingIfNeeded: match.maxTokens),
            labelNeedsUppercase: match.flags.contains(.labelNeedsUppercase), prior: casePrior.value(key),
            canonical: match.label == nil ? -1 : match.canonical)
        facts[slot] = found
        return found
    }

    private mutating func markGazetteerNames(_ doc: DocumentView, _ s: Int, _ e: Int) {
        var p = s
        while p < e {
            var best = 0
            var bestLabel: UInt8 = 0
            // No built-in name longer than the first token's limit starts with it.
            let limit = min(4, e - p, Int(gazLimit[p]))
            var key = wordHash[p]
            if gazLabel[p] != 0xFF { best = 1; bestLabel = gazLabel[p] }
            if limit >= 2 {
                for length in 2...limit {
                    key = ByteKey.combine(key, wordHash[p + length - 1])
                    let match = gazetteer.find(hash: ByteKey.finish(key), text: doc.text, textCount: doc.textCount,
                                               tokens: doc.tokens, from: p, count: length)
                    if let label = match.label, !match.flags.contains(.labelNeedsUppercase) {
                        best = length
                        bestLabel = label.rawValue
                    }
                }
            }
            if best == 0 { p += 1; continue }
            for k in 0..<best {
                let part: UInt8 = best == 1 ? BILOUTag.unit : k == 0 ? BILOUTag.begin : k == best - 1 ? BILOUTag.last : BILOUTag.inside
                gazPart[p + k] = 1 + (part << 2 | bestLabel)
            }
            p += best
        }
    }

    private mutating func markMinedNames<Mined: MinedNames>(_ doc: DocumentView, _ s: Int, _ e: Int, _ mined: Mined) {
        // Every region token gets its mask, also those inside a longer mined name,
        // so nothing is left over from the previous document.
        for t in s..<e { wordMask[t] = mined.mask(ByteKey.finish(wordHash[t])) }
        var p = s
        let longest = mined.maxTokens
        while p < e {
            var best = 0
            var bestMask: UInt8 = 0
            var key = wordHash[p]
            if wordMask[p] & 15 != 0 { best = 1; bestMask = wordMask[p] & 15 }
            if longest >= 2 && e - p >= 2 {
                for length in 2...min(longest, e - p) {
                    key = ByteKey.combine(key, wordHash[p + length - 1])
                    let found = mined.mask(ByteKey.finish(key)) & 15
                    if found != 0 { best = length; bestMask = found }
                }
            }
            if best == 0 { p += 1; continue }
            for k in 0..<best {
                let part: UInt8 = best == 1 ? BILOUTag.unit : k == 0 ? BILOUTag.begin : k == best - 1 ? BILOUTag.last : BILOUTag.inside
                minedPart[p + k] = part << 4 | bestMask
            }
            p += best
        }
    }

    // MARK: - Features

    @inline(__always)
    func row(_ template: UInt64, _ value: UInt64) -> UInt32 {
        Self.row(template, value, mask: mask)
    }

    /// The row of feature `template` with `value` in a table of `mask + 1` rows.
    @inline(__always)
    static func row(_ template: UInt64, _ value: UInt64, mask: UInt32) -> UInt32 {
        var h = (template &* 0x9E37_79B9_7F4A_7C15) ^ value
        h = (h ^ (h >> 31)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 29)) &* 0x94D0_49BB_1331_11EB
        return UInt32(truncatingIfNeeded: h ^ (h >> 32)) & mask
    }

    /// FNV-1a over bytes `[from, to)` of the text, ASCII-folded when `fold`.
    @inline(__always)
    static func hashBytes(_ doc: DocumentView, _ from: Int, _ to: Int, fold: Bool) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for k in from..<to {
            let byte = fold ? ByteKey.fold(doc.text[k]) : doc.text[k]
            h = (h ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        return h
    }

    /// The collapsed word shape (`Xx`, `X.X.`, `dd`, `Xx-Xx`) as a hash.
    @inline(__always)
    static func shape(_ doc: DocumentView, _ index: Int) -> UInt64 {
        guard index >= 0 && index < doc.count else { return 0x5EED }
        let token = doc[index]
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var last: UInt8 = 0
        var runs = 0
        for k in Int(token.start)..<Int(token.end) {
            let byte = doc.text[k]
            let cls: UInt8
            if byte &- 0x41 < 26 { cls = 0x58 }
            else if byte &- 0x61 < 26 { cls = 0x78 }
            else if byte &- 0x30 < 10 { cls = 0x64 }
            else if byte >= 0x80 { cls = byte >= 0xC0 ? 0x75 : 0 }
            else { cls = byte }
            if cls == 0 { continue }
            if cls == last { runs += 1; if runs >= 2 { continue } } else { runs = 0 }
            last = cls
            h = (h ^ UInt64(cls)) &* 0x100_0000_01B3
        }
        return h
    }

    @inline(__always)
    private func neighbourWord(_ doc: DocumentView, _ index: Int) -> UInt64 {
        index < 0 ? 0xB0D : index >= doc.count ? 0xE0D : wordHash[index]
    }

    /// The most rows ``features(_:_:_:_:into:)`` appends for one token: 39
    /// templates' rows (prefixes and suffixes count one per length), each with its
    /// social copy.
    static let maxRows = 78

    /// Appends the rows of the static features of token `t` in region `[s, e)`:
    /// its ``wordFeatures(_:_:raw:into:)``, then its ``contextFeatures(_:_:_:_:into:)``.
    ///
    /// In a social post each row is followed by its social copy, so a sink sees
    /// shared and social rows alternate (the trainer relies on that order).
    @inline(__always)
    func features<Sink: FeatureRows>(_ doc: DocumentView, _ t: Int, _ s: Int, _ e: Int, into out: inout Sink) {
        let token = doc[t]
        wordFeatures(doc, t, raw: Self.hashBytes(doc, Int(token.start), Int(token.end), fold: false), into: &out)
        contextFeatures(doc, t, s, e, into: &out)
    }

    /// Everything a token's ``wordFeatures(_:_:raw:into:)`` depend on: its bytes
    /// (hash, first 8 and length), its flags and kind, and the register.
    struct WordKey: Equatable {
        /// ``hashBytes(_:_:_:fold:)`` of the token, unfolded.
        var raw: UInt64
        var head: UInt64
        var meta: UInt64
    }

    /// The ``WordKey`` of token `t`.
    @inline(__always)
    func wordKey(_ doc: DocumentView, _ t: Int) -> WordKey {
        let token = doc[t]
        let start = Int(token.start)
        return WordKey(
            raw: Self.hashBytes(doc, start, Int(token.end), fold: false),
            head: ByteKey.load(doc.text + start, count: token.length, readable: doc.textCount - start),
            meta: UInt64(token.length) << 32 | register << 24 | UInt64(token.kind.rawValue) << 16 | UInt64(token.flags.rawValue & 0x37F))
    }

    @inline(__always)
    private func put<Sink: FeatureRows>(_ row: UInt32, _ out: inout Sink) {
        out.append(row)
        if register != 0 { out.append(self.row(0x50C1A1, UInt64(row))) }
    }

    /// Appends the rows of the features of token `t` that depend on nothing but
    /// its ``WordKey`` (`raw` is its `raw` hash): the same word in the same case
    /// and position flags always gets the same rows, so a decoder may cache their sum.
    @inline(__always)
    func wordFeatures<Sink: FeatureRows>(_ doc: DocumentView, _ t: Int, raw: UInt64, into out: inout Sink) {
        let token = doc[t]
        let start = Int(token.start), end = Int(token.end), length = end - start
        let word = wordHash[t]
        let shape = shapes[t]
        let flagBits = UInt64(token.flags.rawValue & 0x37F) | UInt64(token.kind.rawValue) << 16
        put(row(1, 0), &out)
        put(row(2, word), &out)
        put(row(3, raw), &out)
        put(row(4, shape), &out)
        for k in 1...3 where k < length { put(row(5 &* 8 &+ UInt64(k), Self.hashBytes(doc, start, start + k, fold: true)), &out) }
        for k in 1...4 where k < length { put(row(6 &* 8 &+ UInt64(k), Self.hashBytes(doc, end - k, end, fold: true)), &out) }
        put(row(7, flagBits), &out)
        put(row(16, UInt64(gazFlags[t]) << 8 | UInt64(gazLabel[t])), &out)
        put(row(23, UInt64(min(length, 12))), &out)
        put(row(24, shape ^ flagBits), &out)
        let lower = UInt64(wordMask[t] & 16)
        put(row(31, lower ^ shape), &out)
        let p = UInt64(prior[t])
        put(row(32, p), &out)
        put(row(33, p | UInt64(token.flags.rawValue & 0x7) << 5), &out)
    }

    /// Appends the rows of the features of token `t` in region `[s, e)` that
    /// depend on its neighbours, the region or the document.
    @inline(__always)
    func contextFeatures<Sink: FeatureRows>(_ doc: DocumentView, _ t: Int, _ s: Int, _ e: Int, into out: inout Sink) {
        let token = doc[t]
        let word = wordHash[t]
        let shape = shapes[t]
        let p1 = neighbourWord(doc, t - 1), p2 = neighbourWord(doc, t - 2)
        let n1 = neighbourWord(doc, t + 1), n2 = neighbourWord(doc, t + 2)
        put(row(8, p1), &out)
        put(row(9, p2), &out)
        put(row(10, n1), &out)
        put(row(11, n2), &out)
        let shapeP1 = t > 0 ? shapes[t - 1] : 0x5EED, shapeN1 = t + 1 < doc.count ? shapes[t + 1] : 0x5EED
        put(row(12, shapeP1), &out)
        put(row(13, shapeN1), &out)
        put(row(14, p1 &* 31 ^ word), &out)
        put(row(15, word &* 31 ^ n1), &out)
        put(row(17, UInt64(gazPart[t])), &out)
        put(row(18, UInt64(minedPart[t])), &out)
        let prevFlags = t > 0 ? UInt64(gazFlags[t - 1]) : 0xFFFF_FFFF
        let nextFlags = t + 1 < doc.count ? UInt64(gazFlags[t + 1]) : 0xFFFF_FFFF
        put(row(19, prevFlags), &out)
        put(row(20, nextFlags), &out)
        let elsewhere = UInt64(docBits.value(word) ?? 0)
        put(row(21, elsewhere << 1 | (token.flags.contains(.sentenceStart) ? 1 : 0)), &out)
        put(row(22, UInt64(min(t - s, 3)) << 8 | UInt64(min(e - s, 4)) << 4 | UInt64(min(e - t - 1, 3))), &out)
        put(row(25, UInt64(minedPart[t]) << 8 | UInt64(gazPart[t])), &out)
        put(row(26, p1 &* 31 ^ shape), &out)
        put(row(27, n1 &* 31 ^ shape), &out)
        put(row(28, shapeP1 &* 31 ^ shape ^ shapeN1 &* 7), &out)
        let prevMined = t > s ? UInt64(minedPart[t - 1]) : 0x1FF
        let nextMined = t + 1 < e ? UInt64(minedPart[t + 1]) : 0x1FF
        put(row(29, prevMined << 12 | nextMined), &out)
        put(row(30, UInt64(wordMask[t] & 16) | (token.flags.contains(.sentenceStart) ? 1 : 0) | elsewhere << 8), &out)
        let priorP1 = t > 0 ? UInt64(prior[t - 1]) : 0xFF
        let priorN1 = t + 1 < doc.count ? UInt64(prior[t + 1]) : 0xFF
        put(row(34, priorP1 << 8 | priorN1), &out)
    }

    /// The row of the second-pass feature: the labels the first pass gave the other
    /// occurrences of token `t`'s word (`own`: the first-pass tag of `t` itself).
    @inline(__always)
    func documentLabelRow(word: UInt64, own: UInt8, firstPass: Bool) -> UInt32 {
        Self.documentLabelRow(firstPass ? Self.firstPassLabels : documentLabels(word: word, own: own), register: register, mask: mask)
    }

    /// The value of ``documentLabelRow(word:own:firstPass:)`` in the first pass.
    static let firstPassLabels: UInt64 = 0x100

    /// The row of the second-pass feature whose value is `labels` (see
    /// ``documentLabels(word:own:)``, ``firstPassLabels``) in `register`.
    @inline(__always)
    static func documentLabelRow(_ labels: UInt64, register: UInt64, mask: UInt32) -> UInt32 {
        row(43 | register << 8, labels, mask: mask)
    }

    /// The value of the second-pass feature of a word (`own`: the first-pass tag
    /// of the token itself): a mask of the labels the first pass gave the word's
    /// other occurrences, 0...15.
    @inline(__always)
    func documentLabels(word: UInt64, own: UInt8) -> UInt64 {
        guard var counts = passLabels.value(word) else { return 0 }
        if own != 0 { counts[Int(BILOUTag.label(own).rawValue)] &-= 1 }
        let bits = SIMD4<Int16>(1, 2, 4, 8).replacing(with: 0, where: counts .<= 0)
        return UInt64(UInt16(bitPattern: bits.wrappedSum()))
    }

    /// Records the first-pass tags of region tokens `s..<e` (`tags[k]` for token `s + k`).
    mutating func recordPass(_ s: Int, _ tags: [UInt8]) {
        let lanes = SIMD4<Int16>(0, 1, 2, 3)
        for (k, tag) in tags.enumerated() where tag != 0 {
            let label = SIMD4<Int16>(repeating: Int16(BILOUTag.label(tag).rawValue))
            let one = SIMD4<Int16>().replacing(with: 1, where: lanes .== label)
            passLabels.modify(wordHash[s + k]) { $0 &+= one }
        }
    }

    /// The rows of the features that depend on the tags already chosen, but for
    /// ``wordPreviousRow(word:previous:)``: few rows, so they stay in the cache.
    @inline(__always)
    func dynamicRows(previous: UInt8, beforePrevious: UInt8) -> (UInt32, UInt32) {
        Self.dynamicRows(previous: previous, beforePrevious: beforePrevious, register: register, mask: mask)
    }

    /// ``dynamicRows(previous:beforePrevious:)`` in `register`, in a table of `mask + 1` rows.
    @inline(__always)
    static func dynamicRows(previous: UInt8, beforePrevious: UInt8, register: UInt64, mask: UInt32) -> (UInt32, UInt32) {
        let salt = register << 8
        return (row(40 | salt, UInt64(previous), mask: mask),
                row(41 | salt, UInt64(previous) << 8 | UInt64(beforePrevious), mask: mask))
    }

    /// The row of the feature that pairs the word with the previous tag.
    @inline(__always)
    func wordPreviousRow(word: UInt64, previous: UInt8) -> UInt32 {
        row(42 | register << 8, word &* 31 ^ UInt64(previous))
    }
}

/// Where ``FeatureExtractor/features(_:_:_:_:into:)`` puts a token's rows: an
/// array while training, the running scores while tagging.
protocol FeatureRows {
    mutating func append(_ row: UInt32)
}

extension Array: FeatureRows where Element == UInt32 {}
