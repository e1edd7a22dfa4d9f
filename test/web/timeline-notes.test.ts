/** The system notes of the trail as the report page shows them: in the page's language, never the raw log line. */
import { describe, expect, it } from 'vitest';
import { knownSystemNote, noteText } from '../../functions/web/timeline-labels.ts';

const NOTES = [
  'execution started',
  'wait re-entered',
  'restart',
  'older than the version in use',
  'revision wait already resumed by another upload',
  'step no longer waiting',
  'workflow unavailable; the link can be used again',
  'uploader address in the object metadata is invalid; ignored',
];

describe('system notes on the timeline', () => {
  it('each known note reads as a sentence in both languages, not as the operator log line', () => {
    for (const note of NOTES)
      for (const lang of ['id', 'en'] as const) {
        const shown = knownSystemNote(note, lang);
        expect(shown, `${lang}: ${note}`).toBeDefined();
        expect(shown, `${lang}: ${note}`).not.toBe(note);
        expect(shown?.[0], `${lang}: ${note}`).toMatch(/[A-Z]/);
      }
    expect(noteText('report is TERDOKUMENTASI', 'en')).toBe('Report is TERDOKUMENTASI');
    // A person's note is shown as written.
    expect(noteText('Lengkapi narasi.', 'en')).toBe('Lengkapi narasi.');
  });
});
