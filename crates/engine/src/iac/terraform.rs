//! Terraform (stub, filled in next).
use super::Read;

pub fn read(_text: &str) -> Read {
    Read::default()
}
