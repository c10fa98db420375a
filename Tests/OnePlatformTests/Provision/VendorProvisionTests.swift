import OnePJSON
import OnePlatform
import Testing

@Suite struct VendorProvisionTests {
    /// A second vendor registered to a fresh client; returns its name and CIK.
    static func secondVendor(_ fixture: ProvisionFixture, name: String = "acme") async throws -> String {
        try await secondVendorClient(fixture, name: name).cik
    }

    static func secondVendorClient(_ fixture: ProvisionFixture, name: String = "acme") async throws -> (cik: String, rid: String) {
        let client = try await fixture.rpc.client()
        let cik = try #require(client.auth["cik"]?.stringValue)
        let registered = await fixture.send("POST", "/provision/register", form: "vendor=\(name)", auth: [("X-Exosite-CIK", cik)])
        try #require(registered.status == 205, "register answered \(registered.status) \(registered.text)")
        return (cik, client.rid)
    }

    @Test func registerShowAndUnregister() async throws {
        let fixture = try ProvisionFixture.make()
        let cik = try await Self.secondVendor(fixture)
        let auth = [("X-Exosite-CIK", cik)]
        let shown = await fixture.send("GET", "/provision/register", auth: auth)
        #expect(shown.status == 200 && shown.text == "acme")
        #expect(shown.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(
            await fixture.send("GET", "/provision/register", auth: [("X-Exosite-CIK", fixture.platform.bootstrap.rootCIK)]).text == fixture.vendor)
        #expect(await fixture.send("POST", "/provision/register", form: "vendor=other", auth: auth).status == 409)
        #expect(await fixture.send("POST", "/provision/register", form: "delete=true&vendor=other", auth: auth).status == 404)
        #expect(await fixture.send("POST", "/provision/register", form: "delete=true&vendor=acme", auth: auth).status == 205)
        #expect(await fixture.send("GET", "/provision/register", auth: auth).status == 204)
        #expect(await fixture.send("GET", "/provision/manage/model/", auth: auth).status == 403)
    }

    @Test func registrationErrors() async throws {
        let fixture = try ProvisionFixture.make()
        _ = try await Self.secondVendor(fixture)
        let other = try await fixture.rpc.client()
        let auth = [("X-Exosite-CIK", try #require(other.auth["cik"]?.stringValue))]
        #expect(await fixture.send("POST", "/provision/register", form: "vendor=acme", auth: auth).status == 409)
        #expect(await fixture.send("POST", "/provision/register", form: "vendor=", auth: auth).status == 400)
        #expect(await fixture.send("POST", "/provision/register", form: "vendor=a%20b", auth: auth).status == 400)
        #expect(await fixture.send("GET", "/provision/register", auth: []).status == 401)
        let root = [("X-Exosite-CIK", fixture.platform.bootstrap.rootCIK)]
        #expect(await fixture.send("POST", "/provision/register", form: "delete=true&vendor=\(fixture.vendor)", auth: root).status == 403)
    }

    @Test func tokensListCreateShowDelete() async throws {
        let fixture = try ProvisionFixture.make()
        #expect(await fixture.send("GET", "/provision/admin/auth/").status == 204)
        let created = await fixture.send("POST", "/provision/admin/auth/", form: "id=ci")
        #expect(created.status == 200 && created.text.utf8.count == 40)
        #expect(await fixture.send("POST", "/provision/admin/auth/", form: "id=ci").status == 409)
        #expect(await fixture.send("GET", "/provision/admin/auth/").lines == ["ci"])
        #expect(await fixture.send("GET", "/provision/admin/auth/ci").text == created.text)
        // The new token acts as the vendor.
        #expect(await fixture.send("GET", "/provision/manage/model/", auth: [("X-Exosite-Token", created.text)]).status == 204)
        #expect(await fixture.send("DELETE", "/provision/admin/auth/ci").status == 205)
        #expect(await fixture.send("GET", "/provision/manage/model/", auth: [("X-Exosite-Token", created.text)]).status == 401)
        #expect(await fixture.send("GET", "/provision/admin/auth/ci").status == 404)
        #expect(await fixture.send("DELETE", "/provision/admin/auth/ci").status == 404)
        _ = await fixture.send("POST", "/provision/admin/auth/", form: "id=two")
        #expect(await fixture.send("POST", "/provision/admin/auth/", form: "delete=true&id=two").status == 205)
        #expect(await fixture.send("POST", "/provision/admin/auth/", form: "delete=true&id=two").status == 404)
    }

    @Test func vendorsSeeOnlyTheirOwnModelsUnlessShared() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model("m1", sns: ["s1"])
        let (cik, acmeRID) = try await Self.secondVendorClient(fixture)
        let acme = [("X-Exosite-CIK", cik)]
        #expect(await fixture.send("GET", "/provision/manage/model/", auth: acme).status == 204)
        #expect(await fixture.send("GET", "/provision/manage/model/m1", auth: acme).status == 404)
        let viaHeader = acme + [("X-Exosite-Vendor", fixture.vendor)]
        #expect(await fixture.send("GET", "/provision/manage/model/m1/", auth: viaHeader).status == 404)

        #expect(await fixture.send("POST", "/provision/manage/share/m1/", form: "vendor=acme").status == 205)
        #expect(await fixture.send("POST", "/provision/manage/share/m1/", form: "vendor=acme").status == 409)
        #expect(await fixture.send("POST", "/provision/manage/share/m1/", form: "vendor=ghost").status == 404)
        #expect(await fixture.send("POST", "/provision/manage/share/m1/", form: "vendor=\(fixture.vendor)").status == 400)
        #expect(await fixture.send("GET", "/provision/manage/share/m1/").lines == ["acme"])
        #expect(await fixture.send("GET", "/provision/manage/share/m1/acme").status == 204)
        #expect(await fixture.send("GET", "/provision/manage/model/", query: "show=shared", auth: acme).lines == ["\(fixture.vendor),m1"])

        // The sharer may enable and sees only what it enabled; it may not change the model.
        #expect(await fixture.send("GET", "/provision/manage/model/m1/", auth: viaHeader).status == 204)
        #expect(await fixture.send("DELETE", "/provision/manage/model/m1", auth: viaHeader).status == 403)
        #expect(await fixture.send("POST", "/provision/manage/model/m1/", form: "sn=s2", auth: viaHeader).status == 403)
        let enabled = await fixture.send("POST", "/provision/manage/model/m1/s1", form: "enable=true&owner=\(acmeRID)", auth: viaHeader)
        #expect(enabled.status == 200)
        #expect(await fixture.send("GET", "/provision/manage/model/m1/", auth: viaHeader).lines == ["s1,\(enabled.text),"])
        #expect(await fixture.send("GET", "/provision/manage/model/m1/s1", auth: viaHeader).text == "notactivated,\(enabled.text),")

        #expect(await fixture.send("DELETE", "/provision/manage/share/m1/acme").status == 205)
        #expect(await fixture.send("GET", "/provision/manage/share/m1/acme").status == 404)
        #expect(await fixture.send("POST", "/provision/manage/share/m1/", form: "vendor=acme&delete=true").status == 404)
        #expect(await fixture.send("GET", "/provision/manage/model/m1/s1", auth: viaHeader).status == 404)
    }
}
