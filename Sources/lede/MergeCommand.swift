import ArgumentParser
import LedeAggregation
import LedeIO
import LedePipeline

extension Lede {
    /// `lede merge`: rebuilds the tables from the partials.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild <output>/aggregates and the SQLite store from the partials of every shard recorded in <output>/_state.",
            discussion: "Takes the output directory's lock like `lede run`: exits 3 while a run holds it.")

        @Option(name: .long, help: "The output directory of earlier runs.")
        var output: String

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
            let merged = try state.mergeTables(store: storeOptions.storeOutput)
            print("merged \(merged.tables.partials) partial(s) into \(layout.aggregatesDirectory)")
            if let store = merged.store {
                print("rebuilt \(store.path) in \(SummaryPrinter.format(store.seconds)) s")
            }
        }
    }
}
