import GitKit

/// The hook scripts of `Hooks/`, embedded so that the installed binary never needs the
/// source tree. A test checks that each text equals its file in `Hooks/` byte for byte;
/// when a script changes, change both. Every script is its own header comment followed by
/// the same thin wrapper (`wrapper(calling:)`).
public enum HookScripts {
    /// The line every planmerge hook script carries: how install and uninstall recognise
    /// their own files (and never overwrite or delete someone else's hook).
    public static let marker = "# planmerge "

    /// Script text by hook name (`pre-commit`, `pre-merge-commit`, `commit-msg`,
    /// `pre-receive`, `update`).
    public static let all: [String: String] = [
        "pre-commit": preCommit,
        "pre-merge-commit": preMergeCommit,
        "commit-msg": commitMsg,
        "pre-receive": preReceive,
        "update": update,
    ]

    public static let preCommit = script(
        "pre-commit",
        header: """
            # planmerge pre-commit hook, installed by 'planmerge hooks install'.
            # Partner clones: checks the staged plan before each commit. Refuses a commit that breaks
            # the section-file format, changes a file outside the partner's own sections/<id>/ folder
            # (git config planmerge.partner), edits the manifest, or leaves conflict markers.
            # Warnings are printed and do not block.

            """)

    public static let preMergeCommit = script(
        "pre-merge-commit",
        header: """
            # planmerge pre-merge-commit hook, installed by 'planmerge hooks install'.
            # Partner clones: git runs this instead of pre-commit when 'git pull' or 'git merge' makes a
            # merge commit without stopping. It makes the same check as pre-commit on the merge's
            # result: the format, the partner's own folder (a path counts only if it differs from every
            # parent, so what the hub brought in is not the partner's change), and conflict markers.

            """)

    public static let commitMsg = script(
        "commit-msg",
        header: """
            # planmerge commit-msg hook, installed by 'planmerge hooks install'.
            # Partner clones: refuses a commit whose message is empty (comment lines do not count).

            """)

    public static let preReceive = script(
        "pre-receive",
        header: """
            # planmerge pre-receive hook, installed by 'planmerge hooks install --server'.
            # Hub (server): checks every pushed reference before any is updated (all or nothing).
            # The pusher (named by the hub's planmerge.identity source) is mapped through the manifest of
            # the hub's main to a partner or the coordinator. Refuses a push from an unknown pusher,
            # one that changes files outside the partner's folder, makes the plan invalid, moves or
            # deletes a refs/tags/cabinet/* tag, or rewrites or deletes main.

            """)

    public static let update = script(
        "update",
        header: """
            # planmerge update hook, installed by 'planmerge hooks install --server --per-ref'.
            # Hub (server): the same checks as pre-receive, one reference at a time (git passes
            # <ref> <old> <new>), so a push of several references can be partly accepted.
            # An update hook that was here before (kept as update.chained) runs first; its refusal stands.
            if [ -x "$0.chained" ]; then "$0.chained" "$@" || exit $?; fi

            """)

    /// `#!/bin/sh`, the header, then the wrapper that runs `planmerge hook <name>`.
    static func script(_ name: String, header: String) -> String {
        "#!/bin/sh\n" + header + wrapper(calling: name)
    }

    /// What a hook says when no planmerge binary is found: on the hub, for its administrator;
    /// on an officer's computer, where to get planmerge and the one responsible way past.
    static func missingBinary(_ name: String) -> String {
        if ["pre-receive", "update"].contains(name) {
            return #"planmerge not found on the server (user $(id -un); PATH=$PATH; "#
                + #"planmerge.binary='$(git config planmerge.binary)'): the administrator installs it in /usr/local/bin"#
        }
        return #"planmerge not found on this computer (looked on PATH=$PATH and at "#
            + #"planmerge.binary='$(git config planmerge.binary)'), so this commit cannot be checked. "#
            + "Install it: unpack the planmerge tarball your coordinator gives you (built by 'make dist') and put "
            + "its bin/ folder on PATH; or edit in the browser (planmerge serve) instead. Only if you cannot wait: "
            + "'git commit --no-verify' skips this check; the hub still checks your push, and consolidate checks "
            + "everything, so a mistake is refused there instead."
    }

    /// Finds the binary (`planmerge` on PATH, with /usr/local/bin and /usr/bin added since a
    /// web server's CGI PATH may lack them; else the one recorded at install, `git config
    /// planmerge.binary`, so an upgrade into another folder does not break the hub) and runs
    /// `planmerge hook <name>` with git's arguments and standard input; without a binary it
    /// refuses, saying where it looked and as whom, so a missing checker never lets a change
    /// through.
    static func wrapper(calling name: String) -> String {
        #"""
        # A thin wrapper: it runs 'planmerge hook \#(name)' with git's arguments and standard input.
        # The binary is planmerge on PATH (plus /usr/local/bin and /usr/bin, which a web server's
        # CGI PATH may lack), else the one recorded at install (git config planmerge.binary).
        # When neither is there it refuses (exit 1): a missing checker must never let a change through.
        PATH=$PATH:/usr/local/bin:/usr/bin:/bin
        bin=$(command -v planmerge)
        if [ -z "$bin" ]; then
          bin=$(git config planmerge.binary)
        fi
        if [ -z "$bin" ] || [ ! -x "$bin" ]; then
          echo "\#(missingBinary(name))" >&2
          exit 1
        fi
        exec "$bin" hook \#(name) "$@"

        """#
    }
}
