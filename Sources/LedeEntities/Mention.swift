/// Where a mention's canonical name comes from.
///
/// Canonical names are never copied per mention: they point into the document's
/// text or into the tagger's lexicon, and become `String`s only at the output edge.
public enum CanonicalSource: Sendable, Hashable {
    /// The mention's own surface text (white space folded).
    case surface
    /// Another byte span of the same document: the full name an alias resolves to.
    case span(start: Int32, end: Int32)
    /// An entry of the tagger's ``CanonicalLexicon`` (gazetteer canonical names).
    case lexicon(Int32)
}

/// One entity mention found in a document.
public struct Mention: Sendable, Hashable {
    /// Byte offset of the first byte of the surface text.
    public var start: Int32
    /// Byte offset one past the surface text.
    public var end: Int32
    /// The entity class.
    public var label: EntityLabel
    /// Where the canonical name is.
    public var canonical: CanonicalSource

    public init(start: Int32, end: Int32, label: EntityLabel, canonical: CanonicalSource = .surface) {
        self.start = start
        self.end = end
        self.label = label
        self.canonical = canonical
    }
}
