#if os(Linux)
import CLedeSystem
import Glibc
#endif

/// Confines the whole process to one core for a measurement, then gives back the cores it had.
///
/// A one-job `lede run` keeps more than one core busy (decompression runs beside
/// the worker), so its rate is not a one-core rate. `lede bench` pins the
/// process to measure the one-core rate that scaling is judged against.
///
/// Linux keeps an affinity mask per thread, so every thread of the process is
/// pinned; threads started while pinned inherit the mask of the thread that
/// starts them, and restoring walks the threads again.
enum ProcessorPinning {
    /// Runs `body` with every thread of the process allowed on one core only:
    /// the first core of the calling thread's current mask.
    ///
    /// - Returns: `body`'s result, or `nil` without running it when the platform
    ///   has no per-thread affinity or the mask cannot be set.
    static func onOneCore<R>(_ body: () async throws -> R) async rethrows -> R? {
        #if os(Linux)
        var original = cpu_set_t()
        guard lede_sched_getaffinity(0, MemoryLayout<cpu_set_t>.size, &original) == 0,
            let core = firstCore(of: original)
        else { return nil }
        var single = cpu_set_t()
        withUnsafeMutableBytes(of: &single) { $0[core / 8] = 1 << UInt8(core % 8) }
        guard applyToEveryThread(single) else {
            _ = applyToEveryThread(original)
            return nil
        }
        defer { _ = applyToEveryThread(original) }
        return try await body()
        #else
        return nil
        #endif
    }

    /// The cores of the calling thread's affinity mask.
    static var currentCoreCount: Int? {
        #if os(Linux)
        var mask = cpu_set_t()
        guard lede_sched_getaffinity(0, MemoryLayout<cpu_set_t>.size, &mask) == 0 else { return nil }
        return withUnsafeBytes(of: &mask) { $0.reduce(0) { $0 + $1.nonzeroBitCount } }
        #else
        return nil
        #endif
    }

    #if os(Linux)
    private static func firstCore(of mask: cpu_set_t) -> Int? {
        withUnsafeBytes(of: mask) { bytes in
            for (index, byte) in bytes.enumerated() where byte != 0 {
                return index * 8 + byte.trailingZeroBitCount
            }
            return nil
        }
    }

    /// Sets `mask` on every thread listed in `/proc/self/task`; false if any refused.
    private static func applyToEveryThread(_ mask: cpu_set_t) -> Bool {
        guard let directory = opendir("/proc/self/task") else { return false }
        defer { closedir(directory) }
        var mask = mask
        var applied = true
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let thread = Int32(name) else { continue }
            // A thread that ended since the listing is not a failure.
            if lede_sched_setaffinity(thread, MemoryLayout<cpu_set_t>.size, &mask) != 0 && errno != ESRCH { applied = false }
        }
        return applied
    }
    #endif
}
