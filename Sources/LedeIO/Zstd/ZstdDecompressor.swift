import CZstd

/// A libzstd streaming decompression context, reused across calls.
///
/// Accepts any sequence of frames, including skippable frames and frames written
/// with long-distance matching (`zstd --long=31`): the window limit is raised from
/// libzstd's default of 2^27 (128 MiB) to the format's maximum, 2^31.
public final class ZstdDecompressor {
    private let context: OpaquePointer

    /// The largest window log Lede accepts: the format's maximum on 64-bit hosts.
    public static let maximumWindowLog: Int32 = 31

    /// Creates a context with the window limit raised to `windowLogMax`.
    public init(windowLogMax: Int32 = ZstdDecompressor.maximumWindowLog) throws(ZstdError) {
        guard let context = ZSTD_createDCtx() else {
            throw ZstdError(operation: "create context", reason: "out of memory")
        }
        self.context = context
        try ZstdError.check(ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, windowLogMax), "configure")
    }

    deinit { ZSTD_freeDCtx(context) }

    /// Decompresses from `input` into `output`, advancing both positions.
    ///
    /// - Returns: 0 when a frame is complete and fully flushed; otherwise a hint of
    ///   how many more input bytes the current frame needs. Called with no input
    ///   between frames (or before the first), it returns the size of a next frame's
    ///   header, not 0: only a call that consumed input or produced output tells
    ///   whether a frame is still open.
    ///
    /// The corresponding C function is `ZSTD_decompressStream`.
    @inline(__always)
    public func decompress(_ input: inout ZSTD_inBuffer, into output: inout ZSTD_outBuffer) throws(ZstdError) -> Int {
        let code = ZSTD_decompressStream(context, &output, &input)
        try ZstdError.check(code, "decompress")
        return code
    }

    /// Forgets any partial frame, ready for a new stream.
    public func reset() {
        _ = ZSTD_DCtx_reset(context, ZSTD_reset_session_only)
    }
}
