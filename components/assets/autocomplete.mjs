// Long lists (a select of many options) enhanced into alphagov's accessible-autocomplete, as
// the Design System's autocomplete pattern does.
//
// Progressive enhancement: the page carries a plain, working <select> marked
// `data-module="civic-autocomplete"`, with the words the autocomplete shows and announces, in
// the page's language, as `data-text-*` attributes (they live in civic-forms' messages.rs, in
// English and Welsh). Without JavaScript, or in a browser govuk-frontend does not support,
// nothing here runs and the select is the question. With it, `enhanceSelectElement` hides the
// select, puts an input with the select's id after it (so the label and the error summary's
// link reach the input) and sets the select whenever an option is confirmed, so the form
// posts the same field either way.

const SELECTOR = 'select[data-module="civic-autocomplete"]'

// Fills `{name}` placeholders in a translated text.
function fill (template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole))
}

// The words, from the select's data attributes; upstream's English ones when one is missing.
function texts (data) {
  const words = {}
  if (data.textNoResults) words.tNoResults = () => data.textNoResults
  if (data.textStatusNoResults) words.tStatusNoResults = () => data.textStatusNoResults
  if (data.textStatusSelectedOption) {
    words.tStatusSelectedOption = (option, count, index) =>
      fill(data.textStatusSelectedOption, { option, n: index + 1, count })
  }
  if (data.textStatusOneResult && data.textStatusResults) {
    words.tStatusResults = (count, selected) =>
      `${count === 1 ? data.textStatusOneResult : fill(data.textStatusResults, { count })} ${selected || ''}`.trim()
  }
  if (data.textAssistiveHint) words.tAssistiveHint = () => data.textAssistiveHint
  return words
}

// The autocomplete gives its input only its own instructions as a description, and drops
// them once the resident types; the hint and error message the select was described by must
// stay, so they are put back whenever the attribute changes.
function keepDescribedBy (input, ids) {
  const keep = () => {
    const current = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
    if (ids.every((id) => current.includes(id))) return
    const others = current.filter((id) => !ids.includes(id))
    input.setAttribute('aria-describedby', [...ids, ...others].join(' '))
  }
  new MutationObserver(keep).observe(input, { attributes: true, attributeFilter: ['aria-describedby'] })
  keep()
}

export function enhanceSelect (accessibleAutocomplete, select) {
  const id = select.id
  const describedBy = (select.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
  // The error state carries over: a red border, as the select had.
  const error = select.classList.contains('govuk-select--error') ? 'civic-autocomplete__input--error' : null
  accessibleAutocomplete.enhanceSelectElement({
    selectElement: select,
    // The select's empty first option means "nothing chosen yet": an empty input, not a label.
    defaultValue: '',
    inputClasses: error,
    ...texts(select.dataset)
  })
  const input = document.getElementById(id)
  if (input && input !== select && describedBy.length) keepDescribedBy(input, describedBy)
}

export function initAutocompletes (accessibleAutocomplete, scope = document) {
  if (!document.body.classList.contains('govuk-frontend-supported')) return
  if (!accessibleAutocomplete || typeof accessibleAutocomplete.enhanceSelectElement !== 'function') return
  scope.querySelectorAll(SELECTOR).forEach((select) => enhanceSelect(accessibleAutocomplete, select))
}
