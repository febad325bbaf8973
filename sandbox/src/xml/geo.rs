//! Numbers as the XML API sees them: country code, toll-free or local, state, region (city),
//! locality (rate center) and prefixes (area codes, overlays included), derived from the seeded
//! inventory the v4 family sells (`crate::v4::inventory`), so both families offer the same
//! numbers and a number sold by one is gone from the other.

use super::envelope::El;
use serde_json::Value;

/// Area codes serving the same geography (overlays): a number of any of them belongs to all.
const OVERLAYS: &[&[&str]] = &[
    &["212", "646", "917", "332"],
    &["213", "323"],
    &["310", "424"],
    &["415", "628"],
    &["416", "647"],
    &["604", "778"],
];

/// v4 city -> (region, localities). A number's locality is picked from the list by its digits.
const REGIONS: &[(&str, &str, &[&str])] = &[
    (
        "San Diego",
        "San Diego",
        &["San Diego", "Poway", "Rancho Bernardo"],
    ),
    ("La Jolla", "San Diego", &["La Jolla"]),
    ("Chula Vista", "San Diego", &["Chula Vista"]),
    ("Los Angeles", "Los Angeles", &["Los Angeles", "Hollywood"]),
    ("Santa Monica", "Los Angeles", &["Santa Monica"]),
    ("New York", "New York", &["New York City"]),
    ("Brooklyn", "New York", &["Brooklyn"]),
    ("Queens", "New York", &["Queens"]),
    ("Chicago", "Chicago", &["Chicago", "Evanston"]),
    ("Boston", "Boston", &["Boston", "Cambridge"]),
    ("Seattle", "Seattle", &["Seattle", "Bellevue"]),
    ("Dallas", "Dallas", &["Dallas", "Irving"]),
    ("Phoenix", "Phoenix", &["Phoenix", "Tempe"]),
];

/// State and province names.
const STATE_NAMES: &[(&str, &str)] = &[
    ("AB", "Alberta"),
    ("AZ", "Arizona"),
    ("BC", "British Columbia"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("IL", "Illinois"),
    ("MA", "Massachusetts"),
    ("NV", "Nevada"),
    ("NY", "New York"),
    ("ON", "Ontario"),
    ("QC", "Quebec"),
    ("TX", "Texas"),
    ("WA", "Washington"),
    ("National", "National"),
];

/// Supported country codes and names.
pub const COUNTRIES: &[(&str, &str)] =
    &[("1", "United States and Canada"), ("44", "United Kingdom")];

/// The state (or province) name of `code`.
pub fn state_name(code: &str) -> &str {
    STATE_NAMES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, n)| n)
}

/// One number with its XML API geography.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Num {
    /// `+18585551234`.
    pub e164: String,
    /// The friendly format, e.g. `(858) 555-1234`.
    pub human: String,
    /// `1` or `44`.
    pub country_code: String,
    /// Toll-free (`type=TF`) or local.
    pub toll_free: bool,
    /// Two-letter state or province, or `National`.
    pub state: String,
    /// Region (large city), or `National`.
    pub region: String,
    /// Locality (rate center name), or `National`.
    pub locality: String,
    /// Rate center id, e.g. `LA_JOLLA_CA` (empty for toll-free).
    pub rate_center: String,
    /// The prefixes (area codes) the number belongs to, overlays included.
    pub prefixes: Vec<String>,
    /// Monthly fee in USD, e.g. `1.99`.
    pub cost: String,
    /// Premium setup fee in USD, where applicable.
    pub setup_fee: Option<u64>,
    /// `inventory` or `SMS/800` (real-time toll-free search).
    pub source: &'static str,
}

/// `Poway` + `CA` -> `POWAY_CA`.
pub fn rate_center(locality: &str, state: &str) -> String {
    let name: String = locality
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    if state == "National" {
        name
    } else {
        format!("{name}_{state}")
    }
}

/// The prefixes of area code `npa`: its overlay group, or itself.
pub fn prefixes_of(npa: &str) -> Vec<String> {
    OVERLAYS
        .iter()
        .find(|g| g.contains(&npa))
        .map(|g| g.iter().map(|s| s.to_string()).collect())
        .unwrap_or_else(|| vec![npa.to_string()])
}

/// The XML view of a v4 inventory item; `None` for quote-only numbers (not sold by the XML API).
pub fn from_v4(item: &Value) -> Option<Num> {
    let s = |k: &str| item[k].as_str().unwrap_or("").to_string();
    let price = item["price"].as_u64()?;
    let e164 = s("phone_number");
    let toll_free = item["is_toll_free"] == true;
    let country_code = s("country_code");
    let national = || "National".to_string();
    let (state, region, locality, prefixes) = if toll_free {
        (national(), national(), national(), vec![s("npa")])
    } else if country_code == "1" {
        let city = s("city");
        let (region, localities) = REGIONS
            .iter()
            .find(|(c, _, _)| *c == city)
            .map_or((city.clone(), vec![city.clone()]), |(_, r, l)| {
                (r.to_string(), l.iter().map(|x| x.to_string()).collect())
            });
        let pick = e164.bytes().fold(0usize, |a, b| a * 31 + b as usize) % localities.len();
        (
            s("province"),
            region,
            localities[pick].clone(),
            prefixes_of(&s("npa")),
        )
    } else {
        let city = s("city");
        let local = &e164[1 + country_code.len()..];
        let area = ["20", "161", "121"]
            .into_iter()
            .find(|a| local.starts_with(a))
            .unwrap_or("")
            .to_string();
        (national(), city.clone(), city, vec![area])
    };
    let rate_center = if toll_free {
        String::new()
    } else {
        rate_center(&locality, &state)
    };
    let cost = match (toll_free, country_code.as_str()) {
        (true, _) => "4.99",
        (false, "1") => "1.99",
        _ => "3.99",
    };
    Some(Num {
        human: s("formatted"),
        e164,
        country_code,
        toll_free,
        state,
        region,
        locality,
        rate_center,
        prefixes,
        cost: cost.into(),
        setup_fee: (price > 149).then_some(price),
        source: "inventory",
    })
}

