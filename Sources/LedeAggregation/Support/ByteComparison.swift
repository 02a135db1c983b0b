#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytewise three-way comparison of two byte strings: the order of every key in Lede's tables.
///
/// - Returns: A negative number, zero or a positive number as `a` sorts before, equal to, or after `b`.
@inline(__always)
func _compareBytes(_ a: UnsafeRawPointer?, _ aCount: Int, _ b: UnsafeRawPointer?, _ bCount: Int) -> Int {
    let common = min(aCount, bCount)
    if common > 0, let a, let b {
        let order = memcmp(a, b, common)
        if order != 0 { return Int(order) }
    }
    return aCount - bCount
}

/// Bytewise three-way comparison of the UTF-8 of two strings (not Unicode collation:
/// `String`'s own `<` orders by canonical equivalence, which is not what the files use).
func _compareUTF8(_ a: String, _ b: String) -> Int {
    let fast = a.utf8.withContiguousStorageIfAvailable { a in
        b.utf8.withContiguousStorageIfAvailable { b in
            _compareBytes(a.baseAddress, a.count, b.baseAddress, b.count)
        }
    }
    if let fast = fast ?? nil { return fast }
    var x = a
    var y = b
    return x.withUTF8 { a in y.withUTF8 { b in _compareBytes(a.baseAddress, a.count, b.baseAddress, b.count) } }
}

/// Whether `bytes` are all ASCII, checked eight bytes at a time.
func _isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var index = 0
    while index + 8 <= bytes.count {
        if bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
        index += 8
    }
    while index < bytes.count {
        if bytes[index] >= 0x80 { return false }
        index += 1
    }
    return true
}

/// Whether `bytes` are well-formed UTF-8.
func _isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue: continue
        case .emptyInput: return true
        case .error: return false
        }
    }
}
