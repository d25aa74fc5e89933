//! Report a missed bin collection: the address (by postcode lookup), which bins, the
//! collection date (within the last 7 days) and optional contact details. The waste team gets
//! the answers by email; the resident, if they gave an email address, a confirmation with a
//! reference.

use super::{Service, Words};

pub(crate) const SERVICE: Service = Service {
    slug: "missed-bin",
    summary: Words {
        en: "Tell us if we did not collect your bins on your collection day.",
        cy: "Rhowch wybod i ni os na wnaethom gasglu eich biniau ar eich diwrnod casglu.",
    },
    use_it_to: &[Words {
        en: "tell us your bins were not collected on your collection day",
        cy: "rhoi gwybod i ni na chafodd eich biniau eu casglu ar eich diwrnod casglu",
    }],
    before_you_start: &[
        Words {
            en: "You can report a missed collection up to 7 days after it was due.",
            cy: "Gallwch roi gwybod am gasgliad a fethwyd hyd at 7 diwrnod ar ôl y dyddiad.",
        },
        Words {
            en: "You need the postcode of the address.",
            cy: "Mae angen cod post y cyfeiriad arnoch.",
        },
    ],
    takes: Words {
        en: "It takes around 2 minutes.",
        cy: "Mae'n cymryd tua 2 funud.",
    },
    save_and_return: false,
    address_lookup: true,
    definition: include_str!("../../services/missed-bin.yaml"),
    prepare: None,
};
