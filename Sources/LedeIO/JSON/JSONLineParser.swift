/// A problem found while parsing; turned into a ``LineRejection`` only on the reject path.
///
/// The detail is a `StaticString` so that throwing allocates nothing.
struct _JSONScanFailure: Error {
    var reason: RejectReason
    var offset: Int
    var detail: StaticString
}

/// Where a decoded value sits in the scanner's arena; `start < 0` means absent.
struct _JSONSlot: Sendable, Equatable {
    var start: Int
    var count: Int

    static let absent = _JSONSlot(start: -1, count: 0)

    var isPresent: Bool { start >= 0 }
}

/// The fields found in one syntactically valid object.
struct _JSONParsedFields: Sendable {
    var text = _JSONSlot.absent
    /// The offset of the last text value when that value was not a string, else -1.
    var textNotStringOffset = -1
    var id = _JSONSlot.absent
    var idIsNumber = false
    var date = _JSONSlot.absent
    var source = _JSONSlot.absent
    /// The offset of the closing `}` of the top-level object.
    var objectEnd = 0
}

/// The four configured keys, packed in one byte array: field `k` is `bytes[bounds[k] ..< bounds[k + 1]]`.
struct _JSONPackedKeys: Sendable {
    var bytes: [UInt8]
    var bounds: (Int, Int, Int, Int, Int)

    init(_ names: FieldNames) {
        bytes = names.text + names.id + names.date + names.source
        let a = names.text.count
        let b = a + names.id.count
        let c = b + names.date.count
        bounds = (0, a, b, c, c + names.source.count)
    }
}

/// The bits of the key-match mask.
enum _JSONField {
    static let text: UInt8 = 1
    static let id: UInt8 = 2
    static let date: UInt8 = 4
    static let source: UInt8 = 8
}

/// A non-owning parser over one line, the scanner's decode arena and its container stack.
///
/// It validates the whole line as one JSON value and UTF-8 in a single left-to-right pass,
/// decodes the string values of the configured top-level keys into the arena, and skips every
/// other value with an explicit container stack (one bit per level) instead of recursion.
///
/// Arena bound: decoding never makes a string longer (`\uXXXX` → at most 3 bytes, a 12-byte
/// surrogate pair → 4), the decoded values and the scratch key come from disjoint parts of the
/// line, and a numeric `id` is copied verbatim, so the arena never needs more than `count` bytes.
/// The stack needs at most one bit per byte of the line.
///
/// - Warning: Must not escape the `scan` call that created it: every pointer in it is lent.
struct _JSONLineParser {
    let line: UnsafeRawPointer
    let count: Int
    let arena: UnsafeMutableRawPointer
    var arenaCount = 0
    let stack: UnsafeMutablePointer<UInt64>
    let keys: UnsafeRawPointer
    let keyBounds: (Int, Int, Int, Int, Int)

    init(
        line: UnsafeRawBufferPointer, arena: UnsafeMutableRawPointer, stack: UnsafeMutablePointer<UInt64>,
        keys: UnsafeRawPointer, keyBounds: (Int, Int, Int, Int, Int)
    ) {
        self.line = line.baseAddress!
        self.count = line.count
        self.arena = arena
        self.stack = stack
        self.keys = keys
        self.keyBounds = keyBounds
    }

    @inline(__always)
    func byte(_ i: Int) -> UInt8 { line.load(fromByteOffset: i, as: UInt8.self) }

    // MARK: - Top level

