import Testing
@testable import LedeText

@Suite("Tokenizer: kinds and offsets")
struct TokenizerKindTests {
    @Test func newsSentenceHasExactOffsets() {
        let text =
            "Opposition leader Juan Guaido met officers of the U.S. Southern Command in Caracas on Monday. Guaido’s aides said…"
        let tokens = spell(text)
        #expect(
            tokens.map(\.text) == [
                "Opposition", "leader", "Juan", "Guaido", "met", "officers", "of", "the", "U.S.", "Southern", "Command",
                "in", "Caracas", "on", "Monday", ".", "Guaido", "’s", "aides", "said", "…",
            ])
        #expect(tokens[0] == Spelled(text: "Opposition", kind: .word, flags: tokens[0].flags, start: 0, end: 10))
        #expect(tokens[8].start == 50 && tokens[8].end == 54)  // U.S.
        #expect(tokens[15].start == 92 && tokens[15].end == 93 && tokens[15].kind == .punctuation)  // .
        #expect(tokens[16].start == 94 && tokens[16].end == 100)  // Guaido
        #expect(tokens[17].start == 100 && tokens[17].end == 104)  // ’s: three bytes of ’ and the s
        #expect(tokens[17].kind == .word && tokens[17].flags.contains(.clitic))
        #expect(tokens[20].start == 115 && tokens[20].end == 118 && tokens[20].kind == .punctuation)  // …
        #expect(tokens.allSatisfy { $0.kind == .word || $0.kind == .punctuation })
    }

    @Test func numbers() {
        let tokens = spell("1,200 3.5 30th 1990s 10:30 1/2 2019-05-12 1,200.")
        #expect(tokens.map(\.text) == ["1,200", "3.5", "30th", "1990s", "10:30", "1/2", "2019-05-12", "1,200", "."])
        #expect(tokens.dropLast().allSatisfy { $0.kind == .number && $0.flags.contains(.hasDigit) })
        #expect(tokens.last?.kind == .punctuation)
    }

    @Test func currencyAndPercentAreSymbolsBesideTheirNumber() {
        let tokens = spell("£600m and $1.13bn, up 76% or €5 & more")
        #expect(
            tokens.map(\.text) == [
                "£", "600m", "and", "$", "1.13bn", ",", "up", "76", "%", "or", "€", "5", "&", "more",
            ])
        #expect(tokens[0].kind == .symbol && tokens[0].start == 0 && tokens[0].end == 2)
        #expect(tokens[1].kind == .number && tokens[1].start == 2 && !tokens[1].flags.contains(.spaceBefore))
        #expect(tokens[3].kind == .symbol && tokens[4].kind == .number)
        #expect(tokens[8].kind == .symbol && tokens[10].kind == .symbol && tokens[12].kind == .symbol)
    }

    @Test func urls() {
        #expect(spell("see https://example.org/a?b=1.").map(\.text) == ["see", "https://example.org/a?b=1", "."])
        #expect(spell("see https://example.org/a?b=1.")[1].kind == .url)
        #expect(spell("(www.example.com/x)").map(\.text) == ["(", "www.example.com/x", ")"])
        #expect(spell("HTTP://EXAMPLE.ORG")[0].kind == .url)
        #expect(
            spell("http://en.example.org/wiki/Foo_(bar)).").map(\.text) == [
                "http://en.example.org/wiki/Foo_(bar)", ")", ".",
            ])
        // Without a scheme or www. a domain is a word.
        #expect(spell("Amazon.com")[0].kind == .word)
        #expect(spell("whatever www")[0].kind == .word)
    }

    @Test func emailsHandlesAndHashtags() {
        let tokens = spell("Write jane@example.org or jane.doe+news@mail.example.co.uk, @jguaido #Venezuela #1 a@b")
        #expect(
            tokens.map(\.text) == [
                "Write", "jane@example.org", "or", "jane.doe+news@mail.example.co.uk", ",", "@jguaido", "#Venezuela",
                "#", "1", "a", "@b",
            ])
        #expect(tokens[1].kind == .email && tokens[1].start == 6 && tokens[1].end == 22)
        #expect(tokens[3].kind == .email)
        #expect(tokens[5].kind == .handle && tokens[6].kind == .hashtag)
        #expect(tokens[6].flags.contains(.capitalized))
        #expect(tokens[7].kind == .symbol && tokens[8].kind == .number)
        #expect(tokens[10].kind == .handle)
        #expect(spell("#España")[0].kind == .hashtag && spell("#España")[0].end == 8)
    }

    @Test func dashesEllipsesQuotesAndBrackets() {
        let text = "“Yes” — he said – ‘no’... (maybe) [sic] {x} -- \"ok\" 'fine'"
        #expect(
            texts(text) == [
                "“", "Yes", "”", "—", "he", "said", "–", "‘", "no", "’", "...", "(", "maybe", ")", "[", "sic", "]", "{",
                "x",
                "}", "--", "\"", "ok", "\"", "'", "fine", "'",
            ])
        #expect(
            spell(text).filter { $0.text != "Yes" && $0.text.first!.isLetter == false }.allSatisfy {
                $0.kind == .punctuation
            })
        let em = spell("a—b")
        #expect(em.map(\.text) == ["a", "—", "b"] && em[1].start == 1 && em[1].end == 4)
    }

    @Test func clitics() {
        #expect(
            texts("don’t can't won't it's Guaido’s they're we'll I've she'd I'm") == [
                "do", "n’t", "ca", "n't", "wo", "n't", "it", "'s", "Guaido", "’s", "they", "'re", "we", "'ll", "I",
                "'ve",
                "she", "'d", "I", "'m",
            ])
        let tokens = spell("don’t GUAIDO'S")
        #expect(
            tokens[1].kind == .word && tokens[1].flags.contains(.clitic) && tokens[1].start == 2 && tokens[1].end == 7)
        #expect(!tokens[1].flags.contains(.spaceBefore))
        #expect(tokens[3].text == "'S" && tokens[3].flags.contains(.clitic))
        #expect(!tokens[0].flags.contains(.clitic) && !tokens[2].flags.contains(.clitic))
    }

    @Test func apostrophesThatStayOrStandAlone() {
        #expect(
            texts("O’Brien d'Estaing Côte d’Ivoire rock'n'roll O'Neill's") == [
                "O’Brien", "d'Estaing", "Côte", "d’Ivoire", "rock'n'roll", "O'Neill", "'s",
            ])
        #expect(texts("analysts' views") == ["analysts", "'", "views"])
        #expect(spell("analysts' views")[1].kind == .punctuation)
        // A clitic apart from its word (pre-tokenized text) or after an abbreviation or number.
        let apart = spell("Germany 's U.S.'s 1990's")
        #expect(apart.map(\.text) == ["Germany", "'s", "U.S.", "'s", "1990", "'s"])
        #expect(
            apart[1].flags.contains(.clitic) && apart[3].flags.contains(.clitic) && apart[5].flags.contains(.clitic))
        #expect(apart[4].kind == .number)
        // ... but not at the start of a quotation.
        #expect(spell("'s' is a letter")[0].kind == .punctuation)
    }

    @Test func hyphensAndAmpersands() {
        let tokens = spell("short-lived Al-Qaeda AT&T S&P 500 co-op's well - known")
        #expect(
            tokens.map(\.text) == [
                "short-lived", "Al-Qaeda", "AT&T", "S&P", "500", "co-op", "'s", "well", "-", "known",
            ])
        #expect(tokens[0].flags.contains(.hasHyphen) && tokens[1].flags.contains(.hasHyphen))
        #expect(tokens[1].flags.contains(.capitalized) && !tokens[1].flags.contains(.allUppercase))
        #expect(tokens[2].kind == .word && tokens[2].flags.contains(.allUppercase))
        #expect(tokens[8].kind == .punctuation)
    }

    @Test func emojiAndOtherSymbols() {
        let tokens = spell("ok 👍🏽 🇻🇪 👨‍👩‍👧 © ™ ½")
        #expect(tokens.map(\.text) == ["ok", "👍🏽", "🇻🇪", "👨‍👩‍👧", "©", "™", "½"])
        #expect(tokens.dropFirst().allSatisfy { $0.kind == .symbol && $0.flags.contains(.nonASCII) })
    }

    @Test func whitespaceOfAllKindsSeparatesTokens() {
        let text = "a\u{00A0}b\u{2003}c\u{3000}d\u{FEFF}e\u{200B}f\tg\r\nh\u{2028}i"
        #expect(texts(text) == ["a", "b", "c", "d", "e", "f", "g", "h", "i"])
    }

    @Test func emptyAndBlankInputsGiveNoTokens() {
        #expect(spell("").isEmpty)
        #expect(spell("  \n\t \u{00A0}\n").isEmpty)
    }

    @Test func overloadsAgree() {
        let text = "Mr. Guaido’s aides met U.S. officials."
        var fromString = TokenBuffer()
        var fromBytes = TokenBuffer()
        var fromBuffer = TokenBuffer()
        let tokenizer = Tokenizer()
        tokenizer.tokenize(text, into: &fromString)
        tokenizer.tokenize(Array(text.utf8), into: &fromBytes)
        Array(text.utf8).withUnsafeBytes { tokenizer.tokenize($0, into: &fromBuffer) }
        #expect(fromString.tokens == fromBytes.tokens && fromBytes.tokens == fromBuffer.tokens)
        #expect(fromString.count == 8)
    }
}

