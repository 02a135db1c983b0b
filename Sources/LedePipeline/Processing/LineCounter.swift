/// Counts the lines of a chunk without looking at each byte alone.
public enum LineCounter {
    /// The number of lines in `bytes`: its newlines, plus one for a last line without one.
    public static func count(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard !bytes.isEmpty else { return 0 }
        let newlines = countNewlines(bytes)
        return bytes[bytes.count - 1] == 0x0A ? newlines : newlines + 1
    }

    /// The number of `\n` bytes, eight at a time.
    @inlinable
    public static func countNewlines(_ bytes: UnsafeRawBufferPointer) -> Int {
        let highs: UInt64 = 0x8080_8080_8080_8080
        let pattern: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        var count = 0
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let x = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ pattern
            // A zero byte in x is a newline; this exact test has no false positives.
            let zeros = ~(((x & ~highs) &+ ~highs) | x) & highs
            count &+= zeros.nonzeroBitCount
            i &+= 8
        }
        while i < n {
            if bytes[i] == 0x0A { count &+= 1 }
            i &+= 1
        }
        return count
    }
}
