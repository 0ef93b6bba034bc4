import Foundation
import HummingbirdBcrypt

/// The accounts file of `--auth accounts:FILE`: one `user:bcrypt-hash` a line, `#` comments.
/// Managed with `planmerge-serve account add USER`.
public struct AccountsFile: Sendable {
    public var path: String
    public var hashes: [String: String]

    /// Reads the file; a missing file has no accounts.
    public init(path: String) throws {
        self.path = path
        hashes = [:]
        guard FileManager.default.fileExists(atPath: path) else { return }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            hashes[String(line[..<colon])] = String(line[line.index(after: colon)...])
        }
    }

    /// A user name the file can hold: letters, digits and `._@-`, 1 to 64 characters.
    public static func isValidUser(_ user: String) -> Bool {
        !user.isEmpty && user.count <= 64
            && user.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) || "._@-".unicodeScalars.contains($0)
            }
    }

    /// True when `password` is the user's. Unknown users cost the same bcrypt work.
    public func verify(user: String, password: String) -> Bool {
        guard let hash = hashes[user] else {
            _ = Bcrypt.verify(password, hash: AccountsFile.decoy)
            return false
        }
        return Bcrypt.verify(password, hash: hash)
    }

    /// Adds or replaces a user's password (bcrypt, cost 12) and writes the file, mode 0600.
    public mutating func set(user: String, password: String, cost: UInt8 = 12) throws {
        hashes[user] = Bcrypt.hash(password, cost: cost)
        let text =
            "# planmerge-serve accounts: user:bcrypt hash\n"
            + hashes.keys.sorted().map { "\($0):\(hashes[$0]!)" }.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    private static let decoy = Bcrypt.hash("planmerge-serve decoy", cost: 12)
}
