extension Array where Element == UInt8 {
    /// Appends raw bytes with one copy (a plain `append(contentsOf:)` of a raw
    /// buffer may go byte by byte through the generic `Sequence` path).
    @inline(__always)
    mutating func _appendRaw(_ bytes: UnsafeRawBufferPointer) {
        bytes.withMemoryRebound(to: UInt8.self) { append(contentsOf: $0) }
    }
}
