//! Every piece of text a resident may see, in English and Welsh, in one place.
//!
//! Code elsewhere names a [`Message`] and asks for it in a [`Language`]; nothing else in the
//! crate writes resident-facing words, so a translator reviews this file alone.

use serde::{Deserialize, Serialize};

/// The language a resident reads a page or message in; GOV.UK Pay offers the same two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Language {
    /// English (`en`), the default.
    #[default]
    #[serde(rename = "en")]
    English,
    /// Welsh (`cy`).
    #[serde(rename = "cy")]
    Welsh,
}

impl Language {
    /// The language code GOV.UK Pay and the `lang` attribute use: `en` or `cy`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Welsh => "cy",
        }
    }

    /// Reads `en` or `cy`; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "en" => Some(Language::English),
            "cy" => Some(Language::Welsh),
            _ => None,
        }
    }
}

/// One piece of resident-facing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Message {
    /// An amount field was left empty.
    AmountEmpty,
    /// An amount was not written as pounds and pence.
    AmountNotANumber,
    /// An amount had more than two digits after the decimal point.
    AmountTooManyPence,
    /// An amount was below zero.
    AmountNegative,
    /// A payment amount was below 1p.
    AmountTooSmall,
    /// A payment amount was above £100,000.00.
    AmountTooLarge,
    /// Title of the sandbox card page.
    CardPageTitle,
    /// Warning that the page is a sandbox and takes no real money.
    CardPageSandboxWarning,
    /// Label before the amount to pay.
    CardPageAmountLabel,
    /// Label of the card number field.
    CardNumberLabel,
    /// Label of the expiry date field.
    ExpiryDateLabel,
    /// Hint under the expiry date label.
    ExpiryDateHint,
    /// Label of the expiry month part.
    ExpiryMonthLabel,
    /// Label of the expiry year part.
    ExpiryYearLabel,
    /// Label of the name on card field.
    CardholderNameLabel,
    /// Label of the security code field.
    SecurityCodeLabel,
    /// Hint under the security code label.
    SecurityCodeHint,
    /// The pay button.
    ContinueButton,
    /// The cancel button.
    CancelPaymentButton,
    /// Title of an error summary.
    ErrorSummaryTitle,
    /// Prefix read out before a field error.
    ErrorPrefix,
    /// Prefix read out before a warning.
    WarningPrefix,
    /// The card number was missing or not a card number.
    CardNumberInvalid,
    /// The expiry date was missing or in the past.
    ExpiryDateInvalid,
    /// The name on the card was missing.
    CardholderNameMissing,
    /// The security code was not 3 or 4 digits.
    SecurityCodeInvalid,
    /// Legend of the billing address fields.
    BillingAddressLegend,
    /// Label of the first address line.
    AddressLine1Label,
    /// Label of the optional second address line.
    AddressLine2Label,
    /// Label of the town or city field.
    AddressCityLabel,
    /// Label of the postcode field.
    AddressPostcodeLabel,
    /// The first address line was missing.
    AddressLine1Missing,
    /// The town or city was missing.
    AddressCityMissing,
    /// The postcode was missing or not a UK postcode.
    AddressPostcodeInvalid,
    /// Heading of the summary of what is being paid for.
    PaymentSummaryTitle,
    /// Row label: what the payment is for.
    PaymentForLabel,
    /// The payment can no longer be paid (finished or expired).
    PaymentNotAvailable,
    /// No payment at this address.
    PaymentNotFound,
    /// Link back to the service after a finished payment.
    ReturnToService,
}

