import LedeText

/// The version-1 entity tagger: gazetteers and rules, then in-document aliases.
///
/// It walks the tokens once, skipping every token that is not a capitalised word
/// with a single flag test, and probes the ``Gazetteer`` only for runs of
/// capitalised words: one probe per word (its hash is kept and reused for
/// multi-word probes), more only where the gazetteer has longer names starting
/// with that word. Scratch storage is reused, so tagging allocates nothing once
/// warmed up. Give every worker its own copy; copies share the gazetteer.
///
/// ## Label precedence
///
/// A run is a maximal sequence of capitalised words (and all-capitals acronyms,
/// abbreviations like `U.S.`) on one line or wrapped onto the next line of
/// long-lined prose, with connectors inside only where a capitalised word
/// follows: `of`, `for`, `and`, `&`, `the` after one of those, and the name
/// particles `de`, `del`, `la`, `al`, `von`, `van`, `bin`, …. A clitic (`’s`) ends it.
/// For each run, the first rule that applies wins:
///
/// 1. **Headlines.** If the run is in capitals and longer than 4 words, or a
///    word near it on the line is in capitals too, only gazetteer names are taken.
/// 2. **Leading words dropped.** Person titles (`President`, `Prime Minister`,
///    `Gen.`) become evidence that a person follows and are not part of the
///    name; ordinary words at a clause start (`The`, `However`, `In` — `In`
///    also counts as place evidence), month and day names are dropped.
/// 3. **Known name.** The whole rest of the run, if the gazetteer knows it
///    (≤ 4 tokens): its label, and its lexicon canonical name (`U.S.` → LOC
///    "United States"). User entries always win over built-in ones.
/// 4. **`and`/`&`.** A run joined by `&`, or by `and` and ending in an
///    organisation keyword, is one organisation unless a known name or given
///    name opens it (`Marks & Spencer`, `Procter and Gamble Co.`); otherwise it
///    splits and each part goes on from rule 3 (`Britain and France`).
/// 5. **Keywords.** Last word an organisation keyword, or `Keyword of/for X`:
///    ORG over the run (`U.S. Southern Command`, `Ministry of Defense`; in
///    `Agents of the Bolivarian Intelligence Service` only the part after `of`).
///    The same with an event keyword (`Open`, `Cup`, `War`, `Act`) gives MISC.
/// 6. **Pieces.** Otherwise the run splits at `of`/`for`/`the` and each piece is
///    read left to right: gazetteer names (longest first, ≤ 4 tokens) are taken
///    as they are (`Venezuelan` → MISC), except a single known word inside a
///    person's name (`Michael Jordan`); adjacent MISC names merge (`Iraqi Kurds`);
///    titles inside make what follows a person. Each stretch of unknown words is:
///    - ORG / MISC / LOC if it ends in an organisation / event / place keyword
///      (`River`, `Street`); nothing if it ends in `-based`-style compounds or a
///      lone letter;
///    - PER after a title (`President Maduro`, `leader Juan Guaido`) or if it
///      starts with a known given name;
///    - PER if 2–3 words and followed by `said`/`says`/`told`/…, or after `according to`;
///    - one word: PER if a given name, ORG if an acronym (2–6 capitals, not an
///      ordinary word or Roman numeral), LOC after `in`/`at`/`near`/`from`/`to`,
///      else no mention unless rule 7 explains it (an alias);
///    - 2–4 words with no evidence: LOC after a place preposition, else PER
///      (mixed case only, on one line).
/// 7. **Aliases** (second pass, ``MentionAliasResolver``, the same as the model
///    tagger's): a one-word mention or untagged capitalised word equal to the last
///    word of a person named in the document is that person, with canonical
///    `.span` of the full name (`Guaido` → `Juan Guaido`, also before `’s`, in
///    capitals in a headline, and before the full name appears); so is one equal
///    to the first word of a two-word name the lists know nothing about
///    (`Huang Jun`); an organisation's unknown first word (`Cofinec S.A.`) and
///    acronyms defined as `Full Name (ACRO)` or matching an organisation's
///    initials take that organisation's canonical name.
public struct RuleTagger: AliasResolvingTagger, Sendable {
    /// The shared, immutable gazetteer.
    public let gazetteer: Gazetteer
    /// Whether mentions go through in-document alias resolution (on by default).
    public var resolvesAliases = true
    /// The passes and their scratch, boxed so that the value stays a few words
    /// however much scratch it keeps; a copy gets a box of its own when it first tags.
    private var scratch: Scratch

    /// Creates a tagger over `gazetteer` (the shared built-in one by default).
    public init(gazetteer: Gazetteer = .builtIn) {
        self.gazetteer = gazetteer
        scratch = Scratch(gazetteer: gazetteer)
    }

    /// The gazetteer's canonical names.
    public var lexicon: CanonicalLexicon { gazetteer.lexicon }

    public mutating func tag(text: UnsafeRawBufferPointer, tokens: UnsafeBufferPointer<Token>, into mentions: inout [Mention]) {
        guard let textBase = text.baseAddress, let tokenBase = tokens.baseAddress, !tokens.isEmpty else { return }
        // Tokens are in text order, so the last one bounds them all: the passes
        // read bytes through unchecked pointers.
        precondition(Int(tokens[tokens.count - 1].end) <= text.count, "RuleTagger: tokens reach past the text")
        let doc = DocumentView(
            text: textBase.assumingMemoryBound(to: UInt8.self), textCount: text.count,
            tokens: tokenBase, count: tokens.count)
        if !isKnownUniquelyReferenced(&scratch) { scratch = Scratch(gazetteer: gazetteer) }
        scratch.tag(doc, into: &mentions, resolvesAliases: resolvesAliases)
    }

    /// One tagger's passes, owned by exactly one tagger value while it tags.
    private final class Scratch: @unchecked Sendable {
        // @unchecked: a tagger replaces a shared box before using it, so a box is
        // only ever mutated through its single owner.
        private var analyzer: RunAnalyzer
        private var aliases: MentionAliasResolver

        init(gazetteer: Gazetteer) {
            analyzer = RunAnalyzer(gazetteer: gazetteer)
            aliases = MentionAliasResolver(gazetteer: gazetteer)
        }

        func tag(_ doc: DocumentView, into mentions: inout [Mention], resolvesAliases: Bool) {
            analyzer.scan(doc)
            let base = mentions.count
            for candidate in analyzer.candidates {
                mentions.append(Mention(start: candidate.start, end: candidate.end, label: candidate.label,
                                        canonical: candidate.canonical))
            }
            if resolvesAliases {
                aliases.resolve(doc, &mentions, from: base, candidates: analyzer.candidates,
                                untaggedWords: analyzer.untaggedWords)
            }
        }
    }
}
