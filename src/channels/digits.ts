// Decimal digits of any script (Arabic-Indic ٣, Extended ۳, Devanagari ३, fullwidth ３,
// mathematical 𝟑 …) to ASCII, by their position in the run of ten they belong to.
const ND = /^\p{Nd}$/u;

export function asciiDigits(s: string): string {
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x30 && cp <= 0x39) { out += ch; continue; }
    if (cp < 0x80 || !ND.test(ch)) { out += ch; continue; }
    // Unicode assigns Nd digits in runs of ten starting at zero, some runs back to back
    // (mathematical digits): the count of digits before this one, modulo ten.
    let k = 0;
    while (k < 100 && ND.test(String.fromCodePoint(cp - k - 1))) k++;
    out += String(k % 10);
  }
  return out;
}
