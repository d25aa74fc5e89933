//! Book a bulky waste collection: the address (by postcode lookup), the items one at a time
//! (up to 10, each chosen from the priced list in `examples/services/bulky-items.toml`; the
//! fee is the sum of their prices), a collection date from the dates with space left, a
//! mobile number and an email address, then payment.
//!
//! - **Dates** ([`slots`]): the crews collect on set days of the week, each such date taking
//!   a set number of collections (held in the demo's database, `demo_bulky_collection_days`,
//!   from its migration). The date question's options are supplied while the resident
//!   answers (civic-forms' `ChoiceSource`): only dates in the next four weeks with space
//!   left. A date that fills up after the page was shown is refused on that page.
//! - **Holding a slot** (civic-forms' `PaymentHooks`): when the payment starts the slot is
//!   held for as long as a payment can last; if the last slot went meanwhile the resident is
//!   back on the date page with "The collection date you chose is no longer available". A
//!   failed, cancelled or expired payment releases the hold; so does its lapsing (a job every
//!   minute tidies lapsed holds away).
//! - **Once paid** ([`booking`]): the booking is confirmed, the resident is emailed the items,
//!   date, amount paid and reference, and a text message reminder is queued in the notify
//!   outbox for the day before. The waste team gets the answers by email ([`team_email`]),
//!   the date as residents read it.

mod booking;
mod slots;
mod team_email;

use std::collections::BTreeMap;
use std::sync::Arc;

use civic_forms::definition::{AnswerType, Choice, Fee, FormDefinition, Text};
use civic_forms::delivery::Deliveries;
use civic_forms::http::FormServiceBuilder;
use civic_notify::transport::Transport;
use serde::Deserialize;
use sqlx::AnyPool;

use super::emails::Mailer;
use super::{Service, Words, pounds};
use crate::Clock;

pub(crate) use booking::Booking;
pub(crate) use slots::Slots;

pub(crate) const SERVICE: Service = Service {
    slug: "bulky-waste",
    summary: Words {
        en: "Book and pay for us to collect large items, like furniture and fridges, from your home.",
        cy: "Trefnu a thalu i ni gasglu eitemau mawr, fel dodrefn ac oergelloedd, o'ch cartref.",
    },
    use_it_to: &[Words {
        en: "book and pay for a collection of up to 10 large household items",
        cy: "trefnu a thalu am gasgliad o hyd at 10 eitem fawr o'r cartref",
    }],
    before_you_start: &[
        Words {
            en: "Each item has its own price: a sofa costs £25.00 and a fridge or freezer £30.00, for example. You will see the total before you pay.",
            cy: "Mae gan bob eitem ei phris ei hun: mae soffa yn costio £25.00 ac oergell neu rewgell £30.00, er enghraifft. Byddwch yn gweld y cyfanswm cyn i chi dalu.",
        },
        Words {
            en: "You need the postcode of the address, a mobile phone number and a debit or credit card.",
            cy: "Mae angen cod post y cyfeiriad, rhif ffôn symudol a cherdyn debyd neu gredyd arnoch.",
        },
    ],
    takes: Words {
        en: "It takes around 5 minutes.",
        cy: "Mae'n cymryd tua 5 munud.",
    },
    save_and_return: false,
    address_lookup: true,
    definition: include_str!("../../services/bulky-waste.yaml"),
    prepare: Some(prepare),
};

/// The question whose options are the items, and the add-to-a-list page it is on.
const ITEM: &str = "item";
/// The question whose options are the open collection dates.
const DATE: &str = "collection_date";
/// The question holding the mobile number for the reminder.
const MOBILE: &str = "mobile";
/// The question holding the email address for the confirmation.
const EMAIL: &str = "email";

/// The items and their prices, as `bulky-items.toml` lists them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Items {
    item: Vec<Item>,
}

/// One item the crews collect.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    value: String,
    en: String,
    cy: String,
    pence: u64,
}

const ITEMS: &str = include_str!("../../services/bulky-items.toml");

