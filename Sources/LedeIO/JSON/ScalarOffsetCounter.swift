/// Converts UTF-8 byte offsets into Unicode scalar offsets (as Python indexes a `str`) for a run
/// of increasing offsets into one text, in O(total bytes) rather than O(offsets × bytes).
///
/// It counts the bytes that are not continuation bytes (`b & 0xC0 != 0x80`) between the previous
/// offset and the new one, eight bytes at a time. Offsets may also move backwards, which costs
/// the distance moved.
///
/// ```swift
/// var counter = ScalarOffsetCounter()
/// for mention in mentions {   // sorted by start
///     let start = counter.scalarOffset(forByteOffset: mention.start, in: text)
///     let end = counter.scalarOffset(forByteOffset: mention.end, in: text)
/// }
/// ```
public struct ScalarOffsetCounter: Sendable {
    /// The byte offset of the last conversion.
    public private(set) var byteOffset = 0
    /// The scalar offset of the last conversion.
    public private(set) var scalarOffset = 0

    /// Creates a counter positioned at the start of a text.
    public init() {}

    /// Moves back to the start, before converting offsets into another text.
    public mutating func reset() {
        byteOffset = 0
        scalarOffset = 0
    }

    /// Returns the scalar index of a byte offset, counting from the previous conversion.
    ///
    /// - Parameters:
    ///   - target: A byte offset in `0...text.count`, normally on a scalar boundary (an offset
    ///     inside a multi-byte scalar counts that scalar as already passed).
    ///   - text: Valid UTF-8, the same text for every call since the last ``reset()``.
    /// - Returns: The number of Unicode scalars in `text[0..<target]`.
    /// - Complexity: O(|`target` − previous offset|).
    public mutating func scalarOffset(forByteOffset target: Int, in text: UnsafeRawBufferPointer) -> Int {
        precondition(target >= 0 && target <= text.count, "byte offset out of range")
        if target >= byteOffset {
            scalarOffset += Self.scalarCount(text, byteOffset, target)
        } else {
            scalarOffset -= Self.scalarCount(text, target, byteOffset)
        }
        byteOffset = target
        return scalarOffset
    }

    /// Returns the number of Unicode scalars in valid UTF-8 bytes.
    ///
    /// - Parameter text: Valid UTF-8.
    /// - Returns: The count of bytes that are not continuation bytes.
    /// - Complexity: O(*n*), eight bytes at a time.
    public static func scalarCount(of text: UnsafeRawBufferPointer) -> Int {
        scalarCount(text, 0, text.count)
    }

    private static func scalarCount(_ text: UnsafeRawBufferPointer, _ from: Int, _ to: Int) -> Int {
        guard from < to, let base = text.baseAddress else { return 0 }
        var continuations = 0
        var i = from
        while i &+ 8 <= to {
            continuations &+= _SWAR.continuationCount(_SWAR.load(base, i))
            i &+= 8
        }
        while i < to {
            if base.load(fromByteOffset: i, as: UInt8.self) & 0xC0 == 0x80 { continuations &+= 1 }
            i &+= 1
        }
        return (to - from) - continuations
    }
}
