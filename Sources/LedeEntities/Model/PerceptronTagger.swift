import LedeText

/// The statistical entity tagger: a greedy averaged perceptron over BILOU tags,
/// run only on candidate regions (see ``FeatureExtractor``), with weights from a
/// ``PerceptronModel`` trained by `lede train`.
///
/// Mentions that are exactly a built-in gazetteer name get its canonical name
/// (`U.S.` → "United States"); then ``MentionAliasResolver`` links short forms
/// to full names in the same document (`Guaido` → "Juan Guaido", `OAS` →
/// "Organization of American States"); others are their own canonical name.
///
/// The value is small: the decoding scratch lives in a box that a copy shares
/// until its first ``tag(text:tokens:into:)``, which gives the copy a box of its
/// own. So every worker's copy decodes with its own scratch, and copying a
/// tagger into a task moves a few words, not hundreds of bytes.
public struct PerceptronTagger: EntityTagger, Sendable {
    /// The weights.
    public let model: PerceptronModel
    /// The gazetteer the features probe.
    public let gazetteer: Gazetteer
    /// Whether mentions go through in-document alias resolution (on by default).
    public var resolvesAliases = true
    private var scratch: Scratch

    /// Creates a tagger over a loaded model and the built-in gazetteer.
    public init(model: PerceptronModel, gazetteer: Gazetteer = .builtIn) {
        self.model = model
        self.gazetteer = gazetteer
        scratch = Scratch(PerceptronDecoder(model: model, gazetteer: gazetteer))
    }

    /// The gazetteer's canonical names.
    public var lexicon: CanonicalLexicon { gazetteer.lexicon }

    public mutating func tag(text: UnsafeRawBufferPointer, tokens: UnsafeBufferPointer<Token>, into mentions: inout [Mention]) {
        if !isKnownUniquelyReferenced(&scratch) {
            scratch = Scratch(PerceptronDecoder(model: model, gazetteer: gazetteer))
        }
        scratch.decoder.tag(text: text, tokens: tokens, into: &mentions, resolvesAliases: resolvesAliases)
    }

    /// One tagger's decoder, owned by exactly one tagger value while it tags.
    private final class Scratch: @unchecked Sendable {
        // @unchecked: a tagger replaces a shared box before mutating it, so a box
        // is only ever mutated through its single owner.
        var decoder: PerceptronDecoder

        init(_ decoder: PerceptronDecoder) { self.decoder = decoder }
    }
}
