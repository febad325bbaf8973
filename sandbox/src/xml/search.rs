//! Number search: countries, prefixes, states, regions, localities and the inventory itself.
//! Lists name every *supported* entry (from the seeded inventory) with the quantity available
//! now, so an entry whose numbers are all gone stays listed with quantity 0.

use super::envelope::El;
use super::geo::{self, pattern_matches, Num, COUNTRIES};
use super::numbers::available;
use super::params::int_in;
use super::{ok, Cx, Reply};
use std::collections::{BTreeMap, BTreeSet};

/// Most rows `getPhoneNumberInventory` returns.
pub const INVENTORY_CAP: i64 = 500;
/// Most real-time (SMS/800) toll-free results per search.
pub const REALTIME_CAP: usize = 10;
const TOLL_FREE: &[&str] = &["800", "888", "877", "866", "855"];

/// The required `countryCode`, which must be supported (`1` or `44`; a `+` is accepted).
fn country(cx: &Cx) -> Result<String, String> {
    let raw = cx.p.req("countryCode")?;
    let code = raw.trim_start_matches('+');
    if COUNTRIES.iter().any(|(c, _)| *c == code) {
        Ok(code.to_string())
    } else {
        Err(format!(
            "Unsupported countryCode `{raw}` (supported: {})",
            COUNTRIES.iter().map(|c| c.0).collect::<Vec<_>>().join(", ")
        ))
    }
}

fn same(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// `getPhoneNumberCountryList`.
pub fn countries(_cx: &mut Cx) -> Reply {
    let rows = COUNTRIES.iter().map(|(code, name)| {
        El::new("country")
            .leaf("countryCode", *code)
            .leaf("name", *name)
    });
    ok(vec![El::new("countryList").children(rows)])
}

/// Counts `available` numbers by `key` (a number may count under several keys).
fn counts(avail: &[Num], keys: impl Fn(&Num) -> Vec<String>) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for n in avail {
        for k in keys(n) {
            *m.entry(k).or_insert(0) += 1;
        }
    }
    m
}

/// `getPhoneNumberPrefixList`: supported area codes (overlays listed even when full).
pub fn prefixes(cx: &mut Cx) -> Reply {
    let cc = country(cx)?;
    let avail = available(cx);
    let qty = counts(&avail, |n| {
        if n.country_code == cc {
            n.prefixes.clone()
        } else {
            vec![]
        }
    });
    let mut seen = BTreeMap::new();
    for n in cx.w.catalog.iter().filter(|n| n.country_code == cc) {
        for p in &n.prefixes {
            seen.entry(p.clone())
                .or_insert((n.toll_free, n.state.clone()));
        }
    }
    let rows = seen.into_iter().map(|(p, (tf, state))| {
        El::new("prefix")
            .leaf("prefix", &p)
            .leaf("type", if tf { "TF" } else { "local" })
            .leaf("state", state)
            .leaf("quantity", qty.get(&p).copied().unwrap_or(0).to_string())
    });
    ok(vec![El::new("prefixList").children(rows)])
}

/// `getPhoneNumberStateList`.
pub fn states(cx: &mut Cx) -> Reply {
    let cc = country(cx)?;
    let avail = available(cx);
    let qty = counts(&avail, |n| {
        if n.country_code == cc {
            vec![n.state.clone()]
        } else {
            vec![]
        }
    });
    let states: BTreeSet<&str> =
        cx.w.catalog
            .iter()
            .filter(|n| n.country_code == cc)
            .map(|n| n.state.as_str())
            .collect();
    let rows = states.into_iter().map(|s| {
        El::new("state")
            .leaf("state", s)
            .leaf("name", geo::state_name(s))
            .leaf("quantity", qty.get(s).copied().unwrap_or(0).to_string())
    });
    ok(vec![El::new("stateList").children(rows)])
}

