import LedeIO

/// Writes the two halves of a reject: the line itself, byte for byte, and why.
///
/// Keeping the raw lines in a file of their own means they survive exactly, even
/// when they are not valid UTF-8, and can be fixed and fed back to `lede run`.
public enum RejectRecord {
    /// Appends one rejected line and its reason record.
    ///
    /// - Parameters:
    ///   - line: The line's bytes, without its newline.
    ///   - shard: The shard's relative path.
    ///   - lineNumber: 1-based line number in the shard.
    ///   - offset: Byte offset of the line in the shard's decoded stream.
    ///   - reason: The reason code (`not-json`, `invalid-utf8`, …).
    ///   - detail: A short explanation, when there is one.
    ///   - lines: Receives the raw line and a newline.
    ///   - reasons: Receives one JSON object and a newline.
    public static func append(
        line: UnsafeRawBufferPointer, shard: String, lineNumber: Int, offset: Int64, reason: String,
        detail: String?, lines: inout [UInt8], reasons: inout [UInt8]
    ) {
        lines.append(contentsOf: line)
        lines.append(0x0A)
        appendReason(
            shard: shard, lineNumber: lineNumber, offset: offset, length: Int64(line.count), reason: reason,
            detail: detail, to: &reasons)
    }

    /// Appends a reason record alone, for lines whose bytes are written elsewhere (overlong lines).
    public static func appendReason(
        shard: String, lineNumber: Int, offset: Int64, length: Int64, reason: String, detail: String?,
        to reasons: inout [UInt8]
    ) {
        reasons.append(contentsOf: #"{"shard":"#.utf8)
        JSONOutput.appendString(shard, to: &reasons)
        reasons.append(contentsOf: #","line":"#.utf8)
        JSONOutput.appendInteger(lineNumber, to: &reasons)
        reasons.append(contentsOf: #","offset":"#.utf8)
        JSONOutput.appendInteger(Int(offset), to: &reasons)
        reasons.append(contentsOf: #","bytes":"#.utf8)
        JSONOutput.appendInteger(Int(length), to: &reasons)
        reasons.append(contentsOf: #","reason":"#.utf8)
        JSONOutput.appendString(reason, to: &reasons)
        if let detail {
            reasons.append(contentsOf: #","detail":"#.utf8)
            JSONOutput.appendString(detail, to: &reasons)
        }
        reasons.append(contentsOf: "}\n".utf8)
    }
}
