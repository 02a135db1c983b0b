import CLedePrefetch

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The weights of ``PerceptronTagger``: a compact binary file read into one buffer.
///
/// ## File format (little-endian)
///
/// | bytes | what |
/// |---|---|
/// | 8 | magic `LEDEPCT1` |
/// | 4 | format version (4) |
/// | 4 | `bucketBits`: the feature table has `1 << bucketBits` rows |
/// | 4 | weights per row (16: BILOU × PER/ORG/LOC/MISC, each relative to `O`) |
/// | 4 | mined-name table capacity (a power of two) |
/// | 4 | weight scale (Float32): weight = (Int8 << row shift) / scale |
/// | 4 | longest mined name, in tokens |
/// | 4 | case-prior table capacity (a power of two) |
/// | 28 | zero (the weights start at byte 64) |
/// | rows × 16 | Int8 weights, row-major: 16 bytes, a quarter of a cache line, per row |
/// | rows × 1 | each row's shift (0...9): a row's weights share one exponent |
/// | pad to 8 | |
/// | capacity × 8 | mined-name keys (UInt64, 0 = empty slot), open addressing |
/// | capacity × 1 | mined-name label masks (bit 4: a word the training text writes in lowercase) |
/// | pad to 8 | |
/// | prior capacity × 4 | ``CasePrior`` slots |
public final class PerceptronModel: @unchecked Sendable {
    // @unchecked: `storage` is written only in `init` and read-only afterwards.

    static let magic: [UInt8] = Array("LEDEPCT1".utf8)
    static let version: UInt32 = 4
    static let headerSize = 64
    /// Weights per row: one per tag but `O`, whose score is 0 (the others are relative to it).
    static let rowWidth = BILOUTag.count - 1

    /// Rows of the feature table, as a power of two.
    public let bucketBits: Int
    let mask: UInt32
    /// Weights (Int8 shifted by the row's shift) per unit of score.
    public let scale: Float
    /// The weight rows, ``rowWidth`` Int8s (16 bytes) each, 64-byte aligned.
    let weights: UnsafeRawPointer
    /// Per row: the left shift of its Int8 weights.
    let shifts: UnsafePointer<UInt8>
    let minedKeys: UnsafePointer<UInt64>
    let minedMasks: UnsafePointer<UInt8>
    let minedCapacity: Int
    let minedMaxTokens: Int
    /// How often words are capitalised in news (a copy of the file's table).
    let casePrior: CasePrior
    private let storage: UnsafeMutableRawBufferPointer

