// The question page of question_page.rs, rendered by govuk-frontend 6.6.0's own Nunjucks
// templates (nunjucks 3.2.4): template.njk and the components' macros, compiled once, with the
// page's context built from varied input on every iteration.
//
// Usage (from the workspace root): node components/benches/question_page.mjs [SECONDS]
// Prints one line of figures and one JSON line. PRINT=1 prints one page instead.
import nunjucks from 'nunjucks'

const env = new nunjucks.Environment(
  new nunjucks.FileSystemLoader('node_modules/govuk-frontend/dist'),
  { autoescape: true }
)

const source = `{% extends "govuk/template.njk" %}
{% from "govuk/components/back-link/macro.njk" import govukBackLink %}
{% from "govuk/components/button/macro.njk" import govukButton %}
{% from "govuk/components/date-input/macro.njk" import govukDateInput %}
{% from "govuk/components/error-summary/macro.njk" import govukErrorSummary %}
{% from "govuk/components/generic-header/macro.njk" import govukGenericHeader %}
{% from "govuk/components/input/macro.njk" import govukInput %}
{% from "govuk/components/radios/macro.njk" import govukRadios %}
{% block headIcons %}{% endblock %}
{% block head %}<link rel="stylesheet" href="/assets/civic-0123456789.css"><style>{{ brandCss }}</style>{% endblock %}
{% block bodyEnd %}<script type="module" src="/assets/init-0123456789.mjs"></script>{% endblock %}
{% block pageTitle %}Error: What is your date of birth?{% endblock %}
{% block header %}<header class="govuk-template__header">{{ govukGenericHeader({ url: "/", classes: "civic-header", logoText: councilName }) }}</header>{% endblock %}
{% block beforeContent %}{{ govukBackLink({ href: "/apply/" + year + "/name" }) }}{% endblock %}
{% block content %}
{{ govukErrorSummary({ titleText: "There is a problem", errorList: [{ text: error, href: "#dob-day" }] }) }}
<form method="post" novalidate>
{{ govukDateInput({
  id: "dob", namePrefix: "dob",
  fieldset: { legend: { text: "What is your date of birth?", isPageHeading: true, classes: "govuk-fieldset__legend--l" } },
  hint: { text: "For example, 27 3 2007" },
  errorMessage: { text: error },
  items: [
    { name: "day", classes: "govuk-input--width-2", value: day },
    { name: "month", classes: "govuk-input--width-2 govuk-input--error", value: month },
    { name: "year", classes: "govuk-input--width-4", value: year }
  ]
}) }}
{% set items = [] %}
{% for option in contactOptions %}
{% set reveal %}{{ govukInput({ id: "contact-" + option.value, name: "contact-" + option.value, label: { text: option.text }, value: option.detail, classes: "govuk-!-width-one-third" }) }}{% endset %}
{% set items = (items.push({ value: option.value, text: option.text, checked: option.checked, conditional: { html: reveal } }), items) %}
{% endfor %}
{{ govukRadios({
  name: "contact",
  fieldset: { legend: { text: "How would you like to be contacted?", classes: "govuk-fieldset__legend--m" } },
  hint: { text: "Select one option" },
  items: items
}) }}
{{ govukButton({ text: "Continue" }) }}
</form>
{% endblock %}
{% block footer %}<footer class="govuk-template__footer"><div class="govuk-footer civic-footer"><div class="govuk-width-container"><div class="govuk-footer__meta"><div class="govuk-footer__meta-item govuk-footer__meta-item--grow"></div><div class="govuk-footer__meta-item">© {{ councilName }}</div></div></div></div></footer>{% endblock %}`

const template = nunjucks.compile(source, env)

const NAMES = ['Aled', 'Bethan', 'Cerys', 'Dafydd', 'Eleri', 'Ffion', 'Gethin', 'Hywel', 'Iolo', 'Siân']
const CONTACT = [['email', 'Email'], ['phone', 'Phone'], ['post', 'Post']]

// The same varied answers as question_page.rs, built into a fresh context every time.
function context (i) {
  const name = NAMES[i % NAMES.length]
  const contact = i % CONTACT.length
  const detail = `${name.toLowerCase()}.${i % 1000}@example.org`
  return {
    councilName: 'Kestrel Vale Borough Council',
    themeColor: '#005a4e',
    brandCss: ':root{--govuk-brand-colour:#005a4e;--govuk-link-colour:#005a4e;--govuk-link-hover-colour:#002d27;--govuk-template-background-colour:#f2f7f6;--govuk-surface-background-colour:#f2f7f6;--govuk-surface-border-colour:#80ada7}',
    error: `Date of birth must be a real date, ${name}`,
    day: String((i % 31) + 1),
    month: String(13 + (i % 7)),
    year: String(1930 + (i % 90)),
    contactOptions: CONTACT.map(([value, text], index) => ({
      value, text, checked: index === contact, detail: index === contact ? detail : ''
    }))
  }
}

if (process.env.PRINT) {
  process.stdout.write(template.render(context(7)) + '\n')
  process.exit(0)
}

const seconds = Number(process.argv[2] || 5)
for (let i = 0; i < 200; i++) template.render(context(i)) // warm up the JIT
// The machine may be shared: "per core" is pages per second of this process's own CPU time
// (user + system, garbage collection included), which other processes do not dilute.
const cpuSeconds = (since) => { const u = process.cpuUsage(since); return (u.user + u.system) / 1e6 }
let pages = 0
let bytes = 0
const cpuStart = process.cpuUsage()
const wallStart = process.hrtime.bigint()
while (cpuSeconds(cpuStart) < seconds) {
  for (let k = 0; k < 20; k++) {
    bytes += Buffer.byteLength(template.render(context(pages)))
    pages++
  }
}
const cpu = cpuSeconds(cpuStart)
const wall = Number(process.hrtime.bigint() - wallStart) / 1e9
const perSec = pages / cpu
const mbPerSec = bytes / cpu / 1e6
const perPage = Math.round(bytes / pages)
console.log(`nunjucks: ${perSec.toFixed(0)} pages/s, ${perPage} bytes/page, ${mbPerSec.toFixed(2)} MB/s per core (${pages} pages in ${cpu.toFixed(2)}s of CPU, ${wall.toFixed(2)}s of wall-clock time)`)
console.log(JSON.stringify({ renderer: 'nunjucks', pages_per_sec: Number(perSec.toFixed(1)), bytes_per_page: perPage, mb_per_sec: Number(mbPerSec.toFixed(2)) }))
