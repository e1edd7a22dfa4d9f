/**
 * The mail templates on their own (no use case, no ports): the subject names the action and the report, the links
 * lead into the portal and open in a new tab, and whatever a person, a unit or an uploaded file is called is
 * escaped in the HTML.
 */
import { describe, expect, it } from 'vitest';
import { everyMail, PORTAL, REPORT, SIGNED } from './fixtures.ts';

const ABOUT_ID = 'Laporan Kinerja Triwulan I 2026 — Kecamatan Karawaci';
const ABOUT_EN = 'Performance Report Quarter 1 2026 — Kecamatan Karawaci';
const UPLOAD_PAGE = `${PORTAL}/unggah?laporan=${REPORT.reportId}`;
const TASK = `${PORTAL}/tugas/d1a2b3`;

/** Every <a …> of an HTML text, as its attribute string. */
const anchors = (html: string) => [...html.matchAll(/<a\s([^>]*)>/g)].map((m) => m[1] ?? '');
const hrefOf = (attrs: string) => /href="([^"]*)"/.exec(attrs)?.[1]?.replaceAll('&amp;', '&');

describe('mail subjects: the action in brackets, then the report and its unit', () => {
  it('in Bahasa Indonesia', () => {
    const m = everyMail('id');
    expect(m.verify?.subject).toBe(`[Perlu verifikasi] ${ABOUT_ID}`);
    expect(m.ratify?.subject).toBe(`[Perlu pengesahan] ${ABOUT_ID}`);
    expect(m.revision?.subject).toBe(`[Perlu perbaikan] ${ABOUT_ID}`);
    expect(m.invalid?.subject).toBe(`[Data ditolak] ${ABOUT_ID}`);
    expect(m.reminder?.subject).toBe(`[Pengingat] ${ABOUT_ID}`);
    expect(m.escalation?.subject).toBe(`[Eskalasi] ${ABOUT_ID}`);
    expect(m.documented?.subject).toBe(`[Terdokumentasi] ${ABOUT_ID}`);
    expect(m.failed?.subject).toBe(`[Gagal diproses] ${ABOUT_ID}`);
    expect(m.ignored?.subject).toBe(`[Unggahan belum digunakan] ${ABOUT_ID}`);
    expect(m.rejected?.subject).toBe('[Unggahan ditolak] Unggahan tidak dapat diproses');
  });

  it('in English', () => {
    const m = everyMail('en');
    expect(m.verify?.subject).toBe(`[Verification needed] ${ABOUT_EN}`);
    expect(m.ratify?.subject).toBe(`[Ratification needed] ${ABOUT_EN}`);
    expect(m.revision?.subject).toBe(`[Revision needed] ${ABOUT_EN}`);
    expect(m.invalid?.subject).toBe(`[Data rejected] ${ABOUT_EN}`);
    expect(m.reminder?.subject).toBe(`[Reminder] ${ABOUT_EN}`);
    expect(m.escalation?.subject).toBe(`[Escalation] ${ABOUT_EN}`);
    expect(m.documented?.subject).toBe(`[Documented] ${ABOUT_EN}`);
    expect(m.failed?.subject).toBe(`[Processing failed] ${ABOUT_EN}`);
    expect(m.ignored?.subject).toBe(`[Upload not used] ${ABOUT_EN}`);
    expect(m.rejected?.subject).toBe('[Upload rejected] Upload could not be processed');
  });

  it('greet in the register of an Indonesian office', () => {
    for (const [kind, m] of Object.entries(everyMail('id'))) {
      expect(m.text, kind).toMatch(/^Yth\. Bapak\/Ibu (Ratna Sari|Budi Santoso),\n/);
      expect(m.html, kind).toMatch(/>Yth\. Bapak\/Ibu (Ratna Sari|Budi Santoso),</);
    }
  });

  it('ask rather than order, and close as a letter does', () => {
    const id = everyMail('id');
    expect(id.verify?.text).toContain('Mohon berkenan memverifikasi laporan kinerja berikut.');
    expect(id.ratify?.text).toContain('Mohon berkenan mengesahkannya (tanda tangan)');
    expect(id.revision?.text).toContain('Mohon Bapak/Ibu melengkapi perbaikan sesuai catatan tersebut');
    for (const [kind, m] of Object.entries(id)) {
      expect(m.text.trimEnd(), kind).toMatch(/Atas perhatian Bapak\/Ibu, kami ucapkan terima kasih\.$/);
      expect(m.html, kind).toContain('>Atas perhatian Bapak/Ibu, kami ucapkan terima kasih.</p>');
      // No imperative addressed to an official, no abbreviation.
      expect(m.text, kind).not.toMatch(/\b(thd|tgl|dll|yg|dsb)\b|\bAnda\b/);
    }
    for (const [kind, m] of Object.entries(everyMail('en'))) {
      expect(m.text.trimEnd(), kind).toMatch(/Thank you for your attention\.$/);
      expect(m.text, kind).toMatch(/^Dear (Ratna Sari|Budi Santoso),\n/);
    }
  });
});

