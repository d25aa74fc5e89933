// The session timeout warning (WCAG 2.2.1 Timing Adjustable): a modal dialog shown a little
// before a form's answers would be deleted for inactivity, offering to continue (which asks
// the server to keep the session) or to delete the answers and sign out.
//
// Progressive enhancement: the page carries the dialog, closed, inside
// `[data-module="civic-timeout-warning"]` with its timings and addresses as data attributes,
// and says in plain text how long answers are kept. Without JavaScript, or in a browser
// without <dialog>, nothing here runs and that sentence is the warning.
//
// The countdown is shown every second but announced to screen readers politely, and only
// when it opens, each minute, and every 20 seconds in the last minute.

const SELECTOR = '[data-module="civic-timeout-warning"]'

export class TimeoutWarning {
  constructor (root) {
    this.root = root
    this.dialog = root.querySelector('dialog')
    this.form = root.querySelector('form')
    if (!this.dialog || typeof this.dialog.showModal !== 'function' || !this.form) return
    const data = root.dataset
    this.timeout = Number(data.timeoutSeconds) * 1000
    this.warning = Math.min(Number(data.warningSeconds) * 1000, this.timeout / 2)
    this.keepAliveUrl = data.keepAliveUrl
    this.texts = { minute: data.textMinute, minutes: data.textMinutes, seconds: data.textSeconds }
    this.countdown = root.querySelector('[data-countdown]')
    this.announcement = root.querySelector('[data-announcement]')
    this.timedOut = root.querySelector('input[name="timed_out"]')
    root.querySelector('[data-continue]').addEventListener('click', () => this.keepAlive())
    // Escape is "Continue": the resident is there, and nothing is deleted by closing.
    this.dialog.addEventListener('cancel', (event) => {
      event.preventDefault()
      this.keepAlive()
    })
    this.restart()
  }

  restart () {
    clearTimeout(this.opening)
    clearInterval(this.ticking)
    this.deadline = Date.now() + this.timeout
    this.opening = setTimeout(() => this.open(), this.timeout - this.warning)
  }

  open () {
    this.returnFocus = document.activeElement
    this.lastSaid = null
    this.tick()
    // On opening, the countdown is read as the dialog's description; the live region speaks
    // from the next step on.
    this.announcement.textContent = ''
    this.dialog.showModal()
    this.ticking = setInterval(() => this.tick(), 1000)
  }

  close () {
    clearInterval(this.ticking)
    this.dialog.close()
    this.announcement.textContent = ''
    if (this.returnFocus && typeof this.returnFocus.focus === 'function') this.returnFocus.focus()
  }

  tick () {
    const left = Math.ceil((this.deadline - Date.now()) / 1000)
    if (left <= 0) {
      this.expire()
      return
    }
    const text = this.words(left)
    this.countdown.textContent = text
    // Minutes while over a minute is left, then steps of 20 seconds.
    const step = left > 60 ? Math.ceil(left / 60) * 60 : Math.ceil(left / 20) * 20
    if (step !== this.lastSaid) {
      this.lastSaid = step
      this.announcement.textContent = text
    }
  }

  words (left) {
    if (left > 60) return this.texts.minutes.replace('{n}', String(Math.ceil(left / 60)))
    if (left === 60) return this.texts.minute.replace('{n}', '1')
    return this.texts.seconds.replace('{n}', String(left))
  }

  async keepAlive () {
    let kept = false
    try {
      const response = await fetch(this.keepAliveUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(new FormData(this.form)).toString()
      })
      kept = response.ok
    } catch (error) {
      kept = false
    }
    if (kept) {
      this.close()
      this.restart()
    } else {
      // The session is gone (or the server refused): say so as the server does.
      this.expire()
    }
  }

  expire () {
    clearInterval(this.ticking)
    clearTimeout(this.opening)
    if (this.timedOut) this.timedOut.value = 'yes'
    this.form.submit()
  }
}

export function initTimeoutWarnings (scope = document) {
  scope.querySelectorAll(SELECTOR).forEach((root) => new TimeoutWarning(root))
}
