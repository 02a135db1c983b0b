/// A labelled (or not yet labelled) span found by the first pass, before alias
/// resolution decides its final label and canonical name.
struct Candidate {
    /// Byte span.
    var start: Int32
    var end: Int32
    /// Start byte of the last token (the surname of a person).
    var lastStart: Int32
    /// Token span.
    var firstToken: Int32
    var tokenCount: Int32
    /// Word hashes (``ByteKey/word(_:count:readable:)``) of the first and last
    /// tokens, kept from the first pass so that the alias pass never rehashes.
    var firstHash: UInt64
    var lastHash: UInt64
    /// `nil` while only an alias could make it a mention.
    var label: EntityLabel?
    var source: Source
    var canonical: CanonicalSource
    /// Whether the first token is a known given name (`Juan Guaido`, not `Wang Junxia`).
    var startsWithGivenName: Bool
    /// Whether the gazetteer knows the first token at all.
    var startsWithKnownWord: Bool

    /// Why the label was chosen, strongest first; alias resolution may relabel
    /// only the weak ones.
    enum Source: UInt8 {
        /// A user gazetteer entry.
        case user
        /// A built-in gazetteer entry.
        case gazetteer
        /// An organisation keyword.
        case keyword
        /// A title, given name, or reporting-verb context.
        case evidence
        /// A default: an acronym, a place preposition, an unexplained multi-word run.
        case weak
        /// A lone unknown capitalised word: kept only if an alias explains it.
        case pending
    }
}
