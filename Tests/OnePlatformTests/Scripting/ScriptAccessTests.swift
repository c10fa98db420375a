import OnePJSON
import OnePlatform
import Testing

/// A script reaches only its owner's subhierarchy, exactly as a request with the owner's CIK:
/// every way past it fails clearly and changes nothing.
@Suite("Script reach", .timeLimit(.minutes(1)))
struct ScriptAccessTests {
    /// A device owning the script, its sibling with a dataport, and a client below the device.
    private struct Tree {
        let platform: TestPlatform
        let device: (rid: String, auth: JSON)
        let sibling: (rid: String, auth: JSON)
        let siblingData: String

        init() async throws {
            platform = try TestPlatform.inMemory()
            device = try await platform.client(["name": "device"])
            sibling = try await platform.client(["name": "sibling"])
            siblingData = try await platform.dataport("integer", alias: "data", auth: sibling.auth)
            try await platform.ok("write", [.string(siblingData), 5], auth: sibling.auth)
            let child = try await platform.client(["name": "child"], auth: device.auth)
            try await platform.ok("map", ["alias", .string(child.rid), "child"], auth: device.auth)
        }

        /// The sibling is as it was.
        func siblingIsUnchanged() async throws {
            #expect(try await platform.values(siblingData) == [5])
            #expect(
                try await platform.ok("listing", [.string(sibling.rid), ["dataport", "datarule", "client"], [:]]) == [
                    "dataport": [.string(siblingData)], "datarule": [], "client": [],
                ])
        }
    }

    @Test(
        arguments: [
            "alias[{rid = '%DATA%'}].value = 1",
            "alias[{rid = '%ROOT%'}].value = 1",
            "alias['child'].alias[{rid = '%DATA%'}].value = 1",
            "alias[{rid = 'not a rid'}].value = 1",
        ])
    func ridsOutsideTheSubhierarchyEndTheScript(line: String) async throws {
        let tree = try await Tree()
        let rid =
            line.contains("%DATA%") ? tree.siblingData : line.contains("%ROOT%") ? tree.platform.platform.bootstrap.rootRID : "not a rid"
        let source = line.replacingOccurrences(of: "%DATA%", with: tree.siblingData).replacingOccurrences(
            of: "%ROOT%", with: tree.platform.platform.bootstrap.rootRID)
        let script = try await tree.platform.script(source, auth: tree.device.auth)
        #expect(try await tree.platform.scriptStatus(script, auth: tree.device.auth) == "error")
        #expect(
            try await tree.platform.log(script, auth: tree.device.auth) == [
                "error: line 1: alias[{rid = '\(rid)'}]: restricted: no such resource in this client's subhierarchy"
            ])
        try await tree.siblingIsUnchanged()
    }

    @Test func manageCallsOutsideTheSubhierarchyAnswerRestricted() async throws {
        let tree = try await Tree()
        let root = tree.platform.platform.bootstrap.rootRID
        let said = try await tree.platform.said(
            """
            local function show(...) local ok, status = ... debug(tostring(ok) .. ' ' .. tostring(status)) end
            show(manage.drop('\(tree.siblingData)'))
            show(manage.create('\(tree.sibling.rid)', 'dataport', {format = 'integer'}))
            show(manage.update('\(tree.siblingData)', {name = 'taken'}))
            show(manage.info('\(root)', {'basic'}))
            show(manage.map('alias', '\(tree.siblingData)', 'stolen'))
            show(manage.share('\(tree.siblingData)', {}))
            show(alias['child'].manage.drop('\(tree.siblingData)'))
            show(manage.update({alias = ''}, {name = 'myself'}))
            show(manage.drop({alias = ''}))
            """, auth: tree.device.auth)
        #expect(said == Array(repeating: "false restricted", count: 9))
        try await tree.siblingIsUnchanged()
        #expect(try await tree.platform.ok("info", [.string(tree.device.rid), ["description": true]])["description"]?["name"] == "device")
    }

    @Test func aScriptOfALockedClientIsRefusedLikeItsRequests() async throws {
        let tree = try await Tree()
        let data = try await tree.platform.dataport("integer", alias: "mine", auth: tree.device.auth)
        let go = try await tree.platform.dataport("integer", alias: "go", auth: tree.device.auth)
        let script = try await tree.platform.script(
            """
            alias['go'].wait()
            alias['mine'].value = 1
            debug(alias['mine'].status .. ' ' .. tostring(select(2, manage.create({alias = ''}, 'dataport', {format = 'float'}))))
            debug(tostring(select(2, dispatch.email('a@example.com', 's', 'm'))))
            """, auth: tree.device.auth)
        try await tree.platform.ok("update", [.string(tree.device.rid), ["locked": true]])
        try await tree.platform.feed(.string(go), 1)
        #expect(try await tree.platform.log(script).map(TestPlatform.withoutLine) == ["locked locked", "locked"])
        #expect(try await tree.platform.values(data) == [])
    }
}
