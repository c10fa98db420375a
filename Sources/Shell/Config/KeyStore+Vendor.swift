import Foundation
import Yams

extension KeyStore {
    /// The vendor credentials saved in onep's config file as
    /// `vendor: {name: NAME, token: TOKEN}`, else in `~/.exoline` as `vendor: NAME` and
    /// `vendortoken: TOKEN` (onep's own wins); nil when there are none.
    /// - Throws: ``ShellError`` when a file cannot be read or is not YAML.
    func vendor() throws(ShellError) -> VendorCredentials? {
        if let vendor = (try document(at: configPath))?["vendor"] as? [String: Any], let name = vendor["name"] as? String,
            let token = vendor["token"] as? String
        {
            return VendorCredentials(name: name, token: token)
        }
        guard let exoline = try document(at: exolinePath), let name = exoline["vendor"] as? String, let token = exoline["vendortoken"] as? String
        else { return nil }
        return VendorCredentials(name: name, token: token)
    }

    /// The YAML mapping in the file at `path`; nil when there is no such file (or it holds no mapping).
    func document(at path: String?) throws(ShellError) -> [String: Any]? {
        guard let path, FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try Yams.load(yaml: try String(contentsOfFile: path, encoding: .utf8)) as? [String: Any]
        } catch {
            throw ShellError.file(path, "is not valid YAML")
        }
    }
}
