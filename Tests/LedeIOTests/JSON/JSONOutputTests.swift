import LedeIO
import Testing

@Suite("JSONOutput")
struct JSONOutputTests {
    func encoded(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        bytes.withUnsafeBytes { JSONOutput.appendString($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func escapesQuotesBackslashesAndControls() {
        #expect(encoded(Array("plain text".utf8)) == #""plain text""#)
        #expect(encoded([]) == #""""#)
        #expect(encoded(Array("a\"b\\c/d".utf8)) == #""a\"b\\c/d""#)
        #expect(encoded([0x08, 0x0C, 0x0A, 0x0D, 0x09]) == #""\b\f\n\r\t""#)
        #expect(encoded([0x00, 0x01, 0x1F, 0x0B, 0x7F]) == "\"\\u0000\\u0001\\u001f\\u000b\u{7F}\"")
    }

    @Test func leavesMultiByteUTF8AsIs() {
        let text = "Guaidó — “Zürich” 東京 😀"
        #expect(encoded(Array(text.utf8)) == "\"" + text + "\"")
    }

    @Test func escapesAtEveryPositionOfTheEightByteWindow() {
        for length in 0..<20 {
            for position in 0..<max(length, 1) where position < length {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                bytes[position] = UInt8(ascii: "\"")
                let expected =
                    "\"" + String(repeating: "x", count: position) + "\\\""
                    + String(repeating: "x", count: length - position - 1) + "\""
                #expect(encoded(bytes) == expected)
            }
        }
    }

    @Test func appendsToExistingContent() {
        var out = Array("[".utf8)
        JSONOutput.appendString("a\nb", to: &out)
        out.append(UInt8(ascii: ","))
        JSONOutput.appendInteger(-42, to: &out)
        out.append(UInt8(ascii: "]"))
        #expect(String(decoding: out, as: UTF8.self) == #"["a\nb",-42]"#)
    }

    @Test(arguments: [0, 1, -1, 9, 10, 99, 100, 12_345, -987_654_321, Int.max, Int.min, Int.max - 1, Int.min + 1])
    func integersMatchTheirDescription(value: Int) {
        var out: [UInt8] = []
        JSONOutput.appendInteger(value, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == String(value))
    }

    @Test func powersOfTen() {
        var value = 1
        for _ in 0..<19 {
            for candidate in [value - 1, value, value + 1, -value] {
                var out: [UInt8] = []
                JSONOutput.appendInteger(candidate, to: &out)
                #expect(String(decoding: out, as: UTF8.self) == String(candidate))
            }
            value = value &* 10
        }
    }
}
