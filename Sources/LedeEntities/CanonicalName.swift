/// Writes a mention's canonical name: the one spelling that counts and tables key on.
///
/// The writer and the aggregator both call this, so that a name broken over a
/// line (`Juan\nGuaido`) and the same name on one line count as one entity.
public struct CanonicalName {
    /// Appends the canonical bytes of `mention` to `out`: its surface text, the
    /// span it aliases, or its lexicon entry, with every run of white space
    /// (space, tab, line feed, carriage return, vertical tab, form feed) folded to
    /// one space and none at either end.
    ///
    /// - Parameters:
    ///   - text: the document the mention was found in.
    ///   - lexicon: the lexicon of the tagger that produced the mention.
    public static func append(
        text: UnsafeRawBufferPointer, mention: Mention, lexicon: CanonicalLexicon, to out: inout [UInt8]
    ) {
        switch mention.canonical {
        case .surface:
            appendFolded(slice(text, mention.start, mention.end), to: &out)
        case let .span(start, end):
            appendFolded(slice(text, start, end), to: &out)
        case let .lexicon(id):
            lexicon.withName(id) { appendFolded($0, to: &out) }
        }
    }

    /// The canonical name of `mention` as a `String` (tests and output edges).
    public static func string(text: UnsafeRawBufferPointer, mention: Mention, lexicon: CanonicalLexicon) -> String {
        var out: [UInt8] = []
        append(text: text, mention: mention, lexicon: lexicon, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `bytes` with white-space runs folded to one space and trimmed.
    public static func appendFolded(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        var pendingSpace = false
        var wroteAny = false
        for byte in bytes {
            if isSpace(byte) {
                pendingSpace = wroteAny
                continue
            }
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            wroteAny = true
            out.append(byte)
        }
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// A bounds-clamped view of `text[start..<end]`: a bad span yields fewer bytes,
    /// never a crash in an output stage.
    private static func slice(_ text: UnsafeRawBufferPointer, _ start: Int32, _ end: Int32) -> UnsafeRawBufferPointer {
        let lower = max(0, min(Int(start), text.count))
        let upper = max(lower, min(Int(end), text.count))
        return UnsafeRawBufferPointer(rebasing: text[lower..<upper])
    }
}
