// Prints, as a JSON array, every English text govuk-frontend's templates and JavaScript show by
// default, so tests/welsh.rs can check each one has a Welsh counterpart in src/i18n.rs.
// Run from the workspace root: node components/tests/upstream_texts.mjs
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const govuk = join(process.cwd(), 'node_modules/govuk-frontend/dist/govuk')
const components = readdirSync(join(govuk, 'components'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
const texts = new Set()
const add = (s) => { if (typeof s === 'string' && /[A-Za-z]/.test(s)) texts.add(s.trim()) }

// JavaScript: each component class's `defaults.i18n` (plural forms flattened).
for (const name of components) {
  const dir = join(govuk, 'components', name)
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mjs'))) {
    const module = await import(pathToFileURL(join(dir, file)))
    for (const exported of Object.values(module)) {
      const i18n = exported?.defaults?.i18n
      if (!i18n) continue
      for (const value of Object.values(i18n)) {
        if (typeof value === 'object') Object.values(value).forEach(add)
        else add(value)
      }
    }
  }
}

// Templates: `default("Text")` with a word, `set title = "Text"`, and the few texts written inline.
const inline = [
  /Previous<span class="govuk-visually-hidden"> (page)<\/span>/,
  /(Previous)<span/,
  /(Next)<span/,
  /<span class="govuk-visually-hidden">(Emergency)<\/span> (Exit this page)/,
  /(All content is available under the)/,
  />(Open Government Licence v3\.0)<\/a>(, except where otherwise stated)/,
  /(© Crown copyright)/,
  /text: '(Skip to main content)'/,
]
const templates = [join(govuk, 'template.njk')].concat(
  components.map((n) => join(govuk, 'components', n, 'template.njk'))
)
for (const path of templates) {
  const source = readFileSync(path, 'utf8')
  for (const m of source.matchAll(/default\s*\(\s*"([A-Z][^"]*)"( \+ item\.number)?/g)) {
    add(m[2] ? `${m[1]}%{number}` : m[1])
  }
  // Date input labels its default fields with their names, capitalised.
  if (source.includes('itemName | capitalize')) {
    for (const m of source.matchAll(/name: "(day|month|year)"/g)) add(m[1][0].toUpperCase() + m[1].slice(1))
  }
  for (const m of source.matchAll(/set title = "([^"]+)"/g)) add(m[1])
  for (const pattern of inline) {
    const m = source.match(pattern)
    if (m) m.slice(1).forEach(add)
  }
  const describedBy = source.match(/or "(You can enter up to %\{count\} )"/)
  if (describedBy) ['characters', 'words'].forEach((unit) => add(describedBy[1] + unit))
}

process.stdout.write(JSON.stringify([...texts].sort(), null, 1) + '\n')
