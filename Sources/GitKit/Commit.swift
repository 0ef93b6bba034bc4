import CLibgit2
import Foundation

/// Who did something and when: name, e-mail, and a time as seconds since 1970 plus the
/// author's time zone offset in minutes.
public struct Signature: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var email: String
    /// Seconds since 1970-01-01 UTC.
    public var time: Int64
    /// Offset from UTC in minutes (+60 for BST).
    public var offsetMinutes: Int32

    public init(name: String, email: String, time: Int64, offsetMinutes: Int32 = 0) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// A signature dated now (UTC offset 0).
    public init(name: String, email: String, date: Date = Date()) {
        self.init(name: name, email: email, time: Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    init(_ signature: UnsafePointer<git_signature>) {
        let value = signature.pointee
        name = value.name.map { String(cString: $0) } ?? ""
        email = value.email.map { String(cString: $0) } ?? ""
        time = value.when.time
        offsetMinutes = value.when.offset
    }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(time)) }

    public var description: String { "\(name) <\(email)>" }

    /// The fallback when git has no `user.name` / `user.email`.
    public static func fallback(date: Date = Date()) -> Signature {
        Signature(name: "planmerge", email: "planmerge@localhost", date: date)
    }
}

/// A `git_signature` made for passing to libgit2, owned.
final class SignatureHandle {
    let pointer: UnsafeMutablePointer<git_signature>

    init(_ signature: Signature) throws {
        Libgit2.ensureInitialized()
        var out: UnsafeMutablePointer<git_signature>?
        let code = git_signature_new(&out, signature.name, signature.email, signature.time, signature.offsetMinutes)
        try GitError.check(code, "make signature \(signature)")
        guard let out else { throw GitError.invalid("no signature returned", operation: "make signature") }
        pointer = out
    }

    deinit { git_signature_free(pointer) }
}

/// What a commit says.
public struct CommitInfo: Sendable, Hashable {
    public let id: ObjectID
    public let treeID: ObjectID
    public let parents: [ObjectID]
    public let author: Signature
    public let committer: Signature
    /// The full message.
    public let message: String
    /// The first paragraph of the message, on one line.
    public let summary: String
    /// When it was committed (the committer's time).
    public var time: Date { committer.date }
}

extension Repository {
    /// Reads commit `id` (a tag is peeled to its commit).
    public func commit(_ id: ObjectID) throws -> CommitInfo {
        let object = try GitObject.lookup(id, nil, in: self).peel(to: GIT_OBJECT_COMMIT, "read commit \(id.short)")
        let commit = object.pointer
        var parents: [ObjectID] = []
        let parentCount = git_commit_parentcount(commit)
        for index in 0..<parentCount {
            if let oid = git_commit_parent_id(commit, index) { parents.append(ObjectID(oid.pointee)) }
        }
        guard let tree = git_commit_tree_id(commit), let author = git_commit_author(commit),
            let committer = git_commit_committer(commit)
        else {
            throw GitError.invalid("commit is incomplete", operation: "read commit \(id.short)")
        }
        return CommitInfo(
            id: object.id,
            treeID: ObjectID(tree.pointee),
            parents: parents,
            author: Signature(author),
            committer: Signature(committer),
            message: git_commit_message(commit).map { String(cString: $0) } ?? "",
            summary: git_commit_summary(commit).map { String(cString: $0) } ?? "")
    }

    /// Writes a commit object with `tree` and `parents` (in order: the first is the
    /// mainline). With `updateRef` nil only the object is written and no reference moves;
    /// publish it with `updateReference(_:to:expected:message:)`. With `updateRef` (e.g.
    /// `HEAD`), libgit2 moves that reference too, and only if its tip is the first parent.
    @discardableResult
    public func createCommit(
        tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature,
        message: String, updateRef: String? = nil
    ) throws -> ObjectID {
        let treeObject = try GitObject.lookup(tree, .tree, in: self)
        let parentObjects = try parents.map { try GitObject.lookup($0, .commit, in: self) }
        let authorHandle = try SignatureHandle(author)
        let committerHandle = try SignatureHandle(committer)
        var parentPointers: [OpaquePointer?] = parentObjects.map { $0.pointer }
        var oid = git_oid()
        let code = parentPointers.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(
                &oid, pointer, updateRef, authorHandle.pointer, committerHandle.pointer,
                nil, message, treeObject.pointer, buffer.count, buffer.baseAddress)
        }
        try GitError.check(code, "write commit of tree \(tree.short)")
        // The objects must outlive the call; the closure above used their raw pointers.
        withExtendedLifetime(parentObjects) {}
        return ObjectID(oid)
    }

    /// The signature git would use here (`user.name` / `user.email` from the configuration,
    /// dated now), or `planmerge <planmerge@localhost>` when they are not set.
    public func defaultSignature() -> Signature {
        var out: UnsafeMutablePointer<git_signature>?
        guard git_signature_default(&out, pointer) == 0, let out else { return .fallback() }
        let signature = Signature(out)
        git_signature_free(out)
        return signature
    }
}
