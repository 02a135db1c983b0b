/// The gazetteer's built-in data, written as Swift string literals with one entry
/// per line so that it ships inside the binary and needs no files at run time.
///
/// Line formats (fields separated by `|`, lists inside a field by `,`):
/// - ``countries``: `Canonical name|demonym,demonym…|alias,alias…`
/// - ``cities``, ``regions``: `Name|alias,alias…` (aliases share the canonical name)
/// - ``organizations``: `Name|canonical` (canonical optional)
/// - every other list: one word or phrase per line.
///
/// Multi-word entries are written as the tokenizer splits them, one space apart
/// (`U.S.` is one token; `Procter & Gamble` is three).
enum BuiltInLists {}
