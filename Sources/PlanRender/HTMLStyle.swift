/// The stylesheet inlined into the HTML document: readable on screen, printed on A4 with
/// the action plan pages in landscape, and status chips that read in black and white
/// (a word, a symbol and a border style, with colour only as a help).
enum HTMLStyle {
    static let css = """
        @page { size: A4; margin: 18mm 15mm 20mm 15mm;
          @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; } }
        @page wide { size: A4 landscape; margin: 15mm 15mm 18mm 15mm; }
        :root { --ink: #1a1a1a; --rule: #767676; --soft: #f2f2f2; --accent: #1f3864; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font: 11pt/1.4 Arial, "Helvetica Neue", Helvetica, sans-serif; color: var(--ink);
          max-width: 1180px; margin: 0 auto; padding: 1.5rem; overflow-wrap: anywhere; }
        main, header, nav, footer { display: block; min-width: 0; }
        code { overflow-wrap: anywhere; word-break: break-all; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
          white-space: nowrap; }
        h1, h2, h3, h4 { color: var(--accent); line-height: 1.2; break-after: avoid; }
        h1 { font-size: 22pt; margin: 0.3em 0; }
        h2 { font-size: 16pt; border-bottom: 2px solid var(--accent); padding-bottom: 0.2em; }
        h3 { font-size: 13pt; margin-top: 1.6em; }
        h4 { font-size: 11pt; margin: 1em 0 0.3em; }
        a { color: var(--accent); }
        .cover { border-bottom: 3px solid var(--accent); margin-bottom: 1.5rem; }
        .cover .authority { font-size: 13pt; font-weight: bold; text-transform: uppercase; letter-spacing: 0.05em; }
        .meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; margin: 0.6em 0; }
        .meta dt { font-weight: bold; }
        .meta dd { margin: 0; }
        nav.contents ul { list-style: none; padding-left: 0; }
        nav.contents ul.recs { padding-left: 1.4em; }
        nav.contents li { margin: 0.15em 0; }
        .table-scroll { max-width: 100%; overflow-x: auto; margin: 0.6em 0 1.2em; }
        table { border-collapse: collapse; width: 100%; font-size: 10pt; }
        caption { caption-side: top; text-align: left; font-weight: bold; color: var(--accent);
          padding: 0.2em 0 0.4em; break-after: avoid; }
        table.actions { table-layout: fixed; min-width: 44rem; }
        table.by-partner { min-width: 36rem; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 1px solid var(--rule); padding: 0.3em 0.4em; vertical-align: top; text-align: left;
          overflow-wrap: anywhere; word-break: break-word; }
        thead th, td.num, th.num { overflow-wrap: normal; word-break: normal; }
        tbody th { font-weight: normal; background: none; }
        tbody th.ref, .actions tbody th { font-weight: bold; }
        th { background: var(--soft); }
        td.num, th.num { text-align: right; }
        td ul, td ol { margin: 0; padding-left: 1.1em; }
        .actions .ref { font-weight: bold; overflow-wrap: normal; word-break: normal; }
        .actions .more { margin: 0.3em 0 0; font-size: 9.5pt; color: #333; }
        .actions .more dt { font-weight: bold; display: inline; }
        .actions .more dd { display: inline; margin: 0; }
        .actions .more dd::after { content: ""; display: block; }
        .reading { display: block; font-size: 9.5pt; color: #444; }
        .flag { display: inline-block; font-size: 9.5pt; font-weight: bold; border: 1px solid var(--ink); padding: 0 0.3em; margin-top: 0.2em; }
        tr.overdue td.due { border-left: 4px double var(--ink); }
        .status { display: inline-block; padding: 0.1em 0.45em; border-radius: 3px; white-space: nowrap;
          font-weight: bold; font-size: 9.5pt; border: 1px solid var(--ink); }
        .status::before { font-weight: normal; margin-right: 0.3em; }
        .status-not-started { background: #ffffff; border-style: dashed; }
        .status-not-started::before { content: "\\25CB"; }
        .status-on-track { background: #c6efce; border-style: solid; }
        .status-on-track::before { content: "\\25B6"; }
        .status-at-risk { border: 2px solid var(--ink);
          background: repeating-linear-gradient(45deg, #ffeb9c 0 4px, #fff5cc 4px 8px); }
        .status-at-risk::before { content: "\\25B2"; }
        .status-off-track { border: 3px double var(--ink);
          background: repeating-linear-gradient(45deg, #ffc7ce 0 3px, #ffffff 3px 5px); }
        .status-off-track::before { content: "\\2716"; }
        .status-done { background: #d9d9d9; border-style: solid; text-decoration: none; }
        .status-done::before { content: "\\2714"; }
        .status-none { background: #ffffff; border-style: dotted; font-weight: normal; }
        .status-none::before { content: "?"; }
        .recommendation { margin-bottom: 2rem; }
        .rec-head { break-inside: avoid; page-break-inside: avoid; break-after: avoid; page-break-after: avoid; }
        .block h4 { break-after: avoid; }
        .actions thead, .actions tbody tr:first-child { break-inside: avoid; }
        .key .status { white-space: normal; }
        .front { margin-bottom: 1.5rem; }
        .recommendation .text { font-size: 12pt; font-weight: bold; }
        .block { margin: 0.4em 0 0.8em; }
        .timescale { break-before: page; page: wide; }
        .timeline { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
        .trend figure { margin: 0; }
        .trend svg { display: block; max-width: 100%; height: auto; }
        .timeline figure { margin: 0; flex: 1 1 100%; min-width: 0; }
        .timeline svg { width: 100%; height: auto; display: block; break-inside: avoid; margin-bottom: 0.5rem; }
        .timeline-section h2 { break-after: avoid; }
        .timeline .not-drawn { flex: 1 1 100%; font-size: 10pt; }
        .timeline .not-drawn ul { columns: 3 14em; }
        .timeline figcaption { font-size: 10pt; color: #444; }
        .timeline-section { page: wide; }
        footer.generated { margin-top: 2rem; border-top: 1px solid var(--rule); font-size: 9pt; color: #444; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          .table-scroll { overflow: visible; }
          nav.contents { break-before: page; }
          nav.contents a { text-decoration: none; color: var(--ink); }
          .front, .status-key, .timeline-section, .provenance { break-before: page; }
          .timeline { display: block; }
          footer.generated { display: none; }
        }
        """
}
