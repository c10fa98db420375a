import Foundation

/// The locale a script's `date()` formats with (`setlocale`).
///
/// `C`/`POSIX` and `en_US` (the default) use the C library's own definitions; the other
/// locales the scripting contract lists take their names and date and time formats from the
/// locale data Foundation carries (ICU), since the system may have none of them installed.
struct ScriptLocale: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case posix
        case unitedStates
        case other(String)
    }

    let kind: Kind

    static let posix = ScriptLocale(kind: .posix)
    static let unitedStates = ScriptLocale(kind: .unitedStates)

    /// The locale a name given to `setlocale` means (`de_DE`, `de_DE.utf8`, `C`), nil when it is
    /// not one of those the contract supports.
    init?(named name: String) {
        if name == "C" || name == "POSIX" || name == "C.UTF-8" || name == "C.utf8" {
            kind = .posix
            return
        }
        var base = Substring(name)
        for suffix in [".utf8", ".UTF-8", ".utf-8", ".UTF8"] where base.hasSuffix(suffix) {
            base = base.dropLast(suffix.count)
            break
        }
        guard Self.supported.contains(String(base)) else { return nil }
        kind = base == "en_US" ? .unitedStates : .other(String(base))
    }

    private init(kind: Kind) {
        self.kind = kind
    }

    /// `<language>_<country>` of every locale the contract lists besides C and POSIX.
    static let supported: Set<String> = Set(
        """
        aa_DJ af_ZA an_ES ar_AE ar_BH ar_DZ ar_EG ar_IQ ar_JO ar_KW ar_LB ar_LY ar_MA ar_OM ar_QA ar_SA ar_SD ar_SY \
        ar_TN ar_YE as_IN az_AZ be_BY bg_BG br_FR bs_BA ca_AD ca_ES ca_FR ca_IT cs_CZ cy_GB da_DK de_AT de_BE de_CH \
        de_DE de_LI de_LU el_CY el_GR en_AU en_BW en_CA en_DK en_GB en_HK en_IE en_NZ en_PH en_SG en_US en_ZA en_ZW \
        es_AR es_BO es_CL es_CO es_CR es_DO es_EC es_ES es_GT es_HN es_MX es_NI es_PA es_PE es_PR es_PY es_SV es_US \
        es_UY es_VE et_EE eu_ES eu_FR fi_FI fo_FO fr_BE fr_CA fr_CH fr_FR fr_LU ga_IE gd_GB gl_ES gv_GB he_IL hr_HR \
        hu_HU id_ID is_IS it_CH it_IT iw_IL ja_JP ka_GE kk_KZ kl_GL ko_KR ku_TR kw_GB lg_UG lt_LT lv_LV mg_MG mi_NZ \
        mk_MK ms_MY mt_MT nb_NO nl_BE nl_NL nn_NO oc_FR om_KE pl_PL pt_BR pt_PT ro_RO ru_RU ru_UA sk_SK sl_SI so_DJ \
        so_KE so_SO sq_AL st_ZA sv_FI sv_SE tg_TJ th_TH tl_PH tr_CY tr_TR tt_RU uk_UA uz_UZ wa_BE xh_ZA yi_US zh_CN \
        zh_HK zh_SG zh_TW zu_ZA
        """.split(separator: " ").map(String.init))
}

/// The words and composite formats `strftime` takes from a locale.
struct LocaleWords {
    let shortWeekdays: [String]
    let weekdays: [String]
    let shortMonths: [String]
    let months: [String]
    let am: String
    let pm: String
    /// `%c`, `%x`, `%X` and `%r` as formats of their own, or nil where the locale's own formatter
    /// writes them (see ``LocaleWords/composite``).
    let dateTime: String?
    let date: String?
    let time: String?
    let time12: String
    /// For locales from Foundation: writes `%c`, `%x` or `%X` for a moment in a time zone.
    let composite: (@Sendable (Character, Date, TimeZone) -> String)?

    static let english = (
        shortWeekdays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        shortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    )

    /// The C library's `C` locale.
    static let posix = LocaleWords(
        shortWeekdays: english.shortWeekdays, weekdays: english.weekdays, shortMonths: english.shortMonths, months: english.months,
        am: "AM", pm: "PM", dateTime: "%a %b %e %H:%M:%S %Y", date: "%m/%d/%y", time: "%H:%M:%S", time12: "%I:%M:%S %p",
        composite: nil)

    /// The C library's `en_US.utf8`.
    static let unitedStates = LocaleWords(
        shortWeekdays: english.shortWeekdays, weekdays: english.weekdays, shortMonths: english.shortMonths, months: english.months,
        am: "AM", pm: "PM", dateTime: "%a %d %b %Y %r %Z", date: "%m/%d/%Y", time: "%r", time12: "%I:%M:%S %p", composite: nil)

    static func of(_ locale: ScriptLocale) -> LocaleWords {
        switch locale.kind {
        case .posix: return .posix
        case .unitedStates: return .unitedStates
        case .other(let identifier): return foundation(identifier)
        }
    }

    private static func foundation(_ identifier: String) -> LocaleWords {
        let locale = Locale(identifier: identifier)
        let formatter = DateFormatter()
        formatter.locale = locale
        return LocaleWords(
            shortWeekdays: formatter.shortWeekdaySymbols, weekdays: formatter.weekdaySymbols, shortMonths: formatter.shortMonthSymbols,
            months: formatter.monthSymbols, am: formatter.amSymbol, pm: formatter.pmSymbol, dateTime: nil, date: nil, time: nil,
            time12: "%I:%M:%S %p",
            composite: { conversion, moment, zone in
                let formatter = DateFormatter()
                formatter.locale = locale
                formatter.timeZone = zone
                formatter.dateStyle = conversion == "X" ? .none : (conversion == "c" ? .medium : .short)
                formatter.timeStyle = conversion == "x" ? .none : .medium
                return formatter.string(from: moment)
            })
    }
}
