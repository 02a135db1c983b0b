extension BuiltInLists {
    /// Titles and roles written before a person's name. Matching ignores ASCII
    /// case, so `President` and `president` are one entry. Titles are not part of
    /// the name they introduce.
    static let personTitles = """
    Mr
    Mr.
    Mrs
    Mrs.
    Ms
    Ms.
    Miss
    Dr
    Dr.
    Prof
    Prof.
    Professor
    Sir
    Dame
    Lord
    Lady
    Baroness
    Baron
    Rev
    Rev.
    Reverend
    Father
    Sister
    Brother
    Rabbi
    Imam
    Ayatollah
    Grand Ayatollah
    Sheikh
    Sheik
    Cardinal
    Archbishop
    Bishop
    Pope
    King
    Queen
    Prince
    Princess
    Crown Prince
    Emir
    Sultan
    Shah
    Emperor
    Empress
    Duke
    Duchess
    President
    Vice President
    Vice-President
    President-elect
    Prime Minister
    Deputy Prime Minister
    Premier
    Chancellor
    Minister
    Foreign Minister
    Defence Minister
    Defense Minister
    Finance Minister
    Interior Minister
    Justice Minister
    Trade Minister
    Oil Minister
    Energy Minister
    Health Minister
    Economy Minister
    Secretary
    Secretary of State
    Secretary-General
    Secretary General
    Foreign Secretary
    Home Secretary
    Treasury Secretary
    Defense Secretary
    Defence Secretary
    Commerce Secretary
    Press Secretary
    Undersecretary
    Under Secretary
    Ambassador
    Envoy
    Special Envoy
    Consul
    Governor
    Gov
    Gov.
    Lieutenant Governor
    Mayor
    Senator
    Sen
    Sen.
    Congressman
    Congresswoman
    Representative
    Rep
    Rep.
    Speaker
    Deputy
    MP
    Assemblyman
    Councillor
    Councilman
    Commissioner
    Judge
    Justice
    Chief Justice
    Attorney General
    Prosecutor
    Chief Prosecutor
    Sheriff
    Inspector
    Detective
    Officer
    Constable
    Sergeant
    Sgt
    Sgt.
    Corporal
    Cpl.
    Lieutenant
    Lt
    Lt.
    Captain
    Capt
    Capt.
    Major
    Maj.
    Colonel
    Col
    Col.
    Lieutenant Colonel
    Lt. Col.
    General
    Gen
    Gen.
    Lieutenant General
    Lt. Gen.
    Major General
    Maj. Gen.
    Brigadier
    Brigadier General
    Brig. Gen.
    Admiral
    Adm
    Adm.
    Rear Admiral
    Vice Admiral
    Marshal
    Field Marshal
    Commander
    Cmdr.
    Commandant
    Chief
    Chief Executive
    Chief Executive Officer
    CEO
    Chief Financial Officer
    CFO
    Chief Operating Officer
    COO
    Chief Economist
    Chairman
    Chairwoman
    Chairperson
    Chair
    Vice Chairman
    Director
    Managing Director
    Executive Director
    Director General
    Director-General
    Executive
    Founder
    Co-founder
    Owner
    Manager
    Coach
    Head Coach
    Skipper
    Striker
    Midfielder
    Defender
    Goalkeeper
    Captain
    Spokesman
    Spokeswoman
    Spokesperson
    Leader
    Opposition Leader
    Minority Leader
    Majority Leader
    Ruler
    Dictator
    Strongman
    Commander-in-chief
    Analyst
    Economist
    Strategist
    Lawyer
    Attorney
    Adviser
    Advisor
    Aide
    Negotiator
    Envoy
    Diplomat
    Correspondent
    Reporter
    Editor
    Columnist
    Author
    Writer
    Novelist
    Poet
    Actor
    Actress
    Singer
    Rapper
    Director
    Producer
    Player
    Champion
    Rider
    Driver
    Batsman
    Bowler
    Pitcher
    Quarterback
    Boxer
    Golfer
    Sprinter
    Cyclist
    Swimmer
    Skier
    Jockey
    Trainer
    Chef
    Candidate
    Challenger
    Incumbent
    Rival
    Dissident
    Activist
    Militant
    Rebel
    Opposition
    Compatriot
    Teammate
    Counterpart
    Mr President
    Madam
    """
}
