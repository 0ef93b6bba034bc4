import Mustache

/// The page templates, kept in the binary so that an installed planmerge-serve needs no
/// resource folder. Mustache escapes every `{{value}}`; only `{{{body}}}` (a page already
/// rendered by these templates) is inserted raw. No page carries a script.
enum Templates {
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in all { try library.register(text, named: name) }
        return library
    }

    static let all: [String: String] = [
        "layout": layout, "partner": partner, "edit": edit, "login": login, "coordinator": coordinator,
        "message": message, "home": home,
    ]

    static let layout = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} – {{planTitle}}</title>
        <link rel="stylesheet" href="/static/serve.css">
        </head>
        <body>
        <a class="skip" href="#main">Skip to the content</a>
        <header class="top">
        <p class="plan">{{planTitle}}</p>
        {{#user}}<nav aria-label="Your account"><p>Signed in as {{user}}</p>
        <form method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit" class="link">Sign out</button></form></nav>{{/user}}
        </header>
        <main id="main">
        {{{body}}}
        </main>
        </body>
        </html>

        """

    static let home = """
        <h1>Your part of the plan</h1>
        <ul class="plain">
        {{#partners}}<li><a href="/partners/{{id}}">{{name}}</a></li>{{/partners}}
        </ul>
        {{^partners}}<p>Your name is not on the plan's list of people who write for a partner.
        Ask the plan's coordinator to add you.</p>{{/partners}}

        """

    static let partner = """
        <h1>{{name}}: actions</h1>
        {{#deadline}}<p class="deadline">The plan must be sent to the inspectors by
        <strong>{{deadline}}</strong>.</p>{{/deadline}}
        {{#saved}}<div class="notice" role="status"><p>{{saved}}</p></div>{{/saved}}
        {{#elsewhere}}<p class="notice">{{elsewhere}}</p>{{/elsewhere}}
        {{#canAdd}}<p><a class="button" href="/partners/{{id}}/new">Add an action</a></p>{{/canAdd}}
        {{^actions}}<p>{{name}} has no actions in the plan yet.</p>{{/actions}}
        {{#actions}}
        <article class="action" id="action-{{anchor}}" aria-labelledby="action-{{anchor}}-title">
        <h2 id="action-{{anchor}}-title">{{ref}} {{text}}</h2>
        {{#flags}}<p class="flags">{{#overdue}}<span class="flag overdue">Overdue</span> {{/overdue}}
        {{#tbc}}<span class="flag tbc">Date to be confirmed</span>{{/tbc}}</p>{{/flags}}
        <dl>
        <dt>Recommendation</dt><dd>{{recommendation}}</dd>
        <dt>Timescale</dt><dd>{{timescale}}</dd>
        <dt>Due by</dt><dd>{{due}}{{#dueRead}} <span class="read">(read as {{dueRead}})</span>{{/dueRead}}</dd>
        <dt>Lead officer</dt><dd>{{lead}}</dd>
        <dt>Progress</dt><dd>{{status}}</dd>
        <dt>Success criteria</dt><dd>{{#success}}<p>{{.}}</p>{{/success}}{{^success}}None given{{/success}}</dd>
        <dt>Milestones</dt><dd>{{#milestones}}<p>{{.}}</p>{{/milestones}}{{^milestones}}None{{/milestones}}</dd>
        <dt>Resources</dt><dd>{{resources}}</dd>
        <dt>Risk</dt><dd>{{risk}}</dd>
        <dt>Notes</dt><dd>{{#notes}}<p>{{.}}</p>{{/notes}}{{^notes}}None{{/notes}}</dd>
        </dl>
        {{#editable}}<p><a href="/partners/{{id}}/actions/{{ref}}/edit">Change action {{ref}}</a></p>{{/editable}}
        </article>
        {{/actions}}

        """

    static let edit = """
        <p><a href="/partners/{{id}}">Back to {{name}}'s actions</a></p>
        <h1>{{heading}}</h1>
        {{#recommendationText}}<p class="rec">{{recommendationText}}</p>{{/recommendationText}}
        {{#hasProblems}}
        <div class="problems" role="alert" aria-labelledby="problems-title" tabindex="-1" id="problems">
        <h2 id="problems-title">There is a problem</h2>
        <ul>{{#problems}}<li><a href="#{{target}}">{{message}}</a>
        {{#hint}}<br><span class="hint">{{hint}}</span>{{/hint}}</li>{{/problems}}</ul>
        </div>
        {{/hasProblems}}
        {{#hasConflicts}}
        <div class="problems" role="alert" id="conflicts">
        <h2>Someone else changed this action while you were editing</h2>
        <p>Nothing was saved. Their changes to other parts of the action would have been kept with yours,
        but they changed the same part you did:</p>
        <ul>{{#conflicts}}<li><strong>{{label}}</strong>: you wrote “{{yours}}”;
        {{by}} wrote “{{theirs}}”{{#date}} on {{date}}{{/date}}.</li>{{/conflicts}}</ul>
        <p>The form now shows what is saved. Make your change again if it is still needed.</p>
        </div>
        {{/hasConflicts}}
        <form method="post" action="{{action}}" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="version" value="{{version}}">
        {{#chooseRecommendation}}
        <div class="field{{#recommendationError}} has-error{{/recommendationError}}">
        <label for="field-recommendation">Recommendation</label>
        <select id="field-recommendation" name="recommendation">
        {{#recommendations}}<option value="{{number}}"
        {{#selected}} selected{{/selected}}>{{number}}. {{text}}</option>{{/recommendations}}
        </select>
        </div>
        {{/chooseRecommendation}}
        {{#fields}}
        <div class="field{{#error}} has-error{{/error}}">
        <label for="field-{{name}}">{{label}}</label>
        {{#hint}}<p class="hint" id="field-{{name}}-hint">{{hint}}</p>{{/hint}}
        {{#error}}<p class="error" id="field-{{name}}-error">
        <span class="visually-hidden">Error:</span> {{error}}{{#errorHint}} {{errorHint}}{{/errorHint}}</p>{{/error}}
        {{#select}}<select id="field-{{name}}" name="{{name}}" aria-describedby="{{describedBy}}">
        {{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/options}}
        </select>{{/select}}
        {{#multiline}}<textarea id="field-{{name}}" name="{{name}}" rows="4"
        aria-describedby="{{describedBy}}">{{value}}</textarea>{{/multiline}}
        {{#line}}<input type="text" id="field-{{name}}" name="{{name}}" value="{{value}}"
        aria-describedby="{{describedBy}}">{{/line}}
        </div>
        {{/fields}}
        <button type="submit">Save</button>
        </form>

        """

    static let login = """
        <h1>Sign in</h1>
        {{#error}}<div class="problems" role="alert"><p>{{error}}</p></div>{{/error}}
        <form method="post" action="/login">
        <div class="field"><label for="user">User name</label>
        <input type="text" id="user" name="user" autocomplete="username" value="{{user}}"></div>
        <div class="field"><label for="password">Password</label>
        <input type="password" id="password" name="password" autocomplete="current-password"></div>
        <button type="submit">Sign in</button>
        </form>

        """

    static let message = """
        <h1>{{heading}}</h1>
        <p>{{text}}</p>
        {{#back}}<p><a href="{{back}}">Go back</a></p>{{/back}}

        """

    static let coordinator = """
        <h1>The plan: partners and versions</h1>
        {{#deadline}}<p class="deadline">Statutory deadline: <strong>{{deadline}}</strong> ({{left}}).</p>{{/deadline}}
        <p>Main holds {{actions}} actions: {{errors}} errors, {{warnings}} warnings; {{overdue}} overdue,
        {{tbc}} with the date to be confirmed.</p>
        {{#report}}<section class="notice" role="status" aria-labelledby="report-title">
        <h2 id="report-title">Consolidation</h2>
        <p>{{summary}}</p>
        <ul>{{#lines}}<li>{{.}}</li>{{/lines}}</ul>
        </section>{{/report}}
        <h2>Partners</h2>
        <div class="table"><table>
        <caption class="visually-hidden">Each partner's state</caption>
        <thead><tr><th scope="col">Partner</th><th scope="col">Last accepted</th><th scope="col">Waiting</th>
        <th scope="col">Errors waiting</th><th scope="col">Actions</th><th scope="col">Last consolidation</th></tr></thead>
        <tbody>
        {{#partners}}<tr><th scope="row"><a href="/partners/{{id}}">{{name}}</a></th><td>{{accepted}}</td>
        <td>{{pending}}</td><td>{{errors}}</td><td>{{actions}}</td>
        <td>{{lastRun}}{{#reasons}}<p class="reason">{{.}}</p>{{/reasons}}</td></tr>{{/partners}}
        </tbody></table></div>
        {{#runs}}<h2>Recent consolidations</h2><ul>{{#lines}}<li>{{.}}</li>{{/lines}}</ul>{{/runs}}
        <form method="post" action="/coordinator/consolidate" class="spaced">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit">Consolidate now</button>
        </form>
        <h2>Cabinet versions</h2>
        {{#tagged}}<div class="notice" role="status"><p>{{tagged}}</p></div>{{/tagged}}
        <form method="post" action="/coordinator/tag" class="spaced">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <div class="field"><label for="tag-note">A note for this version
        (for example the Cabinet meeting and item)</label>
        <input type="text" id="tag-note" name="note"></div>
        <button type="submit">Mark the current plan as a Cabinet version</button>
        </form>
        {{#canCompare}}<form method="get" action="/coordinator/diff" class="spaced">
        <div class="field"><label for="diff-from">Compare</label>
        <select id="diff-from" name="from">
        {{#choices}}<option value="{{short}}">{{name}}</option>{{/choices}}</select></div>
        <div class="field"><label for="diff-to">with</label>
        <select id="diff-to" name="to">
        {{#choices}}<option value="{{short}}">{{name}}</option>{{/choices}}</select></div>
        <button type="submit">Download the changes</button>
        </form>{{/canCompare}}
        <ul class="plain">
        <li>Current plan: <a href="/coordinator/versions/main/plan.html">web page</a>,
        <a href="/coordinator/versions/main/plan.docx">Word</a>,
        <a href="/coordinator/versions/main/plan.csv">spreadsheet (CSV)</a></li>
        {{#versions}}<li>{{name}}: <a href="/coordinator/versions/{{short}}/plan.html">web page</a>,
        <a href="/coordinator/versions/{{short}}/plan.docx">Word</a>,
        <a href="/coordinator/versions/{{short}}/plan.csv">spreadsheet (CSV)</a></li>{{/versions}}
        </ul>

        """
}
