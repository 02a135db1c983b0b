import LedeIO
import Testing

@Suite("JSONFieldScanner: accepted lines")
struct JSONFieldScannerTests {
    @Test func extractsAllFourFields() throws {
        let fields = try #require(
            scanLine(#"{"id":"a-1","text":"Hello, world.","date":"2019-05-12","source":"wire","extra":true}"#).accepted)
        #expect(fields.textString == "Hello, world.")
        #expect(fields.idString == "a-1")
        #expect(fields.idIsNumber == false)
        #expect(fields.dateString == "2019-05-12")
        #expect(fields.sourceString == "wire")
    }

    @Test func optionalFieldsMayBeAbsent() throws {
        let fields = try #require(scanLine(#"{"text":""}"#).accepted)
        #expect(fields.text.isEmpty)
        #expect(fields.id == nil && fields.date == nil && fields.source == nil)
    }

    @Test func decodesEverySimpleEscape() throws {
        let fields = try #require(scanLine(#"{"text":"a\"b\\c\/d\be\ff\ng\rh\ti"}"#).accepted)
        #expect(fields.text == Array("a\"b\\c/d\u{08}e\u{0C}f\ng\rh\ti".utf8))
    }

    @Test(arguments: [
        (#"\u0041"#, "A"),
        (#"\u00e9"#, "é"),
        (#"\u00E9"#, "é"),
        (#"\u07FF"#, "\u{07FF}"),
        (#"\u0800"#, "\u{0800}"),
        (#"\u20AC"#, "€"),
        (#"\u2028"#, "\u{2028}"),
        (#"\uE000"#, "\u{E000}"),
        (#"\uFFFF"#, "\u{FFFF}"),
        (#"\uD83D\uDE00"#, "😀"),
        (#"\ud83d\ude00"#, "😀"),
        (#"\uD800\uDC00"#, "\u{10000}"),
        (#"\uDBFF\uDFFF"#, "\u{10FFFF}"),
        (#"x\uD83C\uDDFA\uD83C\uDDF8y"#, "x🇺🇸y"),
        (#"\u0000"#, "\u{0}"),
        (#"\u001f"#, "\u{1F}"),
    ])
    func decodesUnicodeEscapes(escaped: String, expected: String) throws {
        let fields = try #require(scanLine(#"{"text":"<"# + escaped + #">"}"#).accepted)
        #expect(fields.text == Array("<\(expected)>".utf8))
    }

    @Test func keepsRawMultiByteUTF8() throws {
        let text = "Guaidó — “quoted” ’ 東京 😀 \u{10FFFF}"
        let fields = try #require(scanLine(#"{"text":""# + text + #""}"#).accepted)
        #expect(fields.textString == text)
    }

    @Test func ignoresNestedTextKeys() throws {
        let line = #"""
            {"a":{"text":"inner","b":[{"text":"x"},"text",{"text":{"text":"deeper"}}]},"c":[[["text"]]],\#
            "text":"outer \"quoted\" {not} [json] \\","after":{"text":"no","id":"no"},"id":"yes"}
            """#
        let fields = try #require(scanLine(line).accepted)
        #expect(fields.textString == #"outer "quoted" {not} [json] \"#)
        #expect(fields.idString == "yes")
    }

    @Test func skipsStringsThatLookLikeStructure() throws {
        let line = #"{"x":"\"}\\","y":"{\"text\":\"fake\"}","z":["]","}",",\""],"text":"real"}"#
        #expect(scanLine(line).accepted?.textString == "real")
    }

    @Test func skipsEveryValueType() throws {
        let line = #"""
            {"n":-0.5e+10,"m":0,"k":12,"e":1E-2,"f":3.25,"t":true,"fa":false,"nu":null,\#
            "o":{},"a":[],"oa":{"x":[1,{"y":[true,null,"s"]},-2]},"text":"ok","s":"tail"}
            """#
        #expect(scanLine(line).accepted?.textString == "ok")
    }

    @Test func idAsNumberKeepsItsLiteralText() throws {
        for literal in ["123", "0", "-7", "-1.5e+3", "2E10", "12345678901234567890123"] {
            let fields = try #require(scanLine(#"{"id":"# + literal + #","text":"t"}"#).accepted)
            #expect(fields.idString == literal)
            #expect(fields.idIsNumber)
        }
    }

    @Test func nonStringOptionalFieldsAreAbsent() throws {
        let fields = try #require(
            scanLine(#"{"id":true,"date":20190512,"source":{"name":"wire"},"text":"t"}"#).accepted)
        #expect(fields.id == nil)
        #expect(fields.date == nil)
        #expect(fields.source == nil)
        #expect(scanLine(#"{"id":null,"source":["a"],"date":null,"text":"t"}"#).accepted?.id == nil)
    }

    @Test func customFieldNames() throws {
        let names = FieldNames(text: "body", id: "guid", date: "published", source: "feed")
        let line = #"{"text":"not me","guid":7,"b\u006fdy":"me","published":"2020-01-01","feed":"f","id":"x"}"#
        let fields = try #require(scanLine(line, fields: names).accepted)
        #expect(fields.textString == "me")
        #expect(fields.idString == "7")
        #expect(fields.dateString == "2020-01-01")
        #expect(fields.sourceString == "f")
        #expect(scanLine(#"{"text":"t"}"#, fields: names).rejection?.reason == .missingText)
    }

    @Test func unicodeAndEmptyFieldNames() throws {
        let names = FieldNames(text: "texte_é", id: "", date: "date", source: "source")
        let fields = try #require(scanLine(#"{"":"empty-key","texte_\u00e9":"ok"}"#, fields: names).accepted)
        #expect(fields.textString == "ok")
        #expect(fields.idString == "empty-key")
    }

    @Test func twoFieldsMayShareAName() throws {
        let names = FieldNames(text: "text", id: "id", date: "date", source: "id")
        let fields = try #require(scanLine(#"{"id":"wire-1","text":"t"}"#, fields: names).accepted)
        #expect(fields.idString == "wire-1")
        #expect(fields.sourceString == "wire-1")
    }

    @Test func keysWithEscapesMatch() throws {
        let fields = try #require(scanLine(#"{"t\u0065xt":"a","\u0069d":"b","d\u0061te":"c"}"#).accepted)
        #expect(fields.textString == "a")
        #expect(fields.idString == "b")
        #expect(fields.dateString == "c")
    }

    @Test func byteOrderMarkAtTheStart() throws {
        #expect(scanLine([0xEF, 0xBB, 0xBF] + Array(#"{"text":"a"}"#.utf8)).accepted?.textString == "a")
        #expect(scanLine([0xEF, 0xBB, 0xBF] + Array(#"  {"text":"a"}"#.utf8)).accepted?.textString == "a")
        // Anywhere else a BOM is an unexpected character outside a string.
        #expect(
            scanLine(Array(" ".utf8) + [0xEF, 0xBB, 0xBF] + Array(#"{"text":"a"}"#.utf8)).rejection
                == LineRejection(reason: .notJSON, offset: 1, detail: "expected a value"))
        #expect(scanLine([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array(#"{"text":"a"}"#.utf8)).rejection?.offset == 3)
        // A BOM inside a string is just U+FEFF.
        #expect(scanLine("{\"text\":\"\u{FEFF}a\"}").accepted?.text == [0xEF, 0xBB, 0xBF, 0x61])
    }

    @Test func carriageReturnAndWhitespace() throws {
        #expect(scanLine("{\"text\":\"a\"}\r").accepted?.textString == "a")
        #expect(scanLine(" \t {\r\n \"text\" \t:\n \"a\" ,\t\"id\" : 5 } \t\r").accepted?.idString == "5")
        #expect(scanLine("{\"text\":\"a\"}\r\r  ").accepted?.textString == "a")
    }

    @Test func duplicateKeysLastOneWins() throws {
        #expect(scanLine(#"{"text":"first","text":"second"}"#).accepted?.textString == "second")
        #expect(scanLine(#"{"text":1,"text":"string wins when last"}"#).accepted?.textString == "string wins when last")
        #expect(scanLine(#"{"text":"a","text":null}"#).rejection?.reason == .textNotString)
        #expect(scanLine(#"{"id":"a","text":"t","id":"b"}"#).accepted?.idString == "b")
        #expect(scanLine(#"{"id":"a","text":"t","id":null}"#).accepted?.id == nil)
        #expect(scanLine(#"{"id":"a","text":"t","id":42}"#).accepted?.idString == "42")
        let numberThenString = try #require(scanLine(#"{"id":42,"text":"t","id":"s"}"#).accepted)
        #expect(numberThenString.idString == "s")
        #expect(numberThenString.idIsNumber == false)
    }

    @Test func hundredThousandDeepArrayDoesNotCrash() throws {
        let depth = 100_000
        let deep = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(scanLine(#"{"deep":"# + deep + #","text":"survived"}"#).accepted?.textString == "survived")
        #expect(scanLine(deep).rejection?.reason == .notObject)
        let unbalanced = String(repeating: "[", count: depth) + String(repeating: "]", count: depth - 1)
        #expect(scanLine(#"{"deep":"# + unbalanced + #","text":"t"}"#).rejection?.reason == .notJSON)
    }

    @Test func millionDeepMixedNesting() throws {
        let pairs = 500_000
        let open = String(repeating: #"{"a":["#, count: pairs)
        let close = String(repeating: "]}", count: pairs)
        #expect(scanLine(#"{"text":"t","deep":"# + open + close + "}").accepted?.textString == "t")
        // The same nesting closed in the wrong order is a syntax error, not a crash.
        let wrong = String(repeating: "}]", count: pairs)
        #expect(scanLine(#"{"text":"t","deep":"# + open + wrong + "}").rejection?.reason == .notJSON)
    }

    @Test func reusedScannerGrowsAndResets() throws {
        var scanner = JSONFieldScanner(fields: FieldNames())
        let long = String(repeating: "abcdefghij\\n", count: 30_000)  // 360 KB, past the initial arena
        let first = try #require(scanner.scanBytes(Array((#"{"id":"long","text":""# + long + #""}"#).utf8)).accepted)
        #expect(first.text.count == 330_000)
        let second = try #require(scanner.scanBytes(Array(#"{"text":"short"}"#.utf8)).accepted)
        #expect(second == ScannedFields(text: Array("short".utf8)))
        #expect(scanner.scanBytes(Array(#"{"id":"x"}"#.utf8)).rejection?.reason == .missingText)
        // After a rejection every field reads as absent.
        #expect(scanner.withText { $0.count } == 0)
        #expect(scanner.textByteCount == 0)
        #expect(!scanner.hasID && !scanner.hasDate && !scanner.hasSource)
        #expect(scanner.withID { $0 == nil })
    }

    @Test func presenceFlagsMatchTheLentBytes() throws {
        var scanner = JSONFieldScanner()
        #expect(scanner.scanBytes(Array(#"{"text":"abc","date":"d","source":"s"}"#.utf8)).accepted != nil)
        #expect(scanner.textByteCount == 3)
        #expect(!scanner.hasID)
        #expect(scanner.hasDate && scanner.hasSource)
        #expect(scanner.withDate { $0.map { Array($0) } } == Array("d".utf8))
    }

    @Test func copiedScannerKeepsItsOwnValues() throws {
        var a = JSONFieldScanner()
        #expect(a.scanBytes(Array(#"{"text":"one"}"#.utf8)).accepted != nil)
        var b = a
        #expect(b.scanBytes(Array(#"{"text":"two"}"#.utf8)).accepted != nil)
        #expect(a.withText { Array($0) } == Array("one".utf8))
        #expect(b.withText { Array($0) } == Array("two".utf8))
    }
}
