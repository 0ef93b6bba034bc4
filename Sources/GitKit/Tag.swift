import CLibgit2

/// A tag: what it names and, for an annotated tag, who made it and why.
public struct TagInfo: Sendable, Hashable {
    /// The tag's name without `refs/tags/` (`cabinet/2008-09-01`).
    public let name: String
    /// The tag object's id; nil for a lightweight tag (a bare reference).
    public let tagID: ObjectID?
    /// The tagged commit (tags peeled); for a tag of a tree or blob, that object.
    public let target: ObjectID
    /// Who tagged, when; nil for a lightweight tag.
    public let tagger: Signature?
    /// The tag message; nil for a lightweight tag.
    public let message: String?

    public var isAnnotated: Bool { tagID != nil }
}

/// A `git_strarray` filled by libgit2, owned.
private final class StringArray {
    var value = git_strarray()

    deinit { git_strarray_dispose(&value) }

    var strings: [String] {
        guard let items = value.strings else { return [] }
        return (0..<value.count).compactMap { index in items[index].map { String(cString: $0) } }
    }
}

extension Repository {
    /// Creates an annotated tag `refs/tags/<name>` on `target` and returns the tag object's
    /// id. Never moves a tag: if one with that name exists (even pointing at the same commit)
    /// this throws a `GitError` whose `isExists` is true, and nothing changes. The tag object
    /// is written first; the reference is then created only if absent, checked under its
    /// lock (`updateReference(expected: nil)`), so of two racing taggers one wins.
    @discardableResult
    public func createAnnotatedTag(name: String, target: ObjectID, tagger: Signature, message: String) throws
        -> ObjectID
    {
        let object = try GitObject.lookup(target, nil, in: self)
        let signature = try SignatureHandle(tagger)
        var oid = git_oid()
        let code = git_tag_annotation_create(&oid, pointer, name, object.pointer, signature.pointer, message)
        try GitError.check(code, "write tag object \(name) on \(target.short)")
        let tag = ObjectID(oid)
        do {
            try updateReference("refs/tags/" + name, to: tag, expected: nil, message: "tag \(name)")
        } catch is ReferenceMovedError {
            throw GitError(
                code: GIT_EEXISTS.rawValue, klass: 0, message: "tag \(name) already exists",
                operation: "create tag \(name)")
        }
        return tag
    }

    /// The tag `name` (without `refs/tags/`), nil if there is none.
    public func tag(named name: String) throws -> TagInfo? {
        guard let id = try directTarget("refs/tags/" + name) else { return nil }
        let object = try GitObject.lookup(id, nil, in: self)
        let peeled = (try? object.peel(to: GIT_OBJECT_COMMIT, "peel tag \(name)"))?.id
        guard object.type == .tag else {
            return TagInfo(name: name, tagID: nil, target: peeled ?? id, tagger: nil, message: nil)
        }
        let direct = git_tag_target_id(object.pointer).map { ObjectID($0.pointee) } ?? id
        return TagInfo(
            name: name,
            tagID: id,
            target: peeled ?? direct,
            tagger: git_tag_tagger(object.pointer).map { Signature($0) },
            message: git_tag_message(object.pointer).map { String(cString: $0) } ?? "")
    }

    /// The tags whose name matches a glob (`cabinet/*`), sorted by name.
    public func tags(matching pattern: String) throws -> [TagInfo] {
        let names = StringArray()
        try GitError.check(git_tag_list_match(&names.value, pattern, pointer), "list tags \(pattern)")
        return try names.strings.sorted().compactMap { try tag(named: $0) }
    }
}
