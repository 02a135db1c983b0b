#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LedeIO

/// A directory of this fuzzing process's own for the shard files each input is written to.
///
/// It lives in `/dev/shm` when there is one (the targets write a file per input) and is removed
/// when the process exits normally; a crash leaves it for inspection.
public enum ScratchDirectory {
    /// The directory's path; created on first use.
    public static let path: String = {
        let base = FileSystem.isDirectory("/dev/shm") ? "/dev/shm" : (getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp")
        let path = Path.join(base, "lede-fuzz-\(getpid())")
        do {
            try FileSystem.createDirectory(path)
        } catch {
            fuzzFail("cannot create the scratch directory \(path): \(error)")
        }
        atexit { try? FileSystem.removeTree(ScratchDirectory.path) }
        return path
    }()

    /// Writes `bytes` to `name` in the scratch directory, replacing any earlier file, and returns its path.
    public static func write(_ bytes: [UInt8], named name: String) -> String {
        let target = Path.join(path, name)
        do throws(SystemError) {
            let file = try FileDescriptor.createForWriting(target, exclusive: false)
            let failure: SystemError? = bytes.withUnsafeBytes { raw in
                do throws(SystemError) { try file.writeAll(raw) } catch { return error }
                return nil
            }
            try file.close()
            if let failure { throw failure }
        } catch {
            fuzzFail("cannot write \(target): \(error)")
        }
        return target
    }

    /// The bytes of the file at `path`.
    public static func read(_ path: String) -> [UInt8] {
        var result: [UInt8] = []
        do throws(SystemError) {
            let file = try FileDescriptor.openForReading(path)
            defer { try? file.close() }
            var piece = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                var failure: SystemError?
                let n = piece.withUnsafeMutableBytes { raw in
                    do throws(SystemError) { return try file.read(into: raw) } catch {
                        failure = error
                        return 0
                    }
                }
                if let failure { throw failure }
                if n == 0 { return result }
                result += piece[..<n]
            }
        } catch {
            fuzzFail("cannot read \(path): \(error)")
        }
    }
}
