/// The lowercase words that may stand inside a name (`of`, `de`, `van`), recognised
/// from their (at most 3) bytes without a gazetteer probe.
enum Connector {
    /// `of`, `for`, `and`, `&`, and `the` after one of them: names of
    /// organisations and places join here (`Bank of America`), people's names don't.
    case structural
    /// `the`: only after a structural connector (`Ministry of the Interior`).
    case article
    /// Particles of personal and place names (`de`, `van`, `bin`, `al`).
    case particle

    /// The connector kind of token `index`, or `nil` if it is not a connector.
    @inline(__always)
    static func kind(_ view: DocumentView, _ index: Int) -> Connector? {
        let token = view[index]
        if token.kind == .symbol { return view.isByte(index, 0x26) ? .structural : nil }  // &
        guard token.kind == .word, token.length >= 2, token.length <= 3 else { return nil }
        let bytes = view.bytes(index)
        var packed: UInt32 = 0
        for k in 0..<token.length { packed |= UInt32(bytes[k]) << (8 * UInt32(k)) }
        switch packed {
        case 0x666F, 0x72_6F66, 0x64_6E61: return .structural  // of for and
        case 0x65_6874: return .article  // the
        case 0x6564, 0x6C_6564, 0x6964, 0x6164, 0x7564, 0x73_6564, 0x616C, 0x656C, 0x73_6F6C, 0x73_616C,
             0x6E_6176, 0x6E_6F76, 0x72_6564, 0x6E_6564, 0x72_6574, 0x6E_6574, 0x6E_6962, 0x6E_6269,
             0x6C61, 0x6C65, 0x73_6F64, 0x73_6164:
            // de del di da du des la le los las van von der den ter ten bin ibn al el dos das
            return .particle
        default: return nil
        }
    }

    /// Whether token `index` is `and` or `&`: runs joined by these split unless
    /// the whole run is one known name.
    static func isConjunction(_ view: DocumentView, _ index: Int) -> Bool {
        view.isByte(index, 0x26) || view.token(index, is: "and")
    }
}
