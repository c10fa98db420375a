/// `/provision/manage/model/` and `/provision/manage/share/`: models and who else may use them.
extension ProvisionClient {
    public func modelList() async throws -> ProvisionAnswer {
        try await send("GET", "/provision/manage/model/")
    }

    /// Models other vendors shared with this one, as `<vendor>,<model>` lines.
    public func modelListShared() async throws -> ProvisionAnswer {
        try await send("GET", "/provision/manage/model/", query: [("show", "shared")])
    }

    public func modelCreate(_ model: String, template: ModelTemplate, options: ModelOptions = .init()) async throws -> ProvisionAnswer {
        try await send("POST", "/provision/manage/model/", form: [("model", model), template.field] + options.formFields)
    }

    /// The model's template and options as a form: `rid=...&options[]=...`.
    public func modelInfo(_ model: String) async throws -> ProvisionAnswer {
        try await send("GET", Self.modelPath(model))
    }

    public func modelUpdate(_ model: String, template: ModelTemplate, options: ModelOptions = .init()) async throws -> ProvisionAnswer {
        try await send("PUT", Self.modelPath(model), form: [template.field] + options.formFields)
    }

    /// Deletes a model with its serial numbers and content.
    public func modelDelete(_ model: String) async throws -> ProvisionAnswer {
        try await send("DELETE", Self.modelPath(model))
    }

    /// The older form of model removal: a POST with `delete=true`.
    public func modelDeleteByPost(_ model: String) async throws -> ProvisionAnswer {
        try await send("POST", "/provision/manage/model/", form: [("delete", "true"), ("model", model)])
    }

    // MARK: Shares

    public func shareList(model: String) async throws -> ProvisionAnswer {
        try await send("GET", "/provision/manage/share/\(FormEncoding.segment(model))/")
    }

    public func shareCreate(model: String, vendor: String) async throws -> ProvisionAnswer {
        try await send("POST", "/provision/manage/share/\(FormEncoding.segment(model))/", form: [("vendor", vendor)])
    }

    /// 204 when the model is shared with `vendor`, 404 when not.
    public func shareCheck(model: String, vendor: String) async throws -> ProvisionAnswer {
        try await send("GET", "/provision/manage/share/\(FormEncoding.segment(model))/\(FormEncoding.segment(vendor))")
    }

    public func shareDelete(model: String, vendor: String) async throws -> ProvisionAnswer {
        try await send("DELETE", "/provision/manage/share/\(FormEncoding.segment(model))/\(FormEncoding.segment(vendor))")
    }

    static func modelPath(_ model: String) -> String {
        "/provision/manage/model/" + FormEncoding.segment(model)
    }
}
