/**
 * An alert's words. The supervisors, the office and the departments read Chinese: every title
 * and detail says it in Chinese first and in English after, naming departments and enterprises by
 * name and matters by what a person recognises (a category and a date, an item's name, a short
 * reference), never by an id alone.
 */
import { toLocalIso } from '../time/clock.ts';

/** Something said in both languages. */
export interface Said {
  zh: string;
  en: string;
}

/** The title (one line, for a phone) and the detail (a paragraph in each language). */
export const alertWords = (title: Said, detail: Said) => ({ title: `${title.zh} · ${title.en}`, detail: `${detail.zh}\n${detail.en}` });

/** An instant as a person reads it: local date and minute, China Standard Time (2026-12-01 14:30). */
export const readableTime = (instant: Date | string): string =>
  toLocalIso(typeof instant === 'string' ? new Date(instant) : instant)
    .slice(0, 16)
    .replace('T', ' ');

/** A record's short reference: the first eight characters of its id, enough to find it in a list. */
export const shortRef = (id: string): string => id.slice(0, 8);
