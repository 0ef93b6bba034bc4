import Foundation
import GitKit
import PlanModel

/// Installs and removes planmerge's git hooks and merge driver in one repository.
///
/// A partner (or coordinator) clone gets `pre-commit` and `commit-msg`, the merge driver in
/// its git config (`merge.planmerge.name`, `merge.planmerge.driver`), the clean filter that
/// stores plan files in the repository's line endings (`filter.planmerge.clean`,
/// `LineEndings`) and the lines `attributesLines` in `.git/info/attributes` (not
/// `.gitattributes`: that file is the coordinator's, outside every partner's folder, and
/// the driver exists only where it is configured). A partner clone given its publication
/// also gets plain `git push` and `git pull` set up (`PartnerGitConfig`). The hub gets
/// `pre-receive` (or `update`, per reference). Both record `planmerge.binary`; a partner
/// clone also `planmerge.partner`.
///
/// Installing twice changes nothing; `uninstall` removes exactly these: the hook files that
/// are planmerge's own, the planmerge config keys, the attributes line. A hook someone else
/// wrote is never overwritten nor removed.
public struct HookInstaller {
    public let repository: Repository

    public init(repository: Repository) {
        self.repository = repository
    }

    public enum Kind: Sendable, Hashable {
        /// A working clone: the partner it commits for, or nil for the coordinator's clone.
        case clone(partner: String?)
        /// The hub: `pre-receive`, or `update` with `perRef`.
        case server(perRef: Bool)
    }

    /// The attributes of a clone: section files merge with the driver; section files and the
    /// manifest go into the repository through the clean filter.
    public static let attributesLines = [
        "sections/**/*.md merge=planmerge filter=planmerge", "\(Manifest.fileName) filter=planmerge",
    ]
    /// The attributes line of earlier versions (replaced by `attributesLines` on install).
    static let formerAttributesLines = ["sections/**/*.md merge=planmerge"]
    static let configKeys = [
        "planmerge.partner", "planmerge.binary", "merge.planmerge.name", "merge.planmerge.driver",
        "filter.planmerge.clean", Pusher.IdentitySource.configKey,
    ]

