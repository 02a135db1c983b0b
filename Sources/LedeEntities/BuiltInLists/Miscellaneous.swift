extension BuiltInLists {
    /// Names labelled `MISC` that are not demonyms: religions and their adjectives,
    /// languages, events, wars, indices and the like.
    static let miscellaneous = """
    Democrat
    Republican
    Yugoslav
    Yugoslavs
    Zairean
    Zaireans
    Hutu
    Hutus
    Tutsi
    Tutsis
    Afrikaner
    Afrikaners
    Pashtun
    Pashtuns
    Uighur
    Uighurs
    Uyghur
    Uyghurs
    Bosnian Serb
    Bosnian Serbs
    Bosnian Croat
    Bosnian Muslim
    Muslim
    Muslims
    Moslem
    Moslems
    Islamic
    Islamist
    Islamists
    Christian
    Christians
    Catholic
    Catholics
    Roman Catholic
    Protestant
    Protestants
    Orthodox
    Jewish
    Jew
    Jews
    Hindu
    Hindus
    Sikh
    Sikhs
    Buddhist
    Buddhists
    Sunni
    Sunnis
    Shi'ite
    Shi'ites
    Shiite
    Shiites
    Shia
    Arab
    Arabs
    Arabic
    Hispanic
    Latino
    Latinos
    Asian
    Asians
    African
    Africans
    European
    Europeans
    Western
    Westerner
    Westerners
    Soviet
    Communist
    Communists
    Marxist
    Bolivarian
    Chavista
    Chavistas
    Zionist
    Balkan
    Caribbean
    Scandinavian
    Nordic
    Baltic
    Pacific Rim
    Latin American
    Mandarin
    Cantonese
    Hebrew
    Urdu
    Hindi
    Farsi
    Pashto
    Swahili
    Yiddish
    Latin
    Christmas
    Easter
    Ramadan
    Eid
    Hanukkah
    Passover
    Thanksgiving
    Diwali
    New Year
    Olympics
    Olympic
    Olympic Games
    Paralympics
    World Cup
    Euro 2020
    Super Bowl
    Wimbledon
    Tour de France
    Grand Prix
    Formula One
    World War One
    World War Two
    World War I
    World War II
    Cold War
    Gulf War
    Iraq War
    Vietnam War
    Holocaust
    Brexit
    Internet
    Nobel Prize
    Nobel Peace Prize
    Oscar
    Oscars
    Grammy
    Emmy
    Dow
    S&P 500
    FTSE
    FTSE 100
    Nikkei
    Hang Seng
    DAX
    CAC 40
    Bitcoin
    iPhone
    iPad
    Android
    Windows
    Boeing 737
    Airbus A380
    Bible
    Koran
    Quran
    Torah
    """
}
