import CZstd

/// A libzstd streaming decompression context, reused across calls.
///
/// Accepts any sequence of frames, including skippable frames, whose windows are at
/// most `2^windowLogMax` bytes: libzstd allocates about that much for a frame, so the
/// limit is what a hostile header can make it take.
public final class ZstdDecompressor {
    private let context: OpaquePointer

    /// libzstd's default window log: 128 MiB, what the zstd command writes and reads
    /// without `--long`.
    public static let defaultWindowLog: Int32 = 27

    /// The largest window log the format allows on 64-bit hosts (2 GiB, `zstd --long=31`).
    public static let maximumWindowLog: Int32 = 31

    /// Creates a context that refuses frames with windows over `2^windowLogMax` bytes
    /// (10 to ``maximumWindowLog``).
    public init(windowLogMax: Int32 = ZstdDecompressor.defaultWindowLog) throws(ZstdError) {
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
