/// Writes `stats.json` by hand: keys sorted bytewise, two-space indentation,
/// one key per line, a final newline. Hand-written so that the bytes do not
/// depend on a JSON library's formatting choices.
enum _StatsJSON {
    static func encode(_ stats: AggregateStats, partials: Int) -> [UInt8] {
        var members: [(String, Value)] = stats.namedCounters.map { ($0.name, .number($0.value)) }
        members.append(("partials", .number(partials)))
        members.append(("rejects", .object(stats.rejects)))
        members.append(("sources", .object(stats.sources)))
        members.sort { _compareUTF8($0.0, $1.0) < 0 }

        var out: [UInt8] = []
        out.append(contentsOf: "{\n".utf8)
        for (index, (key, value)) in members.enumerated() {
            out.append(contentsOf: "  ".utf8)
            appendString(key, to: &out)
            out.append(contentsOf: ": ".utf8)
            switch value {
            case .number(let number):
                out.append(contentsOf: String(number).utf8)
            case .object(let dictionary):
                appendObject(dictionary, to: &out)
            }
            out.append(contentsOf: (index + 1 < members.count ? ",\n" : "\n").utf8)
        }
        out.append(contentsOf: "}\n".utf8)
        return out
    }

    private enum Value {
        case number(Int)
        case object([String: Int])
    }

    private static func appendObject(_ dictionary: [String: Int], to out: inout [UInt8]) {
        guard !dictionary.isEmpty else {
            out.append(contentsOf: "{}".utf8)
            return
        }
        out.append(contentsOf: "{\n".utf8)
        let keys = dictionary.keys.sorted { _compareUTF8($0, $1) < 0 }
        for (index, key) in keys.enumerated() {
            out.append(contentsOf: "    ".utf8)
            appendString(key, to: &out)
            out.append(contentsOf: ": \(dictionary[key]!)".utf8)
            out.append(contentsOf: (index + 1 < keys.count ? ",\n" : "\n").utf8)
        }
        out.append(contentsOf: "  }".utf8)
    }

    /// A JSON string: `"` `\` and control characters escaped, other UTF-8 as is.
    static func appendString(_ string: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(0x22)
        for byte in string.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: "\\\"".utf8)
            case 0x5C: out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
