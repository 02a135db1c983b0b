import FuzzSupport
import LedeIO

/// What the reference parser makes of one line: a rejection, or the four fields.
struct ReferenceOutcome: Equatable, CustomStringConvertible {
    /// The reason and offset of a rejection; the offset is `nil` where `JSONFieldScanner` leaves
    /// it to its own judgement (the exact byte of a `not-json` syntax error).
    var rejection: (reason: RejectReason, offset: Int?)?
    var text: [UInt8]?
    var id: [UInt8]?
    var idIsNumber = false
    var date: [UInt8]?
    var source: [UInt8]?

    static func == (a: ReferenceOutcome, b: ReferenceOutcome) -> Bool {
        a.rejection?.reason == b.rejection?.reason && a.rejection?.offset == b.rejection?.offset
            && a.text == b.text && a.id == b.id && a.idIsNumber == b.idIsNumber && a.date == b.date
            && a.source == b.source
    }

    var description: String {
        if let rejection { return "rejected: \(rejection.reason.rawValue) at \(rejection.offset.map(String.init) ?? "any")" }
        func show(_ bytes: [UInt8]?) -> String { bytes.map { fuzzLiteral($0, limit: 64) } ?? "absent" }
        return "accepted: text \(show(text)), id \(show(id))\(idIsNumber ? " (number)" : ""), date \(show(date)), source \(show(source))"
    }
}

/// A plain recursive-descent reading of RFC 8259 with the rules `JSONFieldScanner` documents, to
/// check the scanner's single-pass, non-recursive parser against.
///
/// It is deliberately written differently: a validity pass over the whole line first, then
/// recursion over values, decoding every string.
struct ReferenceJSONParser {
    struct Problem: Error {
        var reason: RejectReason
        var offset: Int?
    }

    let bytes: [UInt8]
    let fields: FieldNames
    var i = 0

    init(_ bytes: [UInt8], fields: FieldNames) {
        self.bytes = bytes
        self.fields = fields
    }

    /// Parses the line as the scanner documents it.
    static func outcome(of line: [UInt8], fields: FieldNames) -> ReferenceOutcome {
        if let problem = UTF8Unit.firstByteProblem(line) {
            return ReferenceOutcome(rejection: (problem.isNUL ? .nulByte : .invalidUTF8, problem.offset))
        }
        var parser = ReferenceJSONParser(line, fields: fields)
        do {
            return try parser.parseLine()
        } catch {
            return ReferenceOutcome(rejection: (error.reason, error.offset))
        }
    }

