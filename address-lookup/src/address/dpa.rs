//! The Royal Mail view of an address (a Delivery Point Address from the PAF).

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::label::{is_number_like, push};

/// A Delivery Point Address: the address as Royal Mail delivers to it. Empty strings stand
/// for absent fields, as in AddressBase.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Dpa {
    /// Organisation name.
    pub organisation_name: CompactString,
    /// Department name.
    pub department_name: CompactString,
    /// PO Box number.
    pub po_box_number: CompactString,
    /// Sub-building name, such as `FLAT 2`.
    pub sub_building_name: CompactString,
    /// Building name, such as `THE MALTINGS`.
    pub building_name: CompactString,
    /// Building number.
    pub building_number: Option<u32>,
    /// Dependent thoroughfare (a street within a street).
    pub dependent_thoroughfare: CompactString,
    /// Thoroughfare (street).
    pub thoroughfare: CompactString,
    /// Double dependent locality.
    pub double_dependent_locality: CompactString,
    /// Dependent locality.
    pub dependent_locality: CompactString,
    /// Post town.
    pub post_town: CompactString,
}

impl Dpa {
    /// The address lines by Royal Mail's rules, without the postcode.
    ///
    /// The building number shares the line of the first thoroughfare; a sub-building or
    /// building name that is number-like (`12A`, `1-3`) shares the line of what follows it.
    pub fn lines(&self) -> Vec<String> {
        self.view().lines()
    }

    /// The same fields borrowed.
    pub fn view(&self) -> DpaRef<'_> {
        DpaRef {
            organisation_name: &self.organisation_name,
            department_name: &self.department_name,
            po_box_number: &self.po_box_number,
            sub_building_name: &self.sub_building_name,
            building_name: &self.building_name,
            building_number: self.building_number,
            dependent_thoroughfare: &self.dependent_thoroughfare,
            thoroughfare: &self.thoroughfare,
            double_dependent_locality: &self.double_dependent_locality,
            dependent_locality: &self.dependent_locality,
            post_town: &self.post_town,
        }
    }
}

/// A [`Dpa`] borrowed: the same fields as `&str`, such as an index's addresses read in place
/// ([`crate::index::IndexedAddress::view`]) without allocating.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DpaRef<'a> {
    /// Organisation name.
    pub organisation_name: &'a str,
    /// Department name.
    pub department_name: &'a str,
    /// PO Box number.
    pub po_box_number: &'a str,
    /// Sub-building name, such as `FLAT 2`.
    pub sub_building_name: &'a str,
    /// Building name, such as `THE MALTINGS`.
    pub building_name: &'a str,
    /// Building number.
    pub building_number: Option<u32>,
    /// Dependent thoroughfare (a street within a street).
    pub dependent_thoroughfare: &'a str,
    /// Thoroughfare (street).
    pub thoroughfare: &'a str,
    /// Double dependent locality.
    pub double_dependent_locality: &'a str,
    /// Dependent locality.
    pub dependent_locality: &'a str,
    /// Post town.
    pub post_town: &'a str,
}

