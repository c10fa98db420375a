import OnePJSON
import OnePlatform
import Testing

/// The `manage` table: each function is the RPC procedure, called as the script's owner.
@Suite("Script manage table", .timeLimit(.minutes(1)))
struct ScriptManageTests {
    @Test func createInfoUpdateListingLookupAndDrop() async throws {
        let platform = try TestPlatform.inMemory()
        let said = try await platform.said(
            """
            local ok, rid = manage.create({alias = ''}, 'dataport', {format = 'float', name = 'made', retention = {count = 10}})
            debug(tostring(ok) .. ' ' .. #rid)
            debug(tostring(manage.map('alias', rid, 'made')))
            local _, info = manage.info(rid, {'basic', 'description'})
            debug(info.basic.type .. ' ' .. info.description.name .. ' ' .. info.description.format .. ' ' .. info.description.retention.count)
            debug(tostring(manage.update({alias = 'made'}, {name = 'renamed'})) .. ' ' .. alias['made'].name)
            local _, list = manage.listing({alias = ''}, {'dataport', 'datarule'}, {'owned'})
            debug(#list .. ' ' .. list[1].dataport[1] .. ' ' .. #list[2].datarule)
            local _, found = manage.lookup({alias = ''}, 'aliased', 'made')
            local _, owner = manage.lookup({alias = ''}, 'owner', rid)
            debug(tostring(found == rid) .. ' ' .. tostring(owner == '\(platform.platform.bootstrap.rootRID)'))
            debug(tostring(manage.drop(rid)) .. ' ' .. tostring(alias['made']))
            """)
        try #require(said.count == 7, "\(said)")
        #expect(said[0] == "true 40")
        #expect(said[1] == "true")
        #expect(said[2] == "dataport made float 10")
        #expect(said[3] == "true renamed")
        #expect(said[4].hasPrefix("2 ") && said[4].hasSuffix(" 1"))
        #expect(said[5] == "true true")
        #expect(said[6] == "true nil")
        #expect(try await platform.ok("listing", [["dataport"], [:]])["dataport"] == [])
    }

    @Test func infoShowsAliasesSubscribersAndTheScriptsOwnActivity() async throws {
        let platform = try TestPlatform.inMemory()
        let source = try await platform.dataport("float", alias: "source")
        try await platform.datarule(["simple": ["comparison": "gt", "constant": 1, "repeat": true]], subscribe: source)
        let said = try await platform.said(
            """
            local _, client = manage.info({alias = ''}, {'aliases', 'counts'})
            for _, entry in ipairs(client.aliases) do debug(#entry[1] .. ' ' .. entry[2][1]) end
            debug('dataports ' .. client.counts.dataport)
            local _, source = manage.info({alias = 'source'}, {'subscribers', 'basic'})
            debug(#source.subscribers[1].datarule[1] .. ' ' .. source.basic.subscribers)
            local _, list = manage.listing({alias = ''}, {'datarule'}, {})
            for _, rid in ipairs(list[1].datarule) do
              local _, rule = manage.info(rid, {'basic'})
              if rule.basic.status then
                for _, entry in ipairs(rule.basic.activity) do
                  for timestamp, statuses in pairs(entry) do debug(rule.basic.status .. ' ' .. tostring(timestamp == now) .. ' ' .. statuses[1]) end
                end
              end
            end
            """)
        #expect(said == ["40 source", "dataports 1", "40 1", "running true running"])
    }

    @Test func mapAndTagLabelResourcesAndUnmapRemovesAnAlias() async throws {
        let platform = try TestPlatform.inMemory()
        let data = try await platform.dataport("float")
        let said = try await platform.said(
            """
            debug(tostring(manage.map('alias', '\(data)', 'named')))
            debug(tostring(alias['named'] ~= nil))
            debug(tostring(manage.unmap({alias = ''}, 'alias', 'named')))
            debug(tostring(alias['named']))
            debug(tostring(manage.map('tag', '\(data)', 'kitchen')))
            debug(tostring(manage.tag('\(data)', 'add', 'sensor')))
            local ok, status = manage.map('alias', '\(data)', '')
            debug(tostring(ok) .. ' ' .. status)
            """)
        #expect(said == ["true", "true", "true", "nil", "true", "true", "false invalid"])
        #expect(try await platform.ok("info", [.string(data), ["tags": true]])["tags"] == ["kitchen", "sensor"])
    }

