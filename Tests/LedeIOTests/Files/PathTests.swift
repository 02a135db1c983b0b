import LedeIO
import Testing

@Suite struct PathTests {
    @Test(arguments: [
        ("a", "b", "a/b"),
        ("a/", "b", "a/b"),
        ("a//", "b", "a/b"),
        ("a", "/b", "a/b"),
        ("a/", "//b", "a/b"),
        ("/", "b", "/b"),
        ("/", "/b", "/b"),
        ("", "b", "b"),
        ("a", "", "a"),
        ("", "", ""),
        (".", "b", "./b"),
        ("a/b", "c/d", "a/b/c/d"),
        ("données", "été.jsonl", "données/été.jsonl"),
    ])
    func join(base: String, name: String, expected: String) {
        #expect(Path.join(base, name) == expected)
    }

    @Test(arguments: [
        ("a/b/c", "a/b"),
        ("a/b/c/", "a/b"),
        ("a/b//c", "a/b"),
        ("a//b", "a"),
        ("c", "."),
        ("c/", "."),
        ("", "."),
        ("/c", "/"),
        ("//c", "/"),
        ("/", "/"),
        ("//", "/"),
        ("/a/b", "/a"),
        ("./a", "."),
        ("../a", ".."),
        ("dir/\u{301}x", "dir"),  // a name starting with a combining mark
        ("日本/記事.jsonl.zst", "日本"),
    ])
    func directory(path: String, expected: String) {
        #expect(Path.directory(of: path) == expected)
    }

    @Test(arguments: [
        ("a/b/c", "c"),
        ("a/b/c/", "c"),
        ("a/b/c//", "c"),
        ("c", "c"),
        ("/c", "c"),
        ("", ""),
        ("/", ""),
        ("a/.hidden", ".hidden"),
        ("dir/\u{301}x", "\u{301}x"),
        ("日本/記事.jsonl.zst", "記事.jsonl.zst"),
    ])
    func lastComponent(path: String, expected: String) {
        #expect(Path.lastComponent(of: path) == expected)
    }

    @Test(arguments: [
        ("/data/in/a.jsonl", "/data/in", "a.jsonl"),
        ("/data/in/x/a.jsonl", "/data/in/", "x/a.jsonl"),
        ("/data/in/x/a.jsonl", "/data/in//", "x/a.jsonl"),
        ("/data/input/a.jsonl", "/data/in", "a.jsonl"),  // a sibling that shares a prefix
        ("/elsewhere/a.jsonl", "/data/in", "a.jsonl"),
        ("x/a.jsonl", ".", "x/a.jsonl"),
        ("./x/a.jsonl", ".", "x/a.jsonl"),
        ("./x/a.jsonl", "./", "x/a.jsonl"),
        ("x/a.jsonl", "", "x/a.jsonl"),
        ("in/x/a.jsonl", "in", "x/a.jsonl"),
        ("/x/a.jsonl", "/", "x/a.jsonl"),
        ("/a.jsonl", "/", "a.jsonl"),
        ("/data/in", "/data/in", "in"),
        ("/abs/a.jsonl", ".", "a.jsonl"),
        ("données/été/a.jsonl", "données", "été/a.jsonl"),
    ])
    func relative(path: String, root: String, expected: String) {
        #expect(Path.relative(path, to: root) == expected)
    }
}
