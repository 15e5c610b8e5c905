//! Decimal text to `f64`: [`parse_f64`] accepts exactly what `str::parse::<f64>` accepts and
//! returns the same value, bit for bit, correctly rounded (ties to even).
//!
//! Why our own: the standard library's parser links a table of 128-bit powers of five (651
//! entries, about 10 KB, nearly incompressible) into every wasm that parses a float, and the
//! page's first download has a budget. This one has no table: most numbers people write (up to
//! 15 significant digits, a power of ten up to 22) take the exact fast path of two exactly
//! representable doubles and one IEEE operation; the rest are converted exactly with a small
//! big-integer division (53 quotient bits, then the remainder decides the rounding). Slower than
//! the standard library on long or extreme numbers, which configuration files rarely hold.
//!
//! The grammar (that of `f64::from_str`): an optional `+` or `-`, then `inf`, `infinity` or
//! `nan` in any case, or digits with at most one `.` (at least one digit on either side of it),
//! then optionally `e` or `E`, an optional sign and at least one digit. Nothing else: no spaces,
//! no `_`, no hexadecimal. Like the standard library, an exponent stops growing once it passes
//! 65,536 (so `1e99999999999` is infinite and `0.` followed by 100,000 zeros and `1e100000` is the
//! value the standard library gives for it).

/// The significant digits kept: every decimal halfway point between two doubles has at most 767
/// significant digits, so 800 digits and a note that a non-zero digit followed decide the
/// rounding of any longer number exactly.
const MAX_DIGITS: usize = 800;

/// `s` as an `f64`, exactly as `s.parse::<f64>().ok()` (see the module's documentation).
pub fn parse_f64(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let negative = b.first() == Some(&b'-');
    let rest = match b.first() {
        Some(b'-' | b'+') => b.get(1..).unwrap_or_default(),
        _ => b,
    };
    if rest.is_empty() {
        return None;
    }
    let special = if rest.eq_ignore_ascii_case(b"inf") || rest.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if rest.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    };
    if let Some(v) = special {
        return Some(if negative { -v } else { v });
    }
    let decimal = Decimal::read(rest)?;
    let magnitude = decimal.value();
    Some(if negative { -magnitude } else { magnitude })
}

/// A decimal number read from text: `0.d₁d₂…dₙ × 10^point` (digits without leading or trailing
/// zeros; none for zero).
struct Decimal {
    digits: Vec<u8>,
    point: i64,
}

impl Decimal {
    /// Reads digits, a fraction and an exponent; `None` unless the whole text is one number.
    fn read(text: &[u8]) -> Option<Decimal> {
        let mut digits: Vec<u8> = Vec::new();
        let mut truncated = false;
        let mut point: i64 = 0;
        let mut any_digit = false;
        let mut i = 0;
        let mut in_fraction = false;
        while let Some(&c) = text.get(i) {
            match c {
                b'0'..=b'9' => {
                    any_digit = true;
                    let d = c - b'0';
                    if digits.is_empty() && d == 0 {
                        // A leading zero: moves the point only after it.
                        if in_fraction {
                            point = point.saturating_sub(1);
                        }
                    } else {
                        if digits.len() < MAX_DIGITS {
                            digits.push(d);
                        } else if d != 0 {
                            truncated = true;
                        }
                        if !in_fraction {
                            point = point.saturating_add(1);
                        }
                    }
                }
                b'.' if !in_fraction => in_fraction = true,
                _ => break,
            }
            i += 1;
        }
        if !any_digit {
            return None;
        }
        if let Some(b'e' | b'E') = text.get(i) {
            i += 1;
            let negative = text.get(i) == Some(&b'-');
            if let Some(b'-' | b'+') = text.get(i) {
                i += 1;
            }
            let mut exponent: i64 = 0;
            let mut any = false;
            while let Some(&c) = text.get(i).filter(|c| c.is_ascii_digit()) {
                any = true;
                // Saturates as the standard library's parser does.
                if exponent < 0x10000 {
                    exponent = exponent * 10 + i64::from(c - b'0');
                }
                i += 1;
            }
            if !any {
                return None;
            }
            point = point.saturating_add(if negative { -exponent } else { exponent });
        }
        if i != text.len() {
            return None;
        }
        while digits.last() == Some(&0) {
            digits.pop();
        }
        if truncated {
            // Any value strictly between the kept digits and the next 800-digit number rounds as
            // the full number does (see MAX_DIGITS).
            digits.push(1);
        }
        if digits.is_empty() {
            point = 0;
        }
        Some(Decimal { digits, point })
    }

