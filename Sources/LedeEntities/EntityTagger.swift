import LedeText

/// A stage that finds entity mentions in one tokenized document at a time.
///
/// Taggers are values owned by one worker: `tag` may keep and reuse scratch
/// storage between documents, so give every concurrent worker its own copy.
public protocol EntityTagger: SendableMetatype {
    /// Appends the document's entity mentions to `mentions`, in text order and
    /// without overlaps.
    ///
    /// - Parameters:
    ///   - text: the document's UTF-8 bytes, the same buffer the tokens index into.
    ///   - tokens: the document's tokens in text order.
    ///   - mentions: a reused array; the caller clears it between documents.
    ///     Mentions that name a ``CanonicalSource/lexicon(_:)`` id refer to ``lexicon``.
    mutating func tag(text: UnsafeRawBufferPointer, tokens: UnsafeBufferPointer<Token>, into mentions: inout [Mention])

    /// The canonical names that this tagger's mentions point at with `.lexicon(id)`.
    var lexicon: CanonicalLexicon { get }
}
