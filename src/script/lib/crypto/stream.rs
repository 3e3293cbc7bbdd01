//! The stream ciphers CryptoJS offers: RC4 (and RC4Drop, which discards the first keystream
//! bytes) and Rabbit (RFC 4503, eSTREAM byte order), plus CryptoJS's RabbitLegacy, which reads
//! the key's words big-endian.

/// XORs `data` with the RC4 keystream for `key`, after discarding `drop` keystream bytes.
pub fn rc4(key: &[u8], drop: usize, data: &mut [u8]) -> Result<(), String> {
    if key.is_empty() {
        return Err("RC4 needs a key".into());
    }
    let mut s: [u8; 256] = std::array::from_fn(|i| i as u8);
    let mut j: u8 = 0;
    for i in 0..256 {
        j = j.wrapping_add(s[i]).wrapping_add(key[i % key.len()]);
        s.swap(i, usize::from(j));
    }
    let (mut i, mut j) = (0u8, 0u8);
    let mut next = || {
        i = i.wrapping_add(1);
        j = j.wrapping_add(s[usize::from(i)]);
        s.swap(usize::from(i), usize::from(j));
        s[usize::from(s[usize::from(i)].wrapping_add(s[usize::from(j)]))]
    };
    for _ in 0..drop {
        next();
    }
    for b in data.iter_mut() {
        *b ^= next();
    }
    Ok(())
}

const A: [u32; 8] = [
    0x4D34D34D, 0xD34D34D3, 0x34D34D34, 0x4D34D34D, 0xD34D34D3, 0x34D34D34, 0x4D34D34D, 0xD34D34D3,
];

struct Rabbit {
    x: [u32; 8],
    c: [u32; 8],
    carry: u32,
}

fn g(u: u32, v: u32) -> u32 {
    let s = u64::from(u.wrapping_add(v));
    let sq = s * s;
    (sq ^ (sq >> 32)) as u32
}

impl Rabbit {
    fn next_state(&mut self) {
        for (c, a) in self.c.iter_mut().zip(A) {
            let t = u64::from(*c) + u64::from(a) + u64::from(self.carry);
            self.carry = (t >> 32) as u32;
            *c = t as u32;
        }
        let gs: [u32; 8] = std::array::from_fn(|j| g(self.x[j], self.c[j]));
        let x = &mut self.x;
        x[0] = gs[0]
            .wrapping_add(gs[7].rotate_left(16))
            .wrapping_add(gs[6].rotate_left(16));
        x[1] = gs[1].wrapping_add(gs[0].rotate_left(8)).wrapping_add(gs[7]);
        x[2] = gs[2]
            .wrapping_add(gs[1].rotate_left(16))
            .wrapping_add(gs[0].rotate_left(16));
        x[3] = gs[3].wrapping_add(gs[2].rotate_left(8)).wrapping_add(gs[1]);
        x[4] = gs[4]
            .wrapping_add(gs[3].rotate_left(16))
            .wrapping_add(gs[2].rotate_left(16));
        x[5] = gs[5].wrapping_add(gs[4].rotate_left(8)).wrapping_add(gs[3]);
        x[6] = gs[6]
            .wrapping_add(gs[5].rotate_left(16))
            .wrapping_add(gs[4].rotate_left(16));
        x[7] = gs[7].wrapping_add(gs[6].rotate_left(8)).wrapping_add(gs[5]);
    }

    /// Key words k[0..4] are the key as four 32-bit numbers, least significant first.
    fn new(k: [u32; 4]) -> Rabbit {
        let mut x = [0u32; 8];
        let mut c = [0u32; 8];
        // 16-bit subkeys k0..k7, least significant first.
        let sub = |i: usize| (k[i / 2] >> (16 * (i % 2))) & 0xffff;
        let cat = |hi: usize, lo: usize| (sub(hi % 8) << 16) | sub(lo % 8);
        for j in 0..8 {
            if j % 2 == 0 {
                x[j] = cat(j + 1, j);
                c[j] = cat(j + 4, j + 5);
            } else {
                x[j] = cat(j + 5, j + 4);
                c[j] = cat(j, j + 1);
            }
        }
        let mut r = Rabbit { x, c, carry: 0 };
        for _ in 0..4 {
            r.next_state();
        }
        for j in 0..8 {
            r.c[j] ^= r.x[(j + 4) % 8];
        }
        r
    }

    /// IV words: iv[0] = IV[31..0], iv[1] = IV[63..32].
    fn set_iv(&mut self, iv: [u32; 2]) {
        let i1 = (iv[0] >> 16) | (iv[1] & 0xffff_0000);
        let i2 = (iv[1] << 16) | (iv[0] & 0x0000_ffff);
        let mix = [iv[0], i1, iv[1], i2];
        for j in 0..8 {
            self.c[j] ^= mix[j % 4];
        }
        for _ in 0..4 {
            self.next_state();
        }
    }

    fn block(&mut self) -> [u8; 16] {
        self.next_state();
        let x = &self.x;
        let s = [
            x[0] ^ (x[5] >> 16) ^ (x[3] << 16),
            x[2] ^ (x[7] >> 16) ^ (x[5] << 16),
            x[4] ^ (x[1] >> 16) ^ (x[7] << 16),
            x[6] ^ (x[3] >> 16) ^ (x[1] << 16),
        ];
        let mut out = [0u8; 16];
        for (i, w) in s.iter().enumerate() {
            out[4 * i..4 * i + 4].copy_from_slice(&w.to_le_bytes());
        }
        out
    }
}

fn words<const N: usize>(bytes: &[u8], big_endian: bool) -> [u32; N] {
    std::array::from_fn(|i| {
        let mut b = [0u8; 4];
        for (k, v) in b.iter_mut().enumerate() {
            *v = bytes.get(4 * i + k).copied().unwrap_or(0);
        }
        if big_endian {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        }
    })
}

/// XORs `data` with the Rabbit keystream (`legacy`: CryptoJS's RabbitLegacy key word order).
pub fn rabbit(key: &[u8], iv: &[u8], legacy: bool, data: &mut [u8]) {
    let mut r = Rabbit::new(words::<4>(key, legacy));
    if !iv.is_empty() {
        r.set_iv(words::<2>(iv, false));
    }
    for chunk in data.chunks_mut(16) {
        let ks = r.block();
        for (b, k) in chunk.iter_mut().zip(ks) {
            *b ^= k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::script::lib::bytes::hex;

    #[test]
    fn rc4_known_vector() {
        let mut d = b"Plaintext".to_vec();
        rc4(b"Key", 0, &mut d).ok();
        assert_eq!(hex(&d), "bbf316e8d940af0ad3");
    }

    #[test]
    fn rabbit_rfc4503_zero_key() {
        // RFC 4503 appendix A.1, key 0: S[127..0] = B15754F036A5D6ECF56B45261C4AF702,
        // which is the byte stream 02 F7 4A 1C … read least significant byte first.
        let mut d = vec![0u8; 16];
        rabbit(&[0; 16], &[], false, &mut d);
        assert_eq!(hex(&d), "02f74a1c26456bf5ecd6a536f05457b1");
    }
}
