import LedeText

/// How often each word is written with a capital inside sentences, counted on
/// unlabelled news: a name's spelling (`Trump`, `Caracas`) against a common
/// word's (`binge`, `however`).
///
/// The tagger reads it as a feature, so that a word at a sentence start, in an
/// all-caps headline or in a lowercase social post can be judged by how the word
/// is usually written. Words are keyed like the gazetteer's (case-folded
/// ``ByteKey`` hashes), and each keeps one byte: see ``value(capitalized:lowercase:)``.
///
/// The table is open addressing over a power-of-two capacity, stored in the
/// model file as keys then values; 0 means unknown.
public struct CasePrior: Sendable {
    /// Slot keys (0: empty) and values, `capacity` each.
    private(set) var keys: [UInt64]
    private(set) var values: [UInt8]

    /// Words seen fewer times than this (outside sentence starts) are left out.
    public static let minimumCount: UInt32 = 3

    /// An empty prior: every word unknown.
    public init() {
        keys = [0]
        values = [0]
    }

    init(keys: [UInt64], values: [UInt8]) {
        precondition(keys.count == values.count && keys.count > 0 && keys.count & (keys.count - 1) == 0)
        self.keys = keys
        self.values = values
    }

    /// The number of slots.
    var capacity: Int { keys.count }

    /// The byte of a word with the given counts: 1 + the capitalised share in
    /// eighths (0...7) + 8 when the word is frequent (50 times or more).
    static func value(capitalized: UInt32, lowercase: UInt32) -> UInt8 {
        let total = capitalized + lowercase
        let eighths = min(7, Int(capitalized) * 8 / Int(max(total, 1)))
        return UInt8(1 + eighths + (total >= 50 ? 8 : 0))
    }

    /// Whether a prior byte says the word is almost always capitalised (7/8 or more).
    @inline(__always)
    static func isNameLike(_ value: UInt8) -> Bool {
        value != 0 && (value - 1) & 7 == 7
    }

    /// The prior byte of a word key (a finished ``ByteKey`` hash), 0 when unknown.
    @inline(__always)
    func value(_ key: UInt64) -> UInt8 {
        let key = key == 0 ? 1 : key
        let mask = keys.count - 1
        return keys.withUnsafeBufferPointer { keys in
            var slot = Int(truncatingIfNeeded: key) & mask
            while true {
                let stored = keys[slot]
                if stored == key { return values[slot] }
                if stored == 0 { return 0 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Counts the words of unlabelled documents, then builds a ``CasePrior``.
    public struct Builder {
        private var counts: [UInt64: SIMD2<UInt32>] = [:]

        /// Creates an empty builder.
        public init() {}

        /// Counts the words of one tokenized document. Only words inside sentences
        /// and not in all-caps count: those positions say nothing about case.
        public mutating func add(text: UnsafeRawBufferPointer, tokens: UnsafeBufferPointer<Token>) {
            guard let base = text.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            for token in tokens where token.kind == .word {
                let flags = token.flags
                if flags.contains(.sentenceStart) || flags.contains(.allUppercase) || !flags.contains(.hasLowercase) { continue }
                let start = Int(token.start)
                let key = ByteKey.finish(ByteKey.word(base + start, count: token.length, readable: text.count - start).hash)
                let one = flags.contains(.capitalized) ? SIMD2<UInt32>(1, 0) : SIMD2<UInt32>(0, 1)
                counts[key, default: .zero] &+= one
            }
        }

        /// The prior of every word counted at least ``CasePrior/minimumCount`` times.
        public func build() -> CasePrior {
            let kept = counts.filter { $0.value[0] + $0.value[1] >= CasePrior.minimumCount }
                .map { (key: $0.key == 0 ? 1 : $0.key, value: CasePrior.value(capitalized: $0.value[0], lowercase: $0.value[1])) }
                .sorted { $0.key < $1.key }
            var capacity = 16
            while capacity < kept.count * 2 { capacity <<= 1 }
            var keys = [UInt64](repeating: 0, count: capacity)
            var values = [UInt8](repeating: 0, count: capacity)
            for entry in kept {
                var slot = Int(truncatingIfNeeded: entry.key) & (capacity - 1)
                while keys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
                keys[slot] = entry.key
                values[slot] = entry.value
            }
            return CasePrior(keys: keys, values: values)
        }
    }
}
