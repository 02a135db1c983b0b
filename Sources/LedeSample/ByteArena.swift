/// A piece of text stored once in a `ByteArena`, in two spellings: plain
/// UTF-8 as a JSON writer would normally emit it, and a fully escaped form
/// where every non-ASCII scalar is a `\uXXXX` escape (astral scalars as
/// surrogate pairs) and `/` is `\/`.
///
/// Plain-old-data (offsets, no references) so that the renderer can copy
/// fragments around and append them without any reference counting.
struct Frag: Sendable, Hashable {
    /// Offset of the plain spelling in the arena.
    var start: UInt32
    /// Length of the plain spelling in bytes.
    var length: UInt32
    /// Offset of the escaped spelling; meaningful only when `escapedLength` > 0.
    var escapedStart: UInt32
    /// Length of the escaped spelling; 0 when it would equal the plain one.
    var escapedLength: UInt32

    /// The empty fragment.
    static let empty = Frag(start: 0, length: 0, escapedStart: 0, escapedLength: 0)
}

/// Collects the bytes of every fragment into one buffer, built once.
///
/// One contiguous, never-freed buffer lets the hot path append a fragment with
/// a single `memcpy` from a raw pointer, instead of touching an `Array` per
/// fragment (and its retain/release traffic).
struct ByteArenaBuilder {
    private(set) var bytes: [UInt8] = []
    private var known: [String: Frag] = [:]
    /// Alternates hex case between fragments so readers meet both `\u00e9`
    /// and `\u00E9`, which JSON allows and real writers produce.
    private var upperHex = false

    /// Stores `text` (deduplicated) and returns its fragment.
    ///
    /// `text` must be valid JSON string content as it stands: no `"`, `\` or
    /// control characters. Those are emitted by dedicated code paths, so a
    /// template that contains one is a bug caught here at start-up.
    mutating func add(_ text: String) -> Frag {
        if let f = known[text] { return f }
        var plain: [UInt8] = []
        var escaped: [UInt8] = []
        var differs = false
        upperHex.toggle()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            precondition(v >= 0x20 && v != 0x22 && v != 0x5C,
                         "fragment text must not need JSON escaping: \(text.debugDescription)")
            plain.append(contentsOf: String(scalar).utf8)
            if v == 0x2F {
                escaped.append(contentsOf: [0x5C, 0x2F])
                differs = true
            } else if v < 0x80 {
                escaped.append(UInt8(v))
            } else if v <= 0xFFFF {
                ByteArenaBuilder.appendUnicodeEscape(UInt16(v), upper: upperHex, to: &escaped)
                differs = true
            } else {
                let u = v - 0x1_0000
                ByteArenaBuilder.appendUnicodeEscape(UInt16(0xD800 + (u >> 10)), upper: upperHex, to: &escaped)
                ByteArenaBuilder.appendUnicodeEscape(UInt16(0xDC00 + (u & 0x3FF)), upper: upperHex, to: &escaped)
                differs = true
            }
        }
        let start = UInt32(bytes.count)
        bytes.append(contentsOf: plain)
        var frag = Frag(start: start, length: UInt32(plain.count), escapedStart: 0, escapedLength: 0)
        if differs {
            frag.escapedStart = UInt32(bytes.count)
            frag.escapedLength = UInt32(escaped.count)
            bytes.append(contentsOf: escaped)
        }
        known[text] = frag
        return frag
    }

    /// Appends `\u` and four hex digits.
    static func appendUnicodeEscape(_ unit: UInt16, upper: Bool, to out: inout [UInt8]) {
        let digits: [UInt8] = upper ? Array("0123456789ABCDEF".utf8) : Array("0123456789abcdef".utf8)
        out.append(0x5C)
        out.append(0x75)
        out.append(digits[Int(unit >> 12)])
        out.append(digits[Int((unit >> 8) & 0xF)])
        out.append(digits[Int((unit >> 4) & 0xF)])
        out.append(digits[Int(unit & 0xF)])
    }

    /// Moves the bytes into a buffer that lives as long as the process.
    ///
    /// The vocabulary is a process-wide singleton, so the buffer is
    /// intentionally never freed.
    func freeze() -> UnsafeBufferPointer<UInt8> {
        bytes.frozenCopy()
    }
}

extension Array {
    /// A process-lifetime copy of the elements, for read-only hot-path access
    /// without array retain/release or bounds checks.
    func frozenCopy() -> UnsafeBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: Swift.max(count, 1))
        _ = buffer.initialize(from: self)
        return UnsafeBufferPointer(start: buffer.baseAddress, count: count)
    }
}
