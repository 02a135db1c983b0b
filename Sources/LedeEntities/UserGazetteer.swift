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
/// Before any hashing, a token is tested against a 2 KiB table of the first
/// tokens' (first byte, length) pairs, so text without user names costs one
/// load and one bit test per token.
public final class UserGazetteer: Sendable {
    /// The entries in use, in the order given, each name rewritten as its tokens
    /// joined by single spaces. Entries without a label are left out.
    public let entries: [Gazetteer.Entry]
    /// The names, as a gazetteer of user entries only.
    let names: Gazetteer
    /// Word `b` has bit `min(n, 63)` set when some name's first token is `n` bytes
    /// long and starts with byte `b` (ASCII letters folded to lowercase).
    private let starts: [UInt64]

    /// Builds the gazetteer of `entries`, reading their names with `tokenizer`
    /// (use the documents' own).
    public init(entries: [Gazetteer.Entry], tokenizer: Tokenizer = Tokenizer()) {
        var normalized: [Gazetteer.Entry] = []
        var starts = [UInt64](repeating: 0, count: 256)
        for var entry in entries where entry.label != nil {
            var name = entry.name
            let bytes = Array(name.utf8)
            let tokens = tokenizer.tokens(of: name)
            guard let first = tokens.first else { continue }
            name = tokens.map { String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self) }
                .joined(separator: " ")
            entry.name = name
            normalized.append(entry)
            starts[Int(ByteKey.fold(bytes[Int(first.start)]))] |= 1 << UInt64(min(first.length, 63))
        }
        self.entries = normalized
        self.starts = starts
        names = Gazetteer(entries: [], userEntries: normalized)
    }

    /// The canonical names of the entries (ids are ``Gazetteer/Match/canonical``).
    public var lexicon: CanonicalLexicon { names.lexicon }

    /// Whether there are no names at all.
    public var isEmpty: Bool { entries.isEmpty }

    /// Whether a name may start at token `t`: the cheap test before any probe.
    @inline(__always)
    func mayStart(_ doc: DocumentView, _ t: Int) -> Bool {
        let token = doc[t]
        return starts[Int(ByteKey.fold(doc.firstByte(t)))] & (1 &<< UInt64(min(token.length, 63))) != 0
    }

    /// The longest name starting at token `t`: its length in tokens and its entry.
    ///
    /// - Parameter keys: scratch for the combined word hashes of the tokens from `t`.
    func longestMatch(_ doc: DocumentView, at t: Int, keys: inout [UInt64]) -> (length: Int, match: Gazetteer.Match)? {
        let word = names.word(text: doc.text, textCount: doc.textCount, token: doc[t])
        let first = names.find(word: word, text: doc.text, textCount: doc.textCount, token: doc[t])
        guard first.found else { return nil }
        let limit = min(first.maxTokens, doc.count - t)
        if limit >= 2 {
            keys.removeAll(keepingCapacity: true)
            var key = word.hash
            keys.append(key)
            for k in 1..<limit {
                key = ByteKey.combine(key, names.word(text: doc.text, textCount: doc.textCount, token: doc[t + k]).hash)
                keys.append(key)
            }
            for length in stride(from: limit, through: 2, by: -1) {
                let match = names.find(hash: ByteKey.finish(keys[length - 1]), text: doc.text, textCount: doc.textCount,
                                       tokens: doc.tokens, from: t, count: length)
                if match.found && match.label != nil { return (length, match) }
            }
        }
        return first.label != nil ? (1, first) : nil
    }
}
