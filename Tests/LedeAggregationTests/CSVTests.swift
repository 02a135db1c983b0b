import LedeIO
import Testing

@testable import LedeAggregation

@Suite struct CSVTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("", ""),
        ("Smith, John", "\"Smith, John\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\rhere", "\"cr\rhere\""),
        ("Zürich 日本", "Zürich 日本"),
        ("semi;colon", "semi;colon"),
    ])
    func quoting(value: String, expected: String) {
        #expect(_CSVWriter.field(value) == expected)
    }

    @Test func readerUndoesQuoting() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let records = [["a", "Smith, John", "say \"hi\""], ["two\nlines", "", "\"\""], ["x", "y", ""]]
        let text = records.map { $0.map(_CSVWriter.field).joined(separator: ",") }.joined(separator: "\n") + "\n"
        try AtomicFile.write(Array(text.utf8), to: scratch.join("t.csv"))
        let reader = try _CSVReader(path: scratch.join("t.csv"))
        var record = _CSVReader.Record()
        var read: [[String]] = []
        while try reader.next(into: &record) { read.append((0..<record.count).map { record.string($0) }) }
        #expect(read == records)

        try AtomicFile.write(Array("a,\"open\n".utf8), to: scratch.join("bad.csv"))
        let bad = try _CSVReader(path: scratch.join("bad.csv"))
        #expect(throws: AggregationError.self) { _ = try bad.next(into: &record) }
    }
}
