/// Text a provisioning request may not carry: U+0000 or bytes that are not UTF-8, in its path,
/// query, headers or a form or CSV body. Such text would be stored altered (see ``RefusedValues``),
/// so the request is refused with 400 before anything runs.
extension ProvisionRequest {
    /// The refusal for the path, query and headers, nil when they are fine.
    var refusedHead: ProvisionFailure? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { RefusedValues.holdsNUL(FormFields.decodePathSegment($0)) }) { return Self.refused("path") }
        if FormFields(query).holdsRefusedText { return Self.refused("query") }
        if headers.contains(where: { RefusedValues.holdsNUL($0.0) || RefusedValues.holdsNUL($0.1) }) { return Self.refused("headers") }
        return nil
    }

    /// The refusal for a body read whole, nil when it is fine; content uploads are bytes, not text.
    /// A multipart body is refused too: the API takes forms, CSV and JSON, and a multipart body
    /// read as a form would be misread (its parts taken as field names).
    var refusedBody: ProvisionFailure? {
        switch bodyKind {
        case .form:
            return FormFields(bytes: body).holdsRefusedText ? Self.refused("body") : nil
        case .csv:
            return body.contains(0) || String(validating: body, as: UTF8.self) == nil ? Self.refused("body") : nil
        case .json:
            return nil
        case .multipart:
            guard !body.isEmpty else { return nil }
            return ProvisionFailure.unsupportedMediaType(
                "\(mediaType) bodies are not read here: send the fields as application/x-www-form-urlencoded (or text/csv where a list is taken)")
        }
    }

    private static func refused(_ part: String) -> ProvisionFailure {
        .badRequest("the \(part) holds U+0000 (%00) or bytes that are not UTF-8, which no provisioning field may contain")
    }
}