    /// The nearest `f64` (ties to even), non-negative.
    fn value(&self) -> f64 {
        if self.digits.is_empty() || self.point < -323 {
            // Below 10^-324: less than half the smallest subnormal.
            return 0.0;
        }
        if self.point > 310 {
            // At least 10^310.
            return f64::INFINITY;
        }
        // value = w × 10^e, w the digits as an integer; |e| <= 310 + 801.
        let n = self.digits.len() as i64;
        let e = self.point - n;
        if n <= 15 && (-22..=22).contains(&e) {
            // Exact fast path: w < 2^53 and 10^|e| <= 10^22 are exact doubles, so the one IEEE
            // operation rounds the exact value once, correctly.
            let w = self.digits.iter().fold(0u64, |w, &d| w * 10 + u64::from(d)) as f64;
            let mut p = 1.0f64;
            for _ in 0..e.unsigned_abs() {
                p *= 10.0;
            }
            return if e < 0 { w / p } else { w * p };
        }
        f64::from_bits(slow_bits(&self.digits, e))
    }
}

/// The bits of the nearest double to `w × 10^e` (`w` the decimal digits, not zero), exactly, with
/// big integers: `w × 10^e = (num / den) × 2^e` where `num = w × 5^e` and `den = 1` when `e >= 0`,
/// `num = w` and `den = 5^-e` otherwise.
fn slow_bits(digits: &[u8], e: i64) -> u64 {
    let mut num: Big = Vec::new();
    for chunk in digits.chunks(9) {
        let mut value = 0u32;
        let mut scale = 1u32;
        for &d in chunk {
            value = value * 10 + u32::from(d);
            scale *= 10;
        }
        mul_add(&mut num, scale, value);
    }
    let mut den: Big = vec![1];
    let fives = if e >= 0 { &mut num } else { &mut den };
    let mut left = e.unsigned_abs();
    while left > 0 {
        // 5^13 is the largest power of five below 2^32.
        let step = left.min(13);
        mul_add(fives, 5u32.pow(step as u32), 0);
        left -= step;
    }
    // l = floor(log2(num / den)).
    let c = bit_len(&num) as i64 - bit_len(&den) as i64;
    let at_least = if c >= 0 {
        cmp(&num, &shl(&den, c.unsigned_abs())).is_ge()
    } else {
        cmp(&shl(&num, c.unsigned_abs()), &den).is_ge()
    };
    let l = if at_least { c } else { c - 1 };
    let top = l + e; // floor(log2(value))
    if top >= 1024 {
        return f64::INFINITY.to_bits();
    }
    // q = floor(value / 2^k) has 53 bits for a normal result, fewer for a subnormal one.
    let k = (top - 52).max(-1074);
    // value / 2^k = num × 2^s / den.
    let s = e - k;
    let (mut rem, divisor) = if s >= 0 {
        (shl(&num, s.unsigned_abs()), shl(&den, 52))
    } else {
        (num, shl(&den, 52 + s.unsigned_abs()))
    };
    // Long division, one quotient bit at a time: `rem` holds the remainder times 2^j after the
    // j-th bit, compared with divisor × 2^52, so it never needs a right shift.
    let mut q: u64 = 0;
    for _ in 0..53 {
        q <<= 1;
        if cmp(&rem, &divisor).is_ge() {
            sub(&mut rem, &divisor);
            q |= 1;
        }
        double(&mut rem);
    }
    // Now rem = remainder × 2^53 and divisor = den × 2^52 (scaled): compare 2 × remainder
    // with the divisor to round.
    let round_up = match cmp(&rem, &divisor) {
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => q & 1 == 1,
    };
    q += u64::from(round_up);
    // For k = -1074 this is q itself (a subnormal, or the smallest normal when q = 2^52); a
    // carry to q = 2^53 moves into the exponent by itself, and up to infinity's bits.
    ((k + 1074) as u64 * (1 << 52)) + q
}

