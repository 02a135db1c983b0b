import LedeEntities

extension Partial {
    /// Counts of one entity: a canonical name with a label.
    public struct Entity: Sendable, Hashable {
        /// The canonical name.
        public var canonical: String
        /// The entity class.
        public var label: EntityLabel
        /// Mentions over all documents.
        public var mentions: Int
        /// Documents that mention it at least once.
        public var documents: Int
        /// The earliest day of a dated document that mentions it.
        public var firstDate: Day?
        /// The latest day of a dated document that mentions it.
        public var lastDate: Day?

        /// Makes a row.
        public init(
            canonical: String, label: EntityLabel, mentions: Int, documents: Int, firstDate: Day?, lastDate: Day?
        ) {
            self.canonical = canonical
            self.label = label
            self.mentions = mentions
            self.documents = documents
            self.firstDate = firstDate
            self.lastDate = lastDate
        }
    }

    /// Documents in which two entities both appear (within the co-occurrence cap).
    ///
    /// The pair is unordered; it is stored with (a, aLabel) before (b, bLabel).
    public struct Cooccurrence: Sendable, Hashable {
        /// The canonical name of the entity that sorts first.
        public var a: String
        /// Its label.
        public var aLabel: EntityLabel
        /// The canonical name of the entity that sorts second.
        public var b: String
        /// Its label.
        public var bLabel: EntityLabel
        /// Documents that name both.
        public var documents: Int

        /// Makes a row; `(a, aLabel)` must sort before `(b, bLabel)`.
        public init(a: String, aLabel: EntityLabel, b: String, bLabel: EntityLabel, documents: Int) {
            self.a = a
            self.aLabel = aLabel
            self.b = b
            self.bLabel = bLabel
            self.documents = documents
        }
    }

    /// Counts of one entity on one day.
    public struct TimelineEntry: Sendable, Hashable {
        /// The day of the documents.
        public var date: Day
        /// The canonical name.
        public var canonical: String
        /// The entity class.
        public var label: EntityLabel
        /// Mentions in documents of that day.
        public var mentions: Int
        /// Documents of that day that mention it.
        public var documents: Int

        /// Makes a row.
        public init(date: Day, canonical: String, label: EntityLabel, mentions: Int, documents: Int) {
            self.date = date
            self.canonical = canonical
            self.label = label
            self.mentions = mentions
            self.documents = documents
        }
    }

    /// Counts of one @handle or #hashtag.
    public struct Tag: Sendable, Hashable {
        /// The tag with its `@` or `#`.
        public var tag: String
        /// Occurrences over all documents.
        public var mentions: Int
        /// Documents that contain it.
        public var documents: Int

        /// Makes a row.
        public init(tag: String, mentions: Int, documents: Int) {
            self.tag = tag
            self.mentions = mentions
            self.documents = documents
        }
    }
}
