import type { PageText } from './page-text';
import { atRange } from './patterns';
import type { Mention, PageWords } from './types';

/**
 * Dates and times, normalized to ISO: "ngày 12 tháng 3 năm 2024" → 2024-03-12, "12/3/2024",
 * "các ngày 14 và 28 tháng 10 năm 2024" (two dates), "tháng 9 năm 2024" → 2024-09, and a time next
 * to its date ("hồi 14 giờ 30 phút ngày 12/3/2024" → 2024-03-12T14:30). Matched on folded text.
 */
const LONG = /ngay\s+(\d{1,2}(?:\s*(?:,|va)\s*\d{1,2})*)\s*thang\s*(\d{1,2})\s*(?:,\s*)?nam\s*(\d{4})/giu;
const SHORT = /(?<![\p{N}/.-])(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4})(?![\p{N}]|\s?\/)/gu;
const MONTH = /(?<!ngay\s+\d{1,2}\s+)thang\s+(\d{1,2})\s*(?:,\s*)?nam\s+(\d{4})/giu;
const TIME_BEFORE =
  /(?:(?:hoi|luc|vao|khoang|vao\s+luc|vao\s+hoi)\s+)?(\d{1,2})\s*(?:gio|h)\s*(?:(\d{1,2})\s*(?:phut)?)?\s*(?:,\s*)?(?:(?:sang|trua|chieu|toi|dem)\s+)?(?:cung\s+)?(?:ngay\s+)?$/iu;
const TIME_AFTER = /^\s*,?\s*(?:vao\s+)?(?:luc|hoi)\s+(\d{1,2})\s*(?:gio|h)\s*(?:(\d{1,2})\s*(?:phut)?)?/iu;

const pad = (n: number) => String(n).padStart(2, '0');

function iso(y: number, m: number, d?: number): string | undefined {
  if (y < 1900 || y > 2100 || m < 1 || m > 12) return undefined;
  if (d === undefined) return `${y}-${pad(m)}`;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > days) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** What the sentence around a date says happened (for the timeline). */
const EVENTS: [RegExp, string][] = [
  [/kham nghiem hien truong|kham nghiem/, 'Khám nghiệm hiện trường'],
  [/kham xet/, 'Khám xét'],
  [/thu giu|tam giu do vat/, 'Thu giữ'],
  [/bat (?:nguoi|khan cap|bi can|qua tang)|lenh bat|bi bat/, 'Bắt'],
  [/tam giam/, 'Tạm giam'],
  [/tam giu/, 'Tạm giữ'],
  [/loi khai|hoi cung|lay loi khai/, 'Lấy lời khai'],
  [/khoi to/, 'Khởi tố'],
  [/giam dinh/, 'Giám định'],
  [/dinh gia/, 'Định giá'],
  [/ket luan dieu tra/, 'Kết luận điều tra'],
  [/truy to|cao trang/, 'Truy tố'],
  [/chuyen khoan|chuyen tien/, 'Chuyển tiền'],
  [/trinh bao|to giac|to cao/, 'Trình báo'],
];

export function eventNear(pt: PageText, start: number, end: number): string | undefined {
  const lineStart = pt.folded.lastIndexOf('\n', start - 1);
  const from = Math.max(0, pt.folded.lastIndexOf('\n', lineStart - 1), start - 160);
  const window = pt.folded
    .slice(from, Math.min(pt.folded.length, end + 100))
    .toLowerCase()
    .replace(/\s+/g, ' ');
  return EVENTS.find(([re]) => re.test(window))?.[1];
}

export function findDates(page: PageWords, pt: PageText): Mention[] {
  const out: Mention[] = [];
  const spans: [number, number][] = [];
  const add = (start: number, end: number, date: string) => {
    // A time just before ("hồi 14 giờ 30 phút ngày …") or just after ("…, lúc 8 giờ") joins the date.
    const pre = TIME_BEFORE.exec(pt.folded.slice(Math.max(0, start - 40), start));
    const post = TIME_AFTER.exec(pt.folded.slice(end, end + 30));
    let normalized = date;
    let s = start;
    let e = end;
    const t = pre ?? post;
    if (t && date.length === 10) {
      const h = Number(t[1]);
      const mi = t[2] ? Number(t[2]) : 0;
      if (h <= 23 && mi <= 59) {
        normalized = `${date}T${pad(h)}:${pad(mi)}`;
        if (pre) s = start - pre[0].length + (pre[0].length - pre[0].trimStart().length);
        else e = end + post![0].length;
      }
    }
    const m = atRange(page, pt, s, e, { kind: 'date', normalized });
    if (!m) return;
    const event = eventNear(pt, s, e);
    out.push(event ? { ...m, event } : m);
    spans.push([start, end]);
  };
  for (const m of pt.folded.matchAll(LONG)) {
    const days = m[1].split(/\s*(?:,|va)\s*/i).map(Number);
    for (const d of days) {
      const date = iso(Number(m[3]), Number(m[2]), d);
      if (date) add(m.index, m.index + m[0].length, date);
    }
  }
  for (const m of pt.folded.matchAll(SHORT)) {
    const date = iso(Number(m[4]), Number(m[3]), Number(m[1]));
    if (date) add(m.index, m.index + m[0].length, date);
  }
  for (const m of pt.folded.matchAll(MONTH)) {
    if (spans.some(([s, e]) => m.index < e && m.index + m[0].length > s)) continue;
    const date = iso(Number(m[2]), Number(m[1]));
    if (date) add(m.index, m.index + m[0].length, date);
  }
  return out;
}