/// Fills the items (with their prices in their labels) into the item question's options and
/// their prices into the fee's per-item prices.
fn prepare(form: &mut FormDefinition) -> Result<(), String> {
    let items: Items = toml::from_str(ITEMS).map_err(|e| format!("bulky-items.toml: {e}"))?;
    if items.item.is_empty() {
        return Err("bulky-items.toml lists no items".to_owned());
    }
    let mut options = Vec::new();
    let mut prices = BTreeMap::new();
    for item in &items.item {
        if item.pence == 0 || item.value.is_empty() || item.en.is_empty() || item.cy.is_empty() {
            return Err(format!(
                "bulky-items.toml: item {:?} needs a value, English and Welsh names and a price",
                item.value
            ));
        }
        let price = pounds(item.pence);
        options.push(Choice::new(
            item.value.clone(),
            Text::bilingual(
                format!("{} ({price})", item.en),
                format!("{} ({price})", item.cy),
            ),
        ));
        if prices.insert(item.value.clone(), item.pence).is_some() {
            return Err(format!(
                "bulky-items.toml: {:?} is listed twice",
                item.value
            ));
        }
    }
    let question = form
        .pages
        .iter_mut()
        .flat_map(|page| page.questions.iter_mut())
        .find(|question| question.id == ITEM);
    match question.map(|question| &mut question.answer) {
        Some(AnswerType::OneFromList(list)) => list.options = options,
        _ => return Err(format!("the `{ITEM}` question must be a one_from_list")),
    }
    let priced = form
        .payment
        .as_mut()
        .and_then(|payment| match &mut payment.fee {
            Fee::Computed(fee) => fee.per_item.first_mut(),
            _ => None,
        })
        .and_then(|per_item| per_item.priced_by.as_mut())
        .filter(|by| by.question == ITEM);
    match priced {
        Some(by) => {
            by.pence = prices;
            Ok(())
        }
        None => Err(format!(
            "the fee must be computed with a per_item priced_by the `{ITEM}` question"
        )),
    }
}

/// What the bulky waste service adds to the form engine: its slots and its booking.
pub(crate) struct Bulky {
    slots: Arc<Slots>,
    booking: Arc<Booking>,
}

impl Bulky {
    /// The slots in the demo's database (migrated here) and the booking that confirms them.
    pub(crate) async fn open(
        pool: &AnyPool,
        mailer: Mailer,
        form: Arc<FormDefinition>,
        council: &str,
        clock: Clock,
    ) -> Result<Bulky, String> {
        let slots = Arc::new(
            Slots::open(pool.clone(), clock.clone())
                .await
                .map_err(|e| format!("the collection slots: {e}"))?,
        );
        let booking = Arc::new(Booking::new(
            Arc::clone(&slots),
            mailer,
            form,
            council,
            clock,
        ));
        Ok(Bulky { slots, booking })
    }

    /// The bookings' deliveries, stored in `pool`: the waste team's email (its `team-email`,
    /// in place of the engine's, with the date as residents read it) and the booking, which
    /// runs once a payment succeeds.
    pub(crate) fn deliveries(
        &self,
        pool: AnyPool,
        form: Arc<FormDefinition>,
        transport: Arc<dyn Transport>,
        from: &str,
    ) -> Result<Deliveries, String> {
        let team = team_email::TeamEmail::new(form, transport, from)?;
        Ok(Deliveries::new(pool)
            .handler(Arc::new(team))
            .handler(self.booking.clone()))
    }

    /// The form served with the open dates as the date question's options and a slot held
    /// while the resident pays; starts the job that tidies lapsed holds away.
    pub(crate) fn serve(&self, served: FormServiceBuilder) -> FormServiceBuilder {
        self.slots.tidy_every_minute();
        served
            .choices(DATE, self.slots.clone())
            .payment_hooks(self.slots.clone())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use civic_forms::definition::Format;
    use civic_forms::journey::{Answers, Journey};

    #[test]
    fn each_item_is_an_option_and_the_fee_is_the_sum_of_the_items_chosen() {
        let mut form = FormDefinition::parse(SERVICE.definition, Format::Yaml).unwrap();
        prepare(&mut form).unwrap();
        assert!(civic_forms::check::check(&form).is_empty());
        let (_, question) = form.find_question(ITEM).unwrap();
        assert_eq!(question.answer.choices().len(), 9);
        assert_eq!(
            question.answer.choices()[0].label.english(),
            "Sofa or settee (£25.00)"
        );
        let mut answers = Answers::default();
        for item in ["sofa", "fridge-freezer", "sofa"] {
            answers.record_page(
                &form,
                "item",
                [(
                    ITEM.to_owned(),
                    Some(civic_forms::answers::AnswerValue::Choice(item.to_owned())),
                )],
            );
        }
        let today = time::macros::date!(2026 - 11 - 29);
        assert_eq!(Journey::new(&form, today).fee(&answers), Some(8000));
    }
}
