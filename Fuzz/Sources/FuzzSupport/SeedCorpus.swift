#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LedeIO

/// Seed inputs that a fuzz target makes in code, so that no binary corpus is committed.
///
/// `make fuzz` sets `LEDE_FUZZ_SEEDS` to the target's corpus directory; the target's
/// `LLVMFuzzerInitialize` then writes its seeds there (those missing only), before libFuzzer reads
/// the directory.
public enum SeedCorpus {
    /// Writes `seeds` into the directory named by `LEDE_FUZZ_SEEDS`, if it is set.
    ///
    /// - Parameter seeds: The seed inputs; each becomes a file `seed-<n>`.
    public static func writeIfRequested(_ seeds: @autoclosure () -> [[UInt8]]) {
        guard let value = getenv("LEDE_FUZZ_SEEDS") else { return }
        let directory = String(cString: value)
        do {
            try FileSystem.createDirectory(directory)
            for (n, seed) in seeds().enumerated() {
                let path = Path.join(directory, "seed-\(n)")
                if FileSystem.exists(path) { continue }
                try AtomicFile.write(seed, to: path, durable: false)
            }
        } catch {
            fuzzFail("cannot write the seed corpus to \(directory): \(error)")
        }
    }
}
