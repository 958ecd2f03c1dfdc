/// What generated readouts are made of: the two sides' leaders by era, places, topic phrases,
/// and sentence templates that are (or are not) commitments, with the strength and actor the
/// domain notes give them.
enum ReadoutVocabulary {
    /// From `first` on, until the next era: Japan's prime minister and the U.S. president.
    struct Era {
        var first: CalendarDayKey
        var japan: String
        var us: String
    }

    /// "YYYY-MM-DD" as a number (20010426), for comparing days without parsing.
    typealias CalendarDayKey = Int

    static let eras: [Era] = [
        Era(first: 2001_04_26, japan: "Junichiro Koizumi", us: "George W. Bush"),
        Era(first: 2006_09_26, japan: "Shinzo Abe", us: "George W. Bush"),
        Era(first: 2007_09_26, japan: "Yasuo Fukuda", us: "George W. Bush"),
        Era(first: 2008_09_24, japan: "Taro Aso", us: "George W. Bush"),
        Era(first: 2009_01_20, japan: "Taro Aso", us: "Barack Obama"),
        Era(first: 2009_09_16, japan: "Yukio Hatoyama", us: "Barack Obama"),
        Era(first: 2010_06_08, japan: "Naoto Kan", us: "Barack Obama"),
        Era(first: 2011_09_02, japan: "Yoshihiko Noda", us: "Barack Obama"),
        Era(first: 2012_12_26, japan: "Shinzo Abe", us: "Barack Obama"),
        Era(first: 2017_01_20, japan: "Shinzo Abe", us: "Donald J. Trump"),
        Era(first: 2020_09_16, japan: "Yoshihide Suga", us: "Donald J. Trump"),
        Era(first: 2021_01_20, japan: "Yoshihide Suga", us: "Joseph R. Biden"),
        Era(first: 2021_10_04, japan: "Fumio Kishida", us: "Joseph R. Biden"),
        Era(first: 2024_10_01, japan: "Shigeru Ishiba", us: "Joseph R. Biden"),
        Era(first: 2025_01_20, japan: "Shigeru Ishiba", us: "Donald J. Trump"),
        Era(first: 2025_10_21, japan: "Sanae Takaichi", us: "Donald J. Trump"),
    ]

    static let women: Set<String> = ["Sanae Takaichi"]

    static let places = ["New York", "Washington, D.C.", "Tokyo", "Osaka", "Hiroshima", "Camp David",
                         "Palm Beach", "Hanoi", "Lima", "Biarritz", "Ise-Shima", "Kananaskis"]

    /// Topic id (as in layouts/taxonomy.yaml) and phrases that name it; sorted by id.
    static let topics: [(id: String, phrases: [String])] = [
        ("abductions", ["the abductions issue", "the immediate return of all abductees", "the families of the abduction victims"]),
        ("alliance-defense", ["the deterrence and response capabilities of the Japan-U.S. Alliance", "Japan's defense capabilities",
                              "the realignment of U.S. Forces Japan", "the relocation of Futenma Air Station to Henoko",
                              "extended deterrence", "the procurement of defense equipment"]),
        ("china", ["China's activities in the East China Sea and South China Sea", "peace and stability across the Taiwan Strait",
                   "unilateral attempts to change the status quo by force or coercion", "constructive dialogue with China"]),
        ("economic-security", ["secure supply chains of critical minerals and rare earths", "cooperation in AI and semiconductors",
                               "shipbuilding cooperation", "economic security"]),
        ("indo-pacific", ["a Free and Open Indo-Pacific", "a free and open maritime order based on the rule of law",
                          "cooperation among Japan, the United States and the Philippines", "Japan-U.S.-ROK trilateral cooperation"]),
        ("middle-east", ["the situation in the Middle East", "easing tensions with Iran", "the ceasefire in Gaza"]),
        ("multilateral", ["the success of the G7 Summit", "reform of the UN Security Council", "the G20 Summit",
                          "cooperation at the United Nations"]),
        ("north-korea", ["North Korea's nuclear and missile programs", "the complete denuclearization of North Korea",
                         "maximum pressure on North Korea",
                         "the full implementation of UN Security Council resolutions on North Korea",
                         "North Korea's ballistic missile launches"]),
        ("people-exchange", ["people-to-people exchanges", "exchanges among young people",
                             "the anniversary of the bilateral relationship"]),
        ("russia-ukraine", ["the situation in Ukraine", "sanctions on Russia", "the Northern Territories issue"]),
        ("terrorism", ["the fight against terrorism", "counter-terrorism cooperation"]),
        ("tpp", ["the Trans-Pacific Partnership", "the early entry into force of the TPP"]),
        ("trade-economy", ["bilateral trade and investment", "the trade imbalance", "the Japan-U.S. Economic Dialogue",
                           "the agreement on tariffs", "investment that creates jobs in both countries"]),
        ("visits-calendar", ["the President's visit to Japan", "the Prime Minister's upcoming visit to the United States",
                             "the next summit meeting"]),
    ]

    /// A commitment sentence: {t} is a topic phrase, {jl} and {ul} the leaders' surnames,
    /// {pos} the Japanese leader's possessive pronoun.
    struct CommitmentTemplate {
        var strength: Int
        var actor: String
        var text: String
    }

    static let commitments: [CommitmentTemplate] = [
        .init(strength: 4, actor: "both", text: "The two leaders signed a document on {t}."),
        .init(strength: 3, actor: "both", text: "The two leaders agreed to strengthen cooperation on {t}."),
        .init(strength: 3, actor: "both", text: "Both leaders agreed that Japan and the United States will work closely together on {t}."),
        .init(strength: 3, actor: "japan", text: "Prime Minister {jl} stated that Japan decided to take further steps regarding {t}."),
        .init(strength: 3, actor: "both", text: "The two sides concurred to advance {t}."),
        .init(strength: 2, actor: "both", text: "The two leaders confirmed that they will continue to cooperate on {t}."),
        .init(strength: 2, actor: "both", text: "They reaffirmed their commitment to {t}."),
        .init(strength: 2, actor: "us", text: "President {ul} reiterated the commitment of the United States to {t}."),
        .init(strength: 2, actor: "both", text: "The leaders affirmed the importance of {t} and will coordinate closely."),
        .init(strength: 1, actor: "both", text: "The two leaders shared the view that they will keep working on {t}."),
        .init(strength: 1, actor: "japan", text: "Prime Minister {jl} expressed {pos} hope to make progress on {t}."),
    ]

    /// Sentences about a topic that commit no one.
    static let others = [
        "Prime Minister {jl} explained Japan's position on {t}.",
        "President {ul} expressed his appreciation for Japan's efforts on {t}.",
        "The two leaders exchanged views on {t}.",
        "Prime Minister {jl} welcomed the progress made on {t}.",
        "President {ul} noted that great progress had been made on {t}.",
        "The two sides discussed recent developments concerning {t}.",
    ]

    static let kinds = ["Summit Meeting", "Summit Telephone Talk", "telephone talk", "courtesy call", "video conference",
                        "working lunch"]

    static let durations = [10, 15, 20, 25, 30, 40, 45, 60, 75, 90]

    /// Page furniture a saved readout carries: captions, print links, related links, tag bullets.
    static let noise = ["(Photo: Cabinet Public Relations Office)", "photo1: Summit Meeting", "print PRINT", "Related links",
                        "  • G7 Summit", "  • Ambassador"]

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]
}
