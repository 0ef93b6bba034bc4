/// The fixed parts of the Word package (content types, relationships, styles, numbering,
/// footer, document properties). `word/document.xml` is built by `DOCXBody`.
enum DOCXParts {
    static let footerID = "rIdFooter1"
    static let xmlHeader = OfficePackage.xmlHeader

    static let contentTypes = OfficePackage.contentTypes([
        ("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
        ("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"),
        ("/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"),
        ("/word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"),
        ("/word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    ])

    static let packageRelationships = OfficePackage.relationships([
        (
            "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
            "word/document.xml"
        ),
        (
            "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml"
        ),
        (
            "rId3", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
            "docProps/app.xml"
        ),
    ])

    static let documentRelationships = OfficePackage.relationships([
        ("rIdStyles", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml"),
        (
            "rIdNumbering", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering",
            "numbering.xml"
        ),
        (footerID, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer", "footer1.xml"),
        ("rIdSettings", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings", "settings.xml"),
    ])

    static func paragraphStyle(
        _ id: String, name: String, size: Int, bold: Bool = true, colour: String = "1F3864",
        before: Int, after: Int, outline: Int? = nil
    ) -> String {
        let outlineLvl = outline.map { "<w:outlineLvl w:val=\"\($0)\"/>" } ?? ""
        return
            "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"\(before)\" w:after=\"\(after)\"/>"
            + "\(outlineLvl)</w:pPr><w:rPr>\(bold ? "<w:b/><w:bCs/>" : "")<w:color w:val=\"\(colour)\"/>"
            + "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr></w:style>"
    }

    static let styles =
        xmlHeader + "<w:styles \(WordML.namespaces)>"
        + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>"
        + "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>"
        + "<w:pPrDefault><w:pPr><w:spacing w:after=\"80\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
        + paragraphStyle("Title", name: "Title", size: 44, before: 240, after: 240)
        + paragraphStyle("Subtitle", name: "Subtitle", size: 28, colour: "404040", before: 0, after: 160)
        + paragraphStyle("Heading1", name: "heading 1", size: 32, before: 360, after: 120, outline: 0)
        + paragraphStyle("Heading2", name: "heading 2", size: 26, before: 280, after: 100, outline: 1)
        + paragraphStyle("Heading3", name: "heading 3", size: 22, before: 200, after: 60, outline: 2)
        + tocStyle(1, indent: 0, bold: true) + tocStyle(2, indent: 284, bold: false)
        + "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:pPr><w:spacing w:after=\"0\"/></w:pPr>"
        + "<w:rPr><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr></w:style>"
        + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
        + "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
        + "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
        + "</w:tblCellMar></w:tblPr></w:style>"
        + "<w:style w:type=\"table\" w:styleId=\"PlanTable\"><w:name w:val=\"Plan Table\"/><w:basedOn w:val=\"TableNormal\"/>"
        + "<w:pPr><w:spacing w:before=\"20\" w:after=\"20\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr>"
        + "<w:tblPr><w:tblBorders>"
        + ["top", "left", "bottom", "right", "insideH", "insideV"]
        .map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"767676\"/>" }.joined()
        + "</w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"80\" w:type=\"dxa\"/>"
        + "<w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        + "</w:styles>"

    /// A contents entry style: the text, then dots to the page number at the right margin.
    static func tocStyle(_ level: Int, indent: Int, bold: Bool) -> String {
        "<w:style w:type=\"paragraph\" w:styleId=\"TOC\(level)\"><w:name w:val=\"toc \(level)\"/>"
            + "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/><w:pPr>"
            + "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"\(WordML.textWidth(.portrait))\"/></w:tabs>"
            + "<w:spacing w:before=\"\(bold ? 100 : 0)\" w:after=\"40\"/><w:ind w:left=\"\(indent)\"/></w:pPr>"
            + (bold ? "<w:rPr><w:b/><w:bCs/></w:rPr>" : "") + "</w:style>"
    }

    /// Settings: fields (the contents and its page numbers) are updated when Word opens the
    /// document.
    static let settings =
        xmlHeader + "<w:settings \(WordML.namespaces)><w:updateFields w:val=\"true\"/>"
        + "<w:defaultTabStop w:val=\"708\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" "
        + "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>"

    /// One bullet list definition (numId 1), used by every bulleted paragraph.
    static let numbering =
        xmlHeader + "<w:numbering \(WordML.namespaces)>"
        + "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>"
        + "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{2022}\"/>"
        + "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"284\" w:hanging=\"227\"/></w:pPr></w:lvl></w:abstractNum>"
        + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"

    /// One centred line, "Title · version · Page X of Y" (PAGE and NUMPAGES fields): centred
    /// so it sits right in portrait and landscape sections alike, in Word and LibreOffice.
    static func footer(left: String) -> String {
        func field(_ name: String) -> String {
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> \(name) </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        }
        return xmlHeader
            + "<w:ftr \(WordML.namespaces)><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"center\"/></w:pPr>"
            + WordML.run(left + " · Page ") + field("PAGE") + WordML.run(" of ")
            + field("NUMPAGES") + "</w:p></w:ftr>"
    }

    static func coreProperties(title: String, subject: String, creator: String, version: String?) -> String {
        xmlHeader
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(Escaping.xml(title))</dc:title><dc:subject>\(Escaping.xml(subject))</dc:subject>"
            + "<dc:creator>\(Escaping.xml(creator))</dc:creator><cp:keywords>post-inspection action plan</cp:keywords>"
            + (version.map { "<cp:version>\(Escaping.xml($0))</cp:version>" } ?? "")
            + "</cp:coreProperties>"
    }

    static let appProperties =
        xmlHeader
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        + "<Application>planmerge</Application></Properties>"
}
