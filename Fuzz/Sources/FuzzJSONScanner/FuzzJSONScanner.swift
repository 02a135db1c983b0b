import FuzzSupport
import LedeIO
import LedeSample

/// libFuzzer target: the fuzzer's bytes as one line for `JSONFieldScanner`.
///
/// Three scanners (the default field names, renamed fields, fields that share a name or have an
/// empty or non-ASCII name) live for the whole run, so every input also checks that nothing
/// carries over from the lines before. Each result must equal what ``ReferenceJSONParser`` makes
/// of the line: the same fields byte for byte, or the same reject reason, at the same offset
/// except for the exact byte of a `not-json` syntax error. After a rejection every field must
/// read as absent; an accepted text must be valid UTF-8.
enum FuzzJSONScanner {
    static let fieldNames = [
        FieldNames(),
        FieldNames(text: "body", id: "text", date: "k", source: "k"),
        FieldNames(text: "t", id: "", date: "é", source: "t"),
    ]
    nonisolated(unsafe) static var scanners = fieldNames.map { JSONFieldScanner(fields: $0) }

    static func run(_ line: UnsafeRawBufferPointer) {
        let bytes = Array(line)
        for k in scanners.indices {
            let rejection = scanners[k].scan(line)
            let scanner = scanners[k]
            var outcome = ReferenceOutcome()
            if let rejection {
                fuzzCheck(
                    rejection.offset >= 0 && rejection.offset <= bytes.count,
                    "\(rejection) outside a line of \(bytes.count) bytes")
                fuzzCheck(rejection.detail?.isEmpty == false, "\(rejection) has no detail")
                fuzzCheck(
                    scanner.textByteCount == 0 && !scanner.hasID && !scanner.hasDate && !scanner.hasSource
                        && !scanner.idIsNumber && scanner.withText({ $0.count }) == 0
                        && scanner.withID({ $0 }) == nil && scanner.withDate({ $0 }) == nil
                        && scanner.withSource({ $0 }) == nil,
                    "fields read as present after \(rejection)")
                outcome.rejection = (rejection.reason, rejection.offset)
            } else {
                outcome.text = scanner.withText { Array($0) }
                outcome.id = scanner.withID { $0.map { Array($0) } }
                outcome.idIsNumber = scanner.idIsNumber
                outcome.date = scanner.withDate { $0.map { Array($0) } }
                outcome.source = scanner.withSource { $0.map { Array($0) } }
                fuzzCheck(scanner.textByteCount == outcome.text?.count, "textByteCount disagrees with the text")
                fuzzCheck(scanner.hasID == (outcome.id != nil), "hasID disagrees with withID")
                fuzzCheck(scanner.hasDate == (outcome.date != nil), "hasDate disagrees with withDate")
                fuzzCheck(scanner.hasSource == (outcome.source != nil), "hasSource disagrees with withSource")
                fuzzCheck(
                    String(validating: outcome.text ?? [], as: UTF8.self) != nil,
                    "accepted text is not valid UTF-8: \(fuzzLiteral(bytes))")
            }
            var expected = ReferenceJSONParser.outcome(of: bytes, fields: scanner.fields)
            if expected.rejection?.offset == nil, let reason = expected.rejection?.reason {
                expected.rejection = (reason, outcome.rejection?.offset)
            }
            fuzzCheck(
                outcome == expected,
                "fields \(k): the scanner says \(outcome), the reference \(expected), for \(fuzzLiteral(bytes, limit: 1_000))")
        }
    }

    /// Seeds: sample documents (one in ten written with optional escapes) and lines with every
    /// feature the scanner handles.
    static func seeds() -> [[UInt8]] {
        let corpus = SampleCorpus(seed: 3)
        var seeds = (0..<12).map { corpus.document(number: $0) }.filter { $0.count < 4_000 }.prefix(4).map { $0 }
        let lines = [
            #"{"id":"wire-1","text":"Opposition leader Juan Guaido","date":"2019-05-12","source":"wire"}"#,
            #"{"id":-12.5e3,"text":"a\"b\\c\/d\b\f\n\r\t","date":null,"source":7}"#,
            #"{"text":"\u00e9\u4E2D\uD83D\uDE00\u0000","t\u0065xt":"again","body":"b","k":"k","":"empty","é":"e"}"#,
            #"  {"meta":{"text":"nested","list":[[{"text":["x"]}],true,false,null,0,-0.5E+2]},"text":"top"} "#,
            "\u{FEFF}{\"text\":\"bom\"}\r",
            #"{"text":5}"#, #"{"id":"x"}"#, #"[1,2]"#, #"{"text":"\uD83D"}"#, #"{"text":"\x"}"#, "",
        ]
        seeds += lines.map { Array($0.utf8) }
        seeds.append(Array(#"{"text":"bad "#.utf8) + [0xC3, 0x28, 0x00] + Array(#""}"#.utf8))
        return seeds
    }
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzJSONScannerInitialize(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> Int32 {
    SeedCorpus.writeIfRequested(FuzzJSONScanner.seeds())
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONScannerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzJSONScanner.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
