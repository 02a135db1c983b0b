/// Why an input line could not be turned into a document.
///
/// The raw values are the stable names written to reject files and to the `stats` table;
/// never rename them.
public enum RejectReason: String, Sendable, CaseIterable, Codable {
    /// A JSON syntax error, an empty or blank line, or a raw control byte inside a string.
    case notJSON = "not-json"
    /// Valid JSON whose top-level value is not an object (an array, a string, a number, …).
    case notObject = "not-object"
    /// A valid object without the configured text field.
    case missingText = "missing-text"
    /// The last occurrence of the text field holds something other than a string (including `null`).
    case textNotString = "text-not-string"
    /// Bytes anywhere in the line that are not valid UTF-8: overlong forms, encoded surrogates,
    /// bytes above `0xF4`, stray continuation bytes or truncated sequences.
    case invalidUTF8 = "invalid-utf8"
    /// An unknown backslash escape, or a `\u` escape without four hexadecimal digits.
    case invalidEscape = "invalid-escape"
    /// A `\uD800`–`\uDBFF` escape not followed by a low-surrogate escape, or a lone `\uDC00`–`\uDFFF`.
    case loneSurrogate = "lone-surrogate"
    /// A raw `0x00` byte anywhere in the line (an escaped `\u0000` is accepted).
    case nulByte = "nul-byte"
    /// The line exceeds the reader's maximum line length. Set by the reader, never by the scanner.
    case tooLong = "too-long"
    /// The last line of a shard was cut off by a corrupt or truncated stream. Set by the reader.
    case truncated = "truncated"
    /// The line repeats the `id` of an earlier accepted line of the same shard; only with
    /// `lede run --dedupe-ids`. Set by the pipeline, never by the scanner.
    case duplicateID = "duplicate-id"
}
