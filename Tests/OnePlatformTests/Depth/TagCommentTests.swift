import OnePJSON
import OnePlatform
import Testing

@Suite("Tags and comments")
struct TagCommentTests {
    @Test func tagsFeedInfoAndListing() async throws {
        let platform = try TestPlatform.inMemory()
        let hot = try await platform.dataport("float")
        let cold = try await platform.dataport("float")
        try await platform.ok("tag", [.string(hot), "add", "hot"])
        try await platform.ok("tag", [.string(hot), "add", "hot"])
        try await platform.ok("tag", [.string(hot), "add", "red"])
        try await platform.ok("tag", [.string(cold), "add", "blue"])
        #expect(try await platform.ok("info", [.string(hot), ["tags": true]]) == ["tags": ["hot", "red"]])
        let root = platform.platform.bootstrap.rootRID
        #expect(try await platform.ok("info", [.string(root), ["tagged": true]]) == ["tagged": ["hot", "red", "blue"]])
        let tagged = try await platform.ok("listing", [["dataport"], ["tagged": ["hot", "blue"]]])
        #expect(tagged == ["dataport": [.string(hot), .string(cold)]])
        #expect(try await platform.ok("listing", [["dataport"], ["tagged": ["red"]]]) == ["dataport": [.string(hot)]])
        try await platform.ok("tag", [.string(hot), "remove", "hot"])
        try await platform.ok("tag", [.string(hot), "remove", "never"])
        #expect(try await platform.ok("info", [.string(hot), ["tags": true]]) == ["tags": ["red"]])
        #expect(try await platform.ok("listing", [["dataport"], ["tagged": ["hot"]]]) == ["dataport": []])
    }

    /// A tag two clients gave is listed once, where it was first given, whatever order the
    /// clients' keys would put it in.
    @Test func tagsOfSeveralClientsComeInTheOrderFirstGiven() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        let port = try await platform.dataport("float", auth: device.auth)
        try await platform.ok("tag", [.string(port), "add", "zeta"], auth: device.auth)
        try await platform.ok("tag", [.string(port), "add", "alpha"])
        try await platform.ok("tag", [.string(port), "add", "alpha"], auth: device.auth)
        try await platform.ok("tag", [.string(port), "add", "mid"])
        #expect(try await platform.ok("info", [.string(port), ["tags": true]]) == ["tags": ["zeta", "alpha", "mid"]])
        #expect(try await platform.ok("info", [.string(device.rid), ["tagged": true]], auth: device.auth) == ["tagged": ["zeta", "alpha"]])
    }

    @Test func commentsArePublicOrPrivateToTheirAuthor() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        let port = try await platform.dataport("float", auth: device.auth)
        try await platform.ok("comment", [.string(port), "public", #"{"unit":"°F"}"#], auth: device.auth)
        try await platform.ok("comment", [.string(port), "private", "device note"], auth: device.auth)
        try await platform.ok("comment", [.string(port), "private", "root note"])
        let seenByDevice = try await platform.ok("info", [.string(port), ["comments": true]], auth: device.auth)
        #expect(seenByDevice == ["comments": [["public", #"{"unit":"°F"}"#], ["private", "device note"]]])
        let seenByRoot = try await platform.ok("info", [.string(port), ["comments": true]])
        #expect(seenByRoot == ["comments": [["public", #"{"unit":"°F"}"#], ["private", "root note"]]])
        try await platform.ok("comment", [.string(port), "public", #"{"unit":"°C"}"#], auth: device.auth)
        let replaced = try await platform.ok("info", [.string(port), ["comments": true]], auth: device.auth)
        #expect(replaced == ["comments": [["public", #"{"unit":"°C"}"#], ["private", "device note"]]])
    }

    @Test func wrongInputAnswersItsStatusAndChangesNothing() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("float")
        #expect(try await platform.status("tag", [.string(port), "toggle", "x"]) == "invalid")
        #expect(try await platform.status("tag", [.string(port), "add", ""]) == "invalid")
        #expect(try await platform.call("tag", [.string(port), "add", 5])["error"]?["code"] == 501)
        #expect(try await platform.call("tag", [.string(port), "add"])["error"]?["code"] == 501)
        #expect(try await platform.status("tag", ["ffffffffffffffffffffffffffffffffffffffff", "add", "x"]) == "restricted")
        #expect(try await platform.status("comment", [.string(port), "secret", "x"]) == "invalid")
        #expect(try await platform.call("comment", [.string(port), "public", ["unit": "F"]])["error"]?["code"] == 501)
        #expect(try await platform.ok("info", [.string(port), ["tags": true, "comments": true]]) == ["comments": [], "tags": []])
    }
}
