import ArgumentParser
import LedeEntities
import LedeStore

extension Lede {
    /// `lede top`: the most named entities of a finished run.
    struct Top: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the most mentioned entities of a run.",
            discussion: """
                Reads the run's SQLite store. Without dates, counts cover every document; \
                with --since or --until, only the dated documents of those days.
                """)

        @OptionGroup var store: StoreLocation

        @Option(name: .long, help: "Only entities of this label.")
        var label: EntityLabel?

        @Option(name: .long, help: "How many entities.")
        var limit: Int = 20

        @OptionGroup var range: DateRangeOptions

        @Flag(name: .long, help: "Print JSON instead of a table.")
        var json = false

        func validate() throws {
            if limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let reader = try store.open()
            let rows = try querying { try reader.top(label: label, since: range.since, until: range.until, limit: limit) }
            if json { try JSONPrinter.print(rows) } else { TopPrinter.print(rows) }
        }
    }
}
