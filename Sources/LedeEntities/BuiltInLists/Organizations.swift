extension BuiltInLists {
    /// Well-known organisations: `Name|canonical` (canonical optional).
    static let organizations = """
    United Nations
    UN|United Nations
    U.N.|United Nations
    UN Security Council|United Nations Security Council
    U.N. Security Council|United Nations Security Council
    Security Council|United Nations Security Council
    General Assembly|United Nations General Assembly
    UNESCO
    UNICEF
    UNHCR
    World Health Organization
    WHO|World Health Organization
    World Trade Organization
    WTO|World Trade Organization
    International Monetary Fund
    IMF|International Monetary Fund
    World Bank
    European Union
    EU|European Union
    E.U.|European Union
    European Commission
    European Parliament
    European Central Bank
    ECB|European Central Bank
    Eurogroup
    Council of Europe
    NATO
    Nato|NATO
    North Atlantic Treaty Organization|NATO
    OPEC
    Organization of the Petroleum Exporting Countries|OPEC
    OECD
    G7|G7
    G8|G8
    G20|G20
    ASEAN
    African Union
    Arab League
    OSCE
    Interpol
    Red Cross
    International Committee of the Red Cross
    Red Crescent
    Amnesty International
    Human Rights Watch
    Greenpeace
    Doctors Without Borders
    Medecins Sans Frontieres
    International Atomic Energy Agency
    IAEA|International Atomic Energy Agency
    International Criminal Court
    ICC|International Criminal Court
    International Court of Justice
    World Economic Forum
    International Olympic Committee
    IOC|International Olympic Committee
    FIFA
    UEFA
    Pentagon
    White House
    Kremlin
    Congress
    Senate
    House of Representatives
    House of Commons
    House of Lords
    Parliament
    Bundestag
    Duma
    State Duma
    Knesset
    Supreme Court
    Federal Reserve
    Fed|Federal Reserve
    Bank of England
    Bank of Japan
    Bundesbank
    People's Bank of China
    Reserve Bank of India
    State Department
    Treasury
    Justice Department
    Defense Department
    Department of Defense
    Department of Justice
    Department of State
    Homeland Security
    FBI
    F.B.I.|FBI
    CIA
    C.I.A.|CIA
    NSA
    National Security Agency
    NASA
    SEC|Securities and Exchange Commission
    Securities and Exchange Commission
    FDA|Food and Drug Administration
    Food and Drug Administration
    EPA|Environmental Protection Agency
    Environmental Protection Agency
    FTC|Federal Trade Commission
    Federal Trade Commission
    FCC|Federal Communications Commission
    IRS|Internal Revenue Service
    DEA
    ATF
    FEMA
    Pentagon
    MI5
    MI6
    KGB
    FSB
    Mossad
    Hamas
    Hezbollah|Hezbollah
    Hizbollah|Hezbollah
    Fatah
    PLO
    Palestine Liberation Organization|PLO
    Taliban
    al Qaeda|al Qaeda
    al-Qaeda|al Qaeda
    Al Qaeda|al Qaeda
    Islamic State
    ISIS|Islamic State
    ISIL|Islamic State
    Boko Haram
    al-Shabaab|al-Shabaab
    IRA
    Sinn Fein
    ETA
    FARC
    ELN
    Muslim Brotherhood
    Kurdistan Workers Party
    PKK
    Democratic Party
    Republican Party
    Democrats
    Republicans
    GOP
    Labour
    Labour Party
    Conservative Party
    Conservatives
    Tories
    Liberal Democrats
    Lib Dems
    Scottish National Party
    SNP
    UKIP
    Communist Party
    Christian Democrats
    CDU
    CSU
    SPD
    Social Democrats
    Greens
    Likud
    Kadima
    ANC
    African National Congress
    BJP
    Congress Party
    Kuomintang
    KMT
    PSUV
    Reuters
    Thomson Reuters
    Reuter|Reuters
    Associated Press
    AP|Associated Press
    Agence France-Presse
    AFP|Agence France-Presse
    Bloomberg
    Dow Jones
    BBC
    CNN
    CNBC
    NBC
    ABC
    CBS
    Fox News
    Al Jazeera
    New York Times
    Washington Post
    Wall Street Journal
    Financial Times
    The Economist
    Economist
    Guardian
    The Guardian
    The Times
    Le Monde
    Der Spiegel
    Xinhua
    Tass
    ITAR-TASS
    Interfax
    RIA Novosti
    Russia Today
    Kyodo
    Yonhap
    Apple
    Microsoft
    Google
    Alphabet
    Amazon
    Facebook
    Meta
    Twitter
    IBM
    Intel
    Oracle
    Cisco
    Hewlett-Packard
    HP
    Dell
    Samsung
    Sony
    Nokia
    Ericsson
    Motorola
    Qualcomm
    Nvidia
    AMD
    Yahoo
    eBay
    Netflix
    Uber
    Tesla
    Huawei
    Alibaba
    Tencent
    Baidu
    Lenovo
    Toshiba
    Panasonic
    Hitachi
    Siemens
    Philips
    Boeing
    Airbus
    Lockheed Martin
    Raytheon
    General Electric
    GE
    General Motors
    GM
    Ford
    Chrysler
    Fiat
    Toyota
    Honda
    Nissan
    Volkswagen
    BMW
    Daimler
    Mercedes-Benz
    Renault
    Peugeot
    Volvo
    Hyundai
    Exxon
    Exxon Mobil
    ExxonMobil
    Chevron
    BP
    Shell
    Royal Dutch Shell
    Gazprom
    Rosneft
    Lukoil
    Saudi Aramco
    Aramco
    PDVSA
    Petrobras
    Pemex
    ConocoPhillips
    Halliburton
    Goldman Sachs
    JPMorgan|JPMorgan Chase
    JPMorgan Chase
    J.P. Morgan|JPMorgan Chase
    Morgan Stanley
    Citigroup
    Citibank
    Citi|Citigroup
    Bank of America
    Wells Fargo
    Merrill Lynch
    Lehman Brothers
    Bear Stearns
    HSBC
    Barclays
    Lloyds
    Deutsche Bank
    Credit Suisse
    UBS
    BNP Paribas
    Societe Generale
    Santander
    ING
    Nomura
    Mitsubishi
    Mizuho
    BlackRock
    Berkshire Hathaway
    AIG
    Fannie Mae
    Freddie Mac
    Visa
    MasterCard
    American Express
    PayPal
    Walmart
    Wal-Mart
    Target
    Costco
    Tesco
    Carrefour
    Starbucks
    Coca-Cola
    Pepsi
    PepsiCo
    Nestle
    Unilever
    Procter & Gamble
    Procter and Gamble|Procter & Gamble
    Johnson & Johnson
    Pfizer
    Merck
    Novartis
    Roche
    GlaxoSmithKline
    AstraZeneca
    Sanofi
    Bayer
    Moderna
    AT&T
    Verizon
    Vodafone
    Deutsche Telekom
    France Telecom
    Telefonica
    Disney
    Walt Disney
    Time Warner
    Warner Bros
    Comcast
    News Corp
    Viacom
    Nasdaq
    NYSE|New York Stock Exchange
    New York Stock Exchange
    London Stock Exchange
    Dow Jones Industrial Average
    Standard & Poor's
    Moody's
    Fitch
    Harvard
    Harvard University
    Yale
    Stanford
    MIT
    Oxford University
    Cambridge University
    Manchester United
    Real Madrid
    Barcelona FC
    Chelsea
    Arsenal
    Liverpool FC
    Juventus
    Bayern Munich
    Ajax
    Rangers
    Vatican Bank
    Holy See
    Roman Catholic Church
    Catholic Church
    Church of England
    Southern Command|U.S. Southern Command
    U.S. Southern Command
    US Southern Command|U.S. Southern Command
    SOUTHCOM|U.S. Southern Command
    Southcom|U.S. Southern Command
    Central Command|U.S. Central Command
    CENTCOM|U.S. Central Command
    Marine Corps
    Marines
    U.S. Army
    U.S. Navy
    U.S. Air Force
    Army
    Navy
    Air Force
    Red Army
    Revolutionary Guards
    National Guard
    Scotland Yard
    Metropolitan Police
    Bolivarian National Guard
    National Assembly
    National Electoral Council
    Constituent Assembly
    OAS
    Organization of American States
    Lima Group
    Mercosur
    Air France
    Air India
    Air Canada
    Air China
    Lufthansa
    KLM
    Aeroflot
    Qantas
    Emirates Airline
    El Al
    Pan Am
    Ryanair
    easyJet
    """
}
