import ArgumentParser
import Foundation
import LedePipeline
import Logging

/// The `lede` command: a thin shell over the `LedePipeline` library.
@main
struct Lede: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lede",
        abstract: "Find who and what news archives name, and count it.",
        discussion: """
            Reads zstd-compressed JSON Lines shards, annotates every article with its \
            people, organisations and places, and writes tables of how often each is \
            named, on which days and next to whom.
            """,
        version: "0.1.0",
        subcommands: [
            Run.self, Status.self, Merge.self, Top.self, Timeline.self, Neighbors.self, Sample.self, Bench.self,
            Eval.self, Train.self, Slurm.self,
        ]
    )

    /// Exit codes of DESIGN.md: usage errors are 2, not argument-parser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as RunLockedError {
            var stream = StandardError()
            print("lede: \(error)", to: &stream)
            Foundation.exit(ExitStatus.locked)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                var stream = StandardError()
                print(message, to: &stream)
            }
            if code == .validationFailure {
                Foundation.exit(ExitStatus.usage)
            }
            Foundation.exit(code.rawValue)
        }
    }
}
