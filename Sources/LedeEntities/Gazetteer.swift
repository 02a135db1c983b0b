import CLedePrefetch
import LedeText

/// An immutable hash table from names (and name-like words) to what they are.
///
/// Keys are byte sequences: one token, or several tokens joined by single spaces
/// (`united nations`), compared with ASCII letters case-folded, so `LONDON`,
/// `London` and `london` find the same entry. Each entry carries an optional
/// ``EntityLabel``, ``Flags`` (given name, person title, organisation keyword, …)
/// and an optional canonical name in ``lexicon``.
///
/// Probes never copy or allocate: ``lookup(_:)-(UnsafeRawBufferPointer)`` takes a
/// byte slice, and ``lookup(text:tokens:range:)`` takes a run of tokens in place,
/// hashing them as if they were joined by single spaces.
///
/// The table is open addressing with 8-byte slots (a 32-bit hash tag and an entry
/// index) at most a third full, over 24-byte entries that hold the first 8 key
/// bytes, so a miss usually costs one slot read and a hit of a short key one more.
/// The whole table (about 300 KB built in) stays in a core's L2 cache.
public final class Gazetteer: @unchecked Sendable {
    // @unchecked: the raw buffers below are written only in `init` and freed in
    // `deinit`; afterwards they are read-only, so sharing across tasks is safe.

