import CLedePrefetch
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
/// The table is open addressing over a power-of-two capacity of 4-byte slots,
/// each the top 24 bits of a word's key above its value byte (0: empty), so a
/// probe reads one slot of a table small enough for the L2 cache. A foreign key
/// with the same slot and top bits reads as that word: about one probe in 16
/// million, harmless for a feature.
public struct CasePrior: Sendable {
    /// The slots, a power of two of them.
    private(set) var slots: [UInt32]

    /// Words seen fewer times than this (outside sentence starts) are left out.
    public static let minimumCount: UInt32 = 3

    /// An empty prior: every word unknown.
    public init() {
        slots = [0]
    }

    init(slots: [UInt32]) {
        precondition(slots.count > 0 && slots.count & (slots.count - 1) == 0)
        self.slots = slots
    }

    /// The number of slots.
    var capacity: Int { slots.count }

    @inline(__always)
    static func tag(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key >> 40) }

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
        let tag = Self.tag(key)
        let mask = slots.count - 1
        return slots.withUnsafeBufferPointer { slots in
            var index = Int(truncatingIfNeeded: key) & mask
            while true {
                let stored = slots[index]
                if stored == 0 { return 0 }
                if stored >> 8 == tag { return UInt8(truncatingIfNeeded: stored) }
                index = (index + 1) & mask
            }
        }
    }

    /// Asks the CPU for the slot that ``value(_:)`` reads first for `key`.
    @inline(__always)
    func prefetch(_ key: UInt64) {
        slots.withUnsafeBufferPointer { lede_prefetch($0.baseAddress! + (Int(truncatingIfNeeded: key) & ($0.count - 1))) }
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
                .map { (key: $0.key, value: CasePrior.value(capitalized: $0.value[0], lowercase: $0.value[1])) }
                .sorted { $0.key < $1.key }
            var capacity = 16
            while capacity < kept.count * 2 { capacity <<= 1 }
            var slots = [UInt32](repeating: 0, count: capacity)
            for entry in kept {
                let tag = CasePrior.tag(entry.key)
                var index = Int(truncatingIfNeeded: entry.key) & (capacity - 1)
                while slots[index] != 0 && slots[index] >> 8 != tag { index = (index + 1) & (capacity - 1) }
                if slots[index] == 0 { slots[index] = tag << 8 | UInt32(entry.value) }
            }
            return CasePrior(slots: slots)
        }
    }
}
