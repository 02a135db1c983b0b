import LedeIO
import Testing

/// Seeded property tests: random strings, encoded as JSON with random escaping choices, scan back
/// to the same bytes; `JSONOutput.appendString` output scans back too.
@Suite("JSON round trips")
struct JSONRoundTripTests {
    /// Scalars drawn from the classes that matter to the scanner.
    static func randomScalar(_ rng: inout JSONTestRandom) -> Unicode.Scalar {
        let pools: [ClosedRange<UInt32>] = [
            0x20...0x7E,  // printable ASCII
            0x20...0x7E,
            0x00...0x1F,  // control characters
            0x22...0x22,  // quote
            0x5C...0x5C,  // backslash
            0x2F...0x2F,  // slash
            0x7F...0x7FF,  // two bytes
            0x800...0xD7FF,  // three bytes
            0xE000...0xFFFF,  // three bytes above the surrogates
            0x2018...0x201D,  // curly quotes
            0x1_0000...0x10_FFFF,  // astral (four bytes, surrogate pairs when escaped)
            0x1_F600...0x1_F64F,  // emoji
        ]
        let pool = pools[Int.random(in: 0..<pools.count, using: &rng)]
        return Unicode.Scalar(UInt32.random(in: pool, using: &rng))!
    }

    static func randomString(_ rng: inout JSONTestRandom, maxLength: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...maxLength, using: &rng) { scalars.append(randomScalar(&rng)) }
        return String(scalars)
    }

    static func hex4(_ value: UInt32, _ rng: inout JSONTestRandom) -> String {
        let digits = String(value, radix: 16)
        let padded = String(repeating: "0", count: 4 - digits.count) + digits
        return Bool.random(using: &rng) ? padded.uppercased() : padded
    }

    /// Encodes a string as a JSON string literal, choosing among the legal spellings at random.
    static func encode(_ string: String, _ rng: inout JSONTestRandom) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            let value = scalar.value
            let useUnicodeEscape = Int.random(in: 0..<4, using: &rng) == 0
            if useUnicodeEscape {
                if value >= 0x1_0000 {
                    let v = value - 0x1_0000
                    out += "\\u" + hex4(0xD800 + (v >> 10), &rng) + "\\u" + hex4(0xDC00 + (v & 0x3FF), &rng)
                } else {
                    out += "\\u" + hex4(value, &rng)
                }
                continue
            }
            switch value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x2F: out += Bool.random(using: &rng) ? "\\/" : "/"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x00..<0x20: out += "\\u" + hex4(value, &rng)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func whitespace(_ rng: inout JSONTestRandom) -> String {
        ["", "", "", " ", "\t", "  ", "\r\n "][Int.random(in: 0..<7, using: &rng)]
    }

    @Test func randomlyEscapedStringsDecodeToTheSameBytes() throws {
        var rng = JSONTestRandom(seed: 0x1EDE_2024)
        var scanner = JSONFieldScanner()
        for round in 0..<3_000 {
            let text = Self.randomString(&rng, maxLength: round % 10 == 0 ? 400 : 40)
            let id = Self.randomString(&rng, maxLength: 8)
            let noise = Self.randomString(&rng, maxLength: 12)
            var members = [
                #""text""# + ":" + Self.encode(text, &rng),
                #""id""# + ":" + Self.encode(id, &rng),
                Self.encode(noise, &rng) + #":{"text":["# + Self.encode(noise, &rng) + "]}",
            ]
            members.shuffle(using: &rng)
            let w = { (rng: inout JSONTestRandom) in Self.whitespace(&rng) }
            var line = w(&rng) + "{" + w(&rng)
            for (k, member) in members.enumerated() {
                if k > 0 { line += w(&rng) + "," + w(&rng) }
                line += member
            }
            line += w(&rng) + "}" + w(&rng)
            let scanned = try #require(scanner.scanBytes(Array(line.utf8)).accepted, "\(line.debugDescription)")
            #expect(scanned.text == Array(text.utf8), "\(line.debugDescription)")
            #expect(scanned.id == Array(id.utf8), "\(line.debugDescription)")
        }
    }

    @Test func appendStringOutputScansBack() throws {
        var rng = JSONTestRandom(seed: 42)
        var scanner = JSONFieldScanner()
        for round in 0..<3_000 {
            let text = Self.randomString(&rng, maxLength: round % 10 == 0 ? 500 : 30)
            var line = Array(#"{"id":"#.utf8)
            JSONOutput.appendInteger(Int.random(in: Int.min...Int.max, using: &rng), to: &line)
            line += Array(#","text":"#.utf8)
            Array(text.utf8).withUnsafeBytes { JSONOutput.appendString($0, to: &line) }
            line += Array(#","source":"#.utf8)
            JSONOutput.appendString(text, to: &line)
            line.append(UInt8(ascii: "}"))
            let scanned = try #require(scanner.scanBytes(line).accepted)
            #expect(scanned.text == Array(text.utf8))
            #expect(scanned.source == Array(text.utf8))
            #expect(scanned.idIsNumber)
            // The writer never emits raw control bytes, so output lines never contain a newline.
            #expect(!line.contains { $0 < 0x20 })
        }
    }

    /// Every two-, three- and four-byte pattern (with a sample of continuation bytes) is accepted
    /// exactly when the standard library's validator accepts it.
    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        let tails: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xF5]
        var scanner = JSONFieldScanner()
        var disagreements: [[UInt8]] = []
        let prefix = Array(#"{"text":""#.utf8)
        for b0 in UInt8(0x80)...0xFF {
            for b1 in [UInt8(0x41)] + Array(UInt8(0x80)...0xFF) {
                for b2 in tails {
                    for b3 in [UInt8(0x41), 0x80, 0xBF, 0xC0] {
                        let bytes = [b0, b1, b2, b3]
                        let expected = String(validating: bytes, as: UTF8.self) != nil
                        let line = prefix + bytes + [0x22, 0x7D]
                        let rejection = line.withUnsafeBytes { scanner.scan($0) }
                        let ok = rejection == nil
                        if ok != expected || (!ok && rejection?.reason != .invalidUTF8) { disagreements.append(bytes) }
                    }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    /// Random byte edits of valid lines never crash, and anything accepted is valid UTF-8 whose
    /// text decodes to valid UTF-8.
    @Test func mutatedLinesNeverCrash() throws {
        var rng = JSONTestRandom(seed: 7)
        var scanner = JSONFieldScanner()
        let alphabet = Array(#"{}[]":,\u0Ddtrue-1e.x "#.utf8) + [0x00, 0x80, 0xC3, 0xE2, 0xF0, 0xFF, 0x0A, 0x0D]
        var accepted = 0
        for _ in 0..<5_000 {
            let text = JSONRoundTripTests.randomString(&rng, maxLength: 20)
            var line = Array(#"{"id":12,"a":[{"b":null},true],"text":"#.utf8)
            JSONOutput.appendString(text, to: &line)
            line += Array(#"}"#.utf8)
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let position = Int.random(in: 0..<line.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: line[position] = alphabet.randomElement(using: &rng)!
                case 1: line.insert(alphabet.randomElement(using: &rng)!, at: position)
                default: line.remove(at: position)
                }
            }
            if let scanned = scanner.scanBytes(line).accepted {
                accepted += 1
                #expect(String(validating: line, as: UTF8.self) != nil)
                #expect(String(validating: scanned.text, as: UTF8.self) != nil || scanned.text.contains(0))
            }
        }
        #expect(accepted > 0)
    }
}
