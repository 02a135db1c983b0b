/// A tagger whose last pass is in-document alias resolution (``MentionAliasResolver``)
/// and lets it be switched off, so that a wrapper can change the mentions first
/// and then resolve the aliases itself (``UserGazetteerTagger``).
public protocol AliasResolvingTagger: EntityTagger {
    /// Whether ``EntityTagger/tag(text:tokens:into:)`` resolves aliases.
    var resolvesAliases: Bool { get set }
    /// The gazetteer the tagger reads, whose flags the alias pass reads too.
    var gazetteer: Gazetteer { get }
}

// Declared here rather than in Model/, which holds the model's own code: the
// tagger already has both members.
extension PerceptronTagger: AliasResolvingTagger {}
