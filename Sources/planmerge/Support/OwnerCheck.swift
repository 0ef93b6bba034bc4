import Foundation
import PlanGit

/// The CLI side of `Hub.checkOwner`: the refusal with the exact command to run instead.
enum OwnerCheck {
    static func run(_ path: String) throws {
        do {
            try Hub.checkOwner(path)
        } catch let HubError.wrongOwner(path, owner, current) {
            let command = (["planmerge"] + CommandLine.arguments.dropFirst()).map(Self.quoted).joined(separator: " ")
            throw UserError(
                "\(path) belongs to the user \(owner), and you are \(current): planmerge writes nothing as another user "
                    + "(files \(owner) cannot change would break every later push)",
                hint: "run it as \(owner): sudo -u \(owner) -H \(command)")
        }
    }

    private static func quoted(_ word: String) -> String {
        word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:@".contains($0) }
            ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