@Suite("Tokenizer: abbreviations and initials")
struct TokenizerAbbreviationTests {
    @Test func knownAbbreviationsKeepTheirPeriod() {
        let text = "Mr. Mrs. Dr. Gen. Sen. Rep. Gov. St. Jan. Dec. Inc. Corp. Co. Ltd. No. vs. etc. MR. INC."
        let tokens = spell(text)
        #expect(tokens.count == 19)
        #expect(tokens.allSatisfy { $0.kind == .word && $0.text.hasSuffix(".") && $0.flags.contains(.hasPeriod) })
    }

    @Test func innerPeriodAbbreviationsAreOneToken() {
        #expect(
            texts("the U.S. and U.N. e.g. Ph.D. at 9 a.m. in N.Y.C.") == [
                "the", "U.S.", "and", "U.N.", "e.g.", "Ph.D.", "at", "9", "a.m.", "in", "N.Y.C.",
            ])
        #expect(texts("Amazon.com. Then") == ["Amazon.com", ".", "Then"])
        #expect(texts("U.S.-based") == ["U.S.", "-", "based"])
        #expect(texts("the U.S...") == ["the", "U.S", "..."])
    }

    @Test func initialsKeepTheirPeriod() {
        let tokens = spell("John F. Kennedy and Á. Pérez")
        #expect(tokens.map(\.text) == ["John", "F.", "Kennedy", "and", "Á.", "Pérez"])
        #expect(tokens[1].flags.contains(.capitalized) && tokens[1].flags.contains(.allUppercase))
        #expect(tokens[4].flags.contains(.nonASCII) && tokens[4].flags.contains(.capitalized))
    }

    @Test func ordinaryWordsLeaveTheirPeriod() {
        #expect(texts("It rained on Monday. The end.") == ["It", "rained", "on", "Monday", ".", "The", "end", "."])
        // Lowercase forms of capitalised abbreviations are words.
        #expect(texts("He said no. Co. too") == ["He", "said", "no", ".", "Co.", "too"])
        #expect(texts("said.The") == ["said", ".", "The"])
    }

    @Test func customAbbreviations() {
        let spanish = Tokenizer(abbreviations: Abbreviations(prefixes: ["Sra", "Sr"], others: ["etc"]))
        #expect(texts("la Sra. López", tokenizer: spanish) == ["la", "Sra.", "López"])
        #expect(texts("la Sra. López") == ["la", "Sra", ".", "López"])
        #expect(texts("Mr. X", tokenizer: spanish) == ["Mr", ".", "X"])
    }

    @Test func abbreviationLookup() {
        let english = Abbreviations.english
        #expect(english.role(of: "Mr") == .prefix)
        #expect(english.role(of: "MR") == .prefix)
        #expect(english.role(of: "mr") == nil)
        #expect(english.role(of: "Inc") == .other)
        #expect(english.role(of: "ETC") == .other)
        #expect(english.role(of: "Monday") == nil)
        #expect(english.role(of: "") == nil)
        #expect(english.role(of: "Mr.") == nil)
        #expect(english.role(of: "Incorporated") == nil)
    }
}

