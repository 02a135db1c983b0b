/// The 64-bit xxHash (XXH64) of a byte stream, fed in pieces of any size.
///
/// Lede fingerprints shard files with it: it runs at memory speed (four
/// independent multiply-rotate lanes over 32-byte stripes), and a file's
/// fingerprint is the same whether it is hashed in one call or while the file
/// streams through the reader. Its output equals the reference implementation's
/// (`xxhsum -H64`); the low 32 bits of `XXH64(content)` with seed 0 are what a
/// zstd frame stores as its content checksum.
public struct XXH64: Sendable {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    private let seed: UInt64
    private var lanes: (UInt64, UInt64, UInt64, UInt64)
    /// Bytes of an unfinished stripe, waiting for the next call.
    private var stripe: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var stripeCount = 0
    private var total: UInt64 = 0

    /// Starts a hash with `seed`.
    public init(seed: UInt64 = 0) {
        self.seed = seed
        lanes = (seed &+ Self.prime1 &+ Self.prime2, seed &+ Self.prime2, seed, seed &- Self.prime1)
    }

    /// The hash of `bytes` in one call.
    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var hasher = XXH64(seed: seed)
        hasher.update(bytes)
        return hasher.digest()
    }

    /// The hash of an array's bytes.
    public static func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash($0, seed: seed) }
    }

    /// Bytes hashed so far.
    public var count: UInt64 { total }

    /// Adds bytes to the stream.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var p = bytes.baseAddress, bytes.count > 0 else { return }
        var left = bytes.count
        total &+= UInt64(left)
        if stripeCount > 0 {
            let take = min(32 - stripeCount, left)
            let offset = stripeCount
            withUnsafeMutableBytes(of: &stripe) { $0.baseAddress!.advanced(by: offset).copyMemory(from: p, byteCount: take) }
            stripeCount += take
            p += take
            left -= take
            if stripeCount < 32 { return }
            var full = stripe
            withUnsafeBytes(of: &full) { consumeStripes($0.baseAddress!, count: 32) }
            stripeCount = 0
        }
        let whole = left & ~31
        if whole > 0 {
            consumeStripes(p, count: whole)
            p += whole
            left -= whole
        }
        if left > 0 {
            withUnsafeMutableBytes(of: &stripe) { $0.baseAddress!.copyMemory(from: p, byteCount: left) }
            stripeCount = left
        }
    }

    /// Runs the four lanes over `count` bytes, a multiple of 32.
    private mutating func consumeStripes(_ start: UnsafeRawPointer, count: Int) {
        var (a, b, c, d) = lanes
        var p = start
        let end = start + count
        while p < end {
            a = Self.round(a, p.loadUnaligned(fromByteOffset: 0, as: UInt64.self).littleEndian)
            b = Self.round(b, p.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian)
            c = Self.round(c, p.loadUnaligned(fromByteOffset: 16, as: UInt64.self).littleEndian)
            d = Self.round(d, p.loadUnaligned(fromByteOffset: 24, as: UInt64.self).littleEndian)
            p += 32
        }
        lanes = (a, b, c, d)
    }

    /// The hash of everything added so far; the stream can go on afterwards.
    public func digest() -> UInt64 {
        var h: UInt64
        if total >= 32 {
            let (a, b, c, d) = lanes
            h = Self.rotate(a, 1) &+ Self.rotate(b, 7) &+ Self.rotate(c, 12) &+ Self.rotate(d, 18)
            h = Self.mergeRound(h, a)
            h = Self.mergeRound(h, b)
            h = Self.mergeRound(h, c)
            h = Self.mergeRound(h, d)
        } else {
            h = seed &+ Self.prime5
        }
        h &+= total
        var rest = stripe
        let restCount = stripeCount
        withUnsafeBytes(of: &rest) { raw in
            var i = 0
            while i + 8 <= restCount {
                h ^= Self.round(0, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian)
                h = Self.rotate(h, 27) &* Self.prime1 &+ Self.prime4
                i += 8
            }
            if i + 4 <= restCount {
                h ^= UInt64(raw.loadUnaligned(fromByteOffset: i, as: UInt32.self).littleEndian) &* Self.prime1
                h = Self.rotate(h, 23) &* Self.prime2 &+ Self.prime3
                i += 4
            }
            while i < restCount {
                h ^= UInt64(raw[i]) &* Self.prime5
                h = Self.rotate(h, 11) &* Self.prime1
                i += 1
            }
        }
        h ^= h >> 33
        h &*= Self.prime2
        h ^= h >> 29
        h &*= Self.prime3
        h ^= h >> 32
        return h
    }

    @inline(__always)
    private static func round(_ accumulator: UInt64, _ lane: UInt64) -> UInt64 {
        rotate(accumulator &+ lane &* prime2, 31) &* prime1
    }

    @inline(__always)
    private static func mergeRound(_ accumulator: UInt64, _ lane: UInt64) -> UInt64 {
        (accumulator ^ round(0, lane)) &* prime1 &+ prime4
    }

    @inline(__always)
    private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }
}

extension XXH64 {
    /// The hash of a whole file's bytes, read in 1 MiB blocks.
    public static func hash(file path: String) throws(SystemError) -> UInt64 {
        let file = try FileDescriptor.openForReading(path)
        defer { try? file.close() }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { buffer.deallocate() }
        var hasher = XXH64()
        while true {
            let n = try file.read(into: buffer)
            if n == 0 { return hasher.digest() }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
        }
    }
}
