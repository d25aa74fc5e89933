//! Apply for a council tax single person discount: name, National Insurance number, the date
//! the other adult moved out, an email address and a declaration; in English and Welsh, with
//! save and return.

use super::{Service, Words};

pub(crate) const SERVICE: Service = Service {
    slug: "council-tax-single-person",
    summary: Words {
        en: "Get 25% off your council tax if you are the only adult living in your home.",
        cy: "Cael 25% oddi ar eich treth gyngor os mai chi yw'r unig oedolyn sy'n byw yn eich cartref.",
    },
    use_it_to: &[Words {
        en: "apply for 25% off your council tax because you are the only adult in your home",
        cy: "gwneud cais am 25% oddi ar eich treth gyngor oherwydd mai chi yw'r unig oedolyn yn eich cartref",
    }],
    before_you_start: &[
        Words {
            en: "You need your National Insurance number.",
            cy: "Mae angen eich rhif Yswiriant Gwladol arnoch.",
        },
        Words {
            en: "You need the date the other adult moved out.",
            cy: "Mae angen y dyddiad y symudodd yr oedolyn arall allan arnoch.",
        },
        Words {
            en: "You can save your answers and come back later.",
            cy: "Gallwch gadw eich atebion a dod yn ôl yn nes ymlaen.",
        },
    ],
    takes: Words {
        en: "It takes around 5 minutes.",
        cy: "Mae'n cymryd tua 5 munud.",
    },
    save_and_return: true,
    address_lookup: false,
    definition: include_str!("../../services/council-tax-single-person.yaml"),
    prepare: None,
};
