/// The scratch memory of ``PerceptronDecoder``'s static scores: the rows of one
/// region's tokens, where each token's rows are, the word cache, and the scores
/// of the document's region tokens.
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
        var hit = false
    }

    /// Word-cache slots: a power of two.
    static let slots = 2048

    private(set) var rows: UnsafeMutablePointer<UInt32>
    private(set) var marks: UnsafeMutablePointer<TokenRows>
    /// Tokens the buffers hold rows for.
    private(set) var capacity = 0
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
        rows = .allocate(capacity: 1)
        marks = .allocate(capacity: 1)
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
        staticScores.deallocate()
        afterOutside.deallocate()
        cachedKeys.deallocate()
        cachedScores.deallocate()
    }

    /// Makes room for the rows of `tokens` tokens (``FeatureExtractor/maxRows`` each).
    @inline(__always)
    func reserve(tokens: Int) {
        guard tokens > capacity else { return }
        let size = max(tokens, capacity * 2)
        rows.deallocate()
        marks.deallocate()
        rows = .allocate(capacity: size * FeatureExtractor.maxRows)
        marks = .allocate(capacity: size)
        capacity = size
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