    /// Parses the whole line as one object and collects the configured fields.
    ///
    /// - Returns: The fields of the last occurrence of each configured key.
    /// - Throws: The first JSON-level problem. Byte-level problems after it are looked for by the caller.
    mutating func parseLine() throws(_JSONScanFailure) -> _JSONParsedFields {
        var i = 0
        if count >= 3, byte(0) == 0xEF, byte(1) == 0xBB, byte(2) == 0xBF { i = 3 }
        i = skipWhitespace(from: i)
        guard i < count else { throw _JSONScanFailure(reason: .notJSON, offset: i, detail: "empty line") }
        guard byte(i) == UInt8(ascii: "{") else {
            let end = skipWhitespace(from: try skipValue(at: i))
            guard end == count else {
                throw _JSONScanFailure(reason: .notJSON, offset: end, detail: "unexpected bytes after the JSON value")
            }
            throw _JSONScanFailure(reason: .notObject, offset: i, detail: "the top-level value is not an object")
        }
        var fields = _JSONParsedFields()
        i = skipWhitespace(from: i + 1)
        if i < count, byte(i) == UInt8(ascii: "}") {
            i += 1
        } else {
            while true {
                guard i < count, byte(i) == UInt8(ascii: "\"") else {
                    throw _JSONScanFailure(reason: .notJSON, offset: i, detail: "expected a key string")
                }
                // The key is decoded into the arena as scratch (keys may be spelled with escapes)
                // and dropped again right after the comparison.
                let keyStart = arenaCount
                i = try scanString(from: i + 1, decode: true)
                let match = matchKey(at: keyStart, count: arenaCount - keyStart)
                arenaCount = keyStart
                i = try expectColon(at: i)
                guard i < count else { throw _JSONScanFailure(reason: .notJSON, offset: i, detail: "expected a value") }
                if match == 0 {
                    i = try skipValue(at: i)
                } else if byte(i) == UInt8(ascii: "\"") {
                    let start = arenaCount
                    i = try scanString(from: i + 1, decode: true)
                    let slot = _JSONSlot(start: start, count: arenaCount - start)
                    if match & _JSONField.text != 0 {
                        fields.text = slot
                        fields.textNotStringOffset = -1
                    }
                    if match & _JSONField.id != 0 {
                        fields.id = slot
                        fields.idIsNumber = false
                    }
                    if match & _JSONField.date != 0 { fields.date = slot }
                    if match & _JSONField.source != 0 { fields.source = slot }
                } else {
                    let valueStart = i
                    i = try skipValue(at: i)
                    if match & _JSONField.text != 0 {
                        fields.text = .absent
                        fields.textNotStringOffset = valueStart
                    }
                    if match & _JSONField.id != 0 {
                        let first = byte(valueStart)
                        if first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) {
                            // A numeric id keeps its literal spelling, copied verbatim.
                            fields.id = _JSONSlot(start: arenaCount, count: i - valueStart)
                            fields.idIsNumber = true
                            (arena + arenaCount).copyMemory(from: line + valueStart, byteCount: i - valueStart)
                            arenaCount += i - valueStart
                        } else {
                            fields.id = .absent
                            fields.idIsNumber = false
                        }
                    }
                    if match & _JSONField.date != 0 { fields.date = .absent }
                    if match & _JSONField.source != 0 { fields.source = .absent }
                }
                i = skipWhitespace(from: i)
                guard i < count else {
                    throw _JSONScanFailure(reason: .notJSON, offset: i, detail: "unterminated object")
                }
                let b = byte(i)
                if b == UInt8(ascii: ",") {
                    i = skipWhitespace(from: i + 1)
                    continue
                }
                if b == UInt8(ascii: "}") {
                    i += 1
                    break
                }
                throw _JSONScanFailure(reason: .notJSON, offset: i, detail: "expected ',' or '}' in an object")
            }
        }
        fields.objectEnd = i - 1
        let end = skipWhitespace(from: i)
        guard end == count else {
            throw _JSONScanFailure(reason: .notJSON, offset: end, detail: "unexpected bytes after the object")
        }
        return fields
    }

    /// Compares the decoded key in the arena with the configured names.
    @inline(__always)
    func matchKey(at start: Int, count length: Int) -> UInt8 {
        @inline(__always) func equals(_ from: Int, _ to: Int) -> Bool {
            guard to - from == length else { return false }
            var k = 0
            while k < length {
                if keys.load(fromByteOffset: from + k, as: UInt8.self)
                    != arena.load(fromByteOffset: start + k, as: UInt8.self)
                {
                    return false
                }
                k += 1
            }
            return true
        }
        var match: UInt8 = 0
        if equals(keyBounds.0, keyBounds.1) { match |= _JSONField.text }
        if equals(keyBounds.1, keyBounds.2) { match |= _JSONField.id }
        if equals(keyBounds.2, keyBounds.3) { match |= _JSONField.date }
        if equals(keyBounds.3, keyBounds.4) { match |= _JSONField.source }
        return match
    }

    @inline(__always)
    func skipWhitespace(from start: Int) -> Int {
        var i = start
        while i < count {
            let b = byte(i)
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { break }
            i += 1
        }
        return i
    }

    /// Expects optional whitespace, a `:` and optional whitespace; returns the start of the value.
    @inline(__always)
    func expectColon(at start: Int) throws(_JSONScanFailure) -> Int {
        let i = skipWhitespace(from: start)
        guard i < count, byte(i) == UInt8(ascii: ":") else {
            throw _JSONScanFailure(reason: .notJSON, offset: i, detail: "expected ':' after a key")
        }
        return skipWhitespace(from: i + 1)
    }

    // MARK: - Skipping values

    /// Validates and skips one JSON value of any depth.
    ///
    /// Nesting is tracked with a depth counter and one bit per open container (1 = object),
    /// so a line of a million `[` uses 125 KB of stack bits rather than a million call frames.
    ///
    /// - Parameter start: The first byte of the value (whitespace already skipped).
    /// - Returns: The offset just past the value.
    /// - Throws: The first syntax, escape or UTF-8 problem inside the value.
    mutating func skipValue(at start: Int) throws(_JSONScanFailure) -> Int {
        var i = start
        var depth = 0
        while true {
            // Expect a value at `i`.
            guard i < count else { throw _JSONScanFailure(reason: .notJSON, offset: i, detail: "expected a value") }
            switch byte(i) {
            case UInt8(ascii: "\""):
                i = try scanString(from: i + 1, decode: false)
            case UInt8(ascii: "{"):
                i = skipWhitespace(from: i + 1)
                if i < count, byte(i) == UInt8(ascii: "}") {
                    i += 1
                } else {
                    push(object: true, depth: &depth)
                    i = try skipKey(at: i)
                    continue
                }
            case UInt8(ascii: "["):
                i = skipWhitespace(from: i + 1)
                if i < count, byte(i) == UInt8(ascii: "]") {
                    i += 1
                } else {
                    push(object: false, depth: &depth)
                    continue
                }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                i = try skipNumber(at: i)
            case UInt8(ascii: "t"):
                i = try skipLiteral(at: i, 0x74_72_75_65, length: 4)  // "true"
            case UInt8(ascii: "f"):
                i = try skipLiteral(at: i, 0x66_61_6C_73_65, length: 5)  // "false"
            case UInt8(ascii: "n"):
                i = try skipLiteral(at: i, 0x6E_75_6C_6C, length: 4)  // "null"
            default:
                throw _JSONScanFailure(reason: .notJSON, offset: i, detail: "expected a value")
            }
            // A value is complete: close containers until one expects another element.
            while true {
                if depth == 0 { return i }
                i = skipWhitespace(from: i)
                guard i < count else {
                    throw _JSONScanFailure(reason: .notJSON, offset: i, detail: "unterminated array or object")
                }
                let b = byte(i)
                let inObject = top(depth)
                if b == UInt8(ascii: ",") {
                    i = skipWhitespace(from: i + 1)
                    if inObject { i = try skipKey(at: i) }
                    break
                }
                if b == (inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    depth -= 1
                    i += 1
                    continue
                }
                throw _JSONScanFailure(
                    reason: .notJSON, offset: i,
                    detail: inObject ? "expected ',' or '}' in an object" : "expected ',' or ']' in an array")
            }
        }
    }

    @inline(__always)
    func push(object: Bool, depth: inout Int) {
        let word = depth &>> 6
        let bit = UInt64(1) &<< UInt64(depth & 63)
        if object { stack[word] |= bit } else { stack[word] &= ~bit }
        depth += 1
    }

    @inline(__always)
    func top(_ depth: Int) -> Bool {
        let level = depth - 1
        return stack[level &>> 6] &>> UInt64(level & 63) & 1 != 0
    }

    /// Skips a member key of a skipped object plus its colon; returns the start of the member's value.
    @inline(__always)
    mutating func skipKey(at i: Int) throws(_JSONScanFailure) -> Int {
        guard i < count, byte(i) == UInt8(ascii: "\"") else {
            throw _JSONScanFailure(reason: .notJSON, offset: i, detail: "expected a key string")
        }
        return try expectColon(at: try scanString(from: i + 1, decode: false))
    }

    /// Skips a number in strict JSON grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    func skipNumber(at start: Int) throws(_JSONScanFailure) -> Int {
        @inline(__always) func isDigit(_ i: Int) -> Bool {
            i < count && byte(i) &- UInt8(ascii: "0") < 10
        }
        @inline(__always) func digits(_ from: Int) throws(_JSONScanFailure) -> Int {
            guard isDigit(from) else {
                throw _JSONScanFailure(reason: .notJSON, offset: from, detail: "malformed number")
            }
            var i = from + 1
            while isDigit(i) { i += 1 }
            return i
        }
        var i = start
        if byte(i) == UInt8(ascii: "-") { i += 1 }
        if i < count, byte(i) == UInt8(ascii: "0") {
            i += 1
        } else {
            i = try digits(i)
        }
        if i < count, byte(i) == UInt8(ascii: ".") { i = try digits(i + 1) }
        if i < count, byte(i) | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < count, byte(i) == UInt8(ascii: "+") || byte(i) == UInt8(ascii: "-") { i += 1 }
            i = try digits(i)
        }
        return i
    }

    /// Skips `true`, `false` or `null`, given as big-endian packed ASCII.
    @inline(__always)
    func skipLiteral(at start: Int, _ packed: UInt64, length: Int) throws(_JSONScanFailure) -> Int {
        guard start + length <= count else {
            throw _JSONScanFailure(reason: .notJSON, offset: start, detail: "malformed literal")
        }
        for k in 0..<length where byte(start + k) != UInt8(truncatingIfNeeded: packed &>> UInt64(8 * (length - 1 - k)))
        {
            throw _JSONScanFailure(reason: .notJSON, offset: start + k, detail: "malformed literal")
        }
        return start + length
    }

    // MARK: - Strings

    /// Scans a string body, validating it as UTF-8 and JSON, and optionally decoding it into the arena.
    ///
    /// Plain runs are found eight bytes at a time and, when decoding, copied with one `memcpy`
    /// each; a string without escapes is a single copy. Non-ASCII characters are validated in place
    /// and stay inside the run.
    ///
    /// - Parameters:
    ///   - start: The first byte after the opening quote.
    ///   - decode: Whether to append the unescaped bytes to the arena.
    /// - Returns: The offset just past the closing quote.
    /// - Throws: An unterminated string, a raw control byte, a bad escape or invalid UTF-8.
    @inline(__always)
    mutating func scanString(from start: Int, decode: Bool) throws(_JSONScanFailure) -> Int {
        var i = start
        var runStart = start
        while true {
            i = nextStringStop(from: i)
            guard i < count else {
                throw _JSONScanFailure(reason: .notJSON, offset: i, detail: "unterminated string")
            }
            let b = byte(i)
            if b == UInt8(ascii: "\"") {
                if decode { appendRun(runStart, i) }
                return i + 1
            }
            if b >= 0x80 {
                i = try skipNonASCII(from: i)
                continue
            }
            if b == UInt8(ascii: "\\") {
                if decode { appendRun(runStart, i) }
                i = try unescape(at: i, decode: decode)
                runStart = i
                continue
            }
            throw _JSONScanFailure(
                reason: b == 0 ? .nulByte : .notJSON, offset: i,
                detail: b == 0 ? "raw NUL byte" : "raw control character in a string")
        }
    }

    /// The first offset at or after `start` holding `"`, `\`, a control byte or a byte `>= 0x80`; `count` if none.
    @inline(__always)
    func nextStringStop(from start: Int) -> Int {
        var i = start
        // Two words per iteration: one branch per 16 bytes on long plain runs.
        while i &+ 16 <= count {
            let low = _SWAR.stringStop(_SWAR.load(line, i))
            let high = _SWAR.stringStop(_SWAR.load(line, i &+ 8))
            if low | high != 0 {
                return low != 0 ? i &+ _SWAR.firstIndex(low) : i &+ 8 &+ _SWAR.firstIndex(high)
            }
            i &+= 16
        }
        if i &+ 8 <= count {
            let mask = _SWAR.stringStop(_SWAR.load(line, i))
            if mask != 0 { return i &+ _SWAR.firstIndex(mask) }
            i &+= 8
        }
        while i < count {
            let b = byte(i)
            if b == 0x22 || b == 0x5C || b < 0x20 || b >= 0x80 { return i }
            i += 1
        }
        return count
    }

    /// Validates the run of multi-byte characters starting at `start` (a byte `>= 0x80`) and
    /// returns the offset of the first ASCII byte after it.
    ///
    /// Words in non-Latin scripts are runs of multi-byte characters: validating the whole run here
    /// costs one 8-byte scan per word instead of one per character, while Latin text with the odd
    /// curly quote goes straight back to the 8-byte scan.
    @inline(__always)
    func skipNonASCII(from start: Int) throws(_JSONScanFailure) -> Int {
        var i = start
        repeat {
            let length = _UTF8Validation.sequenceLength(line, i, count)
            guard length != 0 else {
                throw _JSONScanFailure(reason: .invalidUTF8, offset: i, detail: "invalid UTF-8 sequence")
            }
            i &+= length
        } while i < count && byte(i) >= 0x80
        return i
    }

    @inline(__always)
    mutating func appendRun(_ from: Int, _ to: Int) {
        let n = to - from
        if n > 0 {
            (arena + arenaCount).copyMemory(from: line + from, byteCount: n)
            arenaCount += n
        }
    }

    @inline(__always)
    mutating func appendByte(_ b: UInt8) {
        arena.storeBytes(of: b, toByteOffset: arenaCount, as: UInt8.self)
        arenaCount += 1
    }

    /// Decodes the escape whose backslash is at `i`; returns the offset after it.
    mutating func unescape(at i: Int, decode: Bool) throws(_JSONScanFailure) -> Int {
        guard i + 1 < count else {
            throw _JSONScanFailure(reason: .notJSON, offset: count, detail: "unterminated string")
        }
        let decoded: UInt8
        switch byte(i + 1) {
        case UInt8(ascii: "\""): decoded = 0x22
        case UInt8(ascii: "\\"): decoded = 0x5C
        case UInt8(ascii: "/"): decoded = 0x2F
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"): return try unescapeUnicode(at: i, decode: decode)
        default:
            throw _JSONScanFailure(reason: .invalidEscape, offset: i, detail: "unknown escape")
        }
        if decode { appendByte(decoded) }
        return i + 2
    }

    /// Decodes `\uXXXX`, or a `\uD8xx\uDCxx` surrogate pair, at `i` to UTF-8.
    mutating func unescapeUnicode(at i: Int, decode: Bool) throws(_JSONScanFailure) -> Int {
        guard let unit = hex4(at: i + 2) else {
            throw _JSONScanFailure(reason: .invalidEscape, offset: i, detail: "\\u needs four hexadecimal digits")
        }
        var scalar = unit
        var end = i + 6
        if unit & 0xF800 == 0xD800 {
            guard unit < 0xDC00 else {
                throw _JSONScanFailure(
                    reason: .loneSurrogate, offset: i, detail: "low surrogate without a high surrogate")
            }
            guard end + 1 < count, byte(end) == UInt8(ascii: "\\"), byte(end + 1) == UInt8(ascii: "u") else {
                throw _JSONScanFailure(
                    reason: .loneSurrogate, offset: i, detail: "high surrogate without a low surrogate")
            }
            guard let low = hex4(at: end + 2) else {
                throw _JSONScanFailure(reason: .invalidEscape, offset: end, detail: "\\u needs four hexadecimal digits")
            }
            guard low & 0xFC00 == 0xDC00 else {
                throw _JSONScanFailure(
                    reason: .loneSurrogate, offset: i, detail: "high surrogate without a low surrogate")
            }
            scalar = 0x1_0000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            end += 6
        }
        if decode { appendScalar(scalar) }
        return end
    }

    /// Reads four hexadecimal digits at `at`, or returns `nil` if there are fewer.
    @inline(__always)
    func hex4(at start: Int) -> UInt32? {
        guard start + 4 <= count else { return nil }
        var value: UInt32 = 0
        for k in 0..<4 {
            let b = byte(start + k)
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    @inline(__always)
    mutating func appendScalar(_ scalar: UInt32) {
        if scalar < 0x80 {
            appendByte(UInt8(scalar))
        } else if scalar < 0x800 {
            appendByte(UInt8(0xC0 | scalar >> 6))
            appendByte(UInt8(0x80 | scalar & 0x3F))
        } else if scalar < 0x1_0000 {
            appendByte(UInt8(0xE0 | scalar >> 12))
            appendByte(UInt8(0x80 | scalar >> 6 & 0x3F))
            appendByte(UInt8(0x80 | scalar & 0x3F))
        } else {
            appendByte(UInt8(0xF0 | scalar >> 18))
            appendByte(UInt8(0x80 | scalar >> 12 & 0x3F))
            appendByte(UInt8(0x80 | scalar >> 6 & 0x3F))
            appendByte(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