/// A non-negative integer: 32-bit limbs, least significant first, no zero limb at the top (zero
/// is empty).
type Big = Vec<u32>;

/// `a = a × m + add`.
fn mul_add(a: &mut Big, m: u32, add: u32) {
    let mut carry = u64::from(add);
    for limb in a.iter_mut() {
        let v = u64::from(*limb) * u64::from(m) + carry;
        *limb = v as u32;
        carry = v >> 32;
    }
    if carry != 0 {
        a.push(carry as u32);
    }
    trim(a);
}

fn trim(a: &mut Big) {
    while a.last() == Some(&0) {
        a.pop();
    }
}

fn bit_len(a: &Big) -> u64 {
    a.last().map_or(0, |top| {
        32 * a.len() as u64 - u64::from(top.leading_zeros())
    })
}

/// `a × 2^n`.
fn shl(a: &Big, n: u64) -> Big {
    let bits = (n % 32) as u32;
    let mut out: Big = vec![0; (n / 32) as usize];
    let mut carry = 0u32;
    for &limb in a {
        if bits == 0 {
            out.push(limb);
        } else {
            out.push((limb << bits) | carry);
            carry = limb >> (32 - bits);
        }
    }
    out.push(carry);
    trim(&mut out);
    out
}

/// `a = a × 2`.
fn double(a: &mut Big) {
    let mut carry = 0u32;
    for limb in a.iter_mut() {
        let top = *limb >> 31;
        *limb = (*limb << 1) | carry;
        carry = top;
    }
    if carry != 0 {
        a.push(carry);
    }
}

fn cmp(a: &Big, b: &Big) -> std::cmp::Ordering {
    a.len()
        .cmp(&b.len())
        .then_with(|| a.iter().rev().cmp(b.iter().rev()))
}

/// `a -= b`, for `a >= b`.
fn sub(a: &mut Big, b: &Big) {
    let mut borrow = false;
    for (i, limb) in a.iter_mut().enumerate() {
        let (v, b1) = limb.overflowing_sub(b.get(i).copied().unwrap_or(0));
        let (v, b2) = v.overflowing_sub(u32::from(borrow));
        *limb = v;
        borrow = b1 || b2;
    }
    trim(a);
}

#[cfg(test)]
mod tests {
    use super::parse_f64;

    /// Same bits as the standard library, or both rejected.
    fn agree(s: &str) {
        let ours = parse_f64(s).map(f64::to_bits);
        let std = s.parse::<f64>().ok().map(f64::to_bits);
        assert_eq!(ours, std, "{s:?}: ours {ours:x?}, std {std:x?}");
    }

