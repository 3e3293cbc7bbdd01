//! Block ciphers as CryptoJS runs them: AES, DES and TripleDES in ECB, CBC, CFB (full-block
//! segments), OFB and CTR (the last 32-bit word of the counter counts, wrapping), with CryptoJS's
//! paddings (Pkcs7, AnsiX923, Iso10126, Iso97971, ZeroPadding, NoPadding).
//!
//! Like CryptoJS, a message that is not a whole number of blocks after padding is zero-filled
//! for the cipher and cut back to its length after it: stream semantics for CFB/OFB/CTR.

use aes::cipher::{Array, BlockCipherDecrypt, BlockCipherEncrypt, KeyInit};
use aes::{Aes128, Aes192, Aes256};
use des::{Des, TdesEde3};

/// A keyed block cipher.
enum Keyed {
    Aes128(Box<Aes128>),
    Aes192(Box<Aes192>),
    Aes256(Box<Aes256>),
    Des(Box<Des>),
    Tdes(Box<TdesEde3>),
}

macro_rules! each {
    ($self:expr, $c:ident => $body:expr) => {
        match $self {
            Keyed::Aes128($c) => $body,
            Keyed::Aes192($c) => $body,
            Keyed::Aes256($c) => $body,
            Keyed::Des($c) => $body,
            Keyed::Tdes($c) => $body,
        }
    };
}

impl Keyed {
    fn new(alg: &str, key: &[u8]) -> Result<Keyed, String> {
        let bad = |_| format!("invalid {alg} key length: {} bytes", key.len());
        Ok(match alg {
            "aes" => match key.len() {
                16 => Keyed::Aes128(Box::new(Aes128::new_from_slice(key).map_err(bad)?)),
                24 => Keyed::Aes192(Box::new(Aes192::new_from_slice(key).map_err(bad)?)),
                32 => Keyed::Aes256(Box::new(Aes256::new_from_slice(key).map_err(bad)?)),
                n => {
                    return Err(format!(
                        "invalid AES key length: {n} bytes (use 16, 24 or 32)"
                    ))
                }
            },
            // CryptoJS reads the key words it needs; missing ones are zero.
            "des" => Keyed::Des(Box::new(
                Des::new_from_slice(&fixed::<8>(key)).map_err(bad)?,
            )),
            "tripledes" => Keyed::Tdes(Box::new(
                TdesEde3::new_from_slice(&fixed::<24>(key)).map_err(bad)?,
            )),
            other => return Err(format!("unknown block cipher: {other}")),
        })
    }

    fn block_size(&self) -> usize {
        match self {
            Keyed::Aes128(_) | Keyed::Aes192(_) | Keyed::Aes256(_) => 16,
            Keyed::Des(_) | Keyed::Tdes(_) => 8,
        }
    }

    fn encrypt(&self, block: &mut [u8]) {
        each!(self, c => {
            if let Ok(b) = <&mut Array<u8, _>>::try_from(block) {
                c.encrypt_block(b);
            }
        })
    }

    fn decrypt(&self, block: &mut [u8]) {
        each!(self, c => {
            if let Ok(b) = <&mut Array<u8, _>>::try_from(block) {
                c.decrypt_block(b);
            }
        })
    }
}

/// `key` cut or zero-filled to `N` bytes.
fn fixed<const N: usize>(key: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    let n = key.len().min(N);
    out[..n].copy_from_slice(&key[..n]);
    out
}

/// What to run: cipher, mode, direction, padding.
pub struct Job<'a> {
    pub alg: &'a str,
    pub mode: &'a str,
    pub encrypt: bool,
    pub key: &'a [u8],
    pub iv: &'a [u8],
    pub padding: &'a str,
}

/// Encrypts or decrypts `data`.
pub fn run(
    job: &Job<'_>,
    mut data: Vec<u8>,
    random: impl FnMut(usize) -> Vec<u8>,
) -> Result<Vec<u8>, String> {
    let cipher = Keyed::new(job.alg, job.key)?;
    let bs = cipher.block_size();
    if job.encrypt {
        pad(job.padding, &mut data, bs, random)?;
    }
    let len = data.len();
    data.resize(len.div_ceil(bs) * bs, 0);
    let iv = if job.mode == "ecb" {
        Vec::new()
    } else if job.iv.is_empty() {
        return Err(format!("the {} mode needs an iv", job.mode.to_uppercase()));
    } else {
        let mut iv = job.iv.to_vec();
        iv.resize(bs, 0);
        iv
    };
    apply_mode(&cipher, job.mode, job.encrypt, &iv, &mut data)?;
    data.truncate(len);
    if !job.encrypt {
        unpad(job.padding, &mut data)?;
    }
    Ok(data)
}

