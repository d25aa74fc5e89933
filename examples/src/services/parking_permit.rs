//! Apply for a resident parking permit: the postcode (it must be in a permit zone, held as data
//! in `examples/services/permit-zones.toml`; outside one, an exit page), the address, the
//! vehicle's registration, the permit's length (3, 6 or 12 months, each its own fee), an email
//! address, then payment. Once the payment has succeeded the parking team gets the answers by
//! email and the resident a receipt ([`Receipt`]): the permit's details and the amount paid,
//! through the notify outbox.
//!
//! The council refunds a permit with [`refund`] (`civic_demo::refund_permit`): it refunds the
//! paid amount through the payment provider and the payment record keeps the refund.

use std::sync::Arc;

use civic_forms::answers::display;
use civic_forms::definition::{Condition, FormDefinition};
use civic_forms::delivery::{DeliveryError, Submission, SubmissionHandler};
use civic_forms::journey::Journey;
use civic_notify::Personalisation;
use civic_pay_adapters::{Checkout, Money, NewRefund, PaymentError, Refund};
use serde::Deserialize;

use super::emails::{EmailText, Mailer};
use super::{Service, Words, pounds};

pub(crate) const SERVICE: Service = Service {
    slug: "parking-permit",
    summary: Words {
        en: "Apply and pay for a permit to park near your home in a permit zone.",
        cy: "Gwneud cais a thalu am drwydded i barcio ger eich cartref mewn parth trwyddedau.",
    },
    use_it_to: &[Words {
        en: "apply and pay for a resident parking permit for 3, 6 or 12 months",
        cy: "gwneud cais a thalu am drwydded barcio preswylwyr am 3, 6 neu 12 mis",
    }],
    before_you_start: &[
        Words {
            en: "You can only apply if you live in a resident parking permit zone.",
            cy: "Dim ond os ydych yn byw mewn parth trwyddedau parcio preswylwyr y gallwch wneud cais.",
        },
        Words {
            en: "You need the vehicle's registration number and a debit or credit card.",
            cy: "Mae angen rhif cofrestru'r cerbyd a cherdyn debyd neu gredyd arnoch.",
        },
        Words {
            en: "A permit costs £30.00 for 3 months, £55.00 for 6 months or £100.00 for 12 months.",
            cy: "Mae trwydded yn costio £30.00 am 3 mis, £55.00 am 6 mis neu £100.00 am 12 mis.",
        },
    ],
    takes: Words {
        en: "It takes around 5 minutes.",
        cy: "Mae'n cymryd tua 5 munud.",
    },
    save_and_return: false,
    address_lookup: false,
    definition: include_str!("../../services/parking-permit.yaml"),
    prepare: Some(prepare),
};

/// The permit zones, as `permit-zones.toml` lists them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Zones {
    zone: Vec<Zone>,
}

/// One permit zone: its streets and their postcodes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Zone {
    name: String,
    streets: Vec<String>,
    postcodes: Vec<String>,
}

const ZONES: &str = include_str!("../../services/permit-zones.toml");

/// Fills the permit zones' postcodes into the postcode page's first route, so a postcode in a
/// zone goes on to the address and any other to the exit page.
fn prepare(form: &mut FormDefinition) -> Result<(), String> {
    let zones: Zones = toml::from_str(ZONES).map_err(|e| format!("permit-zones.toml: {e}"))?;
    let mut postcodes = Vec::new();
    for zone in &zones.zone {
        if zone.postcodes.is_empty() || zone.streets.is_empty() || zone.name.is_empty() {
            return Err(format!(
                "permit-zones.toml: zone {:?} needs a name, streets and postcodes",
                zone.name
            ));
        }
        for postcode in &zone.postcodes {
            let parsed = civic_address_lookup::Postcode::parse(postcode)
                .map_err(|e| format!("permit-zones.toml: {postcode:?}: {e}"))?;
            postcodes.push(parsed.to_string());
        }
    }
    let route = form
        .pages
        .iter_mut()
        .find(|page| page.id == "postcode")
        .and_then(|page| page.routes.first_mut());
    match route.and_then(|route| route.when.as_mut()) {
        Some(Condition::OneOf(test)) if test.question == "postcode" => {
            test.values = postcodes;
            Ok(())
        }
        _ => Err("the postcode page's first route must be `one_of` on `postcode`".to_owned()),
    }
}