    @Test func sharesAreMadeActivatedDeactivatedAndRevoked() async throws {
        let platform = try TestPlatform.inMemory()
        let data = try await platform.dataport("float", alias: "data")
        let device = try await platform.client(["name": "device"])
        let said = try await platform.said(
            """
            local ok, code = manage.share({alias = 'data'}, {meta = 'for the device'})
            debug(tostring(ok) .. ' ' .. #code)
            local _, shared = manage.lookup({alias = ''}, 'shared', code)
            debug(tostring(shared == '\(data)'))
            debug(tostring(manage.activate('\(device.rid)', 'share', code)))
            debug(tostring(select(2, manage.activate('\(device.rid)', 'share', code))))
            debug(tostring(manage.deactivate('\(device.rid)', 'share', code)))
            debug(tostring(manage.revoke('share', code)))
            debug(tostring(select(2, manage.activate('\(device.rid)', 'share', code))))
            """)
        #expect(said == ["true 40", "true", "true", "invalid", "true", "true", "invalid"])
        #expect(try await platform.ok("info", [.string(data), ["shares": true]])["shares"] == [])
    }

    @Test func clientKeysAreRevokedAndActivated() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client(["name": "device"])
        let said = try await platform.said(
            """
            local _, before = manage.info('\(device.rid)', {'key'})
            debug(tostring(manage.revoke('client', before.key)))
            local _, after = manage.info('\(device.rid)', {'key', 'basic'})
            debug(tostring(after.key ~= before.key) .. ' ' .. after.basic.status)
            debug(tostring(manage.activate({alias = ''}, 'client', after.key)))
            local _, now_info = manage.info('\(device.rid)', {'basic'})
            debug(now_info.basic.status)
            debug(tostring(manage.deactivate({alias = ''}, 'client', after.key)))
            """)
        #expect(said == ["true", "true notactivated", "true", "activated", "true"])
    }

    @Test func usageCountsWhatTheClientUsed() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("float")
        let start = platform.now
        try await platform.advance(by: 10)
        let said = try await platform.said(
            "local ok, used = manage.usage({alias = ''}, 'dataport', \(start), \(start + 10)) debug(tostring(ok) .. ' ' .. used)")
        #expect(said == ["true 10"])
    }

    @Test func argumentsOfTheWrongShapeAnswerBadarg() async throws {
        let platform = try TestPlatform.inMemory()
        let said = try await platform.said(
            """
            debug(tostring(select(2, manage.create(42, 'dataport', {format = 'float'}))))
            debug(tostring(select(2, manage.create({alias = ''}, 'dataport', {format = 'complex'}))))
            debug(tostring(select(2, manage.listing({alias = ''}, 'dataport', {}))))
            """)
        #expect(said == ["badarg", "invalid", "badarg"])
    }

    @Test func manageOnAClientAliasActsAsThatClient() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client(["name": "device"])
        try await platform.ok("map", ["alias", .string(device.rid), "device"])
        let said = try await platform.said(
            """
            local device = alias['device']
            local ok, rid = device.manage.create({alias = ''}, 'dataport', {format = 'integer'})
            device.manage.map('alias', rid, 'count')
            debug(tostring(ok) .. ' ' .. tostring(device.alias['count'] ~= nil) .. ' ' .. tostring(alias['count']))
            local _, owner = manage.lookup({alias = ''}, 'owner', rid)
            debug(tostring(owner == '\(device.rid)'))
            """)
        #expect(said == ["true true nil", "true"])
        #expect(try await platform.ok("lookup", ["alias", "count"], auth: device.auth).stringValue?.count == 40)
    }
}