    #[test]
    fn grammar_matches_the_standard_library() {
        for s in [
            "",
            "+",
            "-",
            ".",
            "+.",
            "-.",
            "e5",
            "+.e1",
            ".e1",
            "1e",
            "1e+",
            "1e-",
            "1E5",
            "1e+5",
            "1e-5",
            ".5",
            "5.",
            "-.5",
            "+5.",
            "1.2.3",
            "1..2",
            "1e5.0",
            "1e5e5",
            "1_0",
            " 1",
            "1 ",
            "\t1",
            "1\n",
            "0x10",
            "0b1",
            "1f",
            "1d",
            "١",
            "１",
            "inf",
            "+inf",
            "-inf",
            "INF",
            "Inf",
            "iNf",
            "infinity",
            "Infinity",
            "-INFINITY",
            "infinit",
            "infinityy",
            "in",
            "nan",
            "NaN",
            "-nan",
            "+NAN",
            "nana",
            "na",
            "-",
            "--1",
            "+-1",
            "-+1",
            "++1",
            "0",
            "-0",
            "+0",
            "0.0",
            "-0.0",
            "00",
            "000.000",
            "0e0",
            "-0e-0",
            "0e999999",
            "0.e1",
            "-0.",
            ".0",
            "1e0",
            "1e-0",
            "1e+0",
            "01",
            "001.100",
            "1.",
            "1.e1",
            "1.E-1",
            "e",
            "E",
            "-e1",
            ".",
        ] {
            agree(s);
        }
    }

    #[test]
    fn edge_values_match_the_standard_library() {
        for s in [
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "2.2250738585072014e-308",
            "2.225073858507201136057409796709131975934819546351645648e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.47032822920623272088284396434110686182529901307162382212792841250337753635104375932649918180817996189898282347722858865463328355177969898199387398005390939063150356595155702263922908583924491051844359318028499365361525003193704576782492193656236698636584807570015857692699037063119282795585513329278343384093519780155312465972635795746227664652728272200563740064854999770965994704540208281662262378573934507363390079677619305775067401763246736009689513405355374585166611342237666786041621596804619144672918403005300575308490487653917113865916462395249126236538818796362393732804238910186723484976682350898633885879256283027559956575244555072551893136908362547791869486679949683240497058210285131854513962138377228261454376934125320985913276672363281255e-324",
            "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324",
            "9007199254740993",
            "9007199254740992",
            "9007199254740994",
            "9007199254740995",
            "9007199254740993.0000000000000000000000000001",
            "1e23",
            "8.988465674311579e307",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999999999999999999999999999999999999999999999999999999999999999",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
            "1e308",
            "1e309",
            "1e310",
            "1e311",
            "1e400",
            "-1e400",
            "1e-400",
            "-1e-400",
            "1e-323",
            "1e-324",
            "3e-324",
            "2e-324",
            "5e-324",
            "7e-324",
            "1e-325",
            "0.1",
            "0.2",
            "0.3",
            "0.30000000000000004",
            "0.1e1",
            "123456789012345678901234567890",
            "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203124",
            "1.00000000000000011102230246251565404236316680908203126",
            "7.2057594037927933e16",
            "1e22",
            "1e-22",
            "123456789012345e22",
            "123456789012345e-22",
            "1234567890123456e22",
            "9999999999999999999",
            "18446744073709551615",
            "18446744073709551616",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            "0e99999999999999999999",
            "1e65536",
            "1e-65536",
        ] {
            agree(s);
            agree(&format!("-{s}"));
        }
    }

    #[test]
    fn long_mantissas_and_exponent_saturation() {
        let ones = "1".repeat(5000);
        agree(&ones);
        agree(&format!("0.{ones}"));
        agree(&format!("{ones}e-5000"));
        agree(&format!("{ones}e-4990"));
        agree(&format!("0.{}1", "0".repeat(100_000)));
        agree(&format!("0.{}1e100000", "0".repeat(100_000)));
        agree(&format!("0.{}1e1000000", "0".repeat(1_000_000)));
        agree(&format!("{}e-1000000", "1".repeat(1_000_000)));
        agree(&format!("1{}e-100000", "0".repeat(100_000)));
        // Digits past the 800th decide a halfway case.
        let half = "9007199254740993";
        agree(&format!("{half}.{}", "0".repeat(900)));
        agree(&format!("{half}.{}1", "0".repeat(900)));
        agree(&format!("{half}{}e-900", "0".repeat(900)));
        agree(&format!("{half}{}1e-901", "0".repeat(900)));
        agree(&format!("{}{}", "9".repeat(800), "9".repeat(100)));
    }

