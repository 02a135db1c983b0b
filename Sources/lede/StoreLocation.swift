import ArgumentParser
import LedeIO
import LedePipeline
import LedeStore

/// Where the query commands find the store: `--output DIR` (its `lede.sqlite`) or `--sqlite PATH`.
struct StoreLocation: ParsableArguments {
    @Option(name: .long, help: "The output directory of a finished run (its lede.sqlite is read).")
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The store to read, instead of <output>/lede.sqlite.", valueName: "path"))
    var sqlite: String?

    func validate() throws {
        if output == nil && sqlite == nil { throw ValidationError("give --output DIR (a run's output directory) or --sqlite PATH") }
    }

    /// The store's path.
    var path: String { sqlite ?? OutputLayout(root: output ?? ".").storePath }

    /// Opens the store; a missing or unusable one is a usage error that says how to build it.
    func open() throws -> StoreReader {
        do {
            return try StoreReader(path: path)
        } catch StoreError.missing {
            let target = output ?? "DIR"
            throw ValidationError(
                "no SQLite store at \(path): run `lede run --output \(target)` or `lede merge --output \(target)` first")
        } catch let error as StoreError {
            throw ValidationError("\(error)")
        }
    }
}

/// Runs a store query, turning an unknown entity into a usage error that lists close names.
func querying<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw ValidationError("\(error)")
    }
}
