import LedeText

/// A tagger with a ``UserGazetteer`` on top: wherever a user's name occurs, the
/// mention is exactly that span, with the user's label and canonical name, and
/// every mention of the base tagger that overlaps it is dropped.
///
/// The pass runs between the base tagger's own tagging and its alias resolution,
/// which this wrapper switches off in the base and runs itself afterwards: so a
/// user's full name explains its short forms like any other (`Guaido` takes
/// the canonical name the user gave `Juan Guaido`), and the user's mentions are
/// stamped again after it, so that no alias rule changes them. The base tagger's
/// features never see the user's names (the model's weights were learned
/// without them).
///
/// Matches are found left to right; where names overlap, the one that starts
/// first wins, then the longest. Scratch arrays are reused, so tagging allocates
/// nothing once warmed up. Without user names, don't wrap: the base tagger alone
/// is the same tagger at no cost.
public struct UserGazetteerTagger<Base: AliasResolvingTagger>: EntityTagger {
    /// The tagger underneath (with its alias pass off).
    public private(set) var base: Base
    /// The user's names.
    public let userGazetteer: UserGazetteer
    /// The base tagger's canonical names with their ids, then the user's.
    public let lexicon: CanonicalLexicon
    /// Whether the base tagger resolved aliases before it was wrapped.
    private let resolvesAliases: Bool
    /// Where the user's canonical names start in ``lexicon``.
    private let userLexiconStart: Int32
    /// This copy's scratch, boxed so that the value stays a few words; a copy
    /// gets a box of its own when it first tags.
    private var scratch: Scratch

    /// Wraps `base`; its alias pass, if on, runs after the user's names are placed.
    public init(base: Base, userGazetteer: UserGazetteer) {
        var base = base
        resolvesAliases = base.resolvesAliases
        base.resolvesAliases = false
        self.base = base
        self.userGazetteer = userGazetteer
        lexicon = CanonicalLexicon(base.lexicon, followedBy: userGazetteer.lexicon)
        userLexiconStart = Int32(base.lexicon.count)
        scratch = Scratch(gazetteer: base.gazetteer)
    }

    public mutating func tag(text: UnsafeRawBufferPointer, tokens: UnsafeBufferPointer<Token>, into mentions: inout [Mention]) {
        let start = mentions.count
        base.tag(text: text, tokens: tokens, into: &mentions)
        guard let textBase = text.baseAddress, let tokenBase = tokens.baseAddress, !tokens.isEmpty else { return }
        precondition(Int(tokens[tokens.count - 1].end) <= text.count, "UserGazetteerTagger: tokens reach past the text")
        let doc = DocumentView(
            text: textBase.assumingMemoryBound(to: UInt8.self), textCount: text.count,
            tokens: tokenBase, count: tokens.count)
        if !isKnownUniquelyReferenced(&scratch) { scratch = Scratch(gazetteer: base.gazetteer) }
        scratch.findUserNames(doc, userGazetteer, lexiconStart: userLexiconStart)
        let found = !scratch.matches.isEmpty
        if found { scratch.replaceOverlapping(&mentions, from: start) }
        if resolvesAliases {
            scratch.aliases.resolve(doc, &mentions, from: start)
            if found { scratch.stampUserNames(&mentions, from: start) }
        }
    }

    /// One tagger's scratch, owned by exactly one tagger value while it tags.
    private final class Scratch: @unchecked Sendable {
        // @unchecked: a tagger replaces a shared box before using it, so a box is
        // only ever mutated through its single owner.
        var aliases: MentionAliasResolver
        /// The user's mentions in the current document, in text order.
        var matches: [Mention] = []
        private var merged: [Mention] = []

        init(gazetteer: Gazetteer) {
            aliases = MentionAliasResolver(gazetteer: gazetteer)
        }

        /// Fills ``matches`` with the user's names in the document, leftmost-longest.
        func findUserNames(_ doc: DocumentView, _ names: UserGazetteer, lexiconStart: Int32) {
            matches.removeAll(keepingCapacity: true)
            var t = 0
            while t < doc.count {
                if names.mayStart(doc, t), let (length, match) = names.longestMatch(doc, at: t),
                   let label = match.label {
                    matches.append(Mention(
                        start: doc[t].start, end: doc[t + length - 1].end, label: label,
                        canonical: .lexicon(lexiconStart + match.canonical)))
                    t += length
                } else {
                    t += 1
                }
            }
        }

        /// Puts ``matches`` among `mentions[start...]`, dropping the mentions they overlap.
        func replaceOverlapping(_ mentions: inout [Mention], from start: Int) {
            merged.removeAll(keepingCapacity: true)
            var u = 0
            for k in start..<mentions.count {
                let mention = mentions[k]
                while u < matches.count && matches[u].end <= mention.start {
                    merged.append(matches[u])
                    u += 1
                }
                if u < matches.count && matches[u].start < mention.end { continue }
                merged.append(mention)
            }
            merged.append(contentsOf: matches[u...])
            mentions.replaceSubrange(start..., with: merged)
        }

        /// Gives the user's mentions back their label and canonical name after the
        /// alias pass (which only relabels mentions and adds others between them).
        func stampUserNames(_ mentions: inout [Mention], from start: Int) {
            var u = 0
            for k in start..<mentions.count where u < matches.count {
                if mentions[k].start == matches[u].start {
                    mentions[k] = matches[u]
                    u += 1
                }
            }
        }
    }
}

extension UserGazetteerTagger: Sendable where Base: Sendable {}
