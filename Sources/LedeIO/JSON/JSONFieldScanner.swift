/// Validates one JSON Lines record and extracts its text, id, date and source fields.
///
/// One scanner belongs to one worker and is reused for every line: its decode arena and container
/// stack grow to the longest line seen and are then reused, so steady-state scanning allocates
/// nothing. Decoded values are lent through `with…` closures and stay valid until the next `scan`.
///
/// ```swift
/// var scanner = JSONFieldScanner(fields: FieldNames())
/// if let rejection = scanner.scan(line) {
///     rejects.record(line, rejection)
/// } else {
///     scanner.withText { text in tokenizer.tokenize(text) }
/// }
/// ```
///
/// Rules for what `scan` accepts:
/// - The line must be exactly one JSON object (RFC 8259), optionally preceded by a UTF-8 BOM at
///   byte 0 and surrounded by JSON whitespace, which includes the `\r` of CRLF files.
/// - Only top-level keys count: a `text` key inside a nested object or array is ignored.
/// - Duplicate keys: the last occurrence of a key wins, whatever the types of the earlier ones.
/// - `text` must be a string (`null` is `text-not-string`). An `id` that is a number is kept as its
///   literal spelling (see ``idIsNumber``); any other non-string `id`, `date` or `source` is absent.
/// - Escapes are fully decoded; `\u0000` decodes to a 0x00 byte, while a raw 0x00 byte is rejected.
///
/// When a line has several problems, the one reported is chosen in this order: a raw NUL byte or
/// invalid UTF-8 anywhere in the line (whichever comes first), then the first JSON problem
/// (`not-json`, `invalid-escape`, `lone-surrogate`), then `not-object`, then `missing-text` or
/// `text-not-string`. All of it takes one pass over the line; only the reject path looks further.
public struct JSONFieldScanner: Sendable {
    /// The field names this scanner looks for.
    public let fields: FieldNames

    private let keys: _JSONPackedKeys
    /// Decoded values; `arena.count` is its usable capacity, not the bytes in use.
    private var arena: [UInt8]
    /// One bit per open container of a skipped value (1 = object).
    private var stack: [UInt64]
    private var parsed = _JSONParsedFields()

    /// Creates a scanner for the given field names.
    ///
    /// - Parameter fields: The top-level keys to extract.
    public init(fields: FieldNames = FieldNames()) {
        self.fields = fields
        self.keys = _JSONPackedKeys(fields)
        self.arena = [UInt8](repeating: 0, count: 64 * 1024)
        self.stack = [UInt64](repeating: 0, count: 64 * 1024 / 64 + 1)
    }

    /// Validates one line and decodes its fields.
    ///
    /// After a rejection every field reads as absent (``withText(_:)`` lends an empty buffer).
    ///
    /// - Parameter line: The line without its `\n`; a trailing `\r` is allowed.
    /// - Returns: `nil` when the line is accepted, otherwise why and where it was rejected.
    /// - Complexity: O(*n*) in the length of the line, one pass for an accepted line.
    public mutating func scan(_ line: UnsafeRawBufferPointer) -> LineRejection? {
        parsed = _JSONParsedFields()
        guard line.count > 0 else { return LineRejection(reason: .notJSON, offset: 0, detail: "empty line") }
        reserveCapacity(forLineOfLength: line.count)
        let keyBounds = keys.bounds
        let outcome: Result<_JSONParsedFields, _JSONScanFailure> = arena.withUnsafeMutableBytes { arena in
            stack.withUnsafeMutableBufferPointer { stack in
                keys.bytes.withUnsafeBytes { keyBytes in
                    var parser = _JSONLineParser(
                        line: line, arena: arena.baseAddress!, stack: stack.baseAddress!,
                        keys: keyBytes.baseAddress ?? UnsafeRawPointer(arena.baseAddress!), keyBounds: keyBounds)
                    do throws(_JSONScanFailure) {
                        return .success(try parser.parseLine())
                    } catch {
                        return .failure(error)
                    }
                }
            }
        }
        switch outcome {
        case .success(let fields):
            if !fields.text.isPresent {
                return fields.textNotStringOffset >= 0
                    ? LineRejection(
                        reason: .textNotString, offset: fields.textNotStringOffset,
                        detail: "\"\(String(decoding: self.fields.text, as: UTF8.self))\" is not a string")
                    : LineRejection(
                        reason: .missingText, offset: fields.objectEnd,
                        detail: "no \"\(String(decoding: self.fields.text, as: UTF8.self))\" field")
            }
            parsed = fields
            return nil
        case .failure(let failure):
            return Self.rejection(for: failure, in: line)
        }
    }