fn apply_mode(
    c: &Keyed,
    mode: &str,
    encrypt: bool,
    iv: &[u8],
    data: &mut [u8],
) -> Result<(), String> {
    let bs = c.block_size();
    let mut prev = iv.to_vec();
    for block in data.chunks_mut(bs) {
        match (mode, encrypt) {
            ("ecb", true) => c.encrypt(block),
            ("ecb", false) => c.decrypt(block),
            ("cbc", true) => {
                xor(block, &prev);
                c.encrypt(block);
                prev.copy_from_slice(block);
            }
            ("cbc", false) => {
                let saved = block.to_vec();
                c.decrypt(block);
                xor(block, &prev);
                prev = saved;
            }
            ("cfb", _) => {
                let mut ks = prev.clone();
                c.encrypt(&mut ks);
                let saved = block.to_vec();
                xor(block, &ks);
                prev = if encrypt { block.to_vec() } else { saved };
            }
            ("ofb", _) => {
                c.encrypt(&mut prev);
                xor(block, &prev);
            }
            ("ctr", _) => {
                let mut ks = prev.clone();
                c.encrypt(&mut ks);
                xor(block, &ks);
                let at = bs - 4;
                let word = u32::from_be_bytes([prev[at], prev[at + 1], prev[at + 2], prev[at + 3]]);
                prev[at..].copy_from_slice(&word.wrapping_add(1).to_be_bytes());
            }
            (other, _) => return Err(format!("unknown block cipher mode: {other}")),
        }
    }
    Ok(())
}

fn xor(block: &mut [u8], with: &[u8]) {
    for (b, w) in block.iter_mut().zip(with) {
        *b ^= w;
    }
}

/// Pads `data` the CryptoJS way for a block of `bs` bytes.
pub fn pad(
    name: &str,
    data: &mut Vec<u8>,
    bs: usize,
    mut random: impl FnMut(usize) -> Vec<u8>,
) -> Result<(), String> {
    let n = bs - data.len() % bs;
    match name {
        "pkcs7" => data.extend(std::iter::repeat_n(n as u8, n)),
        "ansix923" => {
            data.extend(std::iter::repeat_n(0, n - 1));
            data.push(n as u8);
        }
        "iso10126" => {
            data.extend(random(n - 1));
            data.push(n as u8);
        }
        "iso97971" => {
            data.push(0x80);
            pad("zeropadding", data, bs, random)?;
        }
        "zeropadding" => {
            let fill = (bs - data.len() % bs) % bs;
            data.extend(std::iter::repeat_n(0, fill));
        }
        "nopadding" => {}
        other => return Err(format!("unknown padding: {other}")),
    }
    Ok(())
}

/// Removes padding the CryptoJS way: the count in the last byte is trusted as is.
pub fn unpad(name: &str, data: &mut Vec<u8>) -> Result<(), String> {
    match name {
        "pkcs7" | "ansix923" | "iso10126" => {
            let n = data.last().copied().unwrap_or(0) as usize;
            data.truncate(data.len().saturating_sub(n));
        }
        "iso97971" => {
            unpad("zeropadding", data)?;
            data.pop();
        }
        "zeropadding" => {
            while data.last() == Some(&0) {
                data.pop();
            }
        }
        "nopadding" => {}
        other => return Err(format!("unknown padding: {other}")),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::lib::bytes::hex;

    fn job<'a>(
        mode: &'a str,
        encrypt: bool,
        key: &'a [u8],
        iv: &'a [u8],
        padding: &'a str,
    ) -> Job<'a> {
        Job {
            alg: "aes",
            mode,
            encrypt,
            key,
            iv,
            padding,
        }
    }

    #[test]
    fn aes_ecb_matches_fips_197() {
        let key: Vec<u8> = (0u8..16).collect();
        let pt: Vec<u8> = (0u8..16).map(|i| i * 0x11).collect();
        let out =
            run(&job("ecb", true, &key, &[], "nopadding"), pt, |_| vec![]).unwrap_or_default();
        assert_eq!(hex(&out), "69c4e0d86a7b0430d8cdb78070b4c55a");
    }

    #[test]
    fn every_mode_round_trips_with_every_padding() {
        let key = [7u8; 32];
        let iv = [9u8; 16];
        for mode in ["ecb", "cbc", "cfb", "ofb", "ctr"] {
            for padding in ["pkcs7", "ansix923", "iso10126", "iso97971", "zeropadding"] {
                let msg = b"attack at dawn, again".to_vec();
                let ct = run(&job(mode, true, &key, &iv, padding), msg.clone(), |n| {
                    vec![3; n]
                })
                .unwrap_or_default();
                assert_eq!(ct.len() % 16, 0, "{mode} {padding}");
                let pt =
                    run(&job(mode, false, &key, &iv, padding), ct, |_| vec![]).unwrap_or_default();
                assert_eq!(pt, msg, "{mode} {padding}");
            }
        }
    }

    #[test]
    fn stream_modes_without_padding_keep_the_length() {
        let key = [1u8; 16];
        let ct = run(
            &job("ctr", true, &key, &[2; 16], "nopadding"),
            b"abc".to_vec(),
            |_| vec![],
        )
        .unwrap_or_default();
        assert_eq!(ct.len(), 3);
    }

    #[test]
    fn bad_keys_and_missing_ivs_are_errors() {
        assert!(run(
            &job("cbc", true, &[0; 15], &[0; 16], "pkcs7"),
            vec![],
            |_| vec![]
        )
        .is_err());
        assert!(run(
            &job("cbc", true, &[0; 16], &[], "pkcs7"),
            vec![],
            |_| vec![]
        )
        .is_err());
    }

    #[test]
    fn a_wrong_pad_count_empties_like_cryptojs() {
        let mut d = vec![1, 2, 200];
        unpad("pkcs7", &mut d).ok();
        assert!(d.is_empty());
    }
}