    public struct ForeignHookError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var description: String {
            "\(path) exists and was not installed by planmerge: move it away (or call planmerge hook from it) and install again"
        }
    }

    /// An install that does not fit the repository (refused unless forced).
    public struct ModeError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// True for a bare repository (a hub).
    public var isBare: Bool { repository.workdir == nil }

    /// True when gitolite manages this repository: its `gl-conf`, or its `update` hook
    /// pointing into gitolite.
    public var isGitolite: Bool {
        let manager = FileManager.default
        if manager.fileExists(atPath: repository.gitDir + "gl-conf") { return true }
        if let target = try? manager.destinationOfSymbolicLink(atPath: hooksFolder + "/update") {
            return target.contains("gitolite")
        }
        return false
    }

    /// Installs for `kind`, with `binary` the absolute path of the planmerge executable
    /// (recorded as a fallback: the hooks look on PATH first). On the hub, `identity` is the
    /// source of pusher names (default: the one configured, else gitolite under gitolite);
    /// `receive.fsckObjects` is turned on. Refuses clone hooks in a bare repository and
    /// server hooks in a work tree unless `force`, and `--per-ref` under gitolite (which owns
    /// the `update` hook; pre-receive runs beside it and survives `gitolite setup`).
    /// With `publication` (a partner clone), plain `git push` and `git pull` are set up for
    /// it too (`PartnerGitConfig`). Returns one line per thing done (nothing when all was in
    /// place already).
    @discardableResult
    public func install(
        _ kind: Kind, binary: String, identity: Pusher.IdentitySource? = nil, force: Bool = false,
        publication: Publication? = nil
    ) throws -> [String] {
        var done: [String] = []
        switch kind {
        case .clone where isBare && !force:
            throw ModeError(
                description:
                    "\(repository.gitDir) is a bare repository (a hub): the clone hooks and --partner belong in a clone; on the hub use --server (or --force)"
            )
        case .server where !isBare && !force:
            throw ModeError(
                description:
                    "\(repository.workdir ?? repository.gitDir) is a clone with a work tree: --server belongs on the hub (a bare repository); it would remove this clone's pre-commit hook and merge driver (use --force if this really is the hub)"
            )
        case .server(perRef: true) where isGitolite:
            throw ModeError(
                description:
                    "gitolite manages this repository's update hook (its access rules) and re-creates it on 'gitolite setup': install without --per-ref; the pre-receive hook runs beside gitolite's and survives 'gitolite setup'"
            )
        default: break
        }
        var serverIdentity: Pusher.IdentitySource?
        if case .server = kind {
            serverIdentity = try identity ?? Pusher.identitySource(of: repository) ?? (isGitolite ? .gitolite : nil)
            guard serverIdentity != nil else {
                throw ModeError(
                    description:
                        "say how the server names pushers: --identity gitolite (ssh through gitolite), http (a web server's REMOTE_USER) or unix (plain ssh, one account per person)"
                )
            }
        }
        let wanted: [String]
        switch kind {
        case .clone: wanted = ["pre-commit", "pre-merge-commit", "commit-msg"]
        case .server(let perRef): wanted = perRef ? ["update"] : ["pre-receive"]
        }
        for name in wanted where try writeHook(name) { done.append("installed hook \(name)") }
        for name in HookScripts.all.keys.sorted() where !wanted.contains(name) {
            if try removeHook(name) { done.append("removed hook \(name)") }
        }
        var config: [(String, String?)] = [("planmerge.binary", binary)]
        switch kind {
        case .clone(let partner):
            config += [
                ("planmerge.partner", partner),
                ("merge.planmerge.name", "planmerge structure-aware merge of section files"),
                ("merge.planmerge.driver", "\(Self.shellQuoted(binary)) merge-driver %O %A %B %P"),
                ("filter.planmerge.clean", "\(Self.shellQuoted(binary)) filter clean"),
            ]
            done += try addAttributesLines()
            if partner != nil, let publication {
                done += try PartnerGitConfig(repository: repository).apply(publication)
            }
        case .server:
            config += [
                ("planmerge.partner", nil), ("merge.planmerge.name", nil), ("merge.planmerge.driver", nil),
                ("filter.planmerge.clean", nil),
                (Pusher.IdentitySource.configKey, serverIdentity?.description), ("receive.fsckObjects", "true"),
            ]
            done += try removeAttributesLines()
        }
        for (key, value) in config {
            let current = try localConfig(key)
            if current == value { continue }
            if let value {
                try repository.setConfigString(key, value)
                done.append("set \(key) = \(value)")
            } else {
                try repository.unsetConfig(key)
                done.append("unset \(key)")
            }
        }
        return done
    }

    /// Removes what `install` added. Returns one line per thing removed.
    @discardableResult
    public func uninstall() throws -> [String] {
        var done: [String] = []
        for name in HookScripts.all.keys.sorted() where try removeHook(name) { done.append("removed hook \(name)") }
        for key in Self.configKeys where try localConfig(key) != nil {
            try repository.unsetConfig(key)
            done.append("unset \(key)")
        }
        if !isBare { done += try PartnerGitConfig(repository: repository).remove() }
        done += try removeAttributesLines()
        return done
    }

    // MARK: Hooks

    var hooksFolder: String { repository.gitDir + "hooks" }

    /// True when planmerge wrote this text (any version of its scripts).
    public static func isPlanmergeScript(_ text: String) -> Bool {
        text.hasPrefix("#!/bin/sh\n" + HookScripts.marker) && text.contains("installed by 'planmerge hooks install")
    }

    private func writeHook(_ name: String) throws -> Bool {
        guard let script = HookScripts.all[name] else { return false }
        let path = hooksFolder + "/" + name
        let manager = FileManager.default
        if let existing = manager.contents(atPath: path) {
            let text = String(decoding: existing, as: UTF8.self)
            if !Self.isPlanmergeScript(text), name == "update", !isGitolite,
                !manager.fileExists(atPath: path + Self.chainedSuffix)
            {
                // Someone's own update hook: kept, and run first by planmerge's (chained).
                try manager.moveItem(atPath: path, toPath: path + Self.chainedSuffix)
            } else {
                guard Self.isPlanmergeScript(text) else { throw ForeignHookError(path: path) }
                if text == script, manager.isExecutableFile(atPath: path) { return false }
            }
        }
        try manager.createDirectory(atPath: hooksFolder, withIntermediateDirectories: true)
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return true
    }

    private func removeHook(_ name: String) throws -> Bool {
        let path = hooksFolder + "/" + name
        guard let existing = FileManager.default.contents(atPath: path),
            Self.isPlanmergeScript(String(decoding: existing, as: UTF8.self))
        else { return false }
        try FileManager.default.removeItem(atPath: path)
        if FileManager.default.fileExists(atPath: path + Self.chainedSuffix) {
            try FileManager.default.moveItem(atPath: path + Self.chainedSuffix, toPath: path)  // the chained hook back
        }
        return true
    }

    /// The suffix under which an existing `update` hook is kept and chained.
    public static let chainedSuffix = ".chained"

    // MARK: Attributes

    var attributesPath: String { repository.gitDir + "info/attributes" }

    private func attributesLines() -> [String]? {
        guard let data = FileManager.default.contents(atPath: attributesPath) else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
    }

    /// Adds the missing `attributesLines` (dropping a former version's line).
    private func addAttributesLines() throws -> [String] {
        var lines = attributesLines() ?? []
        let former = lines.filter { Self.formerAttributesLines.contains($0) }
        let missing = Self.attributesLines.filter { !lines.contains($0) }
        if missing.isEmpty && former.isEmpty { return [] }
        lines.removeAll { Self.formerAttributesLines.contains($0) }
        if lines.last == "" { lines.removeLast() }
        lines += missing
        try FileManager.default.createDirectory(atPath: repository.gitDir + "info", withIntermediateDirectories: true)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: attributesPath))
        return former.map { "removed '\($0)' from \(attributesPath)" }
            + missing.map { "added '\($0)' to \(attributesPath)" }
    }

    private func removeAttributesLines() throws -> [String] {
        let ours = Self.attributesLines + Self.formerAttributesLines
        guard var lines = attributesLines() else { return [] }
        let removed = lines.filter { ours.contains($0) }
        if removed.isEmpty { return [] }
        lines.removeAll { ours.contains($0) }
        if lines.allSatisfy(\.isEmpty) {
            try FileManager.default.removeItem(atPath: attributesPath)
        } else {
            try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: attributesPath))
        }
        return removed.map { "removed '\($0)' from \(attributesPath)" }
    }

    // MARK: Config

    /// The value in this repository's own config only (not inherited from global config).
    private func localConfig(_ key: String) throws -> String? {
        try repository.localConfigString(key)
    }

    /// `'path'`, safe for the shell git runs merge drivers with.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