/// The `prefix`/`state` filter of the region and locality lists (one of them is required).
fn area_filter(cx: &Cx, cc: &str) -> Result<impl Fn(&Num) -> bool, String> {
    let prefix = cx.p.get("prefix").map(str::to_string);
    let state = cx.p.get("state").map(str::to_string);
    if prefix.is_none() && state.is_none() {
        return Err("Missing required parameter: one of prefix or state must be specified".into());
    }
    let cc = cc.to_string();
    Ok(move |n: &Num| {
        n.country_code == cc
            && prefix.as_ref().is_none_or(|p| n.prefixes.contains(p))
            && state.as_ref().is_none_or(|s| same(s, &n.state))
    })
}

/// `getPhoneNumberRegionList`: regions (cities) for a prefix or state.
pub fn regions(cx: &mut Cx) -> Reply {
    let cc = country(cx)?;
    let keep = area_filter(cx, &cc)?;
    let key = |n: &Num| (n.region.clone(), n.state.clone());
    let mut rows: BTreeMap<(String, String), usize> =
        cx.w.catalog
            .iter()
            .filter(|n| keep(n))
            .map(|n| (key(n), 0))
            .collect();
    for n in available(cx).iter().filter(|n| keep(n)) {
        *rows.entry(key(n)).or_insert(0) += 1;
    }
    let rows = rows.into_iter().map(|((region, state), q)| {
        El::new("region")
            .leaf("region", region)
            .leaf("state", state)
            .leaf("quantity", q.to_string())
    });
    ok(vec![El::new("regionList").children(rows)])
}

/// `getPhoneNumberLocalityList`: rate centers for a prefix or state.
pub fn localities(cx: &mut Cx) -> Reply {
    let cc = country(cx)?;
    let keep = area_filter(cx, &cc)?;
    let key = |n: &Num| {
        (
            n.locality.clone(),
            n.state.clone(),
            n.region.clone(),
            n.rate_center.clone(),
        )
    };
    let mut rows: BTreeMap<(String, String, String, String), usize> =
        cx.w.catalog
            .iter()
            .filter(|n| keep(n))
            .map(|n| (key(n), 0))
            .collect();
    for n in available(cx).iter().filter(|n| keep(n)) {
        *rows.entry(key(n)).or_insert(0) += 1;
    }
    let rows = rows.into_iter().map(|((locality, state, region, rc), q)| {
        El::new("locality")
            .leaf("locality", locality)
            .child(El::text("rateCenter", rc))
            .leaf("region", region)
            .leaf("state", state)
            .leaf("quantity", q.to_string())
    });
    ok(vec![El::new("localityList").children(rows)])
}

