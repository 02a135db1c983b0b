import ArgumentParser
import LedeAggregation
import LedeEntities
import LedeIO
import LedePipeline

extension Lede {
    /// `lede top`: the most named entities of a finished run.
    struct Top: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the most mentioned entities of a run.")

        @Option(name: .long, help: "The output directory of a finished run.")
        var output: String

        @Option(name: .long, help: "Only this label: PER, ORG, LOC or MISC.")
        var label: String?

        @Option(name: .long, help: "How many entities.")
        var limit: Int = 20

        func validate() throws {
            if let label, EntityLabel(name: label) == nil { throw ValidationError("--label must be PER, ORG, LOC or MISC, not \(label)") }
            if limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let aggregates = OutputLayout(root: output).aggregatesDirectory
            guard FileSystem.isRegularFile(Path.join(aggregates, "entities.csv")) else {
                throw ValidationError("\(output) has no aggregates/entities.csv: run `lede run --output \(output)` (or `lede merge`) first")
            }
            let rows = try EntityTable.top(aggregatesDirectory: aggregates, label: label.flatMap(EntityLabel.init(name:)), limit: limit)
            TopPrinter.print(rows)
        }
    }
}
