// Check digits of the numbers the scanner reports, so that a random run of digits is not
// taken for a card, an IBAN, a wallet or an identity number.
import { sha256 } from "./sha256.ts";
import ibanLengths from "./iban-lengths.json" with { type: "json" };

/** Luhn (ISO/IEC 7812) check of a digit string: payment cards. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** The IBAN length of a country (ISO 13616 registry), undefined for unknown countries. */
export function ibanLength(country: string): number | undefined {
  return (ibanLengths as Record<string, number>)[country];
}

/** ISO 13616 mod-97 check of a compact, upper-case IBAN. */
export function ibanValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban) || ibanLength(iban.slice(0, 2)) !== iban.length) return false;
  // The first four characters move to the end; each letter counts as its two digits (A = 10 … Z = 35).
  let rem = 0;
  for (let k = 0; k < iban.length; k++) {
    const c = iban.charCodeAt((k + 4) % iban.length);
    if (c >= 65) {
      const v = c - 55;
      rem = (rem * 10 + Math.floor(v / 10)) % 97;
      rem = (rem * 10 + (v % 10)) % 97;
    } else rem = (rem * 10 + (c - 48)) % 97;
  }
  return rem === 1;
}

const B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** Base58check decode: the payload bytes (version first) when the 4-byte double-SHA-256 checksum holds. */
export function base58check(s: string): Uint8Array | undefined {
  let bytes: number[] = [0];
  for (const ch of s) {
    const v = B58.indexOf(ch);
    if (v < 0) return undefined;
    let carry = v;
    for (let i = 0; i < bytes.length; i++) {
      carry += bytes[i]! * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (const ch of s) {
    if (ch !== "1") break;
    bytes.push(0);
  }
  bytes = bytes.reverse();
  if (bytes.length < 5) return undefined;
  const payload = Uint8Array.from(bytes.slice(0, -4));
  const check = sha256(sha256(payload));
  for (let i = 0; i < 4; i++) if (check[i] !== bytes[bytes.length - 4 + i]) return undefined;
  return payload;
}

const BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

/** BIP-173/350 checksum of a bech32 or bech32m string (segwit addresses such as bc1q…). */
export function bech32Valid(s: string): boolean {
  const lower = s.toLowerCase();
  const sep = lower.lastIndexOf("1");
  if (sep < 1 || sep + 7 > lower.length || lower.length > 90) return false;
  const hrp = lower.slice(0, sep);
  const data: number[] = [];
  for (const ch of lower.slice(sep + 1)) {
    const v = BECH32.indexOf(ch);
    if (v < 0) return false;
    data.push(v);
  }
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  const values = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31), ...data];
  for (const v of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk = (chk ^ GEN[i]!) >>> 0;
  }
  return chk === 1 || chk === 0x2bc830a3;
}

/** Israeli identity number (Teudat Zehut): 9 digits, Luhn-like weights 1,2,1,2… */
export function israeliIdValid(digits: string): boolean {
  if (!/^\d{5,9}$/.test(digits)) return false;
  const d = digits.padStart(9, "0");
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = (d.charCodeAt(i) - 48) * ((i % 2) + 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return sum % 10 === 0 && !/^0+$/.test(d);
}

/** Latvian personal code: DDMMYY-CNNNX with its check digit, or the newer 32xxxx-xxxxx form without one. */
export function latvianPersonalCodeValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  if (digits.startsWith("32")) return true;
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  if (day < 1 || day > 31 || month < 1 || month > 12 || !"012".includes(digits[6]!)) return false;
  const w = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (digits.charCodeAt(i) - 48) * w[i]!;
  return (((1101 - sum) % 11) + 11) % 11 % 10 === digits.charCodeAt(10) - 48;
}

/** US Social Security number shape: AAA-GG-SSSS with no all-zero group and no 666 or 9xx area. */
export function ssnShapeValid(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  return area !== "000" && area !== "666" && area[0] !== "9" && digits.slice(3, 5) !== "00" && digits.slice(5) !== "0000";
}

/** Brazilian CPF: 11 digits, the last two check digits mod 11 over weights 10…2 and 11…2; never one digit repeated. */
export function cpfValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  const check = (n: number) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (digits.charCodeAt(i) - 48) * (n + 1 - i);
    return ((sum * 10) % 11) % 10;
  };
  return check(9) === digits.charCodeAt(9) - 48 && check(10) === digits.charCodeAt(10) - 48;
}

/** Values of the characters in odd places (1st, 3rd, …) of an Italian codice fiscale, for 0–9 and A–Z alike. */
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
/**
 * Italian codice fiscale: 6 letters, year, month letter, day (01–31, +40 for women), place code, and a check letter
 * over the first 15 characters (odd places by CF_ODD, even places by their own value), upper case.
 */
export function italianTaxCodeValid(code: string): boolean {
  if (!/^[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]$/.test(code)) return false;
  const day = Number(code.slice(9, 11));
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = code.charCodeAt(i);
    const v = c <= 57 ? c - 48 : c - 65;
    sum += i % 2 === 0 ? CF_ODD[v]! : v;
  }
  return code.charCodeAt(15) - 65 === sum % 26;
}

/** Brazilian CNPJ (a company's tax number, often a Pix key): 14 digits, the last two check digits mod 11 over weights 5…2,9…2 and 6…2,9…2. */
export function cnpjValid(digits: string): boolean {
  if (!/^\d{14}$/.test(digits) || /^(\d)\1{13}$/.test(digits)) return false;
  const check = (n: number) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (digits.charCodeAt(i) - 48) * (((n - 1 - i) % 8) + 2);
    const r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  };
  return check(12) === digits.charCodeAt(12) - 48 && check(13) === digits.charCodeAt(13) - 48;
}

/** Polish PESEL: 11 digits, a birth date (the month carries the century: +20 for 2000s, +40, +60, +80) and a check digit over weights 1,3,7,9. */
export function peselValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  const month = Number(digits.slice(2, 4)) % 20;
  const day = Number(digits.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (digits.charCodeAt(i) - 48) * w[i]!;
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(10) - 48;
}

/** Turkish identity number (TC kimlik no): 11 digits, no leading 0, two check digits (odd places ×7 minus even places; the sum of the first ten). */
export function turkishIdValid(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const d = (i: number) => digits.charCodeAt(i) - 48;
  const odd = d(0) + d(2) + d(4) + d(6) + d(8);
  const even = d(1) + d(3) + d(5) + d(7);
  if ((((odd * 7 - even) % 10) + 10) % 10 !== d(9)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += d(i);
  return sum % 10 === d(10);
}
