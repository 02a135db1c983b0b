import LedeIO

extension PartialMerger {
    /// Merges partial directories into one partial directory, streaming.
    ///
    /// For a large shard's checkpointed segments: reading them all into memory
    /// to combine them would hold every segment's tables at once, while this
    /// holds one row per input (in rounds of at most `fanIn` inputs, like
    /// ``merge(partials:into:fanIn:durable:pairParts:runJobs:)``). The result is the same
    /// partial that merging the inputs in memory and writing it with
    /// ``PartialStore/write(_:to:durable:)`` gives.
    ///
    /// - Parameters:
    ///   - partials: Partial directories, each listed once, in any order.
    ///   - output: The partial directory to write; replaced in one rename when it exists.
    ///   - fanIn: The most partials open at once; at least 2.
    ///   - durable: Whether the files are flushed to stable storage before the
    ///     directory is renamed into place.
    /// - Throws: What ``merge(partials:into:fanIn:durable:pairParts:runJobs:)`` throws.
    public static func merge(
        partials: [String], intoPartial output: String, fanIn: Int = defaultFanIn, durable: Bool = true
    ) throws {
        try checkInputs(partials, fanIn: fanIn)
        let parent = Path.directory(of: output)
        try FileSystem.createDirectory(parent)
        let workspace = _TemporaryName.sibling(of: output, purpose: workspacePurpose)
        defer { try? FileSystem.removeTree(workspace) }
        let (inputs, _) = try reduce(partials, fanIn: fanIn, workspace: workspace)
        try mergeIntoPartial(inputs, output, durable: durable)
    }
}
