import Foundation
import LedeIO
import Testing

@Suite("JSONFieldScanner: rejected lines")
struct JSONFieldScannerRejectTests {
    /// Checks reason and offset; the detail is free text.
    func expectRejected(
        _ line: [UInt8], _ reason: RejectReason, at offset: Int, fields: FieldNames = FieldNames(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let rejection = scanLine(line, fields: fields).rejection
        #expect(
            rejection?.reason == reason, "\(String(decoding: line, as: UTF8.self).debugDescription)",
            sourceLocation: sourceLocation)
        #expect(rejection?.offset == offset, "\(String(describing: rejection))", sourceLocation: sourceLocation)
        #expect(rejection?.detail?.isEmpty == false, sourceLocation: sourceLocation)
    }

    func expectRejected(
        _ line: String, _ reason: RejectReason, at offset: Int, fields: FieldNames = FieldNames(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        expectRejected(Array(line.utf8), reason, at: offset, fields: fields, sourceLocation: sourceLocation)
    }

    @Test func notJSON() {
        expectRejected("", .notJSON, at: 0)
        expectRejected("   \t\r", .notJSON, at: 5)
        expectRejected([0xEF, 0xBB, 0xBF], .notJSON, at: 3)
        expectRejected(#"{"text":"a""#, .notJSON, at: 11)
        expectRejected(#"{"text":"a"#, .notJSON, at: 10)
        expectRejected(#"{"text":"a\"#, .notJSON, at: 11)
        expectRejected(#"{"text":"a",}"#, .notJSON, at: 12)
        expectRejected(#"{"text" "a"}"#, .notJSON, at: 8)
        expectRejected(#"{"text":}"#, .notJSON, at: 8)
        expectRejected(#"{"text":"a"} x"#, .notJSON, at: 13)
        expectRejected(#"{"text":"a"}}"#, .notJSON, at: 12)
        expectRejected(#"{"text":"a"}{"text":"b"}"#, .notJSON, at: 12)
        expectRejected(#"{text:"a"}"#, .notJSON, at: 1)
        expectRejected(#"{'text':'a'}"#, .notJSON, at: 1)
        expectRejected(#"{"text":"a" "id":"b"}"#, .notJSON, at: 12)
        expectRejected(#"{"text":"a","n":01}"#, .notJSON, at: 17)
        expectRejected(#"{"text":"a","n":1.}"#, .notJSON, at: 18)
        expectRejected(#"{"text":"a","n":-}"#, .notJSON, at: 17)
        expectRejected(#"{"text":"a","n":1e}"#, .notJSON, at: 18)
        expectRejected(#"{"text":"a","n":+1}"#, .notJSON, at: 16)
        expectRejected(#"{"text":"a","n":.5}"#, .notJSON, at: 16)
        expectRejected(#"{"text":"a","b":tru}"#, .notJSON, at: 19)
        expectRejected(#"{"text":"a","b":nul"#, .notJSON, at: 16)
        expectRejected(#"{"text":"a","b":True}"#, .notJSON, at: 16)
        expectRejected(#"{"text":"a","x":[1,]}"#, .notJSON, at: 19)
        expectRejected(#"{"text":"a","x":[1 2]}"#, .notJSON, at: 19)
        expectRejected(#"{"text":"a","x":[}"#, .notJSON, at: 17)
        expectRejected(#"{"text":"a","x":{]}"#, .notJSON, at: 17)
        expectRejected(#"{"text":"a","x":{"k"}}"#, .notJSON, at: 20)
        expectRejected(#"{"text":"a","x":{"k":1,}}"#, .notJSON, at: 23)
        expectRejected(#"{"text":"a","x":[{"k":1]]}"#, .notJSON, at: 23)
        expectRejected(#"{"text":"a","x":[[1]"#, .notJSON, at: 20)
        expectRejected(#"{"text":"a","x":NaN}"#, .notJSON, at: 16)
        // Raw control characters inside strings, including the tab and a CR before the closing quote.
        expectRejected("{\"text\":\"a\tb\"}", .notJSON, at: 10)
        expectRejected("{\"text\":\"a\u{1F}\"}", .notJSON, at: 10)
        expectRejected("{\"text\":\"a\r\"}", .notJSON, at: 10)
        expectRejected("{\"x\":\"\u{7}\",\"text\":\"a\"}", .notJSON, at: 6)
        // Non-ASCII outside strings is a syntax error (valid UTF-8, so not invalid-utf8).
        expectRejected("{\"text\":\"a\"}\u{A0}", .notJSON, at: 12)
    }

    @Test func notObject() {
        expectRejected("[1,2]", .notObject, at: 0)
        expectRejected(#"  "just a string"  "#, .notObject, at: 2)
        expectRejected("42", .notObject, at: 0)
        expectRejected("-1.5e3\r", .notObject, at: 0)
        expectRejected("null", .notObject, at: 0)
        expectRejected("true", .notObject, at: 0)
        expectRejected(#"[{"text":"a"}]"#, .notObject, at: 0)
        // Not valid JSON either: a syntax error wins.
        expectRejected(#"[{"text":"a"}"#, .notJSON, at: 13)
        expectRejected("[1] [2]", .notJSON, at: 4)
    }

    @Test func missingText() {
        expectRejected("{}", .missingText, at: 1)
        expectRejected(#"{ "id" : "1" } "#, .missingText, at: 13)
        expectRejected(#"{"meta":{"text":"nested"},"list":[{"text":"x"}]}"#, .missingText, at: 47)
        expectRejected(#"{"Text":"case matters","texts":"no"}"#, .missingText, at: 35)
        expectRejected(#"{"text":"default name"}"#, .missingText, at: 22, fields: FieldNames(text: "body"))
    }

    @Test func textNotString() {
        expectRejected(#"{"text":5}"#, .textNotString, at: 8)
        expectRejected(#"{"text":null}"#, .textNotString, at: 8)
        expectRejected(#"{"text":["a"]}"#, .textNotString, at: 8)
        expectRejected(#"{"text":{"text":"a"}}"#, .textNotString, at: 8)
        expectRejected(#"{"text":"a","text":false}"#, .textNotString, at: 19)
    }

    @Test func invalidUTF8() {
        func line(_ bad: [UInt8]) -> [UInt8] { Array(#"{"text":"ab"#.utf8) + bad + Array(#"cd"}"#.utf8) }
        expectRejected(line([0xC0, 0x80]), .invalidUTF8, at: 11)  // overlong NUL
        expectRejected(line([0xC1, 0xBF]), .invalidUTF8, at: 11)  // overlong
        expectRejected(line([0xE0, 0x80, 0x80]), .invalidUTF8, at: 11)  // overlong three-byte
        expectRejected(line([0xF0, 0x80, 0x80, 0x80]), .invalidUTF8, at: 11)  // overlong four-byte
        expectRejected(line([0xED, 0xA0, 0x80]), .invalidUTF8, at: 11)  // U+D800 encoded in UTF-8
        expectRejected(line([0xED, 0xBF, 0xBF]), .invalidUTF8, at: 11)  // U+DFFF encoded in UTF-8
        expectRejected(line([0xF4, 0x90, 0x80, 0x80]), .invalidUTF8, at: 11)  // above U+10FFFF
        expectRejected(line([0xF5, 0x80, 0x80, 0x80]), .invalidUTF8, at: 11)
        expectRejected(line([0xFF]), .invalidUTF8, at: 11)
        expectRejected(line([0xFE]), .invalidUTF8, at: 11)
        expectRejected(line([0x80]), .invalidUTF8, at: 11)  // stray continuation
        expectRejected(line([0xC3, 0xA9, 0xA9]), .invalidUTF8, at: 13)  // é then a stray continuation
        expectRejected(line([0xE2, 0x82]), .invalidUTF8, at: 11)  // truncated by 'c'
        expectRejected(Array(#"{"text":"ab"#.utf8) + [0xE2, 0x82], .invalidUTF8, at: 11)  // truncated by the line end
        expectRejected(Array(#"{"text":"ab"#.utf8) + [0xE2, 0x82] + Array(#"\n"}"#.utf8), .invalidUTF8, at: 11)
        // In a key, in a skipped nested string, and outside any string.
        expectRejected(Array(#"{"k"#.utf8) + [0xFF] + Array(#"":1,"text":"a"}"#.utf8), .invalidUTF8, at: 3)
        expectRejected(
            Array(#"{"x":[{"y":""#.utf8) + [0xC0, 0xAF] + Array(#""}],"text":"a"}"#.utf8), .invalidUTF8, at: 12)
        expectRejected(Array(#"{"text":"a"} "#.utf8) + [0xC3], .invalidUTF8, at: 13)
        // Invalid UTF-8 anywhere wins over an earlier syntax error.
        expectRejected(Array(#"{"text":"a",,"x":""#.utf8) + [0xFF] + Array(#""}"#.utf8), .invalidUTF8, at: 18)
        expectRejected(Array(#"{"text":"\q"#.utf8) + [0x80] + Array(#""}"#.utf8), .invalidUTF8, at: 11)
        expectRejected(Array("[1,".utf8) + [0xFF] + Array("]".utf8), .invalidUTF8, at: 3)
    }

    @Test func invalidEscape() {
        expectRejected(#"{"text":"a\x"}"#, .invalidEscape, at: 10)
        expectRejected(#"{"text":"a\'"}"#, .invalidEscape, at: 10)
        expectRejected(#"{"text":"a\U0041"}"#, .invalidEscape, at: 10)
        expectRejected(#"{"text":"a\u12"}"#, .invalidEscape, at: 10)
        expectRejected(#"{"text":"a\u12G4"}"#, .invalidEscape, at: 10)
        expectRejected(#"{"text":"a\u"#, .invalidEscape, at: 10)
        expectRejected(#"{"text":"a\uD83D\uDE0"}"#, .invalidEscape, at: 16)
        expectRejected(#"{"text":"a","x":"\a"}"#, .invalidEscape, at: 17)
        expectRejected(#"{"text":"a","x\0":1}"#, .invalidEscape, at: 14)
        expectRejected("{\"text\":\"a\\\u{1}\"}", .invalidEscape, at: 10)
    }

    @Test func loneSurrogate() {
        expectRejected(#"{"text":"a\uD83D"}"#, .loneSurrogate, at: 10)
        expectRejected(#"{"text":"a\uD83Dx\uDE00"}"#, .loneSurrogate, at: 10)
        expectRejected(#"{"text":"a\uDE00"}"#, .loneSurrogate, at: 10)
        expectRejected(#"{"text":"a\uD83D\u0041"}"#, .loneSurrogate, at: 10)
        expectRejected(#"{"text":"a\uD83D\uD83D\uDE00"}"#, .loneSurrogate, at: 10)
        expectRejected(#"{"text":"a\uD83D\n"}"#, .loneSurrogate, at: 10)
        expectRejected(#"{"text":"a\uDBFF"#, .loneSurrogate, at: 10)
        expectRejected(#"{"text":"a","x":["\udc00"]}"#, .loneSurrogate, at: 18)
    }

    @Test func nulByte() {
        expectRejected([0x00], .nulByte, at: 0)
        expectRejected(Array(#"{"text":"a"#.utf8) + [0x00] + Array(#""}"#.utf8), .nulByte, at: 10)
        expectRejected(Array(#"{"text":"a"}"#.utf8) + [0x00], .nulByte, at: 12)
        expectRejected(Array(#"{"text":"a", "#.utf8) + [0x00] + Array(#""id":1}"#.utf8), .nulByte, at: 13)
        // A raw NUL wins over an earlier syntax error; an escaped \u0000 is fine.
        expectRejected(Array(#"{"text":"a\z"#.utf8) + [0x00] + Array(#""}"#.utf8), .nulByte, at: 12)
        #expect(scanLine(#"{"text":"a\u0000b"}"#).accepted?.text == [0x61, 0x00, 0x62])
    }

    @Test func firstByteLevelProblemWins() {
        expectRejected(Array(#"{"text":"a"#.utf8) + [0xFF, 0x00] + Array(#""}"#.utf8), .invalidUTF8, at: 10)
        expectRejected(Array(#"{"text":"a"#.utf8) + [0x00, 0xFF] + Array(#""}"#.utf8), .nulByte, at: 10)
    }

    @Test func readerOnlyReasonsHaveStableNames() throws {
        let names = RejectReason.allCases.map(\.rawValue)
        #expect(
            names == [
                "not-json", "not-object", "missing-text", "text-not-string", "invalid-utf8", "invalid-escape",
                "lone-surrogate", "nul-byte", "too-long", "truncated", "duplicate-id",
            ])
        #expect(RejectReason(rawValue: "too-long") == .tooLong)
        #expect(RejectReason(rawValue: "truncated") == .truncated)
        #expect(RejectReason(rawValue: "duplicate-id") == .duplicateID)
        let rejection = LineRejection(reason: .tooLong, offset: 1 << 24, detail: "line longer than 16 MiB")
        #expect(rejection.description == "too-long at byte 16777216: line longer than 16 MiB")
        #expect(LineRejection(reason: .truncated, offset: 3).description == "truncated at byte 3")
    }

    @Test func reasonsEncodeAsTheirRawValues() throws {
        let data = try JSONEncoder().encode(RejectReason.allCases)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""lone-surrogate""#) && text.contains(#""duplicate-id""#))
        #expect(try JSONDecoder().decode([RejectReason].self, from: data) == RejectReason.allCases)
    }

    @Test func rejectionDescriptionNamesTheProblem() throws {
        let rejection = try #require(scanLine(#"{"text" 1}"#).rejection)
        #expect(rejection.description == "not-json at byte 8: expected ':' after a key")
        #expect(scanLine(#"{"id":"x"}"#).rejection?.detail == #"no "text" field"#)
    }
}
