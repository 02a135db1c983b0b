/// Words that keep a final period as part of the token (`Mr.`, `Inc.`, `Jan.`), and what
/// that period says about the end of the sentence.
///
/// The tokenizer asks this set about every word of at most eight ASCII letters that is
/// followed by a period, so a lookup is one hash probe with no allocation: each word is
/// packed, lowercased, into a `UInt64` key.
///
/// Matching ignores case after the first letter. An entry written with a capital first
/// letter (`Mr`) needs a capital in the text (`Mr.`, `MR.`, but not `mr.`), so that common
/// words at the end of a sentence (`no.`, `co.`) are not taken for abbreviations; an entry
/// written in lowercase (`etc`) matches any case.
///
/// Abbreviations with inner periods (`U.S.`, `e.g.`, `Ph.D.`) and single capital initials
/// (`J.`) need no entry: the tokenizer recognises their shape.
public struct Abbreviations: Sendable {
    /// What an abbreviation's period says about the end of a sentence.
    public enum Role: UInt8, Sendable, Hashable {
        /// Precedes a name or number and never ends a sentence (`Mr.`, `Dr.`, `Gen.`, `No.`, `St.`):
        /// the next token is not a sentence start, even after a line break (only a blank line makes one).
        case prefix
        /// Can end a sentence (`Inc.`, `Ltd.`, `etc.`, `Jan.`): the next token is a sentence
        /// start only after a line break, since a capital after it is usually a name (`Co. Ltd.`).
        case other
    }

    /// Open-addressing slots holding packed lowercase keys; 0 marks an empty slot.
    let keys: [UInt64]
    /// For each slot: bit 0 = role is ``Role/other``, bit 1 = a capital first letter is required.
    let info: [UInt8]
    /// `keys.count - 1`; the table size is a power of two.
    let mask: Int

    /// The longest abbreviation, in bytes, that the set can hold.
    public static let maximumLength = 8

    /// Creates a set of abbreviations.
    ///
    /// - Parameters:
    ///   - prefixes: Abbreviations that never end a sentence, without their period (`"Mr"`).
    ///   - others: Abbreviations that can end a sentence, without their period (`"Inc"`).
    /// - Precondition: Every entry is 1 to 8 ASCII letters.
    public init(prefixes: some Sequence<String>, others: some Sequence<String>) {
        var entries: [(key: UInt64, info: UInt8)] = []
        for (words, role) in [(Array(prefixes), Role.prefix), (Array(others), Role.other)] {
            for word in words {
                let utf8 = Array(word.utf8)
                precondition(
                    (1...Abbreviations.maximumLength).contains(utf8.count)
                        && utf8.allSatisfy { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") },
                    "an abbreviation must be 1 to 8 ASCII letters: \(word)")
                let capital: UInt8 = utf8[0] < UInt8(ascii: "a") ? 2 : 0
                entries.append((Abbreviations.pack(utf8), (role == .other ? 1 : 0) | capital))
            }
        }
        var size = 16
        while size < entries.count * 2 { size *= 2 }
        var keys = [UInt64](repeating: 0, count: size)
        var info = [UInt8](repeating: 0, count: size)
        for entry in entries {
            var slot = Abbreviations.hash(entry.key, mask: size - 1)
            while keys[slot] != 0 && keys[slot] != entry.key { slot = (slot + 1) & (size - 1) }
            keys[slot] = entry.key  // a later duplicate replaces the earlier one
            info[slot] = entry.info
        }
        self.keys = keys
        self.info = info
        self.mask = size - 1
    }

    /// The role of `word` (without its period), or `nil` when it is not an abbreviation.
    ///
    /// - Parameter word: The bytes of one word, such as `Mr` or `INC`.
    /// - Returns: The abbreviation's role, or `nil`.
    public func role(of word: UnsafeRawBufferPointer) -> Role? {
        guard let base = word.baseAddress else { return nil }
        return role(base.assumingMemoryBound(to: UInt8.self), count: word.count)
    }

    /// The role of `word` (without its period), or `nil` when it is not an abbreviation.
    public func role(of word: String) -> Role? {
        var word = word
        return word.withUTF8 { role(of: UnsafeRawBufferPointer($0)) }
    }

    /// Looks up the word at `start`, `count` bytes long.
    ///
    /// - Warning: `start` must point to `count` readable bytes.
    func role(_ start: UnsafePointer<UInt8>, count: Int) -> Role? {
        guard count >= 1 && count <= Abbreviations.maximumLength else { return nil }
        var key: UInt64 = 0
        for k in 0..<count {
            let lowered = start[k] | 0x20
            // `| 0x20` lowercases A...Z and maps no other byte into a...z.
            guard lowered >= UInt8(ascii: "a") && lowered <= UInt8(ascii: "z") else { return nil }
            key |= UInt64(lowered) &<< (8 &* UInt64(k))
        }
        var slot = Abbreviations.hash(key, mask: mask)
        while keys[slot] != 0 {
            if keys[slot] == key {
                let bits = info[slot]
                if bits & 2 != 0 && start[0] >= UInt8(ascii: "a") { return nil }
                return bits & 1 != 0 ? .other : .prefix
            }
            slot = (slot &+ 1) & mask
        }
        return nil
    }

    /// Packs up to 8 ASCII letters, lowercased, into a nonzero key (first byte lowest).
    static func pack(_ utf8: [UInt8]) -> UInt64 {
        var key: UInt64 = 0
        for (k, byte) in utf8.enumerated() { key |= UInt64(byte | 0x20) << (8 * UInt64(k)) }
        return key
    }

    /// Fibonacci hashing: multiplies, then keeps the high bits the table needs.
    static func hash(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> 40) & mask
    }
}

extension Abbreviations {
    /// Abbreviations of English news text: titles, ranks, company suffixes, months, US states
    /// (AP style) and Latin shorthand.
    public static let english = Abbreviations(
        prefixes: [
            // Titles and ranks stand before a name.
            "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Mme", "Mlle", "Dr", "Prof", "Rev", "Fr", "Hon",
            "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Cdr", "Adm", "Brig", "Sgt", "Cpl", "Pvt",
            "Sen", "Sens", "Rep", "Reps", "Gov", "Pres", "Amb", "Atty", "Supt", "Insp", "Det",
            // Place prefixes and numbering stand before a name or number.
            "St", "Ste", "Mt", "Ft", "No", "Nos", "Nr", "Vol", "Fig", "Art", "Sec", "vs", "v",
        ],
        others: [
            // Company and name suffixes end names, and so sometimes sentences.
            "Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "Jr", "Sr", "Assn", "Dept", "Univ", "Intl",
            "Ave", "Blvd", "Rd",
            // Months (AP style) stand before a day, but end a sentence too.
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
            // US states (AP style), minus those that are common words (Miss, Wash, Mass, Ill).
            "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ind", "Kan", "Kans",
            "Ky", "La", "Md", "Mich", "Minn", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
            "Tenn", "Tex", "Va", "Vt", "Wis", "Wyo",
            // Latin and other shorthand, in any case.
            // (Not "est" or "ca": EST and CA end sentences as time zone and state.)
            "etc", "al", "approx", "cf", "viz",
        ])
}
