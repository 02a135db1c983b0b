import LedeSample
@testable import LedeText

/// A token with its text, for readable expectations.
struct Spelled: Equatable, CustomStringConvertible {
    var text: String
    var kind: TokenKind
    var flags: TokenFlags
    var start: Int
    var end: Int

    var description: String { "\(text)|\(kind)@\(start)..<\(end)" }
}

/// Tokenizes `text` and spells out each token.
func spell(_ text: String, tokenizer: Tokenizer = Tokenizer()) -> [Spelled] {
    let bytes = Array(text.utf8)
    return tokenizer.tokens(of: text).map { token in
        Spelled(
            text: String(decoding: bytes[Int(token.start)..<Int(token.end)], as: UTF8.self),
            kind: token.kind, flags: token.flags, start: Int(token.start), end: Int(token.end))
    }
}

/// The texts of the tokens of `text`.
func texts(_ text: String, tokenizer: Tokenizer = Tokenizer()) -> [String] {
    spell(text, tokenizer: tokenizer).map(\.text)
}

/// The texts of the tokens that open a sentence.
func sentenceStarts(_ text: String) -> [String] {
    spell(text).filter { $0.flags.contains(.sentenceStart) }.map(\.text)
}

/// The project-wide SplitMix64, so that property tests replay exactly from their seed.
typealias SeededGenerator = SplitMix64

