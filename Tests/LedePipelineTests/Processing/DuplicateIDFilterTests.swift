import LedeIO
@testable import LedePipeline
import Testing

@Suite("Duplicate id filter")
struct DuplicateIDFilterTests {
    private static func chunk(_ lines: [String], trailingNewline: Bool = true) -> [UInt8] {
        Array((lines.joined(separator: "\n") + (trailingNewline ? "\n" : "")).utf8)
    }

    @Test func laterLinesWithASeenIDAreDuplicatesAcrossChunks() {
        var filter = DuplicateIDFilter(fields: FieldNames())
        let first = Self.chunk([#"{"id":"a","text":"x"}"#, #"{"id":"b","text":"x"}"#, #"{"id":"a","text":"y"}"#])
        #expect(filter.duplicates(in: first) == [2])
        let second = Self.chunk([#"{"id":"c","text":"x"}"#, #"{"id":"b","text":"z"}"#, #"{"id":"a","text":"w"}"#], trailingNewline: false)
        #expect(filter.duplicates(in: second) == [1, 2])
        #expect(filter.count == 3)
    }

    @Test func rejectedLinesAndLinesWithoutAnIDNeverCount() {
        var filter = DuplicateIDFilter(fields: FieldNames())
        let lines = Self.chunk([
            #"{"id":"a"}"#,  // missing-text: its id is not seen
            #"{"id":"a","text":"first accepted"}"#,
            #"{"text":"no id"}"#,
            #"{"text":"no id"}"#,
            "not json",
            "",
            #"{"id":"a","text":null}"#,  // rejected for its text, not as a duplicate
            #"{"id":"a","text":"second accepted"}"#,
        ])
        #expect(filter.duplicates(in: lines) == [7])
    }

    @Test func idsCompareByTheirDecodedBytes() {
        var filter = DuplicateIDFilter(fields: FieldNames(id: "key"))
        let lines = Self.chunk([
            #"{"key":"\u0061b","text":"x"}"#, #"{"key":"ab","text":"x"}"#,
            #"{"key":12,"text":"x"}"#, #"{"key":"12","text":"x"}"#,
            #"{"id":"ab","text":"another field"}"#, #"{"key":"AB","text":"case counts"}"#,
        ])
        #expect(filter.duplicates(in: lines) == [1, 3])
    }
}
