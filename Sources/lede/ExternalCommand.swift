import Foundation
import LedeIO

/// Another program run to completion, such as Slurm's `sbatch` and `scontrol`.
struct ExternalCommand {
    /// How a run ended.
    struct Result {
        /// The exit status, or the signal's number when it was killed.
        var status: Int32
        /// What it wrote to standard output.
        var output: String
        /// What it wrote to standard error.
        var error: String
    }

    /// The absolute path of the executable `name` on `PATH`, or `nil` when there is none.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable` with `arguments` in `directory` and waits for it.
    ///
    /// Its output goes through temporary files rather than pipes, so that a chatty
    /// program never blocks on a full pipe while this process waits for it to exit.
    ///
    /// - Returns: `nil` when it was still running after `timeout` seconds (it is
    ///   then terminated).
    static func run(_ executable: String, _ arguments: [String], in directory: String? = nil, timeout: Double? = nil) throws -> Result? {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lede-command-\(UUID().uuidString)")
        let outputURL = scratch.appendingPathExtension("out")
        let errorURL = scratch.appendingPathExtension("err")
        try Data().write(to: outputURL)
        try Data().write(to: errorURL)
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorURL)
        }
        let output = try FileHandle(forWritingTo: outputURL)
        let error = try FileHandle(forWritingTo: errorURL)
        defer {
            try? output.close()
            try? error.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = error
        try process.run()
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
                return nil
            }
        }
        process.waitUntilExit()
        // Not `Data(contentsOf:)`: this toolchain's Foundation leaks a 4 KiB buffer per
        // call on these files (LeakSanitizer, `swift test --sanitize=address`).
        return Result(
            status: process.terminationStatus,
            output: String(decoding: try FileSystem.readAll(outputURL.path), as: UTF8.self),
            error: String(decoding: try FileSystem.readAll(errorURL.path), as: UTF8.self))
    }
}
