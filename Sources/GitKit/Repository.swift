import CLibgit2

/// An open git repository (`git_repository`).
///
/// Owns its pointer and frees it in `deinit`. Objects read from it (trees, commits, ...)
/// keep the repository alive while they exist. Not `Sendable`: libgit2 objects must stay on
/// one thread; open one `Repository` per thread (the object store on disk is safe for
/// concurrent readers and writers).
public final class Repository {
    let pointer: OpaquePointer

    init(owning pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        git_repository_free(pointer)
    }

    // MARK: Opening and creating

    /// Opens the repository containing `path`: a work tree, a folder inside one, a `.git`
    /// folder or a bare repository (searches upwards like git does).
    public static func open(at path: String) throws -> Repository {
        Libgit2.ensureInitialized()
        var out: OpaquePointer?
        try GitError.check(git_repository_open_ext(&out, path, 0, nil), "open repository at \(path)")
        return try wrap(out, "open repository at \(path)")
    }

    /// Opens the repository git's environment describes, for hooks: honours `GIT_DIR`,
    /// `GIT_WORK_TREE`, `GIT_INDEX_FILE`, `GIT_OBJECT_DIRECTORY` and
    /// `GIT_ALTERNATE_OBJECT_DIRECTORIES`, so objects of a push still in git's quarantine
    /// directory (pre-receive / update hooks) and the temporary index of `git commit <path>`
    /// (pre-commit) are seen. Without `GIT_DIR` it searches from the current directory.
    public static func openFromEnvironment() throws -> Repository {
        Libgit2.ensureInitialized()
        var out: OpaquePointer?
        let flags = GIT_REPOSITORY_OPEN_FROM_ENV.rawValue
        try GitError.check(git_repository_open_ext(&out, nil, flags, nil), "open repository from environment")
        return try wrap(out, "open repository from environment")
    }

    /// Creates a repository at `path` (creating missing folders), with HEAD pointing at
    /// `initialBranch`. `bare:` has no default so that creating is never a typo for opening.
    public convenience init(at path: String, bare: Bool, initialBranch: String = "main") throws {
        Libgit2.ensureInitialized()
        var options = git_repository_init_options()
        try GitError.check(
            git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
            "prepare repository init options")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue
        if bare { options.flags |= GIT_REPOSITORY_INIT_BARE.rawValue }
        var out: OpaquePointer?
        let code = initialBranch.withCString { branch -> Int32 in
            options.initial_head = branch
            return git_repository_init_ext(&out, path, &options)
        }
        try GitError.check(code, "create repository at \(path)")
        self.init(owning: try Repository.unwrap(out, "create repository at \(path)"))
    }

    private static func wrap(_ pointer: OpaquePointer?, _ operation: String) throws -> Repository {
        Repository(owning: try unwrap(pointer, operation))
    }

    /// Turns a C out-parameter that libgit2 promised to fill into a non-optional pointer,
    /// without force-unwrapping.
    static func unwrap(_ pointer: OpaquePointer?, _ operation: @autoclosure () -> String) throws -> OpaquePointer {
        guard let pointer else {
            throw GitError.invalid("libgit2 returned no object", operation: operation())
        }
        return pointer
    }

    // MARK: Properties

    /// True for a repository without a work tree.
    public var isBare: Bool { git_repository_is_bare(pointer) == 1 }

    /// The work tree folder (with a trailing `/`), nil for a bare repository.
    public var workdir: String? { git_repository_workdir(pointer).map { String(cString: $0) } }

    /// The `.git` folder (or the bare repository's folder), with a trailing `/`.
    public var gitDir: String { String(cString: git_repository_path(pointer)) }

    // MARK: Revisions

    /// The object a revision expression names (`main`, `HEAD~2`, `1a2b3c4`, `v1^{tree}`).
    public func revparse(_ spec: String) throws -> ObjectID {
        let object = try GitObject.revparse(spec, in: self)
        return object.id
    }

    /// The commit a revision expression names, peeling tags (`cabinet/2008-09-01` gives the
    /// tagged commit). Fails if it names a tree or a blob.
    public func resolveCommit(_ spec: String) throws -> ObjectID {
        let object = try GitObject.revparse(spec, in: self)
        return try object.peel(to: GIT_OBJECT_COMMIT, "resolve \(spec) to a commit").id
    }

    /// The commit HEAD points at; nil when HEAD is unborn (a new repository).
    public func head() throws -> ObjectID? {
        var out: OpaquePointer?
        let code = git_repository_head(&out, pointer)
        if code == GIT_EUNBORNBRANCH.rawValue || code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, "read HEAD")
        let reference = ReferenceHandle(try Repository.unwrap(out, "read HEAD"), in: self)
        return reference.target
    }

    /// The full name of the branch HEAD points at (`refs/heads/main`), even when unborn;
    /// nil when HEAD is detached.
    public func headBranch() throws -> String? {
        var out: OpaquePointer?
        try GitError.check(git_reference_lookup(&out, pointer, "HEAD"), "read HEAD")
        let head = ReferenceHandle(try Repository.unwrap(out, "read HEAD"), in: self)
        return head.symbolicTarget
    }

    // MARK: Configuration

    /// A configuration value as a string (all levels: local, global, system), nil if unset.
    public func configString(_ key: String) throws -> String? {
        let config = try Config.of(self)
        return try config.string(key)
    }

    /// Sets a value in this repository's own configuration (`.git/config`).
    /// A value from this repository's own config (`.git/config`) only, nil if unset there.
    public func localConfigString(_ key: String) throws -> String? {
        try Config.of(self).level(GIT_CONFIG_LEVEL_LOCAL).string(key)
    }

    public func setConfigString(_ key: String, _ value: String) throws {
        let config = try Config.of(self).level(GIT_CONFIG_LEVEL_LOCAL)
        try GitError.check(git_config_set_string(config.pointer, key, value), "set config \(key)")
    }

    /// Removes a value from this repository's own configuration; no error if it was unset.
    public func unsetConfig(_ key: String) throws {
        let config = try Config.of(self).level(GIT_CONFIG_LEVEL_LOCAL)
        let code = git_config_delete_entry(config.pointer, key)
        if code == GIT_ENOTFOUND.rawValue { return }
        try GitError.check(code, "unset config \(key)")
    }
}

/// A `git_config`, owned.
final class Config {
    let pointer: OpaquePointer
    private let owner: AnyObject

    private init(_ pointer: OpaquePointer, owner: AnyObject) {
        self.pointer = pointer
        self.owner = owner
    }

    deinit { git_config_free(pointer) }

    static func of(_ repository: Repository) throws -> Config {
        var out: OpaquePointer?
        try GitError.check(git_repository_config(&out, repository.pointer), "open configuration")
        return Config(try Repository.unwrap(out, "open configuration"), owner: repository)
    }

    func level(_ level: git_config_level_t) throws -> Config {
        var out: OpaquePointer?
        try GitError.check(git_config_open_level(&out, pointer, level), "open configuration level \(level.rawValue)")
        return Config(try Repository.unwrap(out, "open configuration level"), owner: self)
    }

    func string(_ key: String) throws -> String? {
        var buffer = git_buf()
        let code = git_config_get_string_buf(&buffer, pointer, key)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, "read config \(key)")
        let value = buffer.ptr.map { String(cString: $0) } ?? ""
        git_buf_dispose(&buffer)
        return value
    }
}
