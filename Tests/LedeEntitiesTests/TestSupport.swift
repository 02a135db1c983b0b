import LedeText
@testable import LedeEntities

/// How tests turn text into tokens: LedeText's tokenizer, as the pipeline does.
enum TestTokens {
    static func tokenize(_ text: String) -> [Token] {
        Tokenizer().tokens(of: text)
    }
}

/// One mention as the tests compare it: surface, label, canonical name.
struct Tagged: Equatable, CustomStringConvertible {
    var text: String
    var label: String
    var canonical: String

    init(_ text: String, _ label: String, _ canonical: String? = nil) {
        self.text = text
        self.label = label
        self.canonical = canonical ?? text
    }

    var description: String { text == canonical ? "\(label) \(text)" : "\(label) \(text) → \(canonical)" }
}

/// Tags `text` with `tagger` and returns its mentions as surfaces and canonical names.
func tagged<Tagger: EntityTagger>(_ text: String, tagger: inout Tagger) -> [Tagged] {
    mentions(text, tagger: &tagger).map(\.tagged)
}

/// Tags `text` with a tagger over the built-in gazetteer.
func tagged(_ text: String) -> [Tagged] {
    var tagger = RuleTagger()
    return tagged(text, tagger: &tagger)
}

/// A mention with everything a test may check.
struct CheckedMention {
    var mention: Mention
    var tagged: Tagged
}

func mentions<Tagger: EntityTagger>(_ text: String, tagger: inout Tagger) -> [CheckedMention] {
    let bytes = Array(text.utf8)
    let tokens = TestTokens.tokenize(text)
    var mentions: [Mention] = []
    bytes.withUnsafeBytes { raw in
        tokens.withUnsafeBufferPointer { tagger.tag(text: raw, tokens: $0, into: &mentions) }
    }
    let lexicon = tagger.lexicon
    return bytes.withUnsafeBytes { raw in
        mentions.map { mention in
            CheckedMention(mention: mention, tagged: Tagged(
                String(decoding: raw[Int(mention.start)..<Int(mention.end)], as: UTF8.self),
                mention.label.name,
                CanonicalName.string(text: raw, mention: mention, lexicon: lexicon)))
        }
    }
}

/// The mentions of `text` with label `label`, as surfaces.
func surfaces(_ text: String, _ label: String) -> [String] {
    tagged(text).filter { $0.label == label }.map(\.text)
}
