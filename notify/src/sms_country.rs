//! The countries GOV.UK Notify sends text messages to, keyed by dialling prefix, with the
//! multiple of a UK message each one costs and whether it accepts a named sender.
//!
//! The table is Notify's `international_billing_rates.yml` (notifications-utils v127.0.0): a
//! number whose country is not here cannot be texted, whatever the phone metadata says.

/// Whether a country's networks deliver messages from an alphanumeric sender ("MyCouncil").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum AlphaSender {
    /// Named senders are delivered.
    Allowed,
    /// Only numeric senders are delivered: Notify swaps in a numeric sender.
    NotAllowed,
    /// Named senders must be registered with the networks first.
    Registered,
    /// Notify's table does not say.
    Unknown,
}

/// One country (or North American area) that text messages can be sent to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SmsCountry {
    /// The dialling prefix without `+`: `"33"`, or four digits for a North American area (`"1664"`).
    pub prefix: &'static str,
    /// How many UK messages one message to this country costs.
    pub rate_multiplier: u32,
    /// Whether a named sender is delivered.
    pub alpha_sender: AlphaSender,
    /// The countries sharing this prefix, in English.
    pub names: &'static [&'static str],
}

impl SmsCountry {
    /// The country for a dialling prefix (`"44"`, `"1664"`), if messages can be sent there.
    pub fn for_prefix(prefix: &str) -> Option<&'static SmsCountry> {
        SMS_COUNTRIES
            .iter()
            .find(|country| country.prefix == prefix)
    }

    /// Every country messages can be sent to, shortest prefix first.
    pub fn all() -> &'static [SmsCountry] {
        SMS_COUNTRIES
    }
}

