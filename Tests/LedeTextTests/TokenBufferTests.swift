import Testing
@testable import LedeText

@Suite("TokenBuffer")
struct TokenBufferTests {
    @Test func removeAllKeepsNothing() {
        var buffer = TokenBuffer(capacity: 4)
        buffer.consume(Token(start: 0, end: 3, kind: .word, flags: [.capitalized]))
        #expect(buffer.count == 1)
        buffer.removeAll()
        #expect(buffer.count == 0)
    }
}
