import LedeText

/// A user's own names, each with the label and canonical name it must always get
/// (`SOUTHCOM` → ORG "U.S. Southern Command"); ``UserGazetteerTagger`` puts them
/// on top of any tagger.
///
/// Names are matched as the documents are read: each name is cut into tokens by
/// the documents' ``Tokenizer``, and a match is a run of tokens that equals them
/// ASCII case-insensitively (as ``Gazetteer`` compares), whatever white space
/// stands between them. So `Juan Guaido` matches `JUAN GUAIDO` and `Juan\nGuaido`,
/// and `Yahoo!` matches `Yahoo !`; `AT&T` is one token and does not match
/// `AT & T`. Of two entries for the same name, the later wins.
///
/// Before any hashing, a token is tested against a 2 KiB bit table of the
/// first tokens' (first two bytes, length), so text without user names costs
/// one load and one bit test per token.
public final class UserGazetteer: Sendable {
    /// The entries in use, in the order given, each name rewritten as its tokens
    /// joined by single spaces. Entries without a label are left out.
    public let entries: [Gazetteer.Entry]
    /// The names, as a gazetteer of user entries only.
    let names: Gazetteer
    /// Bit ``startBit(_:count:)`` is set for every name's first token.
    private let starts: [UInt64]

    /// Builds the gazetteer of `entries`, reading their names with `tokenizer`
    /// (use the documents' own).
    public init(entries: [Gazetteer.Entry], tokenizer: Tokenizer = Tokenizer()) {
        var normalized: [Gazetteer.Entry] = []
        var starts = [UInt64](repeating: 0, count: 1 << 8)
        for var entry in entries where entry.label != nil {
            var name = entry.name
            let bytes = Array(name.utf8)
            let tokens = tokenizer.tokens(of: name)
            guard let first = tokens.first else { continue }
            name = tokens.map { String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self) }
                .joined(separator: " ")
            entry.name = name
            normalized.append(entry)
            let bit = bytes[Int(first.start)...].withUnsafeBufferPointer {
                Self.startBit($0.baseAddress!, count: first.length)
            }
            starts[bit >> 6] |= 1 &<< UInt64(bit & 63)
        }
        self.entries = normalized
        self.starts = starts
        // Every proper prefix of a name is a key too (without a label), so that a
        // match grows one token at a time and stops at the first miss: a common
        // word that opens a name (`new` of `New York`) costs two probes, not one
        // per length up to the longest name.
        var prefixes: [Gazetteer.Entry] = []
        for entry in normalized {
            let words = entry.name.split(separator: " ")
            guard words.count > 2 else { continue }
            for length in 2..<words.count {
                prefixes.append(Gazetteer.Entry(name: words[..<length].joined(separator: " "), label: nil))
            }
        }
        names = Gazetteer(entries: prefixes, userEntries: normalized)
    }

    /// The canonical names of the entries (ids are ``Gazetteer/Match/canonical``).
    public var lexicon: CanonicalLexicon { names.lexicon }

    /// Whether there are no names at all.
    public var isEmpty: Bool { entries.isEmpty }

    /// Whether a name may start at token `t`: the cheap test before any probe.
    @inline(__always)
    func mayStart(_ doc: DocumentView, _ t: Int) -> Bool {
        let bit = Self.startBit(doc.bytes(t), count: doc[t].length)
        return starts[bit >> 6] & (1 &<< UInt64(bit & 63)) != 0
    }

    /// One of 2^14 bits for a token, from its length and first two bytes (ASCII
    /// letters folded to lowercase).
    @inline(__always)
    private static func startBit(_ bytes: UnsafePointer<UInt8>, count: Int) -> Int {
        let second = count > 1 ? ByteKey.fold(bytes[1]) : 0
        let key = UInt32(ByteKey.fold(bytes[0])) | UInt32(second) << 8 | UInt32(truncatingIfNeeded: count) << 16
        return Int((key &* 0x9E37_79B1) >> 18)
    }

    /// The longest name starting at token `t`: its length in tokens and its entry.
    func longestMatch(_ doc: DocumentView, at t: Int) -> (length: Int, match: Gazetteer.Match)? {
        let word = names.word(text: doc.text, textCount: doc.textCount, token: doc[t])
        let first = names.find(word: word, text: doc.text, textCount: doc.textCount, token: doc[t])
        guard first.found else { return nil }
        var best: (length: Int, match: Gazetteer.Match)? = first.label != nil ? (1, first) : nil
        let limit = min(first.maxTokens, doc.count - t)
        var key = word.hash
        var length = 1
        while length < limit {
            key = ByteKey.combine(key, names.word(text: doc.text, textCount: doc.textCount, token: doc[t + length]).hash)
            length += 1
            let match = names.find(hash: ByteKey.finish(key), text: doc.text, textCount: doc.textCount,
                                   tokens: doc.tokens, from: t, count: length)
            guard match.found else { break }
            if match.label != nil { best = (length, match) }
        }
        return best
    }
}
