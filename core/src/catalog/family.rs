//! [`Family`]: which upstream API an operation belongs to.
//!
//! ```
//! use phonecom::catalog::Family;
//! let op = phonecom::catalog().get("xml.getCallList").unwrap();
//! assert_eq!(op.family, Family::Xml);
//! assert_eq!(op.family.as_str(), "xml");
//! assert_eq!(op.family, "xml");
//! assert_eq!("v1".parse::<Family>(), Ok(Family::V1));
//! ```

use serde::{Deserialize, Serialize};

/// An API family: the first segment of every canonical operation name (`v4.get-account`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// Phone.com REST API v4.
    V4,
    /// The Express Sign-Up guide's per-user token call.
    Oauth,
    /// Express Sign-Up, composed flows over v4 and oauth.
    Express,
    /// The XML API.
    Xml,
    /// Phone.com REST API v1.
    V1,
    /// numbers.online.
    Nol,
}

impl Family {
    /// Every family, in the catalog's order.
    pub const ALL: [Family; 6] = [
        Family::V4,
        Family::Oauth,
        Family::Express,
        Family::Xml,
        Family::V1,
        Family::Nol,
    ];

    /// The family's name as in canonical names and JSON (`"v4"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Family::V4 => "v4",
            Family::Oauth => "oauth",
            Family::Express => "express",
            Family::Xml => "xml",
            Family::V1 => "v1",
            Family::Nol => "nol",
        }
    }
}

impl std::fmt::Display for Family {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Family {
    type Err = String;
    /// The family called `name` (`"nol"`); unknown names are refused with the known ones listed.
    fn from_str(name: &str) -> Result<Family, String> {
        Family::ALL
            .into_iter()
            .find(|f| f.as_str() == name)
            .ok_or_else(|| {
                let known: Vec<&str> = Family::ALL.iter().map(|f| f.as_str()).collect();
                format!("unknown family `{name}` (one of {})", known.join(", "))
            })
    }
}

impl PartialEq<str> for Family {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Family {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::Family;

    #[test]
    fn names_round_trip_through_json_and_from_str() {
        for f in Family::ALL {
            let json = serde_json::to_value(f).unwrap();
            assert_eq!(json, f.as_str());
            assert_eq!(serde_json::from_value::<Family>(json).unwrap(), f);
            assert_eq!(f.as_str().parse::<Family>(), Ok(f));
        }
        let e = "v5".parse::<Family>().unwrap_err();
        assert!(e.contains("`v5`") && e.contains("nol"), "{e}");
    }
}
