/// The scratch memory of ``PerceptronDecoder``'s static scores: rings of the
/// latest tokens' word keys, rows and where each token's rows are, the word
/// cache, and the scores of the document's region tokens.
///
/// A class holding raw memory, so that the decoder writes rows through plain
/// pointers while it reads its feature extractor: no array uniqueness checks
/// and no copies per row. Only the decoder that made it uses it (a tagger's
/// scratch box is never shared while it tags).
final class RowBuffers {
    /// Where one region token's rows are in ``rows``: word rows (none when the
    /// cache had them) up to `wordEnd`, then context rows up to `end`.
    struct TokenRows {
        var wordEnd: Int32 = 0
        var end: Int32 = 0
        /// The token's slot in the word cache.
        var slot: Int32 = 0
        /// The row of the token's word after an `O`.
        var afterOutside: UInt32 = 0
        var hit = false
    }

    /// Word-cache slots: a power of two.
    static let slots = 2048

    /// How many tokens ahead of the rows the word keys are made.
    static let keyLead = 4
    /// How many tokens behind the rows the sums are made.
    static let sumLag = 4
    /// The index mask of ``keys`` and ``marks``: room for the tokens between
    /// the keys and the sums.
    static let ringMask = 15
    /// The index mask of ``rows``: room for the rows of the tokens between the
    /// sums and the rows, ``FeatureExtractor/maxRows`` each.
    static let rowMask = 1023

    /// Ring of rows, indexed by a running count masked by ``rowMask``.
    let rows: UnsafeMutablePointer<UInt32>
    /// Ring of where the rows of token `k` are, at `k & ringMask`.
    let marks: UnsafeMutablePointer<TokenRows>
    /// Ring of the word keys of token `k`, at `k & ringMask`.
    let keys: UnsafeMutablePointer<FeatureExtractor.WordKey>
    /// Per region token of the document, in order: its static scores.
    private(set) var staticScores: UnsafeMutablePointer<PerceptronDecoder.Scores>
    /// Per region token of the document: its static scores plus the row of its
    /// word after an `O` (see ``PerceptronDecoder``).
    private(set) var afterOutside: UnsafeMutablePointer<PerceptronDecoder.Scores>
    /// Region tokens the score buffers hold.
    private(set) var scoreCapacity = 0

    /// The sums of the word features of recent words, direct-mapped by
    /// ``FeatureExtractor/WordKey``: names and the words around them repeat, and
    /// a hit saves about half of a token's rows, most of them cache misses.
    /// Words of up to 8 bytes are compared whole, a longer word's tail only
    /// through its 64-bit hash. An all-zero key is empty: a real key holds a
    /// length of at least 1.
    let cachedKeys: UnsafeMutablePointer<FeatureExtractor.WordKey>
    let cachedScores: UnsafeMutablePointer<PerceptronDecoder.Scores>

    init() {
        precondition(Self.keyLead + Self.sumLag + 2 <= Self.ringMask + 1
            && (Self.sumLag + 2) * FeatureExtractor.maxRows <= Self.rowMask + 1)
        rows = .allocate(capacity: Self.rowMask + 1)
        marks = .allocate(capacity: Self.ringMask + 1)
        keys = .allocate(capacity: Self.ringMask + 1)
        staticScores = .allocate(capacity: 1)
        afterOutside = .allocate(capacity: 1)
        cachedKeys = .allocate(capacity: Self.slots)
        cachedKeys.initialize(repeating: FeatureExtractor.WordKey(raw: 0, head: 0, meta: 0), count: Self.slots)
        cachedScores = .allocate(capacity: Self.slots)
        cachedScores.initialize(repeating: PerceptronDecoder.Scores(), count: Self.slots)
    }

    deinit {
        rows.deallocate()
        marks.deallocate()
        keys.deallocate()
        staticScores.deallocate()
        afterOutside.deallocate()
        cachedKeys.deallocate()
        cachedScores.deallocate()
    }

    /// Makes room for the scores of `tokens` region tokens.
    @inline(__always)
    func reserveScores(tokens: Int) {
        guard tokens > scoreCapacity else { return }
        let size = max(tokens, scoreCapacity * 2)
        staticScores.deallocate()
        afterOutside.deallocate()
        staticScores = .allocate(capacity: size)
        afterOutside = .allocate(capacity: size)
        scoreCapacity = size
    }

    /// The word-cache slot of `key`.
    @inline(__always)
    static func slot(_ key: FeatureExtractor.WordKey) -> Int {
        let mixed = (key.raw ^ key.head &* 0x94D0_49BB_1331_11EB ^ key.meta) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> UInt64(64 - slots.trailingZeroBitCount))
    }
}
