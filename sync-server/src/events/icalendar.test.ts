// iCalendar as RFC 5545 writes it: every value escaped, every line folded on octets, CRLF only —
// checked on the bytes and by parsing back with ical.js.
import type { LearningEvent } from '@atelier/api-types';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { foldLine, icalText } from './ical-text';
import { toICalendar } from './icalendar';

const hostile = 'Line one\rSUMMARY:Injected\r\nLine two\nATTENDEE:mailto:x@evil.example, a; b \\ c';
const longUtf8 = 'Événement d’apprentissage — ' + 'é'.repeat(40) + ' 🎉'.repeat(30) + ' 日本語テキスト'.repeat(10);

function event(over: Partial<LearningEvent> = {}): LearningEvent {
  return {
    id: 'ev1',
    kind: 'quarterly',
    title: { en: `Q2, review; part \\ 1\rBEGIN:VEVENT`, fr: longUtf8 },
    description: { en: hostile, fr: 'Description\r\nfrançaise' },
    startsAt: Date.UTC(2027, 4, 12, 13),
    endsAt: Date.UTC(2027, 4, 12, 20),
    timeZone: 'America/Toronto',
    place: 'Salle 1, étage 2; aile B\rLOCATION:elsewhere',
    onlineLink: '',
    updatedAt: Date.UTC(2027, 0, 1),
    sequence: 2,
    presentations: [],
    ...over
  } as LearningEvent;
}

const physicalLines = (ics: string) => ics.split('\r\n').slice(0, -1);

describe('iCalendar export', () => {
  it('leaves no bare CR or LF in the calendar: CR, LF and CRLF inside values become \\n', () => {
    const ics = toICalendar([event()], 'https://atelier.example.ca');
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    // A person's text never starts a property of its own.
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded.split('\r\n').filter((l) => l.startsWith('SUMMARY:'))).toHaveLength(1);
    expect(unfolded.split('\r\n').filter((l) => l.startsWith('BEGIN:VEVENT'))).toHaveLength(1);
    expect(unfolded.split('\r\n').filter((l) => l.startsWith('LOCATION:'))).toHaveLength(1);
    expect(unfolded.split('\r\n').some((l) => l.startsWith('ATTENDEE'))).toBe(false);
  });

  it('escapes commas, semicolons and backslashes so every value parses back exactly', () => {
    const ics = toICalendar([event()], 'https://atelier.example.ca');
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    const parsed = new ICAL.Event(vevent);
    expect(parsed.summary).toBe(`Q2, review; part \\ 1\nBEGIN:VEVENT / ${longUtf8}`);
    expect(parsed.location).toBe('Salle 1, étage 2; aile B\nLOCATION:elsewhere');
    expect(parsed.description.startsWith('Line one\nSUMMARY:Injected\nLine two\nATTENDEE:mailto:x@evil.example, a; b \\ c\nDescription\nfrançaise\n')).toBe(true);
    expect(icalText('a,b;c\\d\r\ne\rf\ng')).toBe('a\\,b\\;c\\\\d\\ne\\nf\\ng');
  });

  it('folds long UTF-8 lines at 75 octets without splitting a character', () => {
    const ics = toICalendar([event()], 'https://atelier.example.ca');
    const strict = new TextDecoder('utf-8', { fatal: true });
    const bytes = (s: string) => new TextEncoder().encode(s);
    let folded = 0;
    for (const line of physicalLines(ics)) {
      expect(bytes(line).length).toBeLessThanOrEqual(75);
      // Each physical line is whole UTF-8 on its own: no sequence was cut at a fold.
      expect(() => strict.decode(bytes(line))).not.toThrow();
      expect(line).not.toContain('\uFFFD');
      if (line.startsWith(' ')) folded++;
    }
    expect(folded).toBeGreaterThan(5);
    // Folds are transparent: unfolding gives the original line back.
    const summary = foldLine(`SUMMARY:${longUtf8}`);
    expect(summary.replace(/\r\n /g, '')).toBe(`SUMMARY:${longUtf8}`);
  });

  it('writes the labels it adds in the reader’s language', () => {
    const withOrder = event({
      presentations: [{ id: 'p', eventId: 'ev1', copId: 'c', copName: 'COP', title: 'Talk', presenters: 'A', resourceItemIds: [], position: 0, minutes: 20 }]
    } as Partial<LearningEvent>);
    const fr = new ICAL.Component(ICAL.parse(toICalendar([withOrder], 'https://a.example', 'fr')));
    expect(fr.getFirstPropertyValue('x-wr-calname')).toBe('Atelier — événements d’apprentissage');
    const vevent = fr.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('categories')).toBe('Événement d’apprentissage trimestriel');
    expect(new ICAL.Event(vevent).description).toContain('Ordre de passage :\n1. Talk — COP (A, 20 min)');
    const en = new ICAL.Component(ICAL.parse(toICalendar([withOrder], 'https://a.example', 'en')));
    expect(en.getFirstSubcomponent('vevent')!.getFirstPropertyValue('categories')).toBe('Quarterly Learning Event');
  });

  it('writes a calendar with no events that still parses', () => {
    const empty = new ICAL.Component(ICAL.parse(toICalendar([], 'https://a.example')));
    expect(empty.getAllSubcomponents('vevent')).toHaveLength(0);
  });
});
