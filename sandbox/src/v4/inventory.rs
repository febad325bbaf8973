//! The seeded inventory of available phone numbers (`GET /phone-numbers/available`).
//! Same seed, same ~2,000 numbers: US and Canadian area codes with their cities, US toll-free
//! prefixes, and UK geographic numbers.

use crate::rng::Rng;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// `(country, npa, cities, province, count)` for North American geographic numbers.
const NANP: &[(&str, &str, &[&str], &str, usize)] = &[
    ("US", "858", &["San Diego", "La Jolla"], "CA", 100),
    ("US", "619", &["San Diego", "Chula Vista"], "CA", 90),
    ("US", "415", &["San Francisco"], "CA", 90),
    ("US", "213", &["Los Angeles"], "CA", 70),
    ("US", "310", &["Los Angeles", "Santa Monica"], "CA", 70),
    ("US", "212", &["New York"], "NY", 90),
    ("US", "646", &["New York"], "NY", 80),
    ("US", "718", &["Brooklyn", "Queens"], "NY", 70),
    ("US", "312", &["Chicago"], "IL", 90),
    ("US", "305", &["Miami"], "FL", 70),
    ("US", "617", &["Boston"], "MA", 70),
    ("US", "206", &["Seattle"], "WA", 70),
    ("US", "512", &["Austin"], "TX", 70),
    ("US", "214", &["Dallas"], "TX", 70),
    ("US", "713", &["Houston"], "TX", 70),
    ("US", "404", &["Atlanta"], "GA", 70),
    ("US", "303", &["Denver"], "CO", 70),
    ("US", "702", &["Las Vegas"], "NV", 60),
    ("US", "602", &["Phoenix"], "AZ", 60),
    ("CA", "604", &["Vancouver"], "BC", 70),
    ("CA", "416", &["Toronto"], "ON", 70),
    ("CA", "514", &["Montreal"], "QC", 60),
    ("CA", "403", &["Calgary"], "AB", 50),
    ("CA", "613", &["Ottawa"], "ON", 50),
];

/// US toll-free prefixes.
const TOLL_FREE: &[(&str, usize)] = &[
    ("800", 60),
    ("888", 60),
    ("877", 50),
    ("866", 50),
    ("855", 40),
];

/// `(area code, city, local digits)` for UK numbers.
const UK: &[(&str, &str, usize, usize)] = &[
    ("20", "London", 8, 50),
    ("161", "Manchester", 7, 40),
    ("121", "Birmingham", 7, 40),
];

/// A price in USD: mostly 0-300, a few higher, ~3% `REQUEST_QUOTE`.
fn price(r: &mut Rng) -> Value {
    match r.below(100) {
        0..=24 => json!(0),
        25..=59 => json!(r.range(1, 49)),
        60..=79 => json!(r.range(50, 149)),
        80..=94 => json!(r.range(150, 300)),
        95..=96 => json!(r.range(301, 900)),
        _ => json!("REQUEST_QUOTE"),
    }
}

fn category(toll_free: bool, price: &Value) -> &'static str {
    match price.as_u64() {
        _ if toll_free => "toll-free",
        Some(p) if p <= 149 => "local",
        _ => "premium",
    }
}

fn nanp(
    r: &mut Rng,
    taken: &mut BTreeSet<String>,
    country: &str,
    npa: &str,
    city: Option<&str>,
    province: Option<&str>,
) -> Value {
    loop {
        let nxx = r.range(200, 999);
        let xxxx = r.below(10_000);
        let e164 = format!("+1{npa}{nxx}{xxxx:04}");
        if !taken.insert(e164.clone()) {
            continue;
        }
        let toll_free = city.is_none();
        let p = price(r);
        return json!({
            "phone_number": e164, "formatted": format!("({npa}) {nxx}-{xxxx:04}"), "price": p,
            "is_toll_free": toll_free, "country_code": "1", "npa": npa, "nxx": format!("{nxx}"),
            "xxxx": format!("{xxxx:04}"), "city": city, "province": province, "country": country,
            "category": category(toll_free, &p),
        });
    }
}

fn uk(r: &mut Rng, taken: &mut BTreeSet<String>, area: &str, city: &str, digits: usize) -> Value {
    loop {
        let local = format!(
            "{:0width$}",
            r.below(10u64.pow(digits as u32 - 1)) + 2 * 10u64.pow(digits as u32 - 1),
            width = digits
        );
        let e164 = format!("+44{area}{local}");
        if !taken.insert(e164.clone()) {
            continue;
        }
        let (a, b) = local.split_at(digits - 4);
        let p = price(r);
        return json!({
            "phone_number": e164, "formatted": format!("+44 {area} {a} {b}"), "price": p, "is_toll_free": false,
            "country_code": "44", "npa": null, "nxx": null, "xxxx": null, "city": city, "province": null,
            "country": "GB", "category": category(false, &p),
        });
    }
}