    /// The engine, the CLI and the page parse floats only through `parse_f64`: one
    /// `str::parse::<f64>` outside tests links core's table back into the page. Catches the
    /// turbofish and `let x: f64 = ….parse()` (the forms all 17 earlier call sites had); the
    /// page's wasm (twiggy, `dec2flt`) has the last word.
    #[test]
    fn no_float_parsing_through_core_outside_tests() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut found = Vec::new();
        for dir in ["src", "../cli/src", "../../src"] {
            let mut scanned = 0;
            let mut stack = vec![root.join(dir)];
            while let Some(path) = stack.pop() {
                if path.is_dir() {
                    for entry in std::fs::read_dir(&path).unwrap() {
                        stack.push(entry.unwrap().path());
                    }
                } else if path.extension().is_some_and(|e| e == "rs") {
                    scanned += 1;
                    let code = without_tests_and_comments(&std::fs::read_to_string(&path).unwrap());
                    for at in suspicious(&code) {
                        let line = code[..at].rsplit('\n').next().unwrap_or_default();
                        let rest = code[at..].split('\n').next().unwrap_or_default();
                        found.push(format!("{}: {}{rest}", path.display(), line.trim_start()));
                    }
                }
            }
            assert!(scanned > 5, "{dir}: {scanned} source files");
        }
        assert!(found.is_empty(), "use input::number::parse_f64: {found:#?}");
        // The scanner itself finds both forms.
        let sample = "let a = s.parse::<f64>();\nlet b: f64 = if x {\n    1.0\n} else {\n    s.parse().unwrap_or(0.0)\n};\nlet c: u32 = s.parse().unwrap();\n#[cfg(test)]\nmod tests {\n    fn f() { s.parse::<f64>(); }\n}\n";
        assert_eq!(suspicious(&without_tests_and_comments(sample)).len(), 2);
    }

    /// Source text without `#[cfg(test)]` items (up to the closing brace at the attribute's
    /// indentation, or one line ending in `;`) and without `//` comments.
    fn without_tests_and_comments(text: &str) -> String {
        let mut out = String::new();
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if line.trim() == "#[cfg(test)]" {
                let indent = &line[..line.len() - line.trim_start().len()];
                let close = format!("{indent}}}");
                if let Some(item) = lines.next() {
                    if !item.trim_end().ends_with(';') {
                        for l in lines.by_ref() {
                            if l == close {
                                break;
                            }
                        }
                    }
                }
                continue;
            }
            out.push_str(line.split("//").next().unwrap_or_default());
            out.push('\n');
        }
        out
    }

    /// Byte offsets of `parse::<f64>` / `parse::<f32>`, and of `.parse()` inside a `let` typed
    /// `f64` (no `;` between the `let` and the call).
    fn suspicious(code: &str) -> Vec<usize> {
        let mut hits = Vec::new();
        for (at, _) in code
            .match_indices("parse::<f64>")
            .chain(code.match_indices("parse::<f32>"))
        {
            hits.push(at);
        }
        for (at, _) in code.match_indices(".parse()") {
            let Some(let_at) = code[..at].rfind("let ") else {
                continue;
            };
            let binding = &code[let_at..at];
            if !binding.contains(';')
                && binding
                    .split('=')
                    .next()
                    .is_some_and(|b| b.contains(": f64"))
            {
                hits.push(at);
            }
        }
        hits
    }

    /// xorshift64*: deterministic, no dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    #[test]
    fn random_decimal_strings_match_the_standard_library() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..200_000 {
            let mut s = String::new();
            match rng.below(3) {
                0 => s.push('-'),
                1 => s.push('+'),
                _ => {}
            }
            let long = rng.below(8) == 0;
            let int_len = rng.below(if long { 60 } else { 20 });
            for _ in 0..int_len {
                s.push(char::from(b'0' + rng.below(10) as u8));
            }
            if rng.below(2) == 0 {
                s.push('.');
                for _ in 0..rng.below(25) {
                    s.push(char::from(b'0' + rng.below(10) as u8));
                }
            }
            if rng.below(3) != 0 {
                s.push(if rng.below(2) == 0 { 'e' } else { 'E' });
                match rng.below(3) {
                    0 => s.push('-'),
                    1 => s.push('+'),
                    _ => {}
                }
                let wide = rng.below(4) == 0;
                let exp = rng.below(if wide { 400 } else { 40 });
                s.push_str(&exp.to_string());
            }
            agree(&s);
        }
    }

    #[test]
    fn shortest_and_long_forms_of_random_doubles_round_trip() {
        let mut rng = Rng(0xD1B5_4A32_D192_ED03);
        for _ in 0..100_000 {
            let bits = rng.next();
            let x = f64::from_bits(bits);
            if x.is_nan() {
                continue;
            }
            let shortest = x.to_string();
            agree(&shortest);
            assert_eq!(parse_f64(&shortest).map(f64::to_bits), Some(bits));
            agree(&format!("{x:e}"));
            // 17 and 25 significant digits: near-halfway and beyond-precision forms.
            agree(&format!("{x:.16e}"));
            agree(&format!("{x:.24e}"));
            agree(&format!("{x:.40e}"));
        }
    }

    #[test]
    fn exact_halfway_points_round_to_even() {
        // Halfway points between consecutive doubles, written out exactly (they are dyadic
        // rationals, so their decimal expansions end): q + 1/2 ulp as integer mantissa × 2^k.
        let mut rng = Rng(0x1234_5678_9ABC_DEF1);
        for _ in 0..300 {
            let bits = rng.next() & 0x7FEF_FFFF_FFFF_FFFF;
            let text = exact_halfway_above(bits);
            agree(&text);
            // Just below (a digit less) and just above (a digit more).
            agree(&text[..text.len() - 1]);
            agree(&format!("{text}1"));
        }
        for bits in [
            0u64,
            1,
            2,
            0x000F_FFFF_FFFF_FFFF,
            0x0010_0000_0000_0000,
            0x7FEF_FFFF_FFFF_FFFF,
        ] {
            agree(&exact_halfway_above(bits));
        }
    }

    /// The exact decimal text of the point halfway between the double with these bits and the next
    /// one up.
    fn exact_halfway_above(bits: u64) -> String {
        let exp_field = (bits >> 52) as i64;
        let frac = bits & ((1 << 52) - 1);
        let (m, e) = if exp_field == 0 {
            (frac, -1074)
        } else {
            (frac | (1 << 52), exp_field - 1075)
        };
        // (2m + 1) × 2^(e - 1)
        let mut decimal = (2 * m + 1).to_string();
        let e = e - 1;
        if e >= 0 {
            for _ in 0..e {
                decimal = double_decimal(&decimal);
            }
            decimal
        } else {
            // × 5^-e, then the point moves -e places left.
            for _ in 0..-e {
                decimal = times_five(&decimal);
            }
            let places = (-e) as usize;
            let padded = format!(
                "{}{decimal}",
                "0".repeat(places.saturating_sub(decimal.len()) + 1)
            );
            let (int, frac) = padded.split_at(padded.len() - places);
            format!("{int}.{frac}")
        }
    }

    fn double_decimal(s: &str) -> String {
        times_small(s, 2)
    }

    fn times_five(s: &str) -> String {
        times_small(s, 5)
    }

    fn times_small(s: &str, m: u32) -> String {
        let mut out = Vec::new();
        let mut carry = 0;
        for c in s.bytes().rev() {
            let v = u32::from(c - b'0') * m + carry;
            out.push(b'0' + (v % 10) as u8);
            carry = v / 10;
        }
        while carry > 0 {
            out.push(b'0' + (carry % 10) as u8);
            carry /= 10;
        }
        out.reverse();
        String::from_utf8(out).unwrap()
    }
}
