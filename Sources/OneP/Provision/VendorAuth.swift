/// How a provisioning client proves it acts for a vendor.
public struct VendorAuth: Sendable, Equatable {
    let headerName: String
    let value: String

    /// A vendor token (`X-Exosite-Token`), from the platform's start or from `admin/auth`.
    public static func token(_ token: String) -> VendorAuth {
        VendorAuth(headerName: "X-Exosite-Token", value: token)
    }

    /// The CIK of a client registered as the vendor (`X-Exosite-CIK`).
    public static func cik(_ cik: String) -> VendorAuth {
        VendorAuth(headerName: "X-Exosite-CIK", value: cik)
    }
}

/// The copy options of a model (`noaliases`, `nocomments`, `nohistorical`).
public struct ModelOptions: Sendable, Equatable {
    public var noAliases: Bool
    public var noComments: Bool
    public var noHistorical: Bool

    public init(noAliases: Bool = false, noComments: Bool = false, noHistorical: Bool = false) {
        self.noAliases = noAliases
        self.noComments = noComments
        self.noHistorical = noHistorical
    }

    var formFields: [(String, String)] {
        var fields: [(String, String)] = []
        if noAliases { fields.append(("options[]", "noaliases")) }
        if noComments { fields.append(("options[]", "nocomments")) }
        if noHistorical { fields.append(("options[]", "nohistorical")) }
        return fields
    }
}

/// Where a model's clients are copied from.
public struct ModelTemplate: Sendable, Equatable {
    let field: (String, String)

    public static func rid(_ rid: String) -> ModelTemplate { ModelTemplate(field: ("rid", rid)) }
    /// A share code of the template client.
    public static func code(_ code: String) -> ModelTemplate { ModelTemplate(field: ("code", code)) }

    public static func == (lhs: ModelTemplate, rhs: ModelTemplate) -> Bool { lhs.field == rhs.field }
}

/// A range of serial numbers a model accepts (`show=ranges`).
public struct SerialNumberRange: Sendable, Equatable {
    /// `base10`, `base16`, `mac:48`, `mac-48` or `mac.48`.
    public var format: String
    public var length: Int?
    public var uppercase: Bool
    public var first: Int
    public var last: Int

    public init(format: String, length: Int? = nil, uppercase: Bool = true, first: Int, last: Int) {
        self.format = format
        self.length = length
        self.uppercase = uppercase
        self.first = first
        self.last = last
    }
}
