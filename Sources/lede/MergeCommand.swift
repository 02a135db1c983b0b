import ArgumentParser
import LedeAggregation
import LedeIO
import LedePipeline

extension Lede {
    /// `lede merge`: rebuilds the tables from the partials.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild <output>/aggregates and the SQLite store from every partial in <output>/_state/partials.")

        @Option(name: .long, help: "The output directory of earlier runs.")
        var output: String

        @OptionGroup var storeOptions: StoreBuildOptions

        func run() throws {
            let layout = OutputLayout(root: output)
            guard FileSystem.isDirectory(layout.partialsDirectory) else {
                throw ValidationError("\(output) holds no partials (\(layout.partialsDirectory) is missing): run `lede run --output \(output)` first")
            }
            let partials = try FileSystem.contentsOfDirectory(layout.partialsDirectory)
                .filter { !$0.hasPrefix(".") }
                .map { Path.join(layout.partialsDirectory, $0) }
            _ = try PartialMerger.merge(partials: partials, into: layout.aggregatesDirectory)
            print("merged \(partials.count) partial(s) into \(layout.aggregatesDirectory)")
            if let store = try storeOptions.storeOutput.rebuild(layout: layout, partials: partials) {
                print("rebuilt \(store.path) in \(SummaryPrinter.format(store.seconds)) s")
            }
        }
    }
}
