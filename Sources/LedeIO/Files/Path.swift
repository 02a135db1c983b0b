/// Small, allocation-light helpers for slash-separated paths.
public enum Path {
    /// Joins two path parts with exactly one slash.
    public static func join(_ base: String, _ name: String) -> String {
        if base.isEmpty { return name }
        if name.isEmpty { return base }
        return base.hasSuffix("/") ? base + name : base + "/" + name
    }

    /// The directory part of `path` (`"a/b/c"` → `"a/b"`, `"c"` → `"."`).
    public static func directory(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// The last component of `path`.
    public static func lastComponent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `path` relative to `root` when it lies below it, else its last component.
    public static func relative(_ path: String, to root: String) -> String {
        var prefix = root
        while prefix.count > 1 && prefix.hasSuffix("/") { prefix.removeLast() }
        if prefix == "." { prefix = "" }
        if !prefix.isEmpty, path.hasPrefix(prefix + "/") {
            return String(path.dropFirst(prefix.count + 1))
        }
        if prefix.isEmpty, !path.hasPrefix("/") {
            return path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        }
        return lastComponent(of: path)
    }
}