impl Num {
    /// The number's digits without `+`, country code included.
    pub fn digits(&self) -> &str {
        &self.e164[1..]
    }

    /// The row of `getPhoneNumberInventory`.
    pub fn inventory_row(&self) -> El {
        let mut row = El::new("phoneNumber")
            .leaf("phoneNumber", &self.e164)
            .leaf("humanReadable", &self.human)
            .leaf("type", if self.toll_free { "TF" } else { "local" })
            .leaf("countryCode", &self.country_code)
            .leaf("state", &self.state)
            .leaf("region", &self.region)
            .leaf("locality", &self.locality)
            .child(El::text("rateCenter", &self.rate_center))
            .leaf("prefix", self.prefixes.first().cloned().unwrap_or_default())
            .leaf("cost", &self.cost);
        if let Some(fee) = self.setup_fee {
            row = row.leaf("setupFee", format!("{fee}.00"));
        }
        if self.source != "inventory" {
            row = row.leaf("source", self.source);
        }
        row
    }
}

/// The keypad digit of a letter (`A`-`Z`).
pub fn keypad(c: char) -> Option<char> {
    let d = match c.to_ascii_uppercase() {
        'A'..='C' => '2',
        'D'..='F' => '3',
        'G'..='I' => '4',
        'J'..='L' => '5',
        'M'..='O' => '6',
        'P'..='S' => '7',
        'T'..='V' => '8',
        'W'..='Z' => '9',
        _ => return None,
    };
    Some(d)
}

/// A search pattern as digits and `*`: letters become keypad digits; a leading `+` is dropped.
pub fn normalize_pattern(p: &str) -> Result<String, String> {
    let p = p.trim();
    let p = p.strip_prefix('+').unwrap_or(p);
    let mut out = String::new();
    for c in p.chars() {
        match c {
            '0'..='9' | '*' => out.push(c),
            c if c.is_ascii_alphabetic() => out.push(keypad(c).unwrap_or('*')),
            _ => {
                return Err(format!(
                    "Invalid pattern: only digits, letters A-Z and * are allowed (got `{p}`)"
                ))
            }
        }
    }
    if out.is_empty() || out.len() > 15 {
        return Err("Invalid pattern: 1 to 15 digits, letters or *".into());
    }
    Ok(out)
}

/// Whether `digits` contains a run matching `pattern` (digits and `*`, one digit each).
pub fn pattern_matches(pattern: &str, digits: &str) -> bool {
    let (p, d) = (pattern.as_bytes(), digits.as_bytes());
    p.len() <= d.len()
        && (0..=d.len() - p.len()).any(|i| {
            p.iter()
                .zip(&d[i..])
                .all(|(pc, dc)| *pc == b'*' || pc == dc)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::v4::inventory::Inventory;

    #[test]
    fn patterns() {
        assert!(normalize_pattern("1-800")
            .unwrap_err()
            .contains("only digits"));
        assert_eq!(normalize_pattern("FLOWERS").unwrap(), "3569377");
        assert_eq!(normalize_pattern("+1212*****").unwrap(), "1212*****");
        assert!(pattern_matches("1212*****", "12125551234"));
        assert!(!pattern_matches("1212*****", "18581212555"));
        assert!(pattern_matches("3569377", "18883569377"));
        assert!(!pattern_matches("123456789012", "1234"));
    }

    #[test]
    fn geography_of_the_seeded_inventory() {
        let inv = Inventory::generate(1);
        let nums: Vec<Num> = inv.items().iter().filter_map(from_v4).collect();
        assert!(nums.len() > 1900);
        let ny = nums.iter().find(|n| n.e164.starts_with("+1646")).unwrap();
        assert!(ny.prefixes.contains(&"212".to_string()) && ny.state == "NY");
        let tf = nums.iter().find(|n| n.toll_free).unwrap();
        assert_eq!(
            (tf.state.as_str(), tf.rate_center.as_str()),
            ("National", "")
        );
        let uk = nums.iter().find(|n| n.country_code == "44").unwrap();
        assert_eq!(uk.state, "National");
        assert!(["20", "161", "121"].contains(&uk.prefixes[0].as_str()));
        assert!(nums
            .iter()
            .any(|n| n.locality == "Poway" && n.rate_center == "POWAY_CA"));
        assert!(nums.iter().any(|n| n.setup_fee.is_some()));
    }
}