describe('the arahan of an approval reaches the mails that report the decision', () => {
  const ARAHAN = 'Pertahankan capaian IK-02; percepat serapan anggaran.';
  for (const lang of ['id', 'en'] as const) {
    it(`the ratify request quotes the verifier's arahan; the documented mail the arahan of the sheet (${lang})`, () => {
      const m = everyMail(lang, { arahan: ARAHAN });
      for (const mail of [m.ratify, m.documented]) {
        expect(mail?.text).toContain(`"${ARAHAN}"`);
        expect(mail?.text).toContain('Sekretaris Camat — Dewi Lestari');
        expect(mail?.html).toContain(`“${ARAHAN}”`);
      }
      expect(m.ratify?.text).toContain(
        lang === 'id' ? 'Arahan pada tahap sebelumnya:' : 'Directions given at the earlier step:',
      );
      expect(m.documented?.text).toContain(
        lang === 'id' ? 'Arahan pada lembar disposisi:' : 'Directions on the disposition sheet:',
      );
      // Without an arahan, no empty section.
      expect(everyMail(lang).ratify?.text).not.toContain(lang === 'id' ? 'Arahan pada' : 'Directions given');
    });
  }
});

describe('mails point to the portal', () => {
  for (const lang of ['id', 'en'] as const) {
    it(`the revision and invalid-data mails link to the report's upload page, with no CLI command (${lang})`, () => {
      const m = everyMail(lang);
      for (const mail of [m.revision, m.invalid]) {
        expect(mail?.text).toContain(UPLOAD_PAGE);
        expect(anchors(mail?.html ?? '').map(hrefOf)).toContain(UPLOAD_PAGE);
      }
      for (const [kind, mail] of Object.entries(m)) {
        expect(`${mail.text}${mail.html}`, kind).not.toMatch(/npx|lapkin upload/);
      }
    });

    it(`the decision mail has the task in the portal and the signed link, each opening in a new tab (${lang})`, () => {
      for (const mail of [everyMail(lang).verify, everyMail(lang).ratify]) {
        expect(mail?.text).toContain(SIGNED);
        expect(mail?.text).toContain(TASK);
        const links = anchors(mail?.html ?? '');
        for (const href of [SIGNED, TASK]) {
          const a = links.find((attrs) => hrefOf(attrs) === href);
          expect(a, href).toBeDefined();
          expect(a).toContain('target="_blank"');
          expect(a).toContain('rel="noopener noreferrer"');
        }
      }
    });

    it(`reminders lead to the decision (signed link and task) or to the upload page (${lang})`, () => {
      const m = everyMail(lang);
      expect(anchors(m.reminder?.html ?? '').map(hrefOf)).toEqual(expect.arrayContaining([SIGNED, TASK]));
      expect(anchors(m.escalation?.html ?? '').map(hrefOf)).toContain(UPLOAD_PAGE);
      expect(m.escalation?.text).toContain(UPLOAD_PAGE);
    });

    it(`every link of every mail opens in a new tab, without opener or referrer (${lang})`, () => {
      for (const [kind, mail] of Object.entries(everyMail(lang))) {
        const links = anchors(mail.html);
        if (kind !== 'documented' && kind !== 'ignored') expect(links.length, kind).toBeGreaterThan(0);
        for (const a of links) {
          expect(a, kind).toContain('target="_blank"');
          expect(a, kind).toContain('rel="noopener noreferrer"');
          expect(hrefOf(a), kind).toMatch(/^https:\/\/lapkin\.example\.go\.id\//);
        }
      }
    });
  }
});

describe('mail HTML is escaped', () => {
  const evil = '<script>alert("x")</script> "Sari" & Co';
  it('a person, a unit, a note or an uploaded value with markup and quotes stays text in every mail', () => {
    for (const lang of ['id', 'en'] as const) {
      const mails = everyMail(lang, { name: evil, unitName: `Kecamatan ${evil}`, note: evil });
      for (const [kind, mail] of Object.entries(mails)) {
        expect(mail.html, kind).not.toContain('<script');
        expect(mail.html, kind).not.toContain('"Sari"');
        expect(mail.html, kind).toContain(
          '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &quot;Sari&quot; &amp; Co',
        );
        // The plain text keeps the words as they are.
        expect(mail.text, kind).toContain(evil);
      }
    }
  });

  it('the mail is a whole document with no script and nothing fetched from elsewhere', () => {
    for (const [kind, mail] of Object.entries(everyMail('id'))) {
      expect(mail.html.startsWith('<!doctype html>\n<html lang="id">'), kind).toBe(true);
      expect(mail.html, kind).not.toMatch(/<script|<img|<link|src=/i);
    }
  });
});
