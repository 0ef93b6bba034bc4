import PlanModel

/// The contents of the Word document: a TOC field (Word fills it, with page numbers, when
/// it updates the document's fields on opening) holding a ready result: one entry per part
/// and recommendation, each a link to its heading's bookmark. LibreOffice shows the ready
/// result as it is (Tools > Update > Update All adds the page numbers).
struct DOCXContents {
    struct Entry {
        var anchor: String
        var text: String
        var level: Int
        var bookmark: WordML.Bookmark
    }

    let entries: [Entry]

    init(_ d: PlanDocument) {
        var list: [(String, String, Int)] = d.frontPages.map { (PlanDocument.anchor($0), $0.title, 1) }
        list += [("status-key", "Status key", 1), ("summary", "Summary", 1)]
        list += (d.versions?.sections ?? []).map { ($0.anchor, $0.title, 1) }
        list.append(("timeline", "Timeline of due dates", 1))
        for group in d.groups {
            list.append((group.anchor, group.name, 1))
            list += group.recommendations.map { ($0.anchor, "Recommendation \($0.number)", 2) }
        }
        if d.includesNotes { list.append(("provenance", "Provenance", 1)) }
        entries = list.enumerated().map { index, item in
            Entry(
                anchor: item.0, text: item.1, level: item.2, bookmark: WordML.Bookmark(id: index + 1, anchor: item.0))
        }
    }

    /// The bookmark of the heading with this HTML anchor.
    func bookmark(_ anchor: String) -> WordML.Bookmark? { entries.first { $0.anchor == anchor }?.bookmark }

    /// The TOC field's paragraphs: `TOC \o "1-2" \h \z \u`, its result one paragraph per entry.
    func field() -> [String] {
        guard !entries.isEmpty else { return [] }
        let begin =
            "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>"
            + "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
        let end = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        return entries.enumerated().map { index, entry in
            // The ready result links each entry to its heading; the page numbers are Word's to
            // fill (it updates the field on opening: settings.xml `updateFields`).
            let link =
                "<w:hyperlink w:anchor=\"\(entry.bookmark.name)\" w:history=\"1\">" + WordML.run(entry.text)
                + "</w:hyperlink>"
            let runs = (index == 0 ? begin : "") + link + (index == entries.count - 1 ? end : "")
            return "<w:p><w:pPr><w:pStyle w:val=\"TOC\(entry.level)\"/></w:pPr>\(runs)</w:p>"
        }
    }
}
