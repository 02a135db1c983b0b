/// How a person slot is written.
enum PersonForm: UInt8, Sendable {
    /// Title + name on first mention, surname later.
    case plain
    /// Like `plain`, but a first mention may take an appositive and a comma
    /// ("Ana Costa, an economist at Meridian Bank, said").
    case subject
    /// Like `subject` at the end of a sentence: appositive without comma.
    case final
    /// `plain` + ’s.
    case possessive
    /// Surname only, as headlines write people.
    case surname
}

/// How a country slot is written.
enum CountryForm: UInt8, Sendable {
    case name, demonym, government, bare, possessive
}

/// Kinds of generated numbers.
enum NumberKind: UInt8, Sendable {
    case count, big, small, percent, money, year, decimal, temperature, magnitude, quarter
}

/// A placeholder in a template.
enum Slot: Sendable {
    case person(UInt8, PersonForm)
    case pronoun(UInt8, possessive: Bool)
    case org(UInt8, short: Bool)
    case country(UInt8, CountryForm)
    case place(UInt8)
    case number(NumberKind)
    case pastDay, futureDay, date, month
    case quote(second: Bool)
    case shortQuote, claim, disease, hashtag
    case openQuote, closeQuote
}

/// One element of a parsed template: literal text or a placeholder.
/// Plain-old-data, so templates live in one flat array.
enum Piece: Sendable {
    case text(Frag)
    case slot(Slot)
}

/// A template: a run of `count` pieces starting at `start` in the flat
/// piece array; `capitalize` when the sentence starts with a placeholder
/// whose text may begin in lower case ("the", "chief executive").
struct TemplateRef: Sendable {
    var start: Int32
    var count: Int32
    var capitalize: Bool
}

/// A contiguous run of entries in one of the vocabulary's flat lists.
struct Pool: Sendable {
    var start: Int32
    var count: Int32
}

/// Parses template text (see `SampleTemplateText`) into pieces.
enum TemplateParser {
    /// Appends the pieces of `text` to `pieces` and returns its reference.
    /// Traps on an unknown placeholder: templates are fixed data, so this
    /// fires in the first test run, never in production.
    static func parse(_ text: String, arena: inout ByteArenaBuilder, pieces: inout [Piece]) -> TemplateRef {
        let start = pieces.count
        var literal = ""
        var rest = Substring(text)
        var startsWithSlot = false
        var first = true
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                preconditionFailure("unclosed placeholder in template: \(text)")
            }
            let name = String(rest[rest.index(after: open)..<close])
            if !literal.isEmpty {
                pieces.append(.text(arena.add(literal)))
                literal = ""
            } else if first {
                startsWithSlot = true
            }
            first = false
            pieces.append(.slot(slot(named: name, in: text)))
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.text(arena.add(literal))) }
        return TemplateRef(start: Int32(start), count: Int32(pieces.count - start), capitalize: startsWithSlot)
    }

    private static func slot(named name: String, in text: String) -> Slot {
        switch name {
        case "NUM": return .number(.count)
        case "BIG": return .number(.big)
        case "SMALL": return .number(.small)
        case "PCT": return .number(.percent)
        case "MONEY": return .number(.money)
        case "YEAR": return .number(.year)
        case "DEC": return .number(.decimal)
        case "TEMP": return .number(.temperature)
        case "MAG": return .number(.magnitude)
        case "QTR": return .number(.quarter)
        case "DAY": return .pastDay
        case "NEXT": return .futureDay
        case "DATE": return .date
        case "MONTH": return .month
        case "Q": return .quote(second: false)
        case "Q2": return .quote(second: true)
        case "QS": return .shortQuote
        case "CL": return .claim
        case "DIS": return .disease
        case "TAG": return .hashtag
        case "OQ": return .openQuote
        case "CQ": return .closeQuote
        default: break
        }
        guard let last = name.last, let digit = last.wholeNumberValue, digit >= 1 else {
            preconditionFailure("unknown placeholder {\(name)} in template: \(text)")
        }
        let index = UInt8(digit - 1)
        switch String(name.dropLast()) {
        case "P" where digit <= 3: return .person(index, .plain)
        case "S" where digit <= 3: return .person(index, .subject)
        case "F" where digit <= 3: return .person(index, .final)
        case "X" where digit <= 3: return .person(index, .possessive)
        case "N" where digit <= 3: return .person(index, .surname)
        case "he" where digit <= 3: return .pronoun(index, possessive: false)
        case "his" where digit <= 3: return .pronoun(index, possessive: true)
        case "O" where digit <= 2: return .org(index, short: false)
        case "OS" where digit <= 2: return .org(index, short: true)
        case "C" where digit <= 2: return .country(index, .name)
        case "CA" where digit <= 2: return .country(index, .demonym)
        case "CG" where digit <= 2: return .country(index, .government)
        case "CH" where digit <= 2: return .country(index, .bare)
        case "CX" where digit <= 2: return .country(index, .possessive)
        case "L" where digit <= 2: return .place(index)
        default: preconditionFailure("unknown placeholder {\(name)} in template: \(text)")
        }
    }
}
