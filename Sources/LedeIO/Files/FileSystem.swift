#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Path and directory operations on the local file system.
public enum FileSystem {
    /// Creates `path` and any missing parents; succeeds when it already is a directory.
    ///
    /// Something else than a directory at `path` or at a parent is an error (`EEXIST`),
    /// named by the path where it is. Concurrent calls creating the same directories
    /// all succeed.
    ///
    /// The corresponding C function is `mkdir`.
    public static func createDirectory(_ path: String) throws(SystemError) {
        if isDirectory(path) { return }
        let parent = Path.directory(of: path)
        if parent != path && parent != "/" && parent != "." {
            try createDirectory(parent)
        }
        if mkdir(path, 0o755) != 0 {
            let code = errno
            // Lost a race with another creator, or something else is in the way.
            if code == EEXIST && isDirectory(path) { return }
            throw SystemError("create directory", path: path, code: code)
        }
    }

    /// `path` made absolute against the working directory, without resolving
    /// links: `data/x` → `/home/me/data/x`, `./x` → `/home/me/x`.
    ///
    /// The corresponding C function is `getcwd`.
    public static func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let directory = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2).drop { $0 == "/" } }
        return relative.isEmpty || relative == "." ? directory : Path.join(directory, String(relative))
    }

    /// Whether `path` names an existing directory (following links).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `path` names an existing regular file (following links).
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether anything exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The size and modification time of a file.
    public static func fileInfo(_ path: String) throws(SystemError) -> (size: Int64, modified: Int64) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw SystemError("stat", path: path, code: errno) }
        #if canImport(Darwin)
        return (Int64(info.st_size), Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec))
        #else
        return (Int64(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
        #endif
    }

    /// The names in a directory, without `.` and `..`, sorted bytewise.
    ///
    /// The corresponding C functions are `opendir`, `readdir` and `closedir`.
    public static func contentsOfDirectory(_ path: String) throws(SystemError) -> [String] {
        guard let dir = opendir(path) else { throw SystemError("list directory", path: path, code: errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while true {
            // readdir returns nil both at the end and on failure; errno tells which.
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { throw SystemError("list directory", path: path, code: errno) }
                break
            }
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Every regular file below `root`, recursively, as paths that start with `root`,
    /// sorted bytewise as whole paths (as `LC_ALL=C sort` would).
    ///
    /// Symbolic links are followed, to files and to directories, but a link back to a
    /// directory being listed (a cycle) is skipped. Anything that is neither a regular
    /// file nor a directory (a FIFO, a socket, a dangling link) is left out.
    public static func regularFiles(under root: String) throws(SystemError) -> [String] {
        var files: [String] = []
        var ancestors: [FileIdentity] = []
        if let identity = FileIdentity(path: root) { ancestors.append(identity) }
        try collectRegularFiles(under: root, ancestors: &ancestors, into: &files)
        return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private static func collectRegularFiles(
        under directory: String, ancestors: inout [FileIdentity], into files: inout [String]
    ) throws(SystemError) {
        for name in try contentsOfDirectory(directory) {
            let path = Path.join(directory, name)
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                files.append(path)
            case S_IFDIR:
                let identity = FileIdentity(info)
                if ancestors.contains(identity) { continue }
                ancestors.append(identity)
                defer { ancestors.removeLast() }
                try collectRegularFiles(under: path, ancestors: &ancestors, into: &files)
            default:
                continue
            }
        }
    }

    /// Renames `source` to `destination`, replacing it atomically.
    ///
    /// A failure reads `cannot rename <source> to <destination>: <reason>`; the
    /// error's `path` is the destination.
    ///
    /// The corresponding C function is `rename`.
    public static func rename(_ source: String, to destination: String) throws(SystemError) {
        #if canImport(Glibc)
        let rc = Glibc.rename(source, destination)
        #elseif canImport(Musl)
        let rc = Musl.rename(source, destination)
        #else
        let rc = Darwin.rename(source, destination)
        #endif
        if rc != 0 { throw SystemError("rename \(source) to", path: destination, code: errno) }
    }

    /// The whole contents of a (small) file.
    public static func readAll(_ path: String) throws(SystemError) -> [UInt8] {
        let descriptor = try FileDescriptor.openForReading(path)
        defer { try? descriptor.close() }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
        defer { buffer.deallocate() }
        var bytes: [UInt8] = []
        while true {
            let count = try descriptor.read(into: buffer)
            if count == 0 { return bytes }
            bytes += UnsafeRawBufferPointer(rebasing: buffer[..<count])
        }
    }

    /// Removes a file; a missing file (or a path through something that is not a
    /// directory, where no file can be) is not an error.
    ///
    /// The corresponding C function is `unlink`.
    public static func removeFile(_ path: String) throws(SystemError) {
        if unlink(path) != 0 && errno != ENOENT && errno != ENOTDIR { throw SystemError("remove", path: path, code: errno) }
    }

    /// Removes a directory tree; a missing tree is not an error.
    public static func removeTree(_ path: String) throws(SystemError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in try contentsOfDirectory(path) { try removeTree(Path.join(path, name)) }
            if rmdir(path) != 0 && errno != ENOENT { throw SystemError("remove directory", path: path, code: errno) }
        } else {
            try removeFile(path)
        }
    }

    /// Flushes a directory's entries (after a rename) to stable storage.
    public static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        _ = close(fd)
    }
}

/// A file's device and inode: what makes two paths the same directory.
private struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }
}