@Suite("Tokenizer: sentence starts")
struct TokenizerSentenceTests {
    @Test func firstTokenAndAfterTerminators() {
        #expect(
            sentenceStarts("It rained. Then it stopped! Why? Because… Nobody knows.") == [
                "It", "Then", "Why", "Because", "Nobody",
            ])
    }

    @Test func notBeforeLowercaseOrWithoutSpace() {
        #expect(sentenceStarts("It rained. then it stopped.Next") == ["It"])
    }

    @Test func notAfterTitlesOrInitials() {
        #expect(sentenceStarts("He met Mr. Smith and Dr. Jones. John F. Kennedy spoke.") == ["He", "John"])
        #expect(sentenceStarts("Mr.\nSmith came") == ["Mr."])
    }

    @Test func abbreviationsWithInnerPeriodsNeedALineBreak() {
        #expect(sentenceStarts("Troops of the U.S. Southern Command came.") == ["Troops"])
        #expect(sentenceStarts("They came from the U.S.\nOthers stayed.") == ["They", "Others"])
        #expect(sentenceStarts("Shares of Acme Inc. Rose sharply, said Acme Inc.\nThe end") == ["Shares", "The"])
    }

    @Test func openingPunctuationAndTheFirstWordCarryTheFlag() {
        let tokens = spell("It ended. “We won,” he said. (Nobody argued.) \"Fine.\" She left.")
        let starts = tokens.filter { $0.flags.contains(.sentenceStart) }.map(\.text)
        #expect(starts == ["It", "“", "We", "(", "Nobody", "\"", "Fine", "She"])
    }

    @Test func closingQuotesKeepTheBoundary() {
        #expect(sentenceStarts("He said “no.” Then he left.") == ["He", "Then"])
        #expect(sentenceStarts("“Why?” she asked.") == ["“", "Why"])
        #expect(sentenceStarts("Headline\n\n— “(Quoted) text") == ["Headline", "—", "“", "(", "Quoted"])
        #expect(sentenceStarts("He left (finally.) Then rain.") == ["He", "Then"])
    }

    @Test func lineBreaks() {
        // A terminator and a line break start a sentence whatever follows.
        #expect(sentenceStarts("It ended.\nthen more") == ["It", "then"])
        // A line break alone does not (wire copy breaks lines mid-sentence)...
        let wrapped = spell("the Agriculture\nDepartment said")
        #expect(wrapped.filter { $0.flags.contains(.sentenceStart) }.map(\.text) == ["the"])
        #expect(wrapped[2].flags.contains(.newlineBefore) && wrapped[2].flags.contains(.spaceBefore))
        // ...but a blank line always does.
        #expect(sentenceStarts("Headline here\n\nbody text and\n \nmore text") == ["Headline", "body", "more"])
        #expect(sentenceStarts("Mr.\n\nSmith") == ["Mr.", "Smith"])
        #expect(sentenceStarts("one\r\n\r\ntwo") == ["one", "two"])
        #expect(sentenceStarts("one\u{2029}two") == ["one", "two"])
    }
}

