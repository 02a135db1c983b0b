/// The header of a zstd or skippable frame, read from the bytes it starts with
/// (RFC 8878, section 3.1.1).
///
/// Only what the reader needs to cut a frame into units and to bound its window;
/// libzstd validates the rest (reserved bits, dictionaries).
struct ZstdFrameHeader: Equatable {
    /// The header's size in bytes (8 for a skippable frame), or `nil` when the bytes
    /// end before it does.
    var headerSize: Int?
    /// The payload size of a skippable frame; `nil` for a zstd frame.
    var skippedSize: UInt32?
    /// The window the frame needs: the declared window, or the content size for a
    /// single-segment frame.
    var windowSize: UInt64 = 0
    /// The declared content size, when the header has one.
    var contentSize: UInt64?
    /// The frame ends with a 4-byte checksum.
    var hasChecksum = false
    /// The descriptor's reserved bit is set: libzstd rejects the header.
    var hasReservedBit = false
    /// The header names a dictionary: libzstd, which has none, rejects the header.
    var needsDictionary = false

    /// Reads the header at the start of `bytes`.
    ///
    /// Returns `nil` when the bytes (as far as they go, up to 4) do not start with
    /// the magic number of a zstd frame (0xFD2FB528) or of a skippable frame
    /// (0x184D2A50 to 0x184D2A5F); the fields past `bytes` are left at their
    /// defaults, with ``headerSize`` `nil`.
    init?(parsing bytes: UnsafeRawBufferPointer) {
        var isFrame = true
        var isSkippable = true
        for i in 0..<min(bytes.count, 4) {
            let shift = UInt32(8 * i)
            isFrame = isFrame && bytes[i] == UInt8(truncatingIfNeeded: UInt32(0xFD2F_B528) >> shift)
            isSkippable = isSkippable && bytes[i] & (i == 0 ? 0xF0 : 0xFF) == UInt8(truncatingIfNeeded: UInt32(0x184D_2A50) >> shift)
        }
        guard isFrame || isSkippable else { return nil }
        if isSkippable {
            guard bytes.count >= 8 else { return }
            headerSize = 8
            skippedSize = UInt32(Self.littleEndian(bytes, at: 4, count: 4))
            return
        }
        guard bytes.count >= 5 else { return }
        let descriptor = bytes[4]
        let singleSegment = descriptor & 0x20 != 0
        let dictionaryIDSize = [0, 1, 2, 4][Int(descriptor & 3)]
        let contentSizeFlag = Int(descriptor >> 6)
        let contentSizeSize = [singleSegment ? 1 : 0, 2, 4, 8][contentSizeFlag]
        let windowDescriptorSize = singleSegment ? 0 : 1
        let size = 5 + windowDescriptorSize + dictionaryIDSize + contentSizeSize
        guard bytes.count >= size else { return }
        headerSize = size
        hasChecksum = descriptor & 4 != 0
        hasReservedBit = descriptor & 8 != 0
        needsDictionary = Self.littleEndian(bytes, at: 5 + windowDescriptorSize, count: dictionaryIDSize) != 0
        if contentSizeSize > 0 {
            let value = Self.littleEndian(bytes, at: size - contentSizeSize, count: contentSizeSize)
            contentSize = contentSizeSize == 2 ? value + 256 : value
        }
        if singleSegment {
            windowSize = contentSize ?? 0
        } else {
            let exponent = UInt64(bytes[5] >> 3)
            let mantissa = UInt64(bytes[5] & 7)
            let base: UInt64 = 1 << (10 + exponent)
            windowSize = base + base / 8 * mantissa
        }
    }

    private static func littleEndian(_ bytes: UnsafeRawBufferPointer, at start: Int, count: Int) -> UInt64 {
        var value: UInt64 = 0
        for i in (start..<(start + count)).reversed() { value = value << 8 | UInt64(bytes[i]) }
        return value
    }

    /// `size` in the largest binary unit that holds it whole (`144MiB`, `2GiB`), or in
    /// bytes.
    static func describe(_ size: UInt64) -> String {
        for (unit, shift) in [("TiB", 40), ("GiB", 30), ("MiB", 20), ("KiB", 10)] where size >= 1 << shift {
            if size & ((1 << shift) - 1) == 0 { return "\(size >> shift)\(unit)" }
        }
        return "\(size) bytes"
    }
}
