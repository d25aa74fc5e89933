// Renders govuk-frontend 6.6.0's own template.njk with nunjucks 3.2.4, with the block overrides
// and context read as JSON from stdin, so tests/template.rs can compare civic's page template
// with it. Run from the workspace root.
import { readFileSync } from 'node:fs'
import nunjucks from 'nunjucks'

const { context, blocks } = JSON.parse(readFileSync(0, 'utf8'))
const env = new nunjucks.Environment(
  new nunjucks.FileSystemLoader('node_modules/govuk-frontend/dist'),
  { autoescape: true }
)

// Each block civic fills in is overridden with the same markup; every other block keeps
// upstream's default. govukHeader/govukFooter sit inside upstream's <header>/<footer> wrappers.
const names = ['head', 'headIcons', 'bodyStart', 'govukHeader', 'govukServiceNavigation',
  'beforeContent', 'content', 'main', 'govukFooter', 'bodyEnd']
const overrides = names
  .filter((name) => blocks[name] !== undefined && blocks[name] !== null)
  .map((name) => `{% block ${name} %}{{ blocks.${name} | safe }}{% endblock %}`)
  .join('\n')
const skipLink = blocks.skipLinkText === null
  ? '{% block skipLink %}{% endblock %}'
  : "{% block skipLink %}{{ govukSkipLink({ href: '#main-content', text: blocks.skipLinkText }) }}{% endblock %}"
const page = `{% extends "govuk/template.njk" %}
{% from "govuk/components/skip-link/macro.njk" import govukSkipLink %}
{% block pageTitle %}{{ pageTitle }}{% endblock %}
${skipLink}
${overrides}`

process.stdout.write(env.renderString(page, { ...context, blocks }))
