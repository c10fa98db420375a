import Foundation
import Yams

extension KeyStore {
    /// The vendor credentials saved in onep's config file as
    /// `vendor: {name: NAME, token: TOKEN}`; nil when there are none.
    /// - Throws: ``ShellError`` when the file cannot be read or is not YAML.
    func vendor() throws(ShellError) -> VendorCredentials? {
        guard let path = configPath, FileManager.default.fileExists(atPath: path) else { return nil }
        let document: Any?
        do {
            document = try Yams.load(yaml: try String(contentsOfFile: path, encoding: .utf8))
        } catch {
            throw ShellError.file(path, "is not valid YAML")
        }
        guard let vendor = (document as? [String: Any])?["vendor"] as? [String: Any], let name = vendor["name"] as? String,
            let token = vendor["token"] as? String
        else { return nil }
        return VendorCredentials(name: name, token: token)
    }
}
