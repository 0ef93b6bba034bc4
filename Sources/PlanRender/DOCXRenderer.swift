import Foundation
import PlanModel
import ZIPFoundation

/// Renders a plan as a Word document (`.docx`), the form Cabinet papers circulate in:
/// A4, portrait opening and closing sections, landscape sections for the action tables,
/// header rows repeated and rows kept whole, shaded status cells with the status written,
/// and "Page X of Y" in the footer. Opens in Word and LibreOffice.
///
/// The package is built in memory with ZIPFoundation; every entry carries the same fixed
/// date, so the same document gives the same bytes.
public enum DOCXRenderer {
    /// The `.docx` file's bytes.
    public static func render(_ document: PlanDocument) throws -> [UInt8] {
        try OfficePackage.zip(parts(document))
    }

    /// Every part of the package, `[Content_Types].xml` first, with its path.
    static func parts(_ d: PlanDocument) -> [(path: String, xml: String)] {
        let version = d.includesNotes ? d.version : nil
        let footer = ([d.title] + (version.map { [$0] } ?? []) + (DOCXVersions.footerPart(d).map { [$0] } ?? []))
            .joined(separator: " · ")
        return [
            ("[Content_Types].xml", DOCXParts.contentTypes),
            ("_rels/.rels", DOCXParts.packageRelationships),
            (
                "docProps/core.xml",
                DOCXParts.coreProperties(
                    title: d.title, subject: d.inspection.name, creator: d.authority, version: d.version)
            ),
            ("docProps/app.xml", DOCXParts.appProperties),
            ("word/document.xml", DOCXBody.document(d)),
            ("word/_rels/document.xml.rels", DOCXParts.documentRelationships),
            ("word/styles.xml", DOCXParts.styles),
            ("word/numbering.xml", DOCXParts.numbering),
            ("word/footer1.xml", DOCXParts.footer(left: footer)),
            ("word/settings.xml", DOCXParts.settings),
        ]
    }
}