    /// Builds the rejection for a parse failure, giving byte-level problems later in the line precedence.
    private static func rejection(for failure: _JSONScanFailure, in line: UnsafeRawBufferPointer) -> LineRejection {
        if failure.reason != .nulByte && failure.reason != .invalidUTF8,
            let problem = _UTF8Validation.firstProblem(line.baseAddress!, from: failure.offset, count: line.count)
        {
            return LineRejection(
                reason: problem.reason, offset: problem.offset,
                detail: problem.reason == .nulByte ? "raw NUL byte" : "invalid UTF-8 sequence")
        }
        return LineRejection(reason: failure.reason, offset: failure.offset, detail: "\(failure.detail)")
    }

    /// Grows the arena and the container stack so that a line of `length` bytes cannot overflow them.
    private mutating func reserveCapacity(forLineOfLength length: Int) {
        if arena.count < length {
            arena = [UInt8](repeating: 0, count: max(length, arena.count * 2))
        }
        let words = length / 64 + 1
        if stack.count < words {
            stack = [UInt64](repeating: 0, count: max(words, stack.count * 2))
        }
    }

    // MARK: - Lending decoded fields

    @inline(__always)
    private func lend<R>(_ slot: _JSONSlot, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try arena.withUnsafeBytes { bytes in
            try body(UnsafeRawBufferPointer(rebasing: bytes[slot.start..<slot.start + slot.count]))
        }
    }

    @inline(__always)
    private func lendOptional<R>(_ slot: _JSONSlot, _ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        guard slot.isPresent else { return try body(nil) }
        return try lend(slot, body)
    }

    /// Lends the decoded UTF-8 bytes of the text field of the last accepted line.
    ///
    /// - Parameter body: A closure that reads the bytes; they must not escape it.
    /// - Returns: What `body` returns.
    public func withText<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        guard parsed.text.isPresent else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try lend(parsed.text, body)
    }

    /// The length in bytes of the decoded text field, or 0 after a rejection.
    public var textByteCount: Int { parsed.text.count }

    /// Whether the last accepted line had a string or numeric id.
    public var hasID: Bool { parsed.id.isPresent }

    /// Whether the id was a JSON number, lent as its literal spelling (for example `-12.5e3`).
    public var idIsNumber: Bool { parsed.idIsNumber }

    /// Whether the last accepted line had a string date.
    public var hasDate: Bool { parsed.date.isPresent }

    /// Whether the last accepted line had a string source.
    public var hasSource: Bool { parsed.source.isPresent }

    /// Lends the decoded id of the last accepted line.
    ///
    /// - Parameter body: A closure that receives the bytes, or `nil` when the id is absent; the
    ///   bytes must not escape it.
    /// - Returns: What `body` returns.
    public func withID<R>(_ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        try lendOptional(parsed.id, body)
    }

    /// Lends the decoded date of the last accepted line.
    ///
    /// - Parameter body: A closure that receives the bytes, or `nil` when the date is absent or not
    ///   a string; the bytes must not escape it.
    /// - Returns: What `body` returns.
    public func withDate<R>(_ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        try lendOptional(parsed.date, body)
    }

    /// Lends the decoded source of the last accepted line.
    ///
    /// - Parameter body: A closure that receives the bytes, or `nil` when the source is absent or
    ///   not a string; the bytes must not escape it.
    /// - Returns: What `body` returns.
    public func withSource<R>(_ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        try lendOptional(parsed.source, body)
    }
}