    mutating func parseLine() throws(Problem) -> ReferenceOutcome {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        skipWhitespace()
        guard i < bytes.count else { throw Problem(reason: .notJSON, offset: nil) }
        guard bytes[i] == UInt8(ascii: "{") else {
            let start = i
            _ = try parseValue()
            skipWhitespace()
            guard i == bytes.count else { throw Problem(reason: .notJSON, offset: nil) }
            return ReferenceOutcome(rejection: (.notObject, start))
        }
        i += 1
        var outcome = ReferenceOutcome()
        var textNotStringAt: Int?
        var members = 0
        while true {
            skipWhitespace()
            if members == 0, i < bytes.count, bytes[i] == UInt8(ascii: "}") { break }
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw Problem(reason: .notJSON, offset: nil) }
            let key = try parseString()
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw Problem(reason: .notJSON, offset: nil) }
            i += 1
            skipWhitespace()
            let valueStart = i
            let value = try parseValue()
            let literal = Array(bytes[valueStart..<i])
            if key == fields.text {
                outcome.text = value
                textNotStringAt = value == nil ? valueStart : nil
            }
            if key == fields.id {
                if let value {
                    outcome.id = value
                    outcome.idIsNumber = false
                } else if literal.first == UInt8(ascii: "-") || literal.first.map({ (0x30...0x39).contains($0) }) == true {
                    outcome.id = literal
                    outcome.idIsNumber = true
                } else {
                    outcome.id = nil
                    outcome.idIsNumber = false
                }
            }
            if key == fields.date { outcome.date = value }
            if key == fields.source { outcome.source = value }
            members += 1
            skipWhitespace()
            guard i < bytes.count else { throw Problem(reason: .notJSON, offset: nil) }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            guard bytes[i] == UInt8(ascii: "}") else { throw Problem(reason: .notJSON, offset: nil) }
            break
        }
        let objectEnd = i
        i += 1
        skipWhitespace()
        guard i == bytes.count else { throw Problem(reason: .notJSON, offset: nil) }
        if outcome.text == nil {
            let rejection: (RejectReason, Int?) = textNotStringAt.map { (.textNotString, $0) } ?? (.missingText, objectEnd)
            return ReferenceOutcome(rejection: rejection)
        }
        return outcome
    }

    /// The escapes of one letter and the byte each stands for.
    static let simpleEscapes: [UInt8: UInt8] = [
        0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09,
    ]

    mutating func skipWhitespace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    /// Parses any value; returns its decoded bytes when it is a string.
    mutating func parseValue() throws(Problem) -> [UInt8]? {
        guard i < bytes.count else { throw Problem(reason: .notJSON, offset: nil) }
        switch bytes[i] {
        case UInt8(ascii: "\""):
            return try parseString()
        case UInt8(ascii: "{"):
            i += 1
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                i += 1
                return nil
            }
            while true {
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                    throw Problem(reason: .notJSON, offset: nil)
                }
                _ = try parseString()
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                    throw Problem(reason: .notJSON, offset: nil)
                }
                i += 1
                skipWhitespace()
                _ = try parseValue()
                skipWhitespace()
                guard i < bytes.count else { throw Problem(reason: .notJSON, offset: nil) }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                guard bytes[i] == UInt8(ascii: "}") else { throw Problem(reason: .notJSON, offset: nil) }
                i += 1
                return nil
            }
        case UInt8(ascii: "["):
            i += 1
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                i += 1
                return nil
            }
            while true {
                skipWhitespace()
                _ = try parseValue()
                skipWhitespace()
                guard i < bytes.count else { throw Problem(reason: .notJSON, offset: nil) }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                guard bytes[i] == UInt8(ascii: "]") else { throw Problem(reason: .notJSON, offset: nil) }
                i += 1
                return nil
            }
        case UInt8(ascii: "t"):
            try expectLiteral("true")
        case UInt8(ascii: "f"):
            try expectLiteral("false")
        case UInt8(ascii: "n"):
            try expectLiteral("null")
        default:
            try parseNumber()
        }
        return nil
    }

    mutating func expectLiteral(_ word: StaticString) throws(Problem) {
        let expected = UnsafeRawBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard bytes[i...].starts(with: expected) else { throw Problem(reason: .notJSON, offset: nil) }
        i += expected.count
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    mutating func parseNumber() throws(Problem) {
        func isDigit(_ k: Int) -> Bool { k < bytes.count && (0x30...0x39).contains(bytes[k]) }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else { throw Problem(reason: .notJSON, offset: nil) }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else {
            while isDigit(i) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else { throw Problem(reason: .notJSON, offset: nil) }
            while isDigit(i) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard isDigit(i) else { throw Problem(reason: .notJSON, offset: nil) }
            while isDigit(i) { i += 1 }
        }
    }

    /// Parses a string whose opening quote is at `i`; returns its decoded UTF-8.
    mutating func parseString() throws(Problem) -> [UInt8] {
        i += 1
        var decoded: [UInt8] = []
        while true {
            guard i < bytes.count else { throw Problem(reason: .notJSON, offset: nil) }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return decoded
            }
            if b < 0x20 { throw Problem(reason: .notJSON, offset: nil) }
            if b != UInt8(ascii: "\\") {
                decoded.append(b)
                i += 1
                continue
            }
            let escape = i
            guard i + 1 < bytes.count else { throw Problem(reason: .notJSON, offset: nil) }
            if let value = Self.simpleEscapes[bytes[i + 1]] {
                decoded.append(value)
                i += 2
                continue
            }
            guard bytes[i + 1] == UInt8(ascii: "u") else { throw Problem(reason: .invalidEscape, offset: escape) }
            guard let unit = hex4(at: i + 2) else { throw Problem(reason: .invalidEscape, offset: escape) }
            i += 6
            var scalar = unit
            if (0xDC00...0xDFFF).contains(unit) { throw Problem(reason: .loneSurrogate, offset: escape) }
            if (0xD800...0xDBFF).contains(unit) {
                guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                    throw Problem(reason: .loneSurrogate, offset: escape)
                }
                guard let low = hex4(at: i + 2) else { throw Problem(reason: .invalidEscape, offset: i) }
                guard (0xDC00...0xDFFF).contains(low) else { throw Problem(reason: .loneSurrogate, offset: escape) }
                scalar = 0x1_0000 + (unit - 0xD800) * 0x400 + (low - 0xDC00)
                i += 6
            }
            decoded += UTF8.encode(Unicode.Scalar(scalar)!)!
        }
    }

    func hex4(at start: Int) -> UInt32? {
        guard start + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for b in bytes[start..<start + 4] {
            guard let digit = Character(Unicode.Scalar(b)).hexDigitValue, b < 0x80 else { return nil }
            value = value * 16 + UInt32(digit)
        }
        return value
    }
}
