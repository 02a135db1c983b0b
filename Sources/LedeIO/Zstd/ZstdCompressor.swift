import CZstd

/// A libzstd compression context that turns whole buffers into independent frames.
///
/// Independent frames can be made on any core and concatenated in order: the
/// result is one valid multi-frame `.zst` file.
public final class ZstdCompressor {
    private let context: OpaquePointer

    /// Creates a context compressing at `level` with content checksums on.
    public init(level: Int32 = 3) throws(ZstdError) {
        guard let context = ZSTD_createCCtx() else {
            throw ZstdError(operation: "create context", reason: "out of memory")
        }
        self.context = context
        try ZstdError.check(ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level), "configure")
        try ZstdError.check(ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1), "configure")
    }

    deinit { ZSTD_freeCCtx(context) }

    /// Compresses `source` into one frame appended to `output`.
    ///
    /// The corresponding C function is `ZSTD_compress2`.
    public func compress(_ source: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws(ZstdError) {
        let bound = ZSTD_compressBound(source.count)
        let start = output.count
        var code = 0
        output.append(contentsOf: repeatElement(0, count: bound))
        output.withUnsafeMutableBytes { raw in
            code = ZSTD_compress2(context, raw.baseAddress! + start, bound, source.baseAddress, source.count)
        }
        if ZSTD_isError(code) != 0 {
            output.removeLast(bound)
            try ZstdError.check(code, "compress")
        }
        output.removeLast(bound - code)
    }

    /// Compresses the bytes of `source` into one frame appended to `output`.
    public func compress(_ source: [UInt8], appendingTo output: inout [UInt8]) throws(ZstdError) {
        var failure: ZstdError?
        source.withUnsafeBytes { raw in
            do throws(ZstdError) { try compress(raw, appendingTo: &output) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
