// Phone and WhatsApp numbers: Bangladeshi mobiles (01XXXXXXXXX, +880 1XXX-XXXXXX, Bengali
// digits), international numbers written with "+" or "00", and 10–11 digit national numbers
// starting with 0 (UK premium lines in SMS spam). Order and tracking numbers rarely start with
// 0 or +, and are not preceded by "+"; a number must hold 9–15 digits.

const PHONE = new RegExp(
  [
    // Bangladesh mobile, optional country code: 01711-234567, +8801711234567, 8801711234567
    String.raw`(?<![\d+])(?:(?:\+|00)?\s?88[\s-]?)?01[3-9](?:[\s.-]?\d){8}(?![\d])`,
    // International: +44 7911 123456, +1 (555) 123-4567, 0044 ...
    String.raw`(?<![\d\w])(?:\+|00)\s?[1-9]\d{0,2}(?:[\s.-]?\(?\d{1,4}\)?){2,6}(?![\d])`,
    // National with a leading 0: 09061701461, 0800 123 4567
    String.raw`(?<![\d+])0\d{2,4}[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?![\d])`,
    // Bengali digits: ০১৭১২৩৪৫৬৭৮
    String.raw`(?<![০-৯])(?:\+?৮৮)?০১[৩-৯](?:[\s-]?[০-৯]){8}(?![০-৯])`,
  ].join("|"),
  "gu",
);

export interface PhoneSpan {
  start: number;
  end: number;
  digits: string;
}

export function findPhones(text: string): PhoneSpan[] {
  const out: PhoneSpan[] = [];
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(text); m !== null; m = PHONE.exec(text)) {
    const digits = m[0].replace(/[^\d০-৯]/g, "");
    if (digits.length < 9 || digits.length > 15) continue;
    // "0000000000", "1111111111": filler, not a number.
    if (/^(\d)\1+$/.test(digits)) continue;
    const start = m.index + (m[0].length - m[0].trimStart().length);
    out.push({ start, end: m.index + m[0].length, digits });
  }
  return out;
}