#[rustfmt::skip]
static SMS_COUNTRIES: &[SmsCountry] = &[
    SmsCountry { prefix: "1", rate_multiplier: 1, alpha_sender: AlphaSender::NotAllowed, names: &["Canada", "United States"] },
    SmsCountry { prefix: "7", rate_multiplier: 10, alpha_sender: AlphaSender::Registered, names: &["South Ossetia", "Kazakhstan", "Abkhazia", "Russian Federation"] },
    SmsCountry { prefix: "20", rate_multiplier: 7, alpha_sender: AlphaSender::Registered, names: &["Egypt"] },
    SmsCountry { prefix: "27", rate_multiplier: 3, alpha_sender: AlphaSender::NotAllowed, names: &["South Africa"] },
    SmsCountry { prefix: "30", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Greece"] },
    SmsCountry { prefix: "31", rate_multiplier: 3, alpha_sender: AlphaSender::Allowed, names: &["Netherlands"] },
    SmsCountry { prefix: "32", rate_multiplier: 3, alpha_sender: AlphaSender::NotAllowed, names: &["Belgium"] },
    SmsCountry { prefix: "33", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["France"] },
    SmsCountry { prefix: "34", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Spain"] },
    SmsCountry { prefix: "36", rate_multiplier: 2, alpha_sender: AlphaSender::NotAllowed, names: &["Hungary"] },
    SmsCountry { prefix: "39", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Italy"] },
    SmsCountry { prefix: "40", rate_multiplier: 2, alpha_sender: AlphaSender::Registered, names: &["Romania"] },
    SmsCountry { prefix: "41", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Switzerland"] },
    SmsCountry { prefix: "43", rate_multiplier: 2, alpha_sender: AlphaSender::Registered, names: &["Austria"] },
    SmsCountry { prefix: "44", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Guernsey", "Isle of Man", "Jersey"] },
    SmsCountry { prefix: "45", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Denmark"] },
    SmsCountry { prefix: "46", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Sweden"] },
    SmsCountry { prefix: "47", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Norway"] },
    SmsCountry { prefix: "48", rate_multiplier: 1, alpha_sender: AlphaSender::Allowed, names: &["Poland"] },
    SmsCountry { prefix: "49", rate_multiplier: 5, alpha_sender: AlphaSender::Allowed, names: &["Germany"] },
    SmsCountry { prefix: "51", rate_multiplier: 5, alpha_sender: AlphaSender::NotAllowed, names: &["Peru"] },
    SmsCountry { prefix: "52", rate_multiplier: 3, alpha_sender: AlphaSender::NotAllowed, names: &["Mexico"] },
    SmsCountry { prefix: "53", rate_multiplier: 2, alpha_sender: AlphaSender::NotAllowed, names: &["Cuba"] },
    SmsCountry { prefix: "54", rate_multiplier: 3, alpha_sender: AlphaSender::NotAllowed, names: &["Argentina"] },
    SmsCountry { prefix: "55", rate_multiplier: 2, alpha_sender: AlphaSender::NotAllowed, names: &["Brazil"] },
    SmsCountry { prefix: "56", rate_multiplier: 2, alpha_sender: AlphaSender::NotAllowed, names: &["Chile"] },
    SmsCountry { prefix: "57", rate_multiplier: 2, alpha_sender: AlphaSender::NotAllowed, names: &["Colombia"] },
    SmsCountry { prefix: "58", rate_multiplier: 2, alpha_sender: AlphaSender::NotAllowed, names: &["Venezuela"] },
    SmsCountry { prefix: "60", rate_multiplier: 7, alpha_sender: AlphaSender::NotAllowed, names: &["Malaysia"] },
    SmsCountry { prefix: "61", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Australia"] },
    SmsCountry { prefix: "62", rate_multiplier: 12, alpha_sender: AlphaSender::Registered, names: &["Indonesia"] },
    SmsCountry { prefix: "63", rate_multiplier: 5, alpha_sender: AlphaSender::Registered, names: &["Philippines"] },
    SmsCountry { prefix: "64", rate_multiplier: 2, alpha_sender: AlphaSender::NotAllowed, names: &["New Zealand"] },
    SmsCountry { prefix: "65", rate_multiplier: 2, alpha_sender: AlphaSender::Registered, names: &["Singapore"] },
    SmsCountry { prefix: "66", rate_multiplier: 1, alpha_sender: AlphaSender::Registered, names: &["Thailand"] },
    SmsCountry { prefix: "81", rate_multiplier: 2, alpha_sender: AlphaSender::NotAllowed, names: &["Japan"] },
    SmsCountry { prefix: "82", rate_multiplier: 1, alpha_sender: AlphaSender::NotAllowed, names: &["Korea, Republic of"] },
    SmsCountry { prefix: "84", rate_multiplier: 4, alpha_sender: AlphaSender::Registered, names: &["Vietnam"] },
    SmsCountry { prefix: "86", rate_multiplier: 1, alpha_sender: AlphaSender::NotAllowed, names: &["China"] },
    SmsCountry { prefix: "90", rate_multiplier: 1, alpha_sender: AlphaSender::Registered, names: &["Turkey", "Northern Cyprus"] },
    SmsCountry { prefix: "91", rate_multiplier: 2, alpha_sender: AlphaSender::Registered, names: &["India"] },
    SmsCountry { prefix: "92", rate_multiplier: 12, alpha_sender: AlphaSender::Allowed, names: &["Pakistan"] },
    SmsCountry { prefix: "93", rate_multiplier: 10, alpha_sender: AlphaSender::Registered, names: &["Afghanistan"] },
    SmsCountry { prefix: "94", rate_multiplier: 12, alpha_sender: AlphaSender::Allowed, names: &["Sri Lanka"] },
    SmsCountry { prefix: "95", rate_multiplier: 9, alpha_sender: AlphaSender::Registered, names: &["Myanmar"] },
    SmsCountry { prefix: "98", rate_multiplier: 6, alpha_sender: AlphaSender::NotAllowed, names: &["Iran"] },
    SmsCountry { prefix: "211", rate_multiplier: 8, alpha_sender: AlphaSender::Unknown, names: &["South Sudan"] },
    SmsCountry { prefix: "212", rate_multiplier: 6, alpha_sender: AlphaSender::Registered, names: &["Morocco"] },
    SmsCountry { prefix: "213", rate_multiplier: 6, alpha_sender: AlphaSender::Registered, names: &["Algeria"] },
    SmsCountry { prefix: "216", rate_multiplier: 9, alpha_sender: AlphaSender::Allowed, names: &["Tunisia"] },
    SmsCountry { prefix: "218", rate_multiplier: 9, alpha_sender: AlphaSender::NotAllowed, names: &["Libya"] },
    SmsCountry { prefix: "220", rate_multiplier: 4, alpha_sender: AlphaSender::Allowed, names: &["Gambia"] },
    SmsCountry { prefix: "221", rate_multiplier: 7, alpha_sender: AlphaSender::Allowed, names: &["Senegal"] },
    SmsCountry { prefix: "222", rate_multiplier: 6, alpha_sender: AlphaSender::Unknown, names: &["Mauritania"] },
    SmsCountry { prefix: "223", rate_multiplier: 7, alpha_sender: AlphaSender::Allowed, names: &["Mali"] },
    SmsCountry { prefix: "224", rate_multiplier: 6, alpha_sender: AlphaSender::Allowed, names: &["Guinea"] },
    SmsCountry { prefix: "225", rate_multiplier: 10, alpha_sender: AlphaSender::Allowed, names: &["Cote d'Ivoire"] },
    SmsCountry { prefix: "226", rate_multiplier: 4, alpha_sender: AlphaSender::Allowed, names: &["Burkina Faso"] },
    SmsCountry { prefix: "227", rate_multiplier: 8, alpha_sender: AlphaSender::Allowed, names: &["Niger"] },
    SmsCountry { prefix: "228", rate_multiplier: 7, alpha_sender: AlphaSender::Unknown, names: &["Togo"] },
    SmsCountry { prefix: "229", rate_multiplier: 7, alpha_sender: AlphaSender::Unknown, names: &["Benin"] },
    SmsCountry { prefix: "230", rate_multiplier: 4, alpha_sender: AlphaSender::Allowed, names: &["Mauritius"] },
    SmsCountry { prefix: "231", rate_multiplier: 6, alpha_sender: AlphaSender::Unknown, names: &["Liberia"] },
    SmsCountry { prefix: "232", rate_multiplier: 5, alpha_sender: AlphaSender::Allowed, names: &["Sierra Leone"] },
    SmsCountry { prefix: "233", rate_multiplier: 8, alpha_sender: AlphaSender::Allowed, names: &["Ghana"] },
    SmsCountry { prefix: "234", rate_multiplier: 8, alpha_sender: AlphaSender::Registered, names: &["Nigeria"] },
    SmsCountry { prefix: "235", rate_multiplier: 6, alpha_sender: AlphaSender::Allowed, names: &["Chad"] },
    SmsCountry { prefix: "236", rate_multiplier: 7, alpha_sender: AlphaSender::Unknown, names: &["Central African Republic"] },
    SmsCountry { prefix: "237", rate_multiplier: 5, alpha_sender: AlphaSender::Allowed, names: &["Cameroon"] },
    SmsCountry { prefix: "238", rate_multiplier: 5, alpha_sender: AlphaSender::Unknown, names: &["Cape Verde"] },
    SmsCountry { prefix: "239", rate_multiplier: 1, alpha_sender: AlphaSender::Unknown, names: &["Sao Tome and Principe"] },
    SmsCountry { prefix: "240", rate_multiplier: 6, alpha_sender: AlphaSender::Unknown, names: &["Equatorial Guinea"] },
    SmsCountry { prefix: "241", rate_multiplier: 8, alpha_sender: AlphaSender::Allowed, names: &["Gabon"] },
    SmsCountry { prefix: "242", rate_multiplier: 7, alpha_sender: AlphaSender::Allowed, names: &["Congo"] },
    SmsCountry { prefix: "243", rate_multiplier: 5, alpha_sender: AlphaSender::Allowed, names: &["Congo, Democratic Republic of"] },
    SmsCountry { prefix: "244", rate_multiplier: 3, alpha_sender: AlphaSender::Allowed, names: &["Angola"] },
    SmsCountry { prefix: "245", rate_multiplier: 8, alpha_sender: AlphaSender::Unknown, names: &["Guinea-Bissau"] },
    SmsCountry { prefix: "246", rate_multiplier: 2, alpha_sender: AlphaSender::Unknown, names: &["British Indian Ocean Territory"] },
    SmsCountry { prefix: "248", rate_multiplier: 4, alpha_sender: AlphaSender::Allowed, names: &["Seychelles"] },
    SmsCountry { prefix: "249", rate_multiplier: 8, alpha_sender: AlphaSender::Unknown, names: &["Sudan"] },
    SmsCountry { prefix: "250", rate_multiplier: 8, alpha_sender: AlphaSender::Allowed, names: &["Rwanda, Republic of"] },
    SmsCountry { prefix: "251", rate_multiplier: 9, alpha_sender: AlphaSender::Allowed, names: &["Ethiopia"] },
    SmsCountry { prefix: "252", rate_multiplier: 5, alpha_sender: AlphaSender::Unknown, names: &["Somalia"] },
    SmsCountry { prefix: "253", rate_multiplier: 4, alpha_sender: AlphaSender::Unknown, names: &["Djibouti, Republic of"] },
    SmsCountry { prefix: "254", rate_multiplier: 3, alpha_sender: AlphaSender::Registered, names: &["Kenya"] },
    SmsCountry { prefix: "255", rate_multiplier: 7, alpha_sender: AlphaSender::Allowed, names: &["Tanzania"] },
    SmsCountry { prefix: "256", rate_multiplier: 7, alpha_sender: AlphaSender::Registered, names: &["Uganda"] },
    SmsCountry { prefix: "257", rate_multiplier: 8, alpha_sender: AlphaSender::Unknown, names: &["Burundi"] },
    SmsCountry { prefix: "258", rate_multiplier: 4, alpha_sender: AlphaSender::Allowed, names: &["Mozambique"] },
    SmsCountry { prefix: "260", rate_multiplier: 8, alpha_sender: AlphaSender::Allowed, names: &["Zambia"] },
    SmsCountry { prefix: "261", rate_multiplier: 12, alpha_sender: AlphaSender::Allowed, names: &["Madagascar"] },
    SmsCountry { prefix: "262", rate_multiplier: 3, alpha_sender: AlphaSender::Unknown, names: &["Mayotte", "Reunion"] },
    SmsCountry { prefix: "263", rate_multiplier: 5, alpha_sender: AlphaSender::Allowed, names: &["Zimbabwe"] },
    SmsCountry { prefix: "264", rate_multiplier: 1, alpha_sender: AlphaSender::Registered, names: &["Namibia"] },
    SmsCountry { prefix: "265", rate_multiplier: 8, alpha_sender: AlphaSender::Allowed, names: &["Malawi"] },
    SmsCountry { prefix: "266", rate_multiplier: 3, alpha_sender: AlphaSender::Unknown, names: &["Lesotho"] },
    SmsCountry { prefix: "267", rate_multiplier: 3, alpha_sender: AlphaSender::Allowed, names: &["Botswana"] },
    SmsCountry { prefix: "268", rate_multiplier: 7, alpha_sender: AlphaSender::Allowed, names: &["Eswatini"] },
    SmsCountry { prefix: "269", rate_multiplier: 7, alpha_sender: AlphaSender::Unknown, names: &["Comoros"] },
    SmsCountry { prefix: "291", rate_multiplier: 3, alpha_sender: AlphaSender::Allowed, names: &["Eritrea"] },
    SmsCountry { prefix: "297", rate_multiplier: 3, alpha_sender: AlphaSender::Unknown, names: &["Aruba"] },
    SmsCountry { prefix: "298", rate_multiplier: 2, alpha_sender: AlphaSender::Unknown, names: &["Faroe Islands"] },
    SmsCountry { prefix: "299", rate_multiplier: 1, alpha_sender: AlphaSender::Unknown, names: &["Greenland"] },
    SmsCountry { prefix: "350", rate_multiplier: 2, alpha_sender: AlphaSender::NotAllowed, names: &["Gibraltar"] },
    SmsCountry { prefix: "351", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Portugal"] },
    SmsCountry { prefix: "352", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Luxembourg"] },
    SmsCountry { prefix: "353", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Ireland"] },
    SmsCountry { prefix: "354", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Iceland"] },
    SmsCountry { prefix: "355", rate_multiplier: 3, alpha_sender: AlphaSender::Allowed, names: &["Albania"] },
    SmsCountry { prefix: "356", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Malta"] },
    SmsCountry { prefix: "357", rate_multiplier: 2, alpha_sender: AlphaSender::Registered, names: &["Cyprus"] },
    SmsCountry { prefix: "358", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Finland"] },
    SmsCountry { prefix: "359", rate_multiplier: 4, alpha_sender: AlphaSender::NotAllowed, names: &["Bulgaria"] },
    SmsCountry { prefix: "370", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Lithuania"] },
    SmsCountry { prefix: "371", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Latvia"] },
    SmsCountry { prefix: "372", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Estonia"] },
    SmsCountry { prefix: "373", rate_multiplier: 2, alpha_sender: AlphaSender::NotAllowed, names: &["Moldova"] },
    SmsCountry { prefix: "374", rate_multiplier: 5, alpha_sender: AlphaSender::Registered, names: &["Armenia"] },
    SmsCountry { prefix: "375", rate_multiplier: 6, alpha_sender: AlphaSender::Registered, names: &["Belarus"] },
    SmsCountry { prefix: "376", rate_multiplier: 3, alpha_sender: AlphaSender::Allowed, names: &["Andorra"] },
    SmsCountry { prefix: "377", rate_multiplier: 4, alpha_sender: AlphaSender::NotAllowed, names: &["Monaco"] },
    SmsCountry { prefix: "378", rate_multiplier: 8, alpha_sender: AlphaSender::Unknown, names: &["San Marino, Republic of"] },
    SmsCountry { prefix: "380", rate_multiplier: 5, alpha_sender: AlphaSender::Registered, names: &["Ukraine"] },
    SmsCountry { prefix: "381", rate_multiplier: 7, alpha_sender: AlphaSender::Registered, names: &["Serbia"] },
    SmsCountry { prefix: "382", rate_multiplier: 4, alpha_sender: AlphaSender::Registered, names: &["Montenegro"] },
    SmsCountry { prefix: "383", rate_multiplier: 5, alpha_sender: AlphaSender::Unknown, names: &["Kosovo"] },
    SmsCountry { prefix: "385", rate_multiplier: 2, alpha_sender: AlphaSender::Registered, names: &["Croatia"] },
    SmsCountry { prefix: "386", rate_multiplier: 4, alpha_sender: AlphaSender::Registered, names: &["Slovenia"] },
    SmsCountry { prefix: "387", rate_multiplier: 3, alpha_sender: AlphaSender::Registered, names: &["Bosnia and Herzegovina"] },
    SmsCountry { prefix: "389", rate_multiplier: 1, alpha_sender: AlphaSender::Allowed, names: &["Macedonia"] },
    SmsCountry { prefix: "420", rate_multiplier: 2, alpha_sender: AlphaSender::Registered, names: &["Czech Republic"] },
    SmsCountry { prefix: "421", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Slovakia"] },
    SmsCountry { prefix: "423", rate_multiplier: 1, alpha_sender: AlphaSender::Allowed, names: &["Liechtenstein"] },
    SmsCountry { prefix: "500", rate_multiplier: 3, alpha_sender: AlphaSender::Allowed, names: &["Falkland Islands"] },
    SmsCountry { prefix: "501", rate_multiplier: 5, alpha_sender: AlphaSender::Allowed, names: &["Belize"] },
    SmsCountry { prefix: "502", rate_multiplier: 5, alpha_sender: AlphaSender::NotAllowed, names: &["Guatemala"] },
    SmsCountry { prefix: "503", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["El Salvador"] },
    SmsCountry { prefix: "504", rate_multiplier: 5, alpha_sender: AlphaSender::Unknown, names: &["Honduras"] },
    SmsCountry { prefix: "505", rate_multiplier: 4, alpha_sender: AlphaSender::Unknown, names: &["Nicaragua"] },
    SmsCountry { prefix: "506", rate_multiplier: 1, alpha_sender: AlphaSender::Allowed, names: &["Costa Rica"] },
    SmsCountry { prefix: "507", rate_multiplier: 4, alpha_sender: AlphaSender::NotAllowed, names: &["Panama"] },
    SmsCountry { prefix: "508", rate_multiplier: 4, alpha_sender: AlphaSender::Unknown, names: &["Saint Pierre and Miquelon"] },
    SmsCountry { prefix: "509", rate_multiplier: 8, alpha_sender: AlphaSender::Unknown, names: &["Haiti"] },
    SmsCountry { prefix: "590", rate_multiplier: 4, alpha_sender: AlphaSender::NotAllowed, names: &["Guadeloupe"] },
    SmsCountry { prefix: "591", rate_multiplier: 4, alpha_sender: AlphaSender::Allowed, names: &["Bolivia"] },
    SmsCountry { prefix: "592", rate_multiplier: 6, alpha_sender: AlphaSender::Allowed, names: &["Guyana"] },
    SmsCountry { prefix: "593", rate_multiplier: 4, alpha_sender: AlphaSender::NotAllowed, names: &["Ecuador"] },
    SmsCountry { prefix: "594", rate_multiplier: 4, alpha_sender: AlphaSender::Unknown, names: &["French Guiana"] },
    SmsCountry { prefix: "595", rate_multiplier: 3, alpha_sender: AlphaSender::Unknown, names: &["Paraguay"] },
    SmsCountry { prefix: "596", rate_multiplier: 4, alpha_sender: AlphaSender::Unknown, names: &["Martinique"] },
    SmsCountry { prefix: "597", rate_multiplier: 6, alpha_sender: AlphaSender::Unknown, names: &["Suriname"] },
    SmsCountry { prefix: "598", rate_multiplier: 2, alpha_sender: AlphaSender::NotAllowed, names: &["Uruguay"] },
    SmsCountry { prefix: "599", rate_multiplier: 7, alpha_sender: AlphaSender::Allowed, names: &["Curacao (former Netherlands Antilles)"] },
    SmsCountry { prefix: "670", rate_multiplier: 5, alpha_sender: AlphaSender::Unknown, names: &["Timor L'este"] },
    SmsCountry { prefix: "672", rate_multiplier: 2, alpha_sender: AlphaSender::Unknown, names: &["Norfolk Island"] },
    SmsCountry { prefix: "673", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Brunei Darussalam"] },
    SmsCountry { prefix: "674", rate_multiplier: 6, alpha_sender: AlphaSender::Unknown, names: &["Nauru"] },
    SmsCountry { prefix: "675", rate_multiplier: 6, alpha_sender: AlphaSender::Allowed, names: &["Papua New Guinea"] },
    SmsCountry { prefix: "676", rate_multiplier: 4, alpha_sender: AlphaSender::Unknown, names: &["Tonga"] },
    SmsCountry { prefix: "677", rate_multiplier: 2, alpha_sender: AlphaSender::Unknown, names: &["Solomon Islands"] },
    SmsCountry { prefix: "678", rate_multiplier: 4, alpha_sender: AlphaSender::Unknown, names: &["Vanuatu"] },
    SmsCountry { prefix: "679", rate_multiplier: 5, alpha_sender: AlphaSender::Allowed, names: &["Fiji"] },
    SmsCountry { prefix: "680", rate_multiplier: 2, alpha_sender: AlphaSender::Unknown, names: &["Palau"] },
    SmsCountry { prefix: "681", rate_multiplier: 2, alpha_sender: AlphaSender::Allowed, names: &["Wallis and Futuna"] },
    SmsCountry { prefix: "682", rate_multiplier: 4, alpha_sender: AlphaSender::Unknown, names: &["Cook Islands"] },
    SmsCountry { prefix: "683", rate_multiplier: 8, alpha_sender: AlphaSender::Allowed, names: &["Niue"] },
    SmsCountry { prefix: "685", rate_multiplier: 5, alpha_sender: AlphaSender::Unknown, names: &["Samoa"] },
    SmsCountry { prefix: "686", rate_multiplier: 1, alpha_sender: AlphaSender::Allowed, names: &["Kiribati"] },
    SmsCountry { prefix: "687", rate_multiplier: 3, alpha_sender: AlphaSender::Allowed, names: &["New Caledonia"] },
    SmsCountry { prefix: "689", rate_multiplier: 3, alpha_sender: AlphaSender::Allowed, names: &["French Polynesia"] },
    SmsCountry { prefix: "690", rate_multiplier: 8, alpha_sender: AlphaSender::Allowed, names: &["Tokelau"] },
    SmsCountry { prefix: "691", rate_multiplier: 2, alpha_sender: AlphaSender::Unknown, names: &["Micronesia, Federated States of"] },
    SmsCountry { prefix: "692", rate_multiplier: 2, alpha_sender: AlphaSender::Unknown, names: &["Marshall Islands"] },
    SmsCountry { prefix: "852", rate_multiplier: 2, alpha_sender: AlphaSender::Registered, names: &["Hong Kong"] },
    SmsCountry { prefix: "853", rate_multiplier: 1, alpha_sender: AlphaSender::Allowed, names: &["Macau"] },
    SmsCountry { prefix: "855", rate_multiplier: 8, alpha_sender: AlphaSender::NotAllowed, names: &["Cambodia"] },
    SmsCountry { prefix: "856", rate_multiplier: 8, alpha_sender: AlphaSender::NotAllowed, names: &["Laos"] },
    SmsCountry { prefix: "880", rate_multiplier: 9, alpha_sender: AlphaSender::Allowed, names: &["Bangladesh"] },
    SmsCountry { prefix: "886", rate_multiplier: 2, alpha_sender: AlphaSender::NotAllowed, names: &["Taiwan"] },
    SmsCountry { prefix: "960", rate_multiplier: 6, alpha_sender: AlphaSender::Unknown, names: &["Maldives"] },
    SmsCountry { prefix: "961", rate_multiplier: 9, alpha_sender: AlphaSender::NotAllowed, names: &["Lebanon"] },
    SmsCountry { prefix: "962", rate_multiplier: 8, alpha_sender: AlphaSender::Allowed, names: &["Jordan"] },
    SmsCountry { prefix: "963", rate_multiplier: 9, alpha_sender: AlphaSender::NotAllowed, names: &["Syria"] },
    SmsCountry { prefix: "964", rate_multiplier: 9, alpha_sender: AlphaSender::Allowed, names: &["Iraq"] },
    SmsCountry { prefix: "965", rate_multiplier: 7, alpha_sender: AlphaSender::Registered, names: &["Kuwait"] },
    SmsCountry { prefix: "966", rate_multiplier: 5, alpha_sender: AlphaSender::Allowed, names: &["Saudi Arabia"] },
    SmsCountry { prefix: "967", rate_multiplier: 6, alpha_sender: AlphaSender::Unknown, names: &["Yemen"] },
    SmsCountry { prefix: "968", rate_multiplier: 4, alpha_sender: AlphaSender::Registered, names: &["Oman"] },
    SmsCountry { prefix: "970", rate_multiplier: 9, alpha_sender: AlphaSender::Unknown, names: &["Palestinian Territory"] },
    SmsCountry { prefix: "971", rate_multiplier: 3, alpha_sender: AlphaSender::Registered, names: &["United Arab Emirates"] },
    SmsCountry { prefix: "972", rate_multiplier: 6, alpha_sender: AlphaSender::Allowed, names: &["Israel"] },
    SmsCountry { prefix: "973", rate_multiplier: 3, alpha_sender: AlphaSender::Allowed, names: &["Bahrain"] },
    SmsCountry { prefix: "974", rate_multiplier: 6, alpha_sender: AlphaSender::Registered, names: &["Qatar"] },
    SmsCountry { prefix: "975", rate_multiplier: 10, alpha_sender: AlphaSender::Unknown, names: &["Bhutan"] },
    SmsCountry { prefix: "976", rate_multiplier: 7, alpha_sender: AlphaSender::NotAllowed, names: &["Mongolia"] },
    SmsCountry { prefix: "977", rate_multiplier: 8, alpha_sender: AlphaSender::NotAllowed, names: &["Nepal"] },
    SmsCountry { prefix: "992", rate_multiplier: 10, alpha_sender: AlphaSender::Allowed, names: &["Tajikistan"] },
    SmsCountry { prefix: "993", rate_multiplier: 7, alpha_sender: AlphaSender::Unknown, names: &["Turkmenistan"] },
    SmsCountry { prefix: "994", rate_multiplier: 9, alpha_sender: AlphaSender::Allowed, names: &["Azerbaijan"] },
    SmsCountry { prefix: "995", rate_multiplier: 4, alpha_sender: AlphaSender::Registered, names: &["Georgia"] },
    SmsCountry { prefix: "996", rate_multiplier: 8, alpha_sender: AlphaSender::Allowed, names: &["Kyrgyzstan"] },
    SmsCountry { prefix: "998", rate_multiplier: 12, alpha_sender: AlphaSender::Registered, names: &["Uzbekistan"] },
    SmsCountry { prefix: "1242", rate_multiplier: 3, alpha_sender: AlphaSender::NotAllowed, names: &["Bahamas"] },
    SmsCountry { prefix: "1246", rate_multiplier: 7, alpha_sender: AlphaSender::NotAllowed, names: &["Barbados"] },
    SmsCountry { prefix: "1264", rate_multiplier: 6, alpha_sender: AlphaSender::Allowed, names: &["Anguilla"] },
    SmsCountry { prefix: "1268", rate_multiplier: 5, alpha_sender: AlphaSender::Allowed, names: &["Antigua and Barbuda"] },
    SmsCountry { prefix: "1284", rate_multiplier: 5, alpha_sender: AlphaSender::Allowed, names: &["Virgin Islands, British"] },
    SmsCountry { prefix: "1345", rate_multiplier: 6, alpha_sender: AlphaSender::Allowed, names: &["Cayman Islands"] },
    SmsCountry { prefix: "1441", rate_multiplier: 7, alpha_sender: AlphaSender::Unknown, names: &["Bermuda"] },
    SmsCountry { prefix: "1473", rate_multiplier: 6, alpha_sender: AlphaSender::Allowed, names: &["Grenada"] },
    SmsCountry { prefix: "1649", rate_multiplier: 6, alpha_sender: AlphaSender::Allowed, names: &["Turks and Caicos Islands"] },
    SmsCountry { prefix: "1664", rate_multiplier: 6, alpha_sender: AlphaSender::NotAllowed, names: &["Montserrat"] },
    SmsCountry { prefix: "1684", rate_multiplier: 2, alpha_sender: AlphaSender::NotAllowed, names: &["American Samoa"] },
    SmsCountry { prefix: "1721", rate_multiplier: 2, alpha_sender: AlphaSender::Unknown, names: &["Sint Maarten"] },
    SmsCountry { prefix: "1758", rate_multiplier: 7, alpha_sender: AlphaSender::Allowed, names: &["Saint Lucia"] },
    SmsCountry { prefix: "1767", rate_multiplier: 7, alpha_sender: AlphaSender::Allowed, names: &["Dominica, Commonwealth of"] },
    SmsCountry { prefix: "1784", rate_multiplier: 7, alpha_sender: AlphaSender::Allowed, names: &["Saint Vincent and The Grenadines"] },
    SmsCountry { prefix: "1809", rate_multiplier: 3, alpha_sender: AlphaSender::NotAllowed, names: &["Dominican Republic"] },
    SmsCountry { prefix: "1829", rate_multiplier: 3, alpha_sender: AlphaSender::NotAllowed, names: &["Dominican Republic"] },
    SmsCountry { prefix: "1849", rate_multiplier: 3, alpha_sender: AlphaSender::NotAllowed, names: &["Dominican Republic"] },
    SmsCountry { prefix: "1868", rate_multiplier: 7, alpha_sender: AlphaSender::Unknown, names: &["Trinidad and Tobago"] },
    SmsCountry { prefix: "1869", rate_multiplier: 6, alpha_sender: AlphaSender::Allowed, names: &["Saint Kitts and Nevis"] },
    SmsCountry { prefix: "1876", rate_multiplier: 7, alpha_sender: AlphaSender::Allowed, names: &["Jamaica"] },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn montserrat_has_its_own_north_american_entry() {
        let montserrat = SmsCountry::for_prefix("1664").unwrap();
        assert_eq!(montserrat.rate_multiplier, 6);
        assert_eq!(
            SmsCountry::for_prefix("1").unwrap().alpha_sender,
            AlphaSender::NotAllowed
        );
    }

    #[test]
    fn ascension_island_is_not_reachable() {
        assert!(SmsCountry::for_prefix("247").is_none());
    }
}
