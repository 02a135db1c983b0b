/// Settings a Slurm batch script cannot carry, explained in terms a user can act on.
public struct SlurmScriptError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String

    public init(_ description: String) { self.description = description }
}
