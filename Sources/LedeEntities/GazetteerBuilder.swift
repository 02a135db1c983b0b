/// Merges entries by folded key at build time (allocation is fine here: once per process).
struct GazetteerBuilder {
    private struct Pending {
        var key: [UInt8]
        var label: EntityLabel?
        var flags: Gazetteer.Flags
        /// The spelling that gave the label, used as the canonical name if none is given.
        var labelledName: String?
        var canonical: String?
        var maxTokens: Int
    }

    private var pending: [Pending] = []
    private var index: [[UInt8]: Int] = [:]

    mutating func add(_ entry: Gazetteer.Entry, isUser: Bool) {
        let words = entry.name.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard !words.isEmpty else { return }
        let name = words.joined(separator: " ")
        let key = ByteKey.folded(name)
        let at = slot(for: key)
        if isUser {
            pending[at].label = entry.label
            pending[at].labelledName = entry.label == nil ? nil : name
            pending[at].canonical = entry.canonical
            pending[at].flags.subtract([.commonLowercaseWord, .monthOrDay])
            pending[at].flags.formUnion(entry.flags.union(.userEntry))
        } else {
            pending[at].flags.formUnion(entry.flags)
            if pending[at].label == nil, let label = entry.label, !pending[at].flags.contains(.userEntry) {
                pending[at].label = label
                pending[at].labelledName = name
                pending[at].canonical = entry.canonical
            }
        }
        pending[at].maxTokens = max(pending[at].maxTokens, words.count)
        if words.count > 1 {
            // The first token must exist so that one probe of it tells whether
            // longer probes from there can hit at all.
            let first = slot(for: ByteKey.folded(String(words[0])))
            pending[first].maxTokens = max(pending[first].maxTokens, words.count)
        }
    }

    private mutating func slot(for key: [UInt8]) -> Int {
        if let at = index[key] { return at }
        pending.append(Pending(key: key, label: nil, flags: [], labelledName: nil, canonical: nil, maxTokens: 1))
        index[key] = pending.count - 1
        return pending.count - 1
    }

    func finish() -> (entries: [Gazetteer.StoredEntry], keys: [UInt8], lexicon: CanonicalLexicon) {
        var lexicon = CanonicalLexicon.Builder()
        var keys: [UInt8] = []
        var entries: [Gazetteer.StoredEntry] = []
        entries.reserveCapacity(pending.count)
        for item in pending {
            var flags = item.flags
            var canonical: Int32 = -1
            if item.label != nil, let name = item.labelledName {
                canonical = lexicon.intern(item.canonical ?? name)
                // An acronym that is also an ordinary word (`US`/`us`, `WHO`/`who`)
                // is a name only when written in capitals.
                if flags.contains(.commonLowercaseWord), !flags.contains(.userEntry),
                   name.utf8.count >= 2, name.utf8.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x2E }) {
                    flags.insert(.labelNeedsUppercase)
                }
            }
            entries.append(Gazetteer.StoredEntry(
                prefix: 0, keyOffset: UInt32(keys.count), keyLength: UInt16(min(item.key.count, Int(UInt16.max))),
                label: item.label?.rawValue ?? 0xFF, maxTokens: UInt8(min(item.maxTokens, 255)),
                flags: flags.rawValue, canonical: canonical))
            keys.append(contentsOf: item.key)
        }
        return (entries, keys, CanonicalLexicon(builder: lexicon))
    }
}