@Suite("Tokenizer: flags")
struct TokenizerFlagTests {
    @Test func caseFlags() {
        let tokens = spell("Guaido NATO U.S. iPhone McDonald I G7 a Álvaro ÖCALAN über")
        func flags(_ i: Int) -> TokenFlags { tokens[i].flags }
        #expect(flags(0).isSuperset(of: [.capitalized, .hasLowercase]) && !flags(0).contains(.allUppercase))
        #expect(flags(1).isSuperset(of: [.capitalized, .allUppercase]) && !flags(1).contains(.hasLowercase))
        #expect(flags(2).isSuperset(of: [.capitalized, .allUppercase, .hasPeriod]))
        #expect(!flags(3).contains(.capitalized) && flags(3).contains(.hasLowercase))
        #expect(flags(4).isSuperset(of: [.capitalized, .hasLowercase]) && !flags(4).contains(.allUppercase))
        #expect(flags(5).isSuperset(of: [.capitalized, .allUppercase]))
        #expect(flags(6).isSuperset(of: [.capitalized, .allUppercase, .hasDigit]) && tokens[6].kind == .word)
        #expect(flags(7).contains(.hasLowercase) && !flags(7).contains(.capitalized))
        #expect(flags(8).isSuperset(of: [.capitalized, .hasLowercase, .nonASCII]))
        #expect(flags(9).isSuperset(of: [.capitalized, .allUppercase, .nonASCII]))
        #expect(flags(10).isSuperset(of: [.hasLowercase, .nonASCII]) && !flags(10).contains(.capitalized))
        #expect(!flags(0).contains(.nonASCII) && !flags(0).contains(.hasDigit))
    }

    @Test func positionFlags() {
        let tokens = spell("One two,three\nfour (five)")
        #expect(tokens.map(\.text) == ["One", "two", ",", "three", "four", "(", "five", ")"])
        #expect(tokens[0].flags.contains(.spaceBefore))  // the start of the text counts as space
        #expect(tokens[1].flags.contains(.spaceBefore))
        #expect(!tokens[2].flags.contains(.spaceBefore) && !tokens[3].flags.contains(.spaceBefore))
        #expect(tokens[4].flags.isSuperset(of: [.spaceBefore, .newlineBefore]))
        #expect(!tokens[3].flags.contains(.newlineBefore) && !tokens[5].flags.contains(.newlineBefore))
        #expect(!tokens[6].flags.contains(.spaceBefore))
    }

    @Test func nonASCIIPunctuationIsFlagged() {
        let tokens = spell("a — b, “c”")
        #expect(tokens[1].flags.contains(.nonASCII) && !tokens[3].flags.contains(.nonASCII))
        #expect(tokens[4].flags.contains(.nonASCII))
    }
}
