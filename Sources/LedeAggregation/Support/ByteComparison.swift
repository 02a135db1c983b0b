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
