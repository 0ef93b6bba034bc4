import CLibgit2

/// Keys that hold several values in a repository's own configuration (`git config --add`):
/// `remote.origin.fetch`, `remote.origin.push`, `branch.<name>.merge`.
extension Repository {
    /// Every value of `key` in this repository's own config (`.git/config`), in file order;
    /// empty when unset.
    public func localConfigValues(_ key: String) throws -> [String] {
        let config = try Config.of(self).level(GIT_CONFIG_LEVEL_LOCAL)
        var iterator: OpaquePointer?
        let code = git_config_multivar_iterator_new(&iterator, config.pointer, key, nil)
        if code == GIT_ENOTFOUND.rawValue { return [] }
        try GitError.check(code, "read config \(key)")
        guard let iterator else { return [] }
        defer { git_config_iterator_free(iterator) }
        var values: [String] = []
        while true {
            var entry: UnsafeMutablePointer<git_config_entry>?
            let next = git_config_next(&entry, iterator)
            if next == GIT_ITEROVER.rawValue { break }
            try GitError.check(next, "read config \(key)")
            if let value = entry?.pointee.value { values.append(String(cString: value)) }
        }
        return values
    }

    /// Makes `key` hold exactly `values` (in this order) in this repository's own config;
    /// an empty list unsets it. Returns false when it held exactly these already.
    @discardableResult
    public func setLocalConfigValues(_ key: String, _ values: [String]) throws -> Bool {
        let old = try localConfigValues(key)
        if old == values { return false }
        let config = try Config.of(self).level(GIT_CONFIG_LEVEL_LOCAL)
        // Values only added or only removed keep the others where they stand in the file.
        let removed = old.filter { !values.contains($0) }
        var added = values
        if values.starts(with: old) {
            added = Array(values.dropFirst(old.count))
        } else if old.filter({ values.contains($0) }) == values, Set(removed).count == removed.count {
            for value in removed {
                try GitError.check(
                    git_config_delete_multivar(config.pointer, key, "^" + Self.literalPattern(value) + "$"),
                    "unset config \(key)")
            }
            added = []
        } else {
            let deleted = git_config_delete_multivar(config.pointer, key, ".*")
            if deleted != GIT_ENOTFOUND.rawValue { try GitError.check(deleted, "unset config \(key)") }
        }
        for value in added {
            // A pattern no existing value matches: adds a value (`git config --add`).
            try GitError.check(git_config_set_multivar(config.pointer, key, "$^", value), "add config \(key)")
        }
        return true
    }

    /// `value` as an extended regular expression matching itself only.
    static func literalPattern(_ value: String) -> String {
        var pattern = ""
        for character in value {
            if "\\^$.|?*+()[]{}".contains(character) { pattern.append("\\") }
            pattern.append(character)
        }
        return pattern
    }
}
