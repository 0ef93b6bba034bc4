/// The one stylesheet, served at /static/serve.css (the CSP allows no inline style or script).
enum Stylesheet {
    static let css = """
        *{box-sizing:border-box}
        body{font-family:Arial,Helvetica,sans-serif;font-size:1.1875rem;line-height:1.5;margin:0;color:#0b0c0c;
            background:#fff}
        main{max-width:48rem;margin:0 auto;padding:1rem}
        .top{background:#0b0c0c;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:1rem;
            justify-content:space-between}
        .top p{margin:0}
        .top nav{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
        .top button.link{color:#fff}
        .skip{position:absolute;left:-999px}
        .skip:focus{left:1rem;top:1rem;background:#fd0;color:#0b0c0c;padding:.5rem;z-index:2}
        a{color:#1d70b8}
        a:visited{color:#4c2c92}
        a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #fd0;outline-offset:0;
            box-shadow:0 0 0 6px #0b0c0c}
        h1{font-size:2rem;line-height:1.2;overflow-wrap:anywhere}
        h2{font-size:1.5rem;overflow-wrap:anywhere}
        .action{border-top:2px solid #b1b4b6;padding-top:.5rem;margin-top:1.5rem}
        dl{display:grid;grid-template-columns:minmax(7rem,12rem) 1fr;gap:.25rem 1rem;margin:0}
        dt{font-weight:bold}
        dd{margin:0;overflow-wrap:anywhere}
        dd p{margin:0 0 .25rem}
        @media (max-width:30rem){dl{grid-template-columns:1fr}dd{margin-bottom:.5rem}}
        .flag{display:inline-block;padding:.1rem .5rem;font-weight:bold}
        .overdue{background:#d4351c;color:#fff}
        .tbc{background:#f3f2f1;color:#0b0c0c;border:2px solid #0b0c0c}
        .read{color:#505a5f}
        .notice{border-left:8px solid #00703c;padding:.5rem 1rem;background:#f3f2f1}
        .problems{border:5px solid #d4351c;padding:1rem;margin-bottom:1rem}
        .problems:focus{outline:3px solid #fd0}
        .field{margin-bottom:1.25rem}
        .field label{display:block;font-weight:bold}
        .has-error{border-left:5px solid #d4351c;padding-left:.75rem}
        .error{color:#d4351c;font-weight:bold;margin:.25rem 0}
        .hint{color:#505a5f;margin:.25rem 0}
        input[type=text],input[type=password],select,textarea{width:100%;max-width:100%;font:inherit;padding:.3rem;
            border:2px solid #0b0c0c}
        button,.button{font:inherit;background:#00703c;color:#fff;border:0;padding:.5rem 1rem;cursor:pointer;
            text-decoration:none;display:inline-block;box-shadow:0 2px 0 #002d18}
        button.link{background:none;box-shadow:none;text-decoration:underline;padding:0}
        .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        .table{overflow-x:auto}
        .reason{margin:.4em 0 0;font-size:.9em;overflow-wrap:anywhere}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:.4rem;border-bottom:1px solid #b1b4b6;vertical-align:top}
        ul.plain{padding-left:1.25rem}
        .spaced{margin:1.5rem 0}
        """
}
