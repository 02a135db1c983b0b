#if canImport(Glibc)
import CLedeSystem
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the machine the run is on.
public enum SystemInfo {
    /// Cores this process may run on: the online cores, narrowed by the process's CPU
    /// affinity (`taskset`, a Slurm task's `--cpus-per-task`) and by a cgroup v2 CPU
    /// quota (`docker run --cpus`), whichever is smallest.
    ///
    /// Counting only the online cores would start one worker per core of a whole
    /// Slurm node or container host and have them share the few cores granted.
    public static var activeProcessorCount: Int {
        processorLimit(
            online: Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))),
            status: readSmallFile("/proc/self/status"),
            cpuMax: readSmallFile("/sys/fs/cgroup/cpu.max"))
    }

    /// The cores a process may use, from the online count, the text of
    /// `/proc/self/status` (its `Cpus_allowed:` mask) and of a cgroup v2 `cpu.max`
    /// (`QUOTA PERIOD` or `max PERIOD`); text that is absent or unreadable narrows nothing.
    package static func processorLimit(online: Int, status: String?, cpuMax: String?) -> Int {
        var limit = max(online, 1)
        if let allowed = status.flatMap(allowedProcessorCount), allowed > 0 {
            limit = min(limit, allowed)
        }
        if let fields = cpuMax?.split(whereSeparator: { $0 == " " || $0 == "\n" }), fields.count == 2,
            let quota = Int(fields[0]), let period = Int(fields[1]), quota > 0, period > 0
        {
            limit = min(limit, max(1, (quota + period - 1) / period))
        }
        return limit
    }

    /// The number of bits set in the `Cpus_allowed:` line's hexadecimal mask
    /// (32-bit groups separated by commas).
    private static func allowedProcessorCount(_ status: String) -> Int? {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) else { return nil }
        var count = 0
        for character in line.dropFirst("Cpus_allowed:".count) where character != "," && character != " " && character != "\t" {
            guard let nibble = character.hexDigitValue else { return nil }
            count += nibble.nonzeroBitCount
        }
        return count
    }

    private static func readSmallFile(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The process's peak resident set size in bytes.
    public static var peakResidentBytes: Int {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        #if canImport(Darwin)
        return Int(usage.ru_maxrss)
        #else
        return Int(usage.ru_maxrss) * 1024
        #endif
    }

    /// Hands the heap memory freed so far back to the system.
    ///
    /// The allocator keeps freed memory for reuse, so after the chunks are done
    /// the process would carry their buffers into the merge and the SQLite
    /// store's build, whose own memory then comes on top.
    public static func releaseFreedMemory() {
        #if os(Linux) && canImport(Glibc)
        _ = lede_malloc_trim(0)
        #endif
    }

    /// A monotonic clock in seconds.
    public static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// The wall clock, seconds since 1970.
    public static var wallClockSeconds: Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
