/// Month and weekday names in the languages feeds are written in, for the
/// RFC-822-like dates that localised CMS templates produce
/// (`Di, 05 Mär 2024 10:00:00 +0100`, `5 févr. 2024`, `5 марта 2024 г.`).
///
/// `DateParser` tries English first, on bytes; this table is only consulted
/// for a word English did not know, so English dates pay nothing for it.
/// Words are matched whole (not by prefix: Czech `červen` is June and
/// `červenec` July), after lower-casing and folding accents, so `Févr`,
/// `fevr`, `FÉVR` are one key. No Foundation locale machinery: it is slow,
/// and what the system has installed must not change what a feed means.
enum MonthNames {
    /// What a non-English word in a date is.
    enum Word: Equatable {
        case month(Int)
        /// A weekday or a filler word (`de`, `Uhr`, `г.`): skipped.
        case skip
        /// A month in one language and a weekday in another (`mar`: marzo,
        /// martes). Read as the month unless another month word follows.
        case monthOrWeekday(Int)
    }

    static func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Word? {
        table[fold(String(decoding: bytes, as: UTF8.self))]
    }

    /// Lower case without accents: `Août` → `aout`, `Μαΐου` → `μαιου`, `ЯНВ` → `янв`.
    static func fold(_ word: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in word.lowercased().unicodeScalars {
            if let plain = accentFolds[scalar] { out.append(contentsOf: plain.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }

    private static let accentFolds: [Unicode.Scalar: String] = {
        let groups: [(String, String)] = [
            ("àáâãäåą", "a"), ("çćč", "c"), ("ď", "d"), ("èéêëěę", "e"), ("ìíîï", "i"), ("ł", "l"),
            ("ñńň", "n"), ("òóôõöø", "o"), ("ř", "r"), ("śš", "s"), ("ť", "t"), ("ùúûüů", "u"),
            ("ý", "y"), ("źżž", "z"),
            // Greek tonos and dialytika; final sigma.
            ("ά", "α"), ("έ", "ε"), ("ήη", "η"), ("ίϊΐ", "ι"), ("ό", "ο"), ("ύϋΰ", "υ"), ("ώ", "ω"), ("ς", "σ"),
            // Cyrillic ё is written е as often as not.
            ("ё", "е"),
        ]
        var map: [Unicode.Scalar: String] = [:]
        for (letters, plain) in groups {
            for scalar in letters.unicodeScalars where String(scalar) != plain { map[scalar] = plain }
        }
        return map
    }()

    /// Month spellings, January first: full names (nominative and, where dates
    /// use it, genitive) and the abbreviations templates print. Abbreviations
    /// are listed as written; their trailing dot is punctuation to the parser.
    static let months: [[String]] = [
        // 1
        ["januar", "jänner", "jän", // de, da, no
         "janvier", "janv", // fr
         "enero", "ene", // es
         "gennaio", "gen", // it
         "janeiro", // pt
         "januari", // nl, sv
         "styczeń", "stycznia", "sty", // pl
         "leden", "ledna", "led", // cs
         "январь", "января", "янв", // ru
         "січень", "січня", "січ", // uk
         "януари", "јануар", "јан", // bg, sr
         "ιανουάριος", "ιανουαρίου", "ιαν"], // el
        // 2
        ["februar", "feber", "feb",
         "février", "févr", "fév",
         "febrero",
         "febbraio",
         "fevereiro", "fev",
         "februari",
         "luty", "lutego", "lut",
         "únor", "února", "úno",
         "февраль", "февраля", "фев", "февр",
         "лютий", "лютого", "лют",
         "февруари", "фебруар", "феб",
         "φεβρουάριος", "φεβρουαρίου", "φεβ"],
        // 3
        ["märz", "maerz", "mrz", "mär",
         "mars",
         "marzo",
         "março",
         "maart", "mrt",
         "marts",
         "marzec", "marca",
         "březen", "března", "bře",
         "март", "марта", "мар",
         "березень", "березня", "бер",
         "μάρτιος", "μαρτίου", "μάρ"],
        // 4
        ["avril", "avr",
         "abril", "abr",
         "aprile",
         "kwiecień", "kwietnia", "kwi",
         "duben", "dubna", "dub",
         "апрель", "апреля", "апр",
         "квітень", "квітня", "кві",
         "април",
         "απρίλιος", "απριλίου", "απρ"],
        // 5
        ["mai",
         "mayo",
         "maggio", "mag",
         "maio",
         "mei",
         "maj", "maja",
         "květen", "května", "kvě",
         "май", "мая",
         "травень", "травня", "тра",
         "мај",
         "μάιος", "μαΐου", "μαΐ", "μάι"],
        // 6
        ["juni",
         "juin",
         "junio",
         "giugno", "giu",
         "junho",
         "czerwiec", "czerwca", "cze",
         "červen", "června", "čvn",
         "июнь", "июня", "июн",
         "червень", "червня", "чер",
         "юни", "јун",
         "ιούνιος", "ιουνίου", "ιούν", "ιουν"],
        // 7
        ["juli",
         "juillet", "juil",
         "julio",
         "luglio", "lug",
         "julho",
         "lipiec", "lipca", "lip",
         "červenec", "července", "čvc",
         "июль", "июля", "июл",
         "липень", "липня", "лип",
         "юли", "јул",
         "ιούλιος", "ιουλίου", "ιούλ", "ιουλ"],
        // 8
        ["août", "aoû",
         "agosto", "ago",
         "augustus",
         "augusti",
         "sierpień", "sierpnia", "sie",
         "srpen", "srpna", "srp",
         "август", "августа", "авг",
         "серпень", "серпня", "сер",
         "αύγουστος", "αυγούστου", "αύγ"],
        // 9
        ["septembre",
         "septiembre", "setiembre", "set",
         "settembre",
         "setembro",
         "wrzesień", "września", "wrz",
         "září", "zář",
         "сентябрь", "сентября", "сен", "сент",
         "вересень", "вересня", "вер",
         "септември", "септембар", "сеп",
         "σεπτέμβριος", "σεπτεμβρίου", "σεπ"],
        // 10
        ["oktober", "okt",
         "octobre",
         "octubre",
         "ottobre", "ott",
         "outubro", "out",
         "październik", "października", "paź",
         "říjen", "října", "říj",
         "октябрь", "октября", "окт",
         "жовтень", "жовтня", "жов",
         "октомври", "октобар",
         "οκτώβριος", "οκτωβρίου", "οκτ"],
        // 11
        ["novembre",
         "noviembre",
         "novembro",
         "listopad", "listopada", "listopadu", "lis",
         "ноябрь", "ноября", "ноя", "нояб",
         "листопад", "листопада", "лис",
         "ноември", "новембар", "нов",
         "νοέμβριος", "νοεμβρίου", "νοέ", "νοε"],
        // 12
        ["dezember", "dez",
         "décembre", "déc",
         "diciembre", "dic",
         "dicembre",
         "dezembro",
         "desember", "des",
         "grudzień", "grudnia", "gru",
         "prosinec", "prosince", "pro",
         "декабрь", "декабря", "дек",
         "грудень", "грудня", "гру",
         "декември", "децембар",
         "δεκέμβριος", "δεκεμβρίου", "δεκ"],
    ]

    /// Weekdays, and words dates put around their parts (`5 de marzo de 2024`,
    /// `um 10:00 Uhr`, `5 марта 2024 г.`): read past, never required.
    static let skipped: [String] = [
        // de
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        "mo", "di", "mi", "do", "fr", "sa", "so", "um", "uhr",
        // fr
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lun", "mar", "mer", "jeu", "ven", "sam", "dim", "le", "à",
        // es
        "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "mié", "jue", "vie", "sáb", "dom", "de", "del",
        // it
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "gio", "sab", "alle", "ore",
        // pt (segunda-feira: the parser reads the hyphenated word whole)
        "segunda", "terça", "quarta", "quinta", "sexta", "segunda-feira", "terça-feira", "quarta-feira",
        "quinta-feira", "sexta-feira", "seg", "ter", "qua", "qui", "sex", "às",
        // nl
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "ma", "wo", "vr", "za", "zo", "om",
        // sv, no, da
        "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
        "mandag", "tirsdag", "lørdag", "søndag",
        "mån", "tis", "ons", "tor", "fre", "lör", "sön", "man", "tir", "lør", "søn", "kl", "den",
        // pl
        "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
        "pon", "wt", "śr", "czw", "pt", "sob", "niedz", "nd",
        // cs
        "pondělí", "úterý", "středa", "čtvrtek", "pátek", "neděle",
        "po", "út", "st", "čt", "pá", "ne",
        // ru, uk, bg, sr
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
        "понеділок", "вівторок", "середа", "четвер", "пʼятниця", "п'ятниця", "субота", "неділя",
        "пн", "вт", "ср", "чт", "пт", "сб", "вс", "нд", "пон", "сря", "чет", "пет", "съб", "нед",
        "г", "года", "в",
        // el
        "δευτέρα", "τρίτη", "τετάρτη", "πέμπτη", "παρασκευή", "σάββατο", "κυριακή",
        "δευ", "τρί", "τετ", "πέμ", "παρ", "σάβ", "κυρ",
    ]

    /// Folded word → what it is. A spelling that two languages give different
    /// months would be a bug in the lists above; a unit test checks there is none.
    static let table: [String: Word] = {
        var table: [String: Word] = [:]
        for word in skipped { table[fold(word)] = .skip }
        for (index, names) in months.enumerated() {
            for name in names {
                let key = fold(name)
                table[key] = table[key] == .skip ? .monthOrWeekday(index + 1) : .month(index + 1)
            }
        }
        return table
    }()
}
