// Fills in the sandbox payment provider's "Enter card details" page as a resident would.
// Shared by pay.mjs and journey.mjs.

// Fills the card page open in `page` with `card` (its number; the sandbox decides the outcome
// from it) and a valid expiry, name, security code and billing address. Does not submit.
export async function fillCard(page, card) {
  await page.fill("#card-number", card.number);
  await page.fill("#expiry-month", card.expiryMonth ?? "12");
  await page.fill("#expiry-year", card.expiryYear ?? String(new Date().getFullYear() + 3));
  await page.fill("#cardholder-name", card.name ?? "A Resident");
  await page.fill("#cvc", card.cvc ?? "123");
  await page.fill("#address-line-1", card.line1 ?? "1 High Street");
  await page.fill("#address-city", card.city ?? "Cardiff");
  await page.fill("#address-postcode", card.postcode ?? "CF10 1AA");
}

// The card page's submit button.
export const SUBMIT_CARD = "#submit-card-details";
