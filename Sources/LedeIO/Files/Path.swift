/// Small, allocation-light helpers for slash-separated paths.
///
/// They look at the UTF-8 bytes of a path, never at `Character`s: a file name that
/// starts with a combining mark (`"dir/\u{301}x"`) would otherwise merge with the
/// slash before it into one grapheme, and the slash would not be found.
public enum Path {
    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// Joins two path parts with exactly one slash between them.
    ///
    /// Slashes at the end of `base` and at the start of `name` collapse into one
    /// (`"a/" + "/b"` → `"a/b"`, `"/" + "b"` → `"/b"`). An empty part yields the other
    /// part unchanged.
    public static func join(_ base: String, _ name: String) -> String {
        if base.isEmpty { return name }
        if name.isEmpty { return base }
        let head = trimmingTrailingSlashes(base.utf8[...])
        let tail = trimmingLeadingSlashes(name.utf8[...])
        if head.last == slash { return String(Substring(head)) + String(Substring(tail)) }  // the root
        return String(Substring(head)) + "/" + String(Substring(tail))
    }

    /// The directory part of `path`: `"a/b/c"` → `"a/b"`, `"c"` → `"."`, `"/c"` → `"/"`.
    ///
    /// Trailing slashes of `path` and repeated slashes before its last component are
    /// ignored (`"a/b/"` → `"a"`, `"a//b"` → `"a"`).
    public static func directory(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path.utf8[...])
        guard let slashIndex = trimmed.lastIndex(of: slash) else { return "." }
        let parent = trimmingTrailingSlashes(trimmed[..<slashIndex])
        return parent.isEmpty ? "/" : String(Substring(parent))
    }

    /// The last component of `path`, ignoring trailing slashes: `"a/b/"` → `"b"`;
    /// `""` and `"/"` give `""`.
    public static func lastComponent(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path.utf8[...])
        guard let slashIndex = trimmed.lastIndex(of: slash) else { return String(Substring(trimmed)) }
        return String(Substring(trimmed[trimmed.index(after: slashIndex)...]))
    }

    /// `path` relative to `root` when it lies below it, else its last component.
    ///
    /// A root of `""` or `"."` takes relative paths as they are (without a leading
    /// `"./"`); a root of `"/"` takes any absolute path. `root` itself, and paths
    /// beside it that merely share its prefix (`/data/input` for `/data/in`), are not
    /// below it.
    public static func relative(_ path: String, to root: String) -> String {
        var prefix = trimmingTrailingSlashes(root.utf8[...])
        if prefix.elementsEqual([dot]) { prefix = prefix[prefix.endIndex...] }
        let bytes = path.utf8[...]
        var rest: Substring.UTF8View?
        if prefix.isEmpty {
            if bytes.first != slash {
                var relativePath = bytes
                while relativePath.starts(with: [dot, slash]) {
                    relativePath = trimmingLeadingSlashes(relativePath.dropFirst())
                }
                rest = relativePath
            }
        } else if prefix.elementsEqual([slash]) {
            if bytes.first == slash { rest = bytes }
        } else if bytes.starts(with: prefix) {
            let after = bytes.index(bytes.startIndex, offsetBy: prefix.count)
            if after < bytes.endIndex, bytes[after] == slash { rest = bytes[after...] }
        }
        if let rest {
            let below = trimmingLeadingSlashes(rest)
            if !below.isEmpty { return String(Substring(below)) }
        }
        return lastComponent(of: path)
    }

    /// `path` without its trailing slashes, except for a path made of slashes only,
    /// which becomes `"/"`.
    private static func trimmingTrailingSlashes(_ path: Substring.UTF8View) -> Substring.UTF8View {
        var end = path.endIndex
        while end > path.startIndex {
            let before = path.index(before: end)
            guard path[before] == slash, before > path.startIndex else { break }
            end = before
        }
        return path[..<end]
    }

    private static func trimmingLeadingSlashes(_ path: Substring.UTF8View) -> Substring.UTF8View {
        var start = path.startIndex
        while start < path.endIndex, path[start] == slash { start = path.index(after: start) }
        return path[start...]
    }
}
