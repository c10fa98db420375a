import GRDB
import OnePCSV

/// What a provisioning handler works with: the request, its decoded fields, the open transaction
/// and the time.
struct ProvisionContext {
    let request: ProvisionRequest
    /// Query fields, then form body fields (for a form body).
    let fields: FormFields
    let db: Database
    let now: Int
    /// Opens later reads for answers that stream (content downloads).
    let reader: any DatabaseReader

    init(request: ProvisionRequest, db: Database, now: Int, reader: any DatabaseReader) {
        self.request = request
        self.db = db
        self.now = now
        self.reader = reader
        var fields = FormFields(request.query)
        if request.bodyKind == .form { fields.append(FormFields(bytes: request.body)) }
        self.fields = fields
    }

    var method: String { request.method.uppercased() }

    func vendor() throws -> Vendor {
        try VendorAuthenticator.vendor(request, in: db)
    }

    func model(_ name: String) throws -> ModelAccess {
        try ModelAccess.resolve(name, for: try vendor(), request: request, in: db)
    }

    /// The records of a `text/csv` body, blank lines dropped.
    func bodyRecords() throws(ProvisionFailure) -> [[String]] {
        let text = String(decoding: request.body, as: UTF8.self)
        guard !CSVCodec.endsInsideQuotes(text) else { throw ProvisionFailure.badRequest("a quoted CSV field is not closed") }
        return CSVCodec.records(text)
    }
}

extension ProvisionRequest {
    enum BodyKind: Equatable {
        case form
        case csv
        case json
        /// `multipart/...`, which the API never reads: refused rather than misread as a form.
        case multipart
    }

    /// How the body is written, from its Content-Type; a form unless said otherwise.
    var bodyKind: BodyKind {
        switch mediaType {
        case "text/csv": return .csv
        case "application/javascript", "application/json", "text/javascript": return .json
        case let type where type.hasPrefix("multipart/"): return .multipart
        default: return .form
        }
    }
}