    /// What an entry says about a word or name besides its label.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// A common given name (`Juan`, `Nicolas`): a run that starts with it is a person.
        public static let givenName = Flags(rawValue: 1 << 0)
        /// A word that ends or heads organisation names (`Ministry`, `Bank`, `Inc`).
        public static let orgKeyword = Flags(rawValue: 1 << 1)
        /// A title or role before a person's name (`President`, `Mr.`, `spokesman`).
        public static let personTitle = Flags(rawValue: 1 << 2)
        /// A nationality or people adjective (`Venezuelan`): labelled `MISC`.
        public static let demonym = Flags(rawValue: 1 << 3)
        /// An ordinary English word that is capitalised only at a sentence start (`The`, `However`).
        public static let commonLowercaseWord = Flags(rawValue: 1 << 4)
        /// A lowercase word allowed inside a name (`of`, `de`, `van`).
        public static let connector = Flags(rawValue: 1 << 5)
        /// A month or weekday name: not an entity on its own.
        public static let monthOrDay = Flags(rawValue: 1 << 6)
        /// A word that ends place names (`River`, `Street`, `Island`).
        public static let locationKeyword = Flags(rawValue: 1 << 7)
        /// A preposition that introduces places (`in`, `near`).
        public static let locationPreposition = Flags(rawValue: 1 << 8)
        /// A reporting verb (`said`, `told`): a name right before it is a speaker.
        public static let speechVerb = Flags(rawValue: 1 << 9)
        /// The label holds only when the token is written in capitals (`US` is a
        /// place, `Us` is a pronoun): set when an acronym collides with a common word.
        public static let labelNeedsUppercase = Flags(rawValue: 1 << 10)
        /// The entry came from ``Gazetteer/init(userEntries:)``, not the built-in lists.
        public static let userEntry = Flags(rawValue: 1 << 11)
        /// A word that ends (`U.S. Open`, `Gulf War`) or heads (`Treaty of Rome`)
        /// names of events, wars, laws and prizes: labelled `MISC`.
        public static let miscKeyword = Flags(rawValue: 1 << 12)
    }

    /// One name to put in a gazetteer.
    public struct Entry: Sendable, Hashable {
        /// The name as tokens separated by single spaces (`Southern Command`, `U.S.`).
        public var name: String
        /// The entity class, or `nil` for entries that only carry flags.
        public var label: EntityLabel?
        /// What else the name is.
        public var flags: Flags
        /// The canonical name, if it differs from `name` (`United States` for `U.S.`).
        public var canonical: String?

        /// Creates an entry; `name` may use any white space between its words.
        public init(name: String, label: EntityLabel?, flags: Flags = [], canonical: String? = nil) {
            self.name = name
            self.label = label
            self.flags = flags
            self.canonical = canonical
        }

        /// Parses user gazetteer lines `name<TAB>LABEL[<TAB>canonical]`.
        ///
        /// Blank lines and lines starting with `#` are skipped; lines may end in
        /// `\r\n`. `LABEL` is `PER`, `ORG`, `LOC` or `MISC`. Spaces around the label
        /// and the canonical name are ignored, and an empty canonical name means the
        /// name itself.
        public static func parseTSV(_ text: String) throws(ParseError) -> [Entry] {
            var entries: [Entry] = []
            var lineNumber = 0
            // By scalars, not Characters: `\r\n` is one Character and would hide the line break.
            for scalars in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
                lineNumber += 1
                let line = Substring(scalars.last == "\r" ? scalars.dropLast() : scalars)
                if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count >= 2, fields.count <= 3 else {
                    throw ParseError(line: lineNumber, message: "expected name<TAB>LABEL[<TAB>canonical], found \(fields.count) field(s)")
                }
                let name = fields[0].split(whereSeparator: { $0 == " " }).joined(separator: " ")
                guard !name.isEmpty else { throw ParseError(line: lineNumber, message: "empty name") }
                let labelName = fields[1].trimmingSpaces
                guard let label = EntityLabel(name: labelName) else {
                    throw ParseError(line: lineNumber, message: "unknown label '\(labelName)' (PER, ORG, LOC or MISC)")
                }
                let canonical = fields.count == 3 ? fields[2].trimmingSpaces : ""
                entries.append(Entry(name: name, label: label, canonical: canonical.isEmpty ? nil : canonical))
            }
            return entries
        }
    }

    /// A malformed user gazetteer line.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// 1-based line number.
        public var line: Int
        /// What is wrong with the line.
        public var message: String
        public var description: String { "gazetteer line \(line): \(message)" }
    }

    /// What a probe found.
    public struct Match: Sendable, Hashable {
        /// The entity class, or `nil` if the entry only carries flags.
        public var label: EntityLabel?
        /// What else the key is (given name, title, keyword, …).
        public var flags: Flags
        /// Lexicon id of the canonical name (set for every labelled entry), or -1.
        public var canonical: Int32
        /// The most tokens of any entry whose first token is this key: probing
        /// longer sequences that start here can only miss.
        public var maxTokens: Int { Int(tokenLimit) }
        /// Whether the key exists at all (entries that only start longer names exist too).
        public var found: Bool
        var tokenLimit: UInt8

        init(label: EntityLabel?, flags: Flags, canonical: Int32, maxTokens: UInt8, found: Bool) {
            self.label = label
            self.flags = flags
            self.canonical = canonical
            self.tokenLimit = maxTokens
            self.found = found
        }

        static let none = Match(label: nil, flags: [], canonical: -1, maxTokens: 0, found: false)
    }

    /// The canonical names that labelled entries point at.
    public let lexicon: CanonicalLexicon
    /// The number of distinct keys, including keys that only start longer names.
    public let count: Int

    private let slots: UnsafeMutablePointer<UInt64>
    private let mask: Int
    private let stored: UnsafeMutablePointer<StoredEntry>
    private let keys: UnsafeMutablePointer<UInt8>
    /// Bytes readable from `keys`: the arena plus 8 bytes of zero padding, so
    /// that keys can be compared eight bytes at a time.
    private let keysReadable: Int

    /// 24 bytes: a probe that hits a key of up to 8 bytes reads nothing else.
    struct StoredEntry {
        /// The first 8 bytes of the folded key, zero-padded.
        var prefix: UInt64
        var keyOffset: UInt32
        var keyLength: UInt16
        var label: UInt8  // EntityLabel raw value, or 0xFF
        var maxTokens: UInt8
        var flags: UInt32
        var canonical: Int32
    }

    /// Builds the built-in gazetteer plus `userEntries`; a user entry always wins
    /// over a built-in one with the same key.
    public convenience init(userEntries: [Entry]) {
        self.init(entries: Gazetteer.builtInEntries, userEntries: userEntries)
    }

    /// Builds a gazetteer from `entries` (merged: flags add up, the first label
    /// given for a key stays) and `userEntries`, which replace the label and
    /// canonical name of any entry with the same key and are never treated as
    /// ordinary words or calendar names.
    public init(entries: [Entry], userEntries: [Entry] = []) {
        var table = GazetteerBuilder()
        for entry in entries { table.add(entry, isUser: false) }
        for entry in userEntries { table.add(entry, isUser: true) }
        let built = table.finish()
        lexicon = built.lexicon
        count = built.entries.count

        var capacity = 16
        while capacity < built.entries.count * 3 { capacity <<= 1 }
        mask = capacity - 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        keysReadable = built.keys.count + 8
        keys = .allocate(capacity: keysReadable)
        keys.initialize(from: built.keys, count: built.keys.count)
        (keys + built.keys.count).initialize(repeating: 0, count: 8)
        stored = .allocate(capacity: max(1, built.entries.count))
        for (index, var entry) in built.entries.enumerated() {
            let key = keys + Int(entry.keyOffset)
            let readable = keysReadable - Int(entry.keyOffset)
            entry.prefix = ByteKey.load(key, count: Int(entry.keyLength), readable: readable)
            (stored + index).initialize(to: entry)
            let hash = ByteKey.hash(key, count: Int(entry.keyLength), readable: readable)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(index + 1)
        }
    }

    deinit {
        slots.deallocate()
        stored.deallocate()
        keys.deallocate()
    }

    // MARK: - Probes

    /// Looks up a key given as bytes (words separated by single spaces), ASCII case-insensitively.
    public func lookup(_ key: UnsafeRawBufferPointer) -> Match? {
        guard let base = key.baseAddress, !key.isEmpty else { return nil }
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        let hash = ByteKey.hash(bytes, count: key.count, readable: key.count)
        let match = probe(hash: hash, length: key.count) { entry in
            ByteKey.equalFolded(bytes, readableA: key.count, keys + Int(entry.keyOffset),
                                readableB: keysReadable - Int(entry.keyOffset), count: key.count)
        }
        return match.found ? match : nil
    }

    /// Looks up a key given as a `String` (convenience for tests and configuration).
    public func lookup(_ key: String) -> Match? {
        var key = key
        return key.withUTF8 { lookup(UnsafeRawBufferPointer($0)) }
    }

    /// Looks up the tokens `range` of a document, as if joined by single spaces,
    /// without copying them.
    public func lookup(text: UnsafeRawBufferPointer, tokens: UnsafeBufferPointer<Token>, range: Range<Int>) -> Match? {
        guard let textBase = text.baseAddress, let tokenBase = tokens.baseAddress,
              !range.isEmpty, range.lowerBound >= 0, range.upperBound <= tokens.count else { return nil }
        let bytes = textBase.assumingMemoryBound(to: UInt8.self)
        for index in range where tokens[index].start < 0 || Int(tokens[index].end) > text.count
            || tokens[index].end < tokens[index].start { return nil }
        var key: UInt64 = 0
        for index in range {
            let hash = word(text: bytes, textCount: text.count, token: tokens[index]).hash
            key = index == range.lowerBound ? hash : ByteKey.combine(key, hash)
        }
        let match = find(hash: ByteKey.finish(key), text: bytes, textCount: text.count,
                         tokens: tokenBase, from: range.lowerBound, count: range.count)
        return match.found ? match : nil
    }

    // MARK: - Hot path (the tagger's probes)

    /// The hash and head of one token's bytes, to pass to
    /// ``find(word:text:textCount:token:)`` and to combine (with
    /// `ByteKey.combine`) for multi-token probes.
    @inline(__always)
    func word(text: UnsafePointer<UInt8>, textCount: Int, token: Token) -> ByteKey.Word {
        ByteKey.word(text + Int(token.start), count: token.length, readable: textCount - Int(token.start))
    }

    /// Asks the CPU for the slot that ``find(word:text:textCount:token:)`` reads
    /// first for the word whose finished hash (`ByteKey.finish`) is `key`, so
    /// that a later probe finds it in the cache.
    @inline(__always)
    func prefetch(key: UInt64) {
        lede_prefetch(slots + (Int(truncatingIfNeeded: key) & mask))
    }

    /// Probes one token whose ``word(text:textCount:token:)`` is `word`.
    ///
    /// The tagger's most frequent call, written as a plain loop: a miss usually
    /// reads one slot, a hit of a word of up to 8 bytes one slot and one entry.
    @inline(__always)
    func find(word: ByteKey.Word, text: UnsafePointer<UInt8>, textCount: Int, token: Token) -> Match {
        let length = token.length
        let hash = ByteKey.finish(word.hash)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let value = slots[slot]
            if value == 0 { return .none }
            if value & 0xFFFF_FFFF_0000_0000 == tag {
                let entry = stored[Int(truncatingIfNeeded: value & 0xFFFF_FFFF) - 1]
                if Int(entry.keyLength) == length && word.head == entry.prefix
                    && (length <= 8 || restEquals(entry, text: text, textCount: textCount, token: token)) {
                    return Match(
                        label: Self.label(entry.label), flags: Flags(rawValue: entry.flags),
                        canonical: entry.canonical, maxTokens: entry.maxTokens, found: true)
                }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Compares the bytes of a long word after its first 8 with an entry's key.
    private func restEquals(_ entry: StoredEntry, text: UnsafePointer<UInt8>, textCount: Int, token: Token) -> Bool {
        let offset = Int(entry.keyOffset) + 8
        let start = Int(token.start) + 8
        return ByteKey.equalFolded(text + start, readableA: textCount - start, keys + offset,
                                   readableB: keysReadable - offset, count: token.length - 8)
    }

    /// Probes tokens `from ..< from + count` joined by virtual single spaces, given
    /// the finished hash of their combined word hashes.
    @inline(__always)
    func find(hash: UInt64, text: UnsafePointer<UInt8>, textCount: Int,
              tokens: UnsafePointer<Token>, from: Int, count: Int) -> Match {
        var length = count - 1
        for index in from..<(from + count) { length += tokens[index].length }
        return probe(hash: hash, length: length) { entry in
            var offset = Int(entry.keyOffset)
            for index in from..<(from + count) {
                let token = tokens[index]
                if index != from {
                    guard keys[offset] == 0x20 else { return false }
                    offset += 1
                }
                guard ByteKey.equalFolded(text + Int(token.start), readableA: textCount - Int(token.start),
                                          keys + offset, readableB: keysReadable - offset, count: token.length)
                else { return false }
                offset += token.length
            }
            return true
        }
    }

    @inline(__always)
    private static func label(_ raw: UInt8) -> EntityLabel? {
        switch raw {
        case 0: .person
        case 1: .organization
        case 2: .location
        case 3: .miscellaneous
        default: nil
        }
    }

    @inline(__always)
    private func probe(hash: UInt64, length: Int, equals: (StoredEntry) -> Bool) -> Match {
        guard length <= Int(UInt16.max) else { return .none }
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let value = slots[slot]
            if value == 0 { return .none }
            if value & 0xFFFF_FFFF_0000_0000 == tag {
                let entry = stored[Int(truncatingIfNeeded: value & 0xFFFF_FFFF) - 1]
                if Int(entry.keyLength) == length && equals(entry) {
                    return Match(
                        label: Self.label(entry.label), flags: Flags(rawValue: entry.flags),
                        canonical: entry.canonical, maxTokens: entry.maxTokens, found: true)
                }
            }
            slot = (slot + 1) & mask
        }
    }
}