    /// Why a model file could not be used.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        /// The file.
        public var path: String
        /// What went wrong and what to do.
        public var message: String
        public var description: String { "model \(path): \(message)" }
    }

    /// Reads a model file with one buffer (see the type's format table).
    public convenience init(contentsOf path: String) throws(LoadError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw LoadError(path: path, message: "cannot open (\(String(cString: strerror(errno)))); build it with `make model` or pass --tagger rules")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LoadError(path: path, message: "cannot stat") }
        let size = Int(info.st_size)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(size, 1), alignment: 64)
        var done = 0
        while done < size {
            let got = read(fd, buffer.baseAddress! + done, size - done)
            if got <= 0 {
                buffer.deallocate()
                throw LoadError(path: path, message: "read failed after \(done) of \(size) bytes")
            }
            done += got
        }
        try self.init(taking: buffer, size: size, path: path)
    }

    /// Builds a model from the bytes of a model file (copied).
    public convenience init(bytes: [UInt8]) throws(LoadError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 64)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        try self.init(taking: buffer, size: bytes.count, path: "(memory)")
    }

    private init(taking buffer: UnsafeMutableRawBufferPointer, size: Int, path: String) throws(LoadError) {
        func fail(_ message: String) -> LoadError {
            buffer.deallocate()
            return LoadError(path: path, message: message + "; rebuild it with `make model`")
        }
        guard size >= Self.headerSize, Array(buffer[0..<8]) == Self.magic else { throw fail("not a Lede perceptron model (bad magic)") }
        let base = UnsafeRawPointer(buffer.baseAddress!)
        func u32(_ offset: Int) -> UInt32 { UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
        guard u32(8) == Self.version else { throw fail("format version \(u32(8)), this build reads \(Self.version)") }
        let bits = Int(u32(12))
        guard (8...24).contains(bits), u32(16) == UInt32(Self.rowWidth) else { throw fail("unsupported table shape") }
        let capacity = Int(u32(20))
        guard capacity > 0, capacity & (capacity - 1) == 0 else { throw fail("bad mined-name table capacity") }
        let priorCapacity = Int(u32(32))
        guard priorCapacity > 0, priorCapacity & (priorCapacity - 1) == 0 else { throw fail("bad case-prior table capacity") }
        let rows = 1 << bits
        let weightBytes = rows * Self.rowWidth
        let minedOffset = (Self.headerSize + weightBytes + rows + 7) & ~7
        let priorOffset = (minedOffset + capacity * 9 + 7) & ~7
        guard size == priorOffset + priorCapacity * 4 else { throw fail("size \(size) does not match its header") }
        let rowShifts = (base + Self.headerSize + weightBytes).assumingMemoryBound(to: UInt8.self)
        // Checked before any stored property is set: a throw after that would
        // free the buffer twice or read it after `fail` freed it.
        if let row = (0..<rows).first(where: { rowShifts[$0] > Self.maximumShift }) {
            throw fail("row \(row) has shift \(rowShifts[row]), more than \(Self.maximumShift)")
        }
        casePrior = CasePrior(slots: (0..<priorCapacity).map {
            UInt32(littleEndian: base.loadUnaligned(fromByteOffset: priorOffset + $0 * 4, as: UInt32.self))
        })
        storage = buffer
        bucketBits = bits
        mask = UInt32((1 << bits) - 1)
        scale = Float(bitPattern: u32(24))
        minedMaxTokens = Int(u32(28))
        minedCapacity = capacity
        weights = base + Self.headerSize
        shifts = rowShifts
        minedKeys = (base + minedOffset).assumingMemoryBound(to: UInt64.self)
        minedMasks = (base + minedOffset + capacity * 8).assumingMemoryBound(to: UInt8.self)
    }

    deinit { storage.deallocate() }

    /// The largest row shift: a weight is at most 127 << 9 = 65,024 units, so a
    /// token's few hundred rows sum well inside Int32.
    static let maximumShift: UInt8 = 9

    /// Quantised weights: per row, ``PerceptronModel/rowWidth`` Int8s that share one left shift.
    struct Quantised: Equatable {
        var weights: [Int8]
        var shifts: [UInt8]
        /// Units per unit of weight: the largest magnitude is 32,767 units.
        var scale: Float

        /// Weight `k` of `row` in units (the Int8 shifted left).
        func units(row: Int, _ k: Int) -> Int32 {
            Int32(weights[row * PerceptronModel.rowWidth + k]) << Int32(shifts[row])
        }
    }

    /// Quantises rows of ``rowWidth`` weights to Int8 with a shift per row
    /// (block floating point): the largest magnitude of the table becomes 32,767
    /// units, and each row takes the smallest shift that fits its largest weight
    /// in 127 steps. Rows of small weights keep their precision, which one scale
    /// for the whole table at 8 bits did not (CoNLL F1 0.898 against 0.906).
    static func quantise(_ weights: [Float]) -> Quantised {
        precondition(weights.count % rowWidth == 0)
        let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
        let scale: Float = largest > 0 ? 32767 / largest : 1
        var result = Quantised(weights: [], shifts: [], scale: scale)
        result.weights.reserveCapacity(weights.count)
        result.shifts.reserveCapacity(weights.count / rowWidth)
        for start in stride(from: 0, to: weights.count, by: rowWidth) {
            var big: Float = 0
            for k in 0..<rowWidth { big = max(big, abs(weights[start + k] * scale)) }
            var shift: UInt8 = 0
            while shift < maximumShift && (big / Float(1 << shift)).rounded() > 127 { shift += 1 }
            result.shifts.append(shift)
            for k in 0..<rowWidth {
                result.weights.append(Int8(clamping: Int((weights[start + k] * scale / Float(1 << shift)).rounded())))
            }
        }
        return result
    }

    /// Serialises quantised weights and mined names into the file format.
    static func serialize(
        bucketBits: Int, weights quantised: Quantised, mined: [(key: UInt64, mask: UInt8)], maxTokens: Int, casePrior: CasePrior
    ) -> [UInt8] {
        precondition(quantised.shifts.count == 1 << bucketBits && quantised.weights.count == quantised.shifts.count * rowWidth)
        var capacity = 16
        while capacity < mined.count * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var masks = [UInt8](repeating: 0, count: capacity)
        for entry in mined where entry.mask != 0 {
            let key = entry.key == 0 ? 1 : entry.key
            var slot = Int(truncatingIfNeeded: key) & (capacity - 1)
            while keys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            masks[slot] = entry.mask
        }
        var out = magic
        func put(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        put(version); put(UInt32(bucketBits)); put(UInt32(rowWidth)); put(UInt32(capacity))
        put(quantised.scale.bitPattern); put(UInt32(maxTokens)); put(UInt32(casePrior.capacity))
        while out.count < headerSize { out.append(0) }
        out.reserveCapacity(headerSize + quantised.weights.count + quantised.shifts.count + capacity * 9 + casePrior.capacity * 4 + 16)
        for weight in quantised.weights { out.append(UInt8(bitPattern: weight)) }
        out.append(contentsOf: quantised.shifts)
        while out.count % 8 != 0 { out.append(0) }
        for key in keys { withUnsafeBytes(of: key.littleEndian) { out.append(contentsOf: $0) } }
        out.append(contentsOf: masks)
        while out.count % 8 != 0 { out.append(0) }
        for slot in casePrior.slots { withUnsafeBytes(of: slot.littleEndian) { out.append(contentsOf: $0) } }
        return out
    }
}

/// The mined names of a loaded model.
struct ModelMinedNames: MinedNames {
    let model: PerceptronModel

    @inline(__always)
    func mask(_ key: UInt64) -> UInt8 {
        let key = key == 0 ? 1 : key
        let capacityMask = model.minedCapacity - 1
        var slot = Int(truncatingIfNeeded: key) & capacityMask
        while true {
            let stored = model.minedKeys[slot]
            if stored == key { return model.minedMasks[slot] }
            if stored == 0 { return 0 }
            slot = (slot + 1) & capacityMask
        }
    }

    var maxTokens: Int { model.minedMaxTokens }

    @inline(__always)
    func prefetch(_ key: UInt64) {
        let key = key == 0 ? 1 : key
        lede_prefetch(model.minedKeys + (Int(truncatingIfNeeded: key) & (model.minedCapacity - 1)))
    }
}
