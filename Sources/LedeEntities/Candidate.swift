/// A labelled span found by the first pass of ``RuleTagger``, before it becomes
/// a ``Mention`` for alias resolution.
struct Candidate {
    /// Byte span.
    var start: Int32
    var end: Int32
    /// Token span.
    var firstToken: Int32
    var tokenCount: Int32
    var label: EntityLabel
    var source: Source
    var canonical: CanonicalSource

    /// Why the label was chosen, strongest first: later rules extend only
    /// organisations that rest on the gazetteer or a keyword (`AIG Financial Products`).
    enum Source: UInt8 {
        /// A user gazetteer entry.
        case user
        /// A built-in gazetteer entry.
        case gazetteer
        /// An organisation or event keyword.
        case keyword
        /// A title, given name, or reporting-verb context.
        case evidence
        /// A default: an acronym, a place preposition, an unexplained multi-word run.
        case weak
    }
}