/// The resident's receipt: `((reference))`, `((registration))`, `((length))`, `((address))`,
/// `((amount))`.
const RECEIPT_EN: EmailText = (
    "Resident parking permit receipt: ((reference))",
    "We have received your payment for a resident parking permit.\n\nReference: ((reference))\n\nVehicle registration number: ((registration))\n\nPermit length: ((length))\n\nAddress: ((address))\n\nAmount paid: ((amount))\n\nKeep this email as your receipt. Quote your reference if you contact us about your permit.",
);
const RECEIPT_CY: EmailText = (
    "Derbynneb trwydded barcio preswylwyr: ((reference))",
    "Rydym wedi cael eich taliad am drwydded barcio preswylwyr.\n\nCyfeirnod: ((reference))\n\nRhif cofrestru'r cerbyd: ((registration))\n\nHyd y drwydded: ((length))\n\nCyfeiriad: ((address))\n\nSwm a dalwyd: ((amount))\n\nCadwch yr e-bost hwn fel eich derbynneb. Rhowch eich cyfeirnod os byddwch yn cysylltu â ni am eich trwydded.",
);

/// Emails the resident a receipt once their permit is paid for (a submission handler: the
/// engine holds a paid form's deliveries until its payment succeeds).
pub(crate) struct Receipt {
    mailer: Mailer,
    form: Arc<FormDefinition>,
}

impl Receipt {
    pub(crate) fn new(mailer: Mailer, form: Arc<FormDefinition>) -> Receipt {
        Receipt { mailer, form }
    }

    /// The answer to `question` as the resident read it on "check your answers", on one line.
    fn shown(&self, submission: &Submission, question: &str) -> String {
        self.form
            .find_question(question)
            .map(|(_, q)| {
                display(
                    q,
                    submission.answers.values.get(question),
                    submission.language,
                )
                .join(", ")
            })
            .unwrap_or_default()
    }
}

#[async_trait::async_trait]
impl SubmissionHandler for Receipt {
    fn name(&self) -> &str {
        "receipt"
    }

    async fn deliver(&self, submission: &Submission) -> Result<(), DeliveryError> {
        // The fee the payment was taken for, computed from the answers as it was then.
        let amount = Journey::new(&self.form, submission.submitted_at.date())
            .fee(&submission.answers)
            .ok_or_else(|| DeliveryError::permanent("the permit has no fee"))?;
        let values = Personalisation::new()
            .with("reference", submission.reference.as_str())
            .with("registration", self.shown(submission, "registration"))
            .with("length", self.shown(submission, "months"))
            .with("address", self.shown(submission, "address"))
            .with("amount", pounds(amount));
        self.mailer
            .email(
                submission,
                "email",
                "receipt",
                (RECEIPT_EN, RECEIPT_CY),
                &values,
            )
            .await
    }
}

/// Why a permit could not be refunded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RefundError {
    /// No paid permit has this reference.
    #[error("no paid parking permit has the reference {0}")]
    NotPaid(String),
    /// The provider or the payment records failed.
    #[error("the refund could not be made: {0}")]
    Payment(#[from] PaymentError),
}

/// Refunds the whole amount paid for the permit with `reference` through the payment
/// provider; the payment's record keeps the refund (see `civic pay status`).
pub(crate) async fn refund(checkout: &Checkout, reference: &str) -> Result<Refund, RefundError> {
    let paid = checkout
        .records()
        .succeeded()
        .await?
        .into_iter()
        .find(|record| record.order_id == reference);
    let Some((payment_id, amount)) =
        paid.and_then(|record| Some((record.payment_id?, record.amount)))
    else {
        return Err(RefundError::NotPaid(reference.to_owned()));
    };
    let refunded: i64 = checkout
        .provider()
        .refunds(&payment_id)
        .await?
        .iter()
        .map(|refund| refund.amount.pence())
        .sum();
    let available = Money::from_pence(amount.pence() - refunded)
        .map_err(|_| RefundError::NotPaid(reference.to_owned()))?;
    let request = NewRefund::new(available).expecting_available(available);
    Ok(checkout.refund(&payment_id, &request).await?)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use civic_forms::definition::Format;

    #[test]
    fn every_zone_postcode_routes_to_the_address_and_others_to_the_exit() {
        let mut form = FormDefinition::parse(SERVICE.definition, Format::Yaml).unwrap();
        prepare(&mut form).unwrap();
        let Some(Condition::OneOf(test)) = &form.pages[0].routes[0].when else {
            panic!("no one_of route");
        };
        assert_eq!(test.values.len(), 5);
        assert!(test.values.contains(&"KV1 2AB".to_owned()));
        assert!(civic_forms::check::check(&form).is_empty());
    }
}
