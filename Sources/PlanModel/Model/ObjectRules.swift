/// What a partner may bring into the hub, object by object: the one place for the rules on
/// tree entry names, modes and sizes that consolidation, the push hook and the pre-commit
/// hook all apply. Pure: it works on names (bytes, as stored in a tree), mode texts and
/// sizes; walking commits and trees is the caller's (PlanGit).
///
/// The name and mode rules are those of `git fsck --strict` (so a hub that only takes what
/// passes them stays clean for every host that checks objects), plus the plan's own: plain
/// text files only, no symbolic links, no submodules, no control characters in names.
public enum ObjectRules {
    /// The largest file a partner may send (1 MiB): a plan file is a page of text.
    public static let maxFileBytes = 1 << 20
    /// The most one partner's fetch may transfer in one run (64 MiB) before it is stopped.
    public static let maxTransferBytes = 64 << 20
    /// The largest tree or commit object read (1 MiB: some 25,000 entries).
    public static let maxTreeBytes = 1 << 20

    /// The kind of entry a mode text (as written in a tree object) stands for, when it is
    /// one `git fsck --strict` accepts.
    public enum Kind: Sendable, Equatable {
        case file, executable, folder, symbolicLink, submodule
    }

    /// The kind for a tree object's mode text; nil for a mode `git fsck --strict` refuses
    /// (zero-padded such as `040000`, group-writable `100664`, or any other).
    public static func kind(ofMode text: String) -> Kind? {
        switch text {
        case "100644": .file
        case "100755": .executable
        case "40000": .folder
        case "120000": .symbolicLink
        case "160000": .submodule
        default: nil
        }
    }

    /// The mode text git writes for a numeric mode (`0o40000` gives `40000`).
    public static func modeText(_ mode: UInt32) -> String { String(mode, radix: 8) }

    /// Why an entry of kind `kind` (nil: a mode git refuses) at `path` cannot be in a plan.
    public static func modeProblem(_ kind: Kind?, modeText: String, path: String) -> String? {
        switch kind {
        case .file, .executable, .folder: nil
        case .symbolicLink:
            "\(path) is a symbolic link; plan files must be plain text files"
        case .submodule:
            "\(path) is a submodule; plan files must be plain text files"
        case nil:
            "\(path) has file mode \(modeText), which git refuses (fsck: "
                + (modeText.hasPrefix("0") ? "zeroPaddedFilemode" : "badFilemode")
                + "); plan files are plain text files (100644)"
        }
    }

    /// Why one tree entry name (as stored, bytes) is unsafe, nil when it is fine: empty,
    /// `.`, `..`, containing `/` or NUL, `.git` in any spelling a file system may read as
    /// `.git` (any case; trailing dots or spaces; NTFS streams `.git::$INDEX_ALLOCATION`;
    /// the 8.3 short name `git~1`; HFS+ ignorable code points inside it), not UTF-8, or
    /// holding control characters.
    public static func nameProblem(_ name: [UInt8]) -> String? {
        if name.isEmpty { return "an empty file name (fsck: emptyName)" }
        if name == [0x2E] || name == [0x2E, 0x2E] {
            return "a '\(String(decoding: name, as: UTF8.self))' entry (fsck: hasDot)"
        }
        if name.contains(0x2F) { return "a name holding '/' (fsck: fullPathname)" }
        if isDotGit(name) { return "a name git reads as .git (fsck: hasDotgit)" }
        guard let text = utf8(name) else { return "a file name that is not valid UTF-8" }
        if text.unicodeScalars.contains(where: isControl) { return "a file name holding control characters" }
        return nil
    }

    /// True for a name that names `.gitmodules` on some file system (git refuses it as a
    /// symbolic link: fsck gitmodulesSymlink).
    public static func isDotGitModules(_ name: [UInt8]) -> Bool {
        let folded = foldedHFS(name)
        if folded == ".gitmodules" { return true }
        let lower = String(decoding: name, as: UTF8.self).lowercased()
        let trimmed = trimmingNTFS(lower)
        return trimmed == ".gitmodules" || trimmed.hasPrefix("gitmod~") || trimmed.hasPrefix("gi7eba~")
    }