/// `getPhoneNumberInventory`: numbers for sale by type, state, region, locality, prefix and
/// pattern (digits, letters A-Z as keypad digits, `*` for any one digit; it matches anywhere in
/// the full number, so `1212*****` finds numbers starting 1-212). `quantity` caps the rows
/// (at most 500, also the default), `page` (1-based, needs `quantity`) skips whole pages.
/// `type=TF` with a pattern puts up to 10 real-time (SMS/800) numbers, randomized, before the
/// inventory's; they are new on every request, so such searches do not page stably.
pub fn inventory(cx: &mut Cx) -> Reply {
    let cc = country(cx)?;
    let p = cx.p;
    let toll_free = match p.get("type") {
        None => None,
        Some(t) if same(t, "TF") => Some(true),
        Some(t) if same(t, "local") => Some(false),
        Some(t) => return Err(format!("Invalid type: TF or local (got `{t}`)")),
    };
    for dependent in ["region", "locality"] {
        if p.get(dependent).is_some() && p.get("state").is_none() {
            return Err(format!(
                "Missing required parameter: state (required with {dependent})"
            ));
        }
    }
    let pattern = p.get("pattern").map(geo::normalize_pattern).transpose()?;
    let quantity = p
        .get("quantity")
        .map(|q| int_in("quantity", q, 1, i64::MAX))
        .transpose()?;
    let page = match p.get("page") {
        None => 1,
        Some(_) if quantity.is_none() => {
            return Err("Missing required parameter: quantity (required with page)".into())
        }
        Some(v) => int_in("page", v, 1, i64::MAX)?,
    };
    let per_page = quantity.unwrap_or(INVENTORY_CAP).min(INVENTORY_CAP) as usize;
    let keep = |n: &Num| {
        n.country_code == cc
            && toll_free.is_none_or(|tf| n.toll_free == tf)
            && p.get("state").is_none_or(|s| same(s, &n.state))
            && p.get("region").is_none_or(|r| same(r, &n.region))
            && p.get("locality")
                .is_none_or(|l| same(l, &n.locality) || same(l, &n.rate_center))
            && p.get("prefix")
                .is_none_or(|x| n.prefixes.iter().any(|y| y == x.trim_start_matches('+')))
            && pattern
                .as_deref()
                .is_none_or(|pat| pattern_matches(pat, n.digits()))
    };
    let mut rows: Vec<Num> = available(cx).into_iter().filter(|n| keep(n)).collect();
    rows.sort_by(|a, b| a.e164.cmp(&b.e164));
    if let (Some(true), Some(pat), "1") = (toll_free, pattern.as_deref(), cc.as_str()) {
        let live = realtime_toll_free(cx, pat, REALTIME_CAP.min(per_page));
        rows.splice(0..0, live);
    }
    let start = (page as usize - 1).saturating_mul(per_page);
    let out = rows
        .iter()
        .skip(start)
        .take(per_page)
        .map(Num::inventory_row);
    ok(vec![El::new("phoneNumberList").children(out)])
}

/// Up to `cap` fresh toll-free numbers matching `pattern`, as a real-time SMS/800 search would
/// find them: random each time, and reservable or addable afterwards.
fn realtime_toll_free(cx: &mut Cx, pattern: &str, cap: usize) -> Vec<Num> {
    let mut out: Vec<Num> = Vec::new();
    if pattern.len() > 11 {
        return out;
    }
    for _ in 0..400 {
        if out.len() == cap {
            break;
        }
        let r = &mut cx.w.rng;
        let npa = TOLL_FREE[r.below(TOLL_FREE.len() as u64) as usize];
        let mut d: Vec<u8> =
            format!("1{npa}{}{:06}", r.range(2, 9), r.below(1_000_000)).into_bytes();
        let placed = (0..=11 - pattern.len()).rev().find_map(|pos| {
            let mut c = d.clone();
            for (i, b) in pattern.bytes().enumerate() {
                if b != b'*' {
                    c[pos + i] = b;
                }
            }
            let valid = TOLL_FREE.iter().any(|t| c[1..4] == *t.as_bytes()) && c[4] >= b'2';
            valid.then_some(c)
        });
        let Some(c) = placed else { continue };
        d = c;
        let digits = String::from_utf8(d).unwrap_or_default();
        let e164 = format!("+{digits}");
        let taken = out.iter().any(|n| n.e164 == e164) || cx.w.owner_of(&e164).is_some() || {
            let v4 = crate::state::lock(&cx.shared.v4);
            v4.holds.is_held(&e164, cx.now) || v4.inventory.get(&e164).is_some()
        };
        if taken || !pattern_matches(pattern, &digits) {
            continue;
        }
        out.push(Num {
            human: format!("({}) {}-{}", &digits[1..4], &digits[4..7], &digits[7..]),
            e164,
            country_code: "1".into(),
            toll_free: true,
            state: "National".into(),
            region: "National".into(),
            locality: "National".into(),
            rate_center: String::new(),
            prefixes: vec![digits[1..4].to_string()],
            cost: "4.99".into(),
            setup_fee: None,
            source: "SMS/800",
        });
    }
    cx.w.sms800
        .retain(|old| out.iter().all(|n| n.e164 != old.e164));
    for n in &out {
        cx.w.sms800.push(n.clone(), 1);
    }
    out
}
