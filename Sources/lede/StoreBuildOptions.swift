import ArgumentParser
import LedePipeline

/// `--no-sqlite` and `--sqlite PATH` of the commands that rebuild the store (`run`, `merge`).
struct StoreBuildOptions: ParsableArguments {
    @Flag(name: .customLong("no-sqlite"), help: "Do not rebuild the SQLite store after the merge.")
    var noSQLite = false

    @Option(name: .long, help: ArgumentHelp("Where the SQLite store goes (default: <output>/lede.sqlite).", valueName: "path"))
    var sqlite: String?

    func validate() throws {
        if noSQLite && sqlite != nil { throw ValidationError("--no-sqlite and --sqlite contradict each other: give one") }
    }

    var storeOutput: StoreOutput { StoreOutput(enabled: !noSQLite, path: sqlite) }
}
