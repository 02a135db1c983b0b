extension BuiltInLists {
    /// Countries and territories: `Canonical|demonyms|aliases`.
    /// The first demonym is the canonical one; plurals of demonyms ending in
    /// `-an` or `-i` are added when the lists are loaded.
    static let countries = """
    Afghanistan|Afghan|
    Albania|Albanian|
    Algeria|Algerian|
    Andorra|Andorran|
    Angola|Angolan|
    Antigua and Barbuda|Antiguan|Antigua
    Argentina|Argentine,Argentinian,Argentines|
    Armenia|Armenian|
    Australia|Australian|
    Austria|Austrian|
    Azerbaijan|Azerbaijani,Azeri,Azeris|
    Bahamas|Bahamian|The Bahamas
    Bahrain|Bahraini|
    Bangladesh|Bangladeshi|
    Barbados|Barbadian|
    Belarus|Belarusian,Belarussian|Byelorussia
    Belgium|Belgian|
    Belize|Belizean|
    Benin|Beninese|
    Bhutan|Bhutanese|
    Bolivia|Bolivian|
    Bosnia and Herzegovina|Bosnian|Bosnia,Bosnia-Herzegovina
    Botswana|Botswanan|
    Brazil|Brazilian|
    Brunei|Bruneian|
    Bulgaria|Bulgarian|
    Burkina Faso|Burkinabe|
    Burundi|Burundian|
    Cambodia|Cambodian|
    Cameroon|Cameroonian|
    Canada|Canadian|
    Cape Verde|Cape Verdean|Cabo Verde
    Central African Republic|Central African|
    Chad|Chadian|
    Chile|Chilean|
    China|Chinese|People's Republic of China,PRC
    Colombia|Colombian|
    Comoros|Comoran|
    Congo|Congolese|Republic of Congo,Democratic Republic of Congo,Democratic Republic of the Congo,DRC,Zaire
    Costa Rica|Costa Rican|
    Croatia|Croatian,Croat,Croats|
    Cuba|Cuban|
    Cyprus|Cypriot,Cypriots|
    Czech Republic|Czech,Czechs|Czechia
    Denmark|Danish,Dane,Danes|
    Djibouti|Djiboutian|
    Dominica|Dominican|
    Dominican Republic|Dominican|
    East Timor|East Timorese|Timor-Leste
    Ecuador|Ecuadorean,Ecuadorian|
    Egypt|Egyptian|
    El Salvador|Salvadoran,Salvadorean|
    Equatorial Guinea|Equatorial Guinean|
    Eritrea|Eritrean|
    Estonia|Estonian|
    Eswatini|Swazi|Swaziland
    Ethiopia|Ethiopian|
    Fiji|Fijian|
    Finland|Finnish,Finn,Finns|
    France|French,Frenchman,Frenchmen,Frenchwoman|
    Gabon|Gabonese|
    Gambia|Gambian|The Gambia
    Georgia|Georgian|
    Germany|German|West Germany,East Germany
    Ghana|Ghanaian|
    Greece|Greek,Greeks|
    Grenada|Grenadian|
    Guatemala|Guatemalan|
    Guinea|Guinean|
    Guinea-Bissau|Bissau-Guinean|
    Guyana|Guyanese|
    Haiti|Haitian|
    Honduras|Honduran|
    Hungary|Hungarian|
    Iceland|Icelandic,Icelander,Icelanders|
    India|Indian|
    Indonesia|Indonesian|
    Iran|Iranian|Persia
    Iraq|Iraqi|
    Ireland|Irish,Irishman|Eire,Republic of Ireland
    Israel|Israeli|
    Italy|Italian|
    Ivory Coast|Ivorian|Cote d'Ivoire
    Jamaica|Jamaican|
    Japan|Japanese|
    Jordan|Jordanian|
    Kazakhstan|Kazakh,Kazakhs|
    Kenya|Kenyan|
    Kiribati|I-Kiribati|
    Kosovo|Kosovar,Kosovars|
    Kuwait|Kuwaiti|
    Kyrgyzstan|Kyrgyz|Kirghizia
    Laos|Lao,Laotian|
    Latvia|Latvian|
    Lebanon|Lebanese|
    Lesotho|Basotho|
    Liberia|Liberian|
    Libya|Libyan|
    Liechtenstein|Liechtensteiner|
    Lithuania|Lithuanian|
    Luxembourg|Luxembourgish,Luxembourger|
    Madagascar|Malagasy|
    Malawi|Malawian|
    Malaysia|Malaysian|
    Maldives|Maldivian|
    Mali|Malian|
    Malta|Maltese|
    Marshall Islands|Marshallese|
    Mauritania|Mauritanian|
    Mauritius|Mauritian|
    Mexico|Mexican|
    Micronesia|Micronesian|
    Moldova|Moldovan|Moldavia
    Monaco|Monegasque|
    Mongolia|Mongolian|
    Montenegro|Montenegrin|
    Morocco|Moroccan|
    Mozambique|Mozambican|
    Myanmar|Burmese|Burma
    Namibia|Namibian|
    Nauru|Nauruan|
    Nepal|Nepali,Nepalese|
    Netherlands|Dutch,Dutchman|Holland,The Netherlands
    New Zealand|New Zealander,New Zealanders,Kiwi,Kiwis|
    Nicaragua|Nicaraguan|
    Niger|Nigerien|
    Nigeria|Nigerian|
    North Korea|North Korean|DPRK
    North Macedonia|Macedonian|Macedonia
    Norway|Norwegian|
    Oman|Omani|
    Pakistan|Pakistani|
    Palau|Palauan|
    Palestine|Palestinian|Palestinian Territories
    Panama|Panamanian|
    Papua New Guinea|Papua New Guinean|
    Paraguay|Paraguayan|
    Peru|Peruvian|
    Philippines|Filipino,Filipinos,Philippine|The Philippines
    Poland|Polish,Pole,Poles|
    Portugal|Portuguese|
    Qatar|Qatari|
    Romania|Romanian|Rumania
    Russia|Russian|Russian Federation,Soviet Union,USSR
    Rwanda|Rwandan|
    Saint Kitts and Nevis|Kittitian|St. Kitts and Nevis
    Saint Lucia|Saint Lucian|St. Lucia
    Saint Vincent and the Grenadines|Vincentian|St. Vincent
    Samoa|Samoan|
    San Marino|Sammarinese|
    Sao Tome and Principe|Santomean|
    Saudi Arabia|Saudi,Saudi Arabian|
    Senegal|Senegalese|
    Serbia|Serbian,Serb,Serbs|Yugoslavia
    Seychelles|Seychellois|
    Sierra Leone|Sierra Leonean|
    Singapore|Singaporean|
    Slovakia|Slovak,Slovaks|
    Slovenia|Slovenian,Slovene,Slovenes|
    Solomon Islands|Solomon Islander|
    Somalia|Somali|
    South Africa|South African|
    South Korea|South Korean,Korean|Korea,Republic of Korea
    South Sudan|South Sudanese|
    Spain|Spanish,Spaniard,Spaniards|
    Sri Lanka|Sri Lankan|Ceylon
    Sudan|Sudanese|
    Suriname|Surinamese|Surinam
    Sweden|Swedish,Swede,Swedes|
    Switzerland|Swiss|
    Syria|Syrian|
    Taiwan|Taiwanese|Republic of China
    Tajikistan|Tajik,Tajiks|
    Tanzania|Tanzanian|
    Thailand|Thai|Siam
    Togo|Togolese|
    Tonga|Tongan|
    Trinidad and Tobago|Trinidadian|Trinidad
    Tunisia|Tunisian|
    Turkey|Turkish,Turk,Turks|Turkiye
    Turkmenistan|Turkmen|
    Tuvalu|Tuvaluan|
    Uganda|Ugandan|
    Ukraine|Ukrainian|The Ukraine
    United Arab Emirates|Emirati|UAE,U.A.E.
    United Kingdom|British,Briton,Britons,Brit,Brits|UK,U.K.,Britain,Great Britain,United Kingdom of Great Britain and Northern Ireland
    United States|American|US,U.S.,USA,U.S.A.,United States of America,America
    Uruguay|Uruguayan|
    Uzbekistan|Uzbek,Uzbeks|
    Vanuatu|Ni-Vanuatu|
    Vatican|Vatican|Vatican City,Holy See
    Venezuela|Venezuelan|
    Vietnam|Vietnamese|Viet Nam
    Yemen|Yemeni|
    Zambia|Zambian|
    Zimbabwe|Zimbabwean|Rhodesia
    Greenland|Greenlandic|
    Puerto Rico|Puerto Rican|
    Hong Kong|Hong Konger|
    Macau|Macanese|Macao
    England|English,Englishman,Englishmen|
    Scotland|Scottish,Scot,Scots|
    Wales|Welsh,Welshman|
    Northern Ireland|Northern Irish|Ulster
    Tibet|Tibetan|
    Chechnya|Chechen,Chechens|
    Kurdistan|Kurdish,Kurd,Kurds|
    Gaza|Gazan|Gaza Strip
    West Bank||
    Western Sahara|Sahrawi|
    Crimea|Crimean|
    Gibraltar|Gibraltarian|
    Bermuda|Bermudian|
    Cayman Islands|Caymanian|
    Faroe Islands|Faroese|
    Falkland Islands|Falklander|Falklands
    Basque Country|Basque,Basques|
    Catalonia|Catalan,Catalans|
    Flanders|Flemish|
    Bavaria|Bavarian|
    Sicily|Sicilian|
    Sardinia|Sardinian|
    Corsica|Corsican|
    Quebec|Quebecer,Quebecois|
    Texas|Texan|
    California|Californian|
    """
}
