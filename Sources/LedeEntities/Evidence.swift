/// What the words around a stretch of a run say about it.
enum Evidence {
    /// Not looked at yet: the word before the run decides.
    case context
    /// Nothing.
    case none
    /// A person title stands right before it (`President`, `leader`).
    case title
    /// `according to` stands right before it.
    case according
    /// A place preposition stands right before it (`in`, `near`).
    case place
}