/// The numbers still for sale.
#[derive(Debug, Clone)]
pub struct Inventory {
    numbers: Vec<Value>,
}

impl Inventory {
    /// The inventory of `seed`.
    pub fn generate(seed: u64) -> Inventory {
        let mut r = Rng::derive(seed, "inventory");
        let mut taken = BTreeSet::new();
        let mut numbers = Vec::new();
        for (country, npa, cities, province, count) in NANP {
            for _ in 0..*count {
                let city = cities[r.below(cities.len() as u64) as usize];
                numbers.push(nanp(
                    &mut r,
                    &mut taken,
                    country,
                    npa,
                    Some(city),
                    Some(province),
                ));
            }
        }
        for (npa, count) in TOLL_FREE {
            for _ in 0..*count {
                numbers.push(nanp(&mut r, &mut taken, "US", npa, None, None));
            }
        }
        for (area, city, digits, count) in UK {
            for _ in 0..*count {
                numbers.push(uk(&mut r, &mut taken, area, city, *digits));
            }
        }
        Inventory { numbers }
    }

    /// Every available number.
    pub fn items(&self) -> &[Value] {
        &self.numbers
    }

    /// The available number `e164`, if any.
    pub fn get(&self, e164: &str) -> Option<&Value> {
        self.numbers.iter().find(|n| n["phone_number"] == e164)
    }

    /// Removes `e164` from sale.
    pub fn take(&mut self, e164: &str) -> Option<Value> {
        let i = self
            .numbers
            .iter()
            .position(|n| n["phone_number"] == e164)?;
        Some(self.numbers.remove(i))
    }
}

/// Region fields (`/phone-numbers/available/regions`).
pub const REGION_FIELDS: &[&str] = &[
    "country_code",
    "npa",
    "nxx",
    "is_toll_free",
    "city",
    "province_postal_code",
    "country_postal_code",
];

/// The grouping used when the request names none.
pub const DEFAULT_GROUP_BY: &[&str] = &[
    "country_code",
    "npa",
    "is_toll_free",
    "city",
    "province_postal_code",
    "country_postal_code",
];

/// One number as a region record.
pub fn region_of(n: &Value) -> Value {
    json!({
        "country_code": n["country_code"], "npa": n["npa"], "nxx": n["nxx"], "is_toll_free": n["is_toll_free"],
        "city": n["city"], "province_postal_code": n["province"], "country_postal_code": n["country"],
    })
}

/// Groups region records by `group_by`, counting each group into `quantity`.
pub fn group(records: &[Value], group_by: &[String]) -> Vec<Value> {
    let mut groups: Vec<(Vec<Value>, u64)> = Vec::new();
    for rec in records {
        let key: Vec<Value> = group_by.iter().map(|f| rec[f.as_str()].clone()).collect();
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => groups.push((key, 1)),
        }
    }
    groups
        .into_iter()
        .map(|(key, n)| {
            let mut obj: serde_json::Map<String, Value> =
                group_by.iter().cloned().zip(key).collect();
            obj.insert("quantity".into(), json!(n));
            Value::Object(obj)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_rich() {
        let a = Inventory::generate(42);
        assert_eq!(a.items(), Inventory::generate(42).items());
        assert_ne!(a.items(), Inventory::generate(43).items());
        assert_eq!(a.items().len(), 2120);
        let has = |f: &dyn Fn(&Value) -> bool| a.items().iter().any(f);
        for npa in [
            "858", "619", "415", "212", "646", "312", "604", "800", "888", "877",
        ] {
            assert!(has(&|n| n["npa"] == npa), "{npa}");
        }
        assert!(has(&|n| n["country"] == "GB") && has(&|n| n["country"] == "CA"));
        assert!(has(&|n| n["price"] == "REQUEST_QUOTE"));
        assert!(has(&|n| n["price"].as_u64().is_some_and(|p| p > 149)));
        assert!(a
            .items()
            .iter()
            .all(|n| n["npa"] != "604" || (n["province"] == "BC" && n["country"] == "CA")));
        assert!(a
            .items()
            .iter()
            .all(|n| n["npa"] != "858" || n["province"] == "CA"));
        assert!(a
            .items()
            .iter()
            .filter(|n| n["is_toll_free"] == true)
            .all(|n| n["category"] == "toll-free"));
        let numbers: BTreeSet<&str> = a
            .items()
            .iter()
            .map(|n| n["phone_number"].as_str().unwrap())
            .collect();
        assert_eq!(numbers.len(), a.items().len());
    }

    #[test]
    fn groups_regions() {
        let inv = Inventory::generate(1);
        let recs: Vec<Value> = inv.items().iter().map(region_of).collect();
        let g = group(&recs, &["npa".to_string()]);
        let total: u64 = g.iter().map(|x| x["quantity"].as_u64().unwrap()).sum();
        assert_eq!(total as usize, inv.items().len());
        assert!(g.iter().any(|x| x["npa"] == "858" && x["quantity"] == 100));
    }
}