impl Message {
    /// This message in `language`.
    pub fn text(self, language: Language) -> &'static str {
        use Message::*;
        let (en, cy) = match self {
            AmountEmpty => ("Enter an amount", "Rhowch swm"),
            AmountNotANumber => (
                "Enter an amount in pounds and pence, like £12.34",
                "Rhowch swm mewn punnoedd a cheiniogau, fel £12.34",
            ),
            AmountTooManyPence => (
                "Enter an amount with no more than 2 numbers after the decimal point, like £12.34",
                "Rhowch swm gyda dim mwy na 2 rif ar ôl y pwynt degol, fel £12.34",
            ),
            AmountNegative => (
                "Enter an amount of £0.00 or more",
                "Rhowch swm o £0.00 neu fwy",
            ),
            AmountTooSmall => (
                "Enter an amount of at least £0.01",
                "Rhowch swm o £0.01 o leiaf",
            ),
            AmountTooLarge => (
                "Enter an amount of £100,000.00 or less",
                "Rhowch swm o £100,000.00 neu lai",
            ),
            CardPageTitle => ("Enter card details", "Rhowch fanylion y cerdyn"),
            CardPageSandboxWarning => (
                "This is a test page. No real money will be taken.",
                "Tudalen brawf yw hon. Ni fydd unrhyw arian go iawn yn cael ei gymryd.",
            ),
            CardPageAmountLabel => ("Total amount:", "Cyfanswm:"),
            CardNumberLabel => ("Card number", "Rhif y cerdyn"),
            ExpiryDateLabel => ("Expiry date", "Dyddiad dod i ben"),
            ExpiryDateHint => ("For example, 10/29", "Er enghraifft, 10/29"),
            ExpiryMonthLabel => ("Month", "Mis"),
            ExpiryYearLabel => ("Year", "Blwyddyn"),
            CardholderNameLabel => ("Name on card", "Enw ar y cerdyn"),
            SecurityCodeLabel => ("Card security code", "Cod diogelwch y cerdyn"),
            SecurityCodeHint => (
                "The last 3 digits on the back of the card",
                "Y 3 digid olaf ar gefn y cerdyn",
            ),
            ContinueButton => ("Continue", "Yn eich blaen"),
            CancelPaymentButton => ("Cancel payment", "Canslo’r taliad"),
            ErrorSummaryTitle => ("There is a problem", "Mae problem wedi codi"),
            ErrorPrefix => ("Error:", "Gwall:"),
            WarningPrefix => ("Warning", "Rhybudd"),
            CardNumberInvalid => ("Enter a valid card number", "Rhowch rif cerdyn dilys"),
            ExpiryDateInvalid => (
                "Enter a valid expiry date",
                "Rhowch ddyddiad dod i ben dilys",
            ),
            CardholderNameMissing => (
                "Enter the name as it appears on the card",
                "Rhowch yr enw fel y mae’n ymddangos ar y cerdyn",
            ),
            SecurityCodeInvalid => (
                "Enter a valid card security code",
                "Rhowch god diogelwch cerdyn dilys",
            ),
            BillingAddressLegend => ("Billing address", "Cyfeiriad bilio"),
            AddressLine1Label => ("Building and street", "Adeilad a stryd"),
            AddressLine2Label => (
                "Building and street line 2 (optional)",
                "Adeilad a stryd llinell 2 (dewisol)",
            ),
            AddressCityLabel => ("Town or city", "Tref neu ddinas"),
            AddressPostcodeLabel => ("Postcode", "Cod post"),
            AddressLine1Missing => (
                "Enter a building name or number and street",
                "Rhowch enw neu rif adeilad a stryd",
            ),
            AddressCityMissing => ("Enter a town or city", "Rhowch dref neu ddinas"),
            AddressPostcodeInvalid => (
                "Enter a real postcode, like SW1A 1AA",
                "Rhowch god post go iawn, fel SW1A 1AA",
            ),
            PaymentSummaryTitle => ("Payment summary", "Crynodeb o’r taliad"),
            PaymentForLabel => ("Payment for", "Taliad am"),
            PaymentNotAvailable => (
                "This payment can no longer be made",
                "Ni ellir gwneud y taliad hwn mwyach",
            ),
            PaymentNotFound => ("Page not found", "Heb ddod o hyd i’r dudalen"),
            ReturnToService => ("Return to the service", "Dychwelyd i’r gwasanaeth"),
        };
        match language {
            Language::English => en,
            Language::Welsh => cy,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_round_trip() {
        for language in [Language::English, Language::Welsh] {
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        assert_eq!(Language::from_code("fr"), None);
    }

    #[test]
    fn welsh_differs_from_english() {
        let all = [
            Message::AmountEmpty,
            Message::AmountTooLarge,
            Message::CardPageTitle,
            Message::CancelPaymentButton,
            Message::CardNumberInvalid,
        ];
        for message in all {
            assert_ne!(
                message.text(Language::English),
                message.text(Language::Welsh),
                "{message:?}"
            );
        }
    }
}
