/// The one rule for the bytes of a plan file in the repository: no UTF-8 byte-order mark,
/// lines ended by LF (a CRLF or a lone CR becomes LF); every other byte is kept as it is.
///
/// Notepad on Windows saves with CRLF and a BOM. The clean filter `hooks install` sets up
/// (`planmerge filter clean`), the merge driver and `sync` all write through this, so the
/// hub's main holds these bytes and a one-line change stays a one-line diff. The parser
/// reads both forms alike (`TextLines`); `fmt` writes this form.
public enum LineEndings {
    /// `bytes` with the byte-order mark dropped and CRLF / CR turned into LF.
    public static func canonical(_ bytes: [UInt8]) -> [UInt8] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard body.contains(0x0D) else { return Array(body) }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            if byte == 0x0D {
                out.append(0x0A)
                if index + 1 < body.endIndex, body[index + 1] == 0x0A { index += 1 }
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    /// True when `bytes` are already in the canonical form.
    public static func isCanonical(_ bytes: [UInt8]) -> Bool {
        !bytes.starts(with: [0xEF, 0xBB, 0xBF]) && !bytes.contains(0x0D)
    }
}
