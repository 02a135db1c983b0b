import Foundation

/// Times an external command, for reference points such as `zstd -dc`.
enum CommandTimer {
    /// Wall-clock seconds of `zstd -dc paths… > /dev/null`, or `nil` when the CLI is absent.
    static func timeZstdCLI(paths: [String]) -> Double? {
        guard let zstd = ["/usr/bin/zstd", "/usr/local/bin/zstd", "/bin/zstd"].first(where: FileManager.default.isExecutableFile)
        else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zstd)
        process.arguments = ["-dcq"] + paths
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = SystemInfo.monotonicSeconds()
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return SystemInfo.monotonicSeconds() - start
    }
}
