/// The stylesheet of the HTML change report: readable on screen and printed in black and
/// white (old values struck through, new values bold; colour only as a help).
enum DiffHTMLStyle {
    /// The printed page of the whole report (not of a fragment, which its host prints): A4.
    static let page = """
        @page { size: A4; margin: 18mm 15mm 20mm 15mm; }
        body { margin: 0; }
        """

    static let css = """
        .plan-diff { font: 11pt/1.4 Arial, "Helvetica Neue", Helvetica, sans-serif; color: #1a1a1a;
          max-width: 1000px; margin: 0 auto; padding: 1.5rem; overflow-wrap: anywhere; }
        .plan-diff h1, .plan-diff h2, .plan-diff h3, .plan-diff h4 { color: #1f3864; line-height: 1.2; break-after: avoid; }
        .plan-diff h1 { font-size: 20pt; margin: 0.3em 0; }
        .plan-diff h2 { font-size: 15pt; border-bottom: 2px solid #1f3864; padding-bottom: 0.2em; margin-top: 1.5em; }
        .plan-diff h3 { font-size: 12.5pt; margin: 1.4em 0 0.4em; }
        .plan-diff h4 { font-size: 11pt; margin: 0.8em 0 0.2em; }
        .plan-diff .versions { font-size: 12pt; margin: 0 0 1em; }
        .plan-diff table { border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 10pt; }
        .plan-diff thead { display: table-header-group; }
        .plan-diff tr { break-inside: avoid; page-break-inside: avoid; }
        .plan-diff th, .plan-diff td { border: 1px solid #767676; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
        .plan-diff th { background: #f2f2f2; }
        .plan-diff td.num { text-align: right; }
        .plan-diff .action { margin: 0 0 0.6em 0; break-inside: avoid; page-break-inside: avoid; }
        .plan-diff .ref { font-weight: bold; margin-right: 0.4em; }
        .plan-diff .partner { font-weight: normal; font-style: italic; color: #333; }
        .plan-diff ul.changes { margin: 0.2em 0 0.4em; padding-left: 1.4em; }
        .plan-diff ul.changes li { margin: 0.1em 0; }
        .plan-diff .label { font-weight: bold; }
        .plan-diff del { text-decoration: line-through; background: #ffe3e3; }
        .plan-diff ins { text-decoration: none; font-weight: bold; background: #ddf4dd; }
        @media print {
          .plan-diff { max-width: none; padding: 0; font-size: 10pt; }
          .plan-diff del, .plan-diff ins { background: none; }
        }
        """
}
