import LedeIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Puts a finished directory in the place of another, which may or may not exist.
///
/// On Linux the two are exchanged in one `renameat2(RENAME_EXCHANGE)` call, so
/// readers see the old or the new directory at every instant. Where that is not
/// available (other systems, some file systems) the old directory is renamed
/// away first and the new one renamed in: a crash between those two renames
/// leaves no directory at `destination` (and the old one under a hidden
/// `.<name>.old-…` name), which a rerun treats as missing and rebuilds.
enum _DirectoryReplacement {
    /// Replaces `destination` by `source` and removes the old directory.
    ///
    /// - Parameters:
    ///   - destination: The directory to replace or create.
    ///   - source: A complete directory on the same file system.
    ///   - durable: Whether the parent directory's entries are flushed afterwards.
    /// - Throws: ``SystemError`` when a rename or the removal fails.
    static func replace(_ destination: String, with source: String, durable: Bool = true) throws(SystemError) {
        let parent = Path.directory(of: destination)
        defer { if durable { FileSystem.syncDirectory(parent) } }
        if !FileSystem.exists(destination) {
            do throws(SystemError) {
                try FileSystem.rename(source, to: destination)
                return
            } catch  where error.code == ENOTEMPTY || error.code == EEXIST {
                // Someone created it meanwhile: fall through to a replacement.
            }
        }
        if exchange(source, destination) {
            try FileSystem.removeTree(source)
            return
        }
        let old = _TemporaryName.sibling(of: destination, purpose: "old")
        try FileSystem.rename(destination, to: old)
        try FileSystem.rename(source, to: destination)
        try FileSystem.removeTree(old)
    }

    /// Swaps two paths atomically; `false` when the system cannot.
    ///
    /// The corresponding C function is `renameat2` with `RENAME_EXCHANGE`. Swift's
    /// Glibc module does not declare it (it needs `_GNU_SOURCE`), so it is looked up
    /// once with `dlsym`.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
            guard let function = renameat2 else { return false }
            return function(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
            return false
        #endif
    }

    #if os(Linux)
        private typealias RenameAt2 =
            @convention(c) (
                Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
            ) -> Int32
        /// `RENAME_EXCHANGE` from `<linux/fs.h>`.
        private static let renameExchange: UInt32 = 1 << 1
        private static let renameat2: RenameAt2? = {
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
            return unsafeBitCast(symbol, to: RenameAt2.self)
        }()
    #endif
}