    /// True for `.git` as any file system git supports may read the name.
    public static func isDotGit(_ name: [UInt8]) -> Bool {
        if foldedHFS(name) == ".git" { return true }
        let lower = String(decoding: name, as: UTF8.self).lowercased()
        let trimmed = trimmingNTFS(lower)
        if trimmed == ".git" || trimmed == "git~1" { return true }
        // NTFS alternate data streams (`.git::$INDEX_ALLOCATION`, `.git:stream`), and a
        // backslash, which Windows reads as a folder separator (`.git\hooks`).
        if let cut = lower.firstIndex(where: { $0 == ":" || $0 == "\\" }) {
            let before = trimmingNTFS(String(lower[..<cut]))
            if before == ".git" || before == "git~1" { return true }
        }
        return false
    }

    /// Why a tree's list of entry names (in stored order) is malformed: a name twice (fsck:
    /// duplicateEntries, which can hide one entry from a reader that keeps the other), or
    /// entries out of git's order (fsck: treeNotSorted). `isFolder` tells each entry's kind,
    /// since git sorts a folder `a` as `a/`.
    public static func orderProblems(names: [[UInt8]], isFolder: [Bool]) -> [(index: Int, problem: String)] {
        var problems: [(Int, String)] = []
        var seen: Set<[UInt8]> = []
        for (index, name) in names.enumerated() {
            if !seen.insert(name).inserted {
                problems.append((index, "a second entry of the same name (fsck: duplicateEntries)"))
            } else if index > 0, index < isFolder.count,
                !sortsBefore(names[index - 1], isFolder[index - 1], name, isFolder[index])
            {
                problems.append((index, "an entry out of git's order (fsck: treeNotSorted)"))
            }
        }
        return problems
    }

    /// Why a file of `size` bytes at `path` is refused, nil when it fits `limit`.
    public static func sizeProblem(_ size: Int, limit: Int, path: String) -> String? {
        size > limit ? "\(path) is \(size) bytes, more than the \(limit) a plan file may have" : nil
    }

    /// A path or name for a message: one line, control characters and bytes that are not
    /// UTF-8 escaped (`\n`, `\x01`) and the whole quoted when anything was, so nothing a
    /// partner names can start a new line in a report, a commit message or a log.
    public static func displayPath(_ bytes: [UInt8]) -> String {
        var out = ""
        var escaped = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 0
            if length > 1, index + length <= bytes.count,
                let text = utf8(Array(bytes[index..<(index + length)])),
                !text.unicodeScalars.contains(where: isControl)
            {
                out += text
                index += length
                continue
            }
            switch byte {
            case 0x0A:
                out += "\\n"
                escaped = true
            case 0x0D:
                out += "\\r"
                escaped = true
            case 0x09:
                out += "\\t"
                escaped = true
            case 0x22, 0x5C:
                out += "\\" + String(UnicodeScalar(byte))
                escaped = true
            case 0x20..<0x7F: out.append(Character(UnicodeScalar(byte)))
            default:
                out += "\\x" + hexByte(byte)
                escaped = true
            }
            index += 1
        }
        return escaped ? "\"\(out)\"" : out
    }

    /// `displayPath` for a path already decoded as a String.
    public static func displayPath(_ text: String) -> String { displayPath(Array(text.utf8)) }

    // MARK: Private

    /// The bytes as a String when they are valid UTF-8.
    private static func utf8(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        return Array(text.utf8) == bytes ? text : nil
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    /// Code points HFS+ ignores when comparing names (git's `is_hfs_dotgit`).
    private static func isHFSIgnorable(_ value: UInt32) -> Bool {
        (0x200C...0x200F).contains(value) || (0x202A...0x202E).contains(value) || (0x206A...0x206F).contains(value)
            || value == 0xFEFF
    }

    /// The name lower-cased with HFS+ ignorable code points removed ("" if not UTF-8).
    private static func foldedHFS(_ name: [UInt8]) -> String {
        guard let text = utf8(name) else { return "" }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isHFSIgnorable(scalar.value) { scalars.append(scalar) }
        return String(scalars).lowercased()
    }

    /// The name without the trailing dots and spaces NTFS drops.
    private static func trimmingNTFS(_ name: String) -> String {
        var result = Substring(name)
        while let last = result.last, last == "." || last == " " { result = result.dropLast() }
        return String(result)
    }

    /// git's tree order: bytes compared, a folder's name as if it ended in `/`.
    private static func sortsBefore(_ a: [UInt8], _ aFolder: Bool, _ b: [UInt8], _ bFolder: Bool) -> Bool {
        let left = aFolder ? a + [0x2F] : a
        let right = bFolder ? b + [0x2F] : b
        return left.lexicographicallyPrecedes(right)
    }
}
