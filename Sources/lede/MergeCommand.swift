import ArgumentParser
import LedeAggregation
import LedeIO
import LedePipeline

extension Lede {
    /// `lede merge`: rebuilds the tables from the partials.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild <output>/aggregates and the SQLite store from the partials of every shard recorded in <output>/_state.",
            discussion: """
                Refuses, listing them, while shards of the last run's inputs (recorded in \
                <output>/_state/run.json by `lede run`, also with --task) have no record of \
                being finished: exits 5 then, unless --allow-partial merges what is there. \
                Takes the output directory's lock like `lede run`: exits 3 while a run, \
                or any task run, holds it.
                """)

        @Option(name: .long, help: "The output directory of earlier runs.")
        var output: String

        @Flag(name: .long, help: "Merge the finished shards even when others of the run are unfinished.")
        var allowPartial = false

        @OptionGroup var storeOptions: StoreBuildOptions

        func run() throws {
            let layout = OutputLayout(root: output)
            guard FileSystem.isDirectory(layout.partialsDirectory) else {
                throw ValidationError("\(output) holds no partials (\(layout.partialsDirectory) is missing): run `lede run --output \(output)` first")
            }
            let lock = try RunLock.acquire(layout, command: "merge")
            defer { lock.release() }
            let state = RunState(layout: layout)
            if try state.records().records.isEmpty,
                try FileSystem.contentsOfDirectory(layout.partialsDirectory).contains(where: { !$0.hasPrefix(".") })
            {
                throw ValidationError(
                    "\(output) holds partials but no shard records in \(layout.recordsDirectory) (an older lede wrote it): "
                        + "run `lede run --output \(output)` over its inputs, which records and merges them")
            }
            let unfinished: [String]
            do { unfinished = try state.unfinishedShards() } catch { throw ValidationError("cannot list the run's inputs recorded in \(layout.runRecordPath): \(error)") }
            if !unfinished.isEmpty {
                let shown = 50
                if !allowPartial {
                    printError("lede merge: \(unfinished.count) shard(s) of the run are not finished:")
                    for shard in unfinished.prefix(shown) { printError("  \(shard)") }
                    if unfinished.count > shown { printError("  … and \(unfinished.count - shown) more (`lede status --output \(output)` lists them all)") }
                    printError(
                        "finish them (rerun the failed tasks: `lede run PIPELINE --task I --tasks N`, or a plain `lede run`), "
                            + "or give --allow-partial to merge the finished shards alone")
                    throw ExitCode(ExitStatus.unfinished)
                }
                printError("lede merge: merging without \(unfinished.count) unfinished shard(s) (--allow-partial)")
            }
            let merged = try state.mergeTables(store: storeOptions.storeOutput, jobs: SystemInfo.activeProcessorCount)
            if unfinished.isEmpty { try state.markCompleted() }
            print("merged \(merged.tables.partials) partial(s) into \(layout.aggregatesDirectory)")
            if let store = merged.store {
                print("rebuilt \(store.path) in \(SummaryPrinter.format(store.seconds)) s")
            }
        }
    }
}
