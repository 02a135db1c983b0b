import LedeIO
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

private let serial = Atomic<Int>(0)

/// Names for work-in-progress siblings of an output path.
enum _TemporaryName {
    /// A hidden sibling of `path` that no other writer in any process picks:
    /// `.<name>.<purpose>-<pid>-<serial>` in the same directory, so that a rename
    /// into place never crosses a file system.
    static func sibling(of path: String, purpose: String) -> String {
        let number = serial.wrappingAdd(1, ordering: .relaxed).newValue
        return Path.join(Path.directory(of: path), ".\(Path.lastComponent(of: path)).\(purpose)-\(getpid())-\(number)")
    }
}
