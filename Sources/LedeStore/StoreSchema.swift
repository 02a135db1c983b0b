/// The tables and indexes of `lede.sqlite`, and the marks that identify a store of this version.
///
/// ```
/// entities       id, canonical, label, mentions, documents, first_date, last_date
/// cooccurrences  a, b (entity ids, a < b), documents            — one row per unordered pair
/// timeline       date, entity, mentions, documents
/// tags           tag, mentions, documents
/// stats          kind (counter, reject, source), name, value
/// shards         name, partial, lines, documents, rejects, bytes, tokens, mentions, undated, failed, failure,
///                file_size, file_modified_ns, fingerprint   — the file as read, when the run state knows it
/// shard_rejects  shard, reason, lines
/// ```
///
/// Entity ids follow the order of canonical names (bytewise UTF-8), then
/// labels, so `ORDER BY id` is the CSV tables' order; they are renumbered
/// on every rebuild, so scripts should join on them but keep names. Dates
/// are `YYYY-MM-DD` text, which sorts as the calendar does. Counts of
/// `entities` include undated documents, `timeline` only dated ones.
enum StoreSchema {
    /// `PRAGMA application_id`: "Lede" in ASCII, so that `file(1)` and readers can tell a store.
    static let applicationID: Int32 = 0x4C65_6465
    /// `PRAGMA user_version`, bumped on any incompatible change of the tables.
    static let version: Int32 = 1

    /// The tables, created empty before the rows stream in.
    static let tables = """
        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            canonical TEXT NOT NULL,
            label TEXT NOT NULL,
            mentions INTEGER NOT NULL,
            documents INTEGER NOT NULL,
            first_date TEXT,
            last_date TEXT
        );
        CREATE TABLE cooccurrences (
            a INTEGER NOT NULL REFERENCES entities (id),
            b INTEGER NOT NULL REFERENCES entities (id),
            documents INTEGER NOT NULL,
            PRIMARY KEY (a, b)
        ) WITHOUT ROWID;
        CREATE TABLE timeline (
            date TEXT NOT NULL,
            entity INTEGER NOT NULL REFERENCES entities (id),
            mentions INTEGER NOT NULL,
            documents INTEGER NOT NULL,
            PRIMARY KEY (date, entity)
        ) WITHOUT ROWID;
        CREATE TABLE tags (
            tag TEXT NOT NULL PRIMARY KEY,
            mentions INTEGER NOT NULL,
            documents INTEGER NOT NULL
        );
        CREATE TABLE stats (
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            value INTEGER NOT NULL,
            PRIMARY KEY (kind, name)
        );
        CREATE TABLE shards (
            name TEXT NOT NULL PRIMARY KEY,
            partial TEXT NOT NULL,
            lines INTEGER NOT NULL,
            documents INTEGER NOT NULL,
            rejects INTEGER NOT NULL,
            bytes INTEGER NOT NULL,
            tokens INTEGER NOT NULL,
            mentions INTEGER NOT NULL,
            undated INTEGER NOT NULL,
            failed INTEGER NOT NULL,
            failure TEXT,
            file_size INTEGER,
            file_modified_ns INTEGER,
            fingerprint TEXT
        );
        CREATE TABLE shard_rejects (
            shard TEXT NOT NULL REFERENCES shards (name),
            reason TEXT NOT NULL,
            lines INTEGER NOT NULL,
            PRIMARY KEY (shard, reason)
        );
        """

    /// The indexes, built after the rows are in (one sort each instead of a b-tree insert per row).
    ///
    /// - `entities_by_name`: an entity by its name.
    /// - `entities_by_mentions`, `entities_by_label`: the top entities, of all labels or of one.
    /// - `cooccurrences_by_b`: with the primary key (a, b), an entity's neighbours on either side.
    /// - `timeline_by_entity`: an entity's timeline, covering (the primary key serves date ranges).
    static let indexes = """
        CREATE INDEX entities_by_name ON entities (canonical, label);
        CREATE INDEX entities_by_mentions ON entities (mentions DESC, documents DESC);
        CREATE INDEX entities_by_label ON entities (label, mentions DESC, documents DESC);
        CREATE INDEX cooccurrences_by_b ON cooccurrences (b, documents);
        CREATE INDEX timeline_by_entity ON timeline (entity, date, mentions, documents);
        """
}
