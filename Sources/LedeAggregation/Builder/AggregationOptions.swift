/// Settings of the aggregation stage.
public struct AggregationOptions: Sendable, Equatable {
    /// How many entities of one document take part in co-occurrence: the ones
    /// mentioned most often in that document, ties broken by key (canonical
    /// bytes, then label).
    ///
    /// A list-like article naming hundreds of entities would otherwise add a
    /// quadratic number of pairs; with the cap a document adds at most
    /// `cap × (cap − 1) / 2`. Values below 2 turn co-occurrence off.
    public var cooccurrenceCap: Int

    /// Makes options.
    ///
    /// - Parameter cooccurrenceCap: Entities per document considered for co-occurrence.
    public init(cooccurrenceCap: Int = 50) {
        self.cooccurrenceCap = cooccurrenceCap
    }
}