impl DpaRef<'_> {
    /// The fields as an owned [`Dpa`].
    pub fn to_dpa(&self) -> Dpa {
        Dpa {
            organisation_name: self.organisation_name.into(),
            department_name: self.department_name.into(),
            po_box_number: self.po_box_number.into(),
            sub_building_name: self.sub_building_name.into(),
            building_name: self.building_name.into(),
            building_number: self.building_number,
            dependent_thoroughfare: self.dependent_thoroughfare.into(),
            thoroughfare: self.thoroughfare.into(),
            double_dependent_locality: self.double_dependent_locality.into(),
            dependent_locality: self.dependent_locality.into(),
            post_town: self.post_town.into(),
        }
    }

    /// As [`Dpa::lines`].
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        push(&mut lines, self.organisation_name);
        push(&mut lines, self.department_name);
        if !self.po_box_number.is_empty() {
            push(&mut lines, format!("PO BOX {}", self.po_box_number));
        }
        let streets: Vec<&str> = [self.dependent_thoroughfare, self.thoroughfare]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        // What the building line leads into: number + street, or the street, or nothing.
        let mut first_street = match (self.building_number, streets.first()) {
            (Some(n), Some(street)) => format!("{n} {street}"),
            (Some(n), None) => n.to_string(),
            (None, Some(street)) => (*street).to_owned(),
            (None, None) => String::new(),
        };
        let mut pending = Vec::new();
        if !self.sub_building_name.is_empty() {
            pending.push(self.sub_building_name);
        }
        if !self.building_name.is_empty() {
            pending.push(self.building_name);
        }
        // Number-like names at the end of the chain join the line after them.
        while let Some(&last) = pending.last() {
            if is_number_like(last) && !first_street.is_empty() && self.building_number.is_none() {
                first_street = format!("{last} {first_street}");
                pending.pop();
            } else {
                break;
            }
        }
        if let [sub, building] = pending[..]
            && is_number_like(sub)
        {
            pending.clear();
            push(&mut lines, format!("{sub} {building}"));
        }
        for name in pending {
            push(&mut lines, name);
        }
        push(&mut lines, first_street);
        for street in streets.iter().skip(1) {
            push(&mut lines, *street);
        }
        push(&mut lines, self.double_dependent_locality);
        push(&mut lines, self.dependent_locality);
        push(&mut lines, self.post_town);
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dpa() -> Dpa {
        Dpa {
            thoroughfare: "HIGH STREET".into(),
            post_town: "LEEDS".into(),
            ..Dpa::default()
        }
    }

    #[test]
    fn royal_mail_rules() {
        // Rule 2: number only.
        let d = Dpa {
            building_number: Some(1),
            ..dpa()
        };
        assert_eq!(d.lines(), ["1 HIGH STREET", "LEEDS"]);
        // Rule 3: a name on its own line; a number-like name joins the street.
        let d = Dpa {
            building_name: "ROSE COTTAGE".into(),
            ..dpa()
        };
        assert_eq!(d.lines(), ["ROSE COTTAGE", "HIGH STREET", "LEEDS"]);
        let d = Dpa {
            building_name: "12A".into(),
            ..dpa()
        };
        assert_eq!(d.lines(), ["12A HIGH STREET", "LEEDS"]);
        // Rule 4: name and number.
        let d = Dpa {
            building_name: "VICTORIA HOUSE".into(),
            building_number: Some(15),
            ..dpa()
        };
        assert_eq!(d.lines(), ["VICTORIA HOUSE", "15 HIGH STREET", "LEEDS"]);
        // Rule 6: a number-like sub-building joins the building name.
        let d = Dpa {
            sub_building_name: "10B".into(),
            building_name: "BARRY JACKSON TOWER".into(),
            ..dpa()
        };
        assert_eq!(
            d.lines(),
            ["10B BARRY JACKSON TOWER", "HIGH STREET", "LEEDS"]
        );
        // Rule 7: all three, with organisation and dependent thoroughfare.
        let d = Dpa {
            organisation_name: "ACME LTD".into(),
            sub_building_name: "UNIT 2".into(),
            building_name: "THE MILL".into(),
            building_number: Some(3),
            dependent_thoroughfare: "MILL YARD".into(),
            dependent_locality: "HEADINGLEY".into(),
            ..dpa()
        };
        assert_eq!(
            d.lines(),
            [
                "ACME LTD",
                "UNIT 2",
                "THE MILL",
                "3 MILL YARD",
                "HIGH STREET",
                "HEADINGLEY",
                "LEEDS"
            ]
        );
        let d = Dpa {
            po_box_number: "61".into(),
            organisation_name: "ACME".into(),
            thoroughfare: Default::default(),
            ..dpa()
        };
        assert_eq!(d.lines(), ["ACME", "PO BOX 61", "LEEDS"]);
    }
}
