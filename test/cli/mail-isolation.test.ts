/**
 * The verdict of `lapkin demo --units` on made-up mails (no stack): which unit a mail is about, and a mail that
 * reached someone outside that unit named with its subject and the stranger's own unit.
 */
import { describe, expect, it } from 'vitest';
import { checkMailIsolation, type SentMail, type UnitPeople, unitOfMail } from '../../infra/cli/mail-isolation.ts';

const UNITS: UnitPeople[] = [
  { unitCode: 'karawaci', name: 'Kecamatan Karawaci', emails: ['sekcam@example.go.id', 'camat@example.go.id'] },
  { unitCode: 'karawaci-baru', name: 'Kecamatan Karawaci Baru', emails: ['sekcam.baru@example.go.id'] },
  { unitCode: 'dinas-arsip', name: 'Dinas Arsip dan Perpustakaan', emails: ['sekdis.arsip@example.go.id'] },
];
const mail = (id: string, subject: string, ...recipients: string[]): SentMail => ({ id, subject, recipients });
const verify = (unit: string) => `[Perlu verifikasi] Laporan Kinerja Triwulan I 2026 — ${unit}`;

describe('mail isolation per unit', () => {
  it('attributes a mail to the unit its report title names, the longer name first', () => {
    expect(unitOfMail(mail('1', verify('Kecamatan Karawaci Baru')), UNITS)?.unitCode).toBe('karawaci-baru');
    expect(unitOfMail(mail('2', verify('Kecamatan Karawaci')), UNITS)?.unitCode).toBe('karawaci');
    expect(unitOfMail(mail('3', '[Unggahan ditolak] Unggahan tidak dapat diproses'), UNITS)).toBeUndefined();
    expect(
      unitOfMail(mail('4', '[Verification needed] Performance Report Quarter 1 2026 — Kecamatan Karawaci'), UNITS)
        ?.unitCode,
    ).toBe('karawaci');
  });

  it('passes mails that stay in their unit and groups them per unit', () => {
    const ok = [
      mail('1', verify('Kecamatan Karawaci'), 'sekcam@example.go.id'),
      mail('2', verify('Dinas Arsip dan Perpustakaan'), 'SEKDIS.ARSIP@example.go.id'),
    ];
    const r = checkMailIsolation(ok, UNITS);
    expect(r.problems).toEqual([]);
    expect(Object.fromEntries(Object.entries(r.byUnit).map(([u, m]) => [u, m.map((x) => x.id)]))).toEqual({
      karawaci: ['1'],
      'karawaci-baru': [],
      'dinas-arsip': ['2'],
    });
  });

  it("names the mail that reached another unit's person (and whose person), or anyone outside", () => {
    const r = checkMailIsolation(
      [
        mail('1', verify('Dinas Arsip dan Perpustakaan'), 'sekdis.arsip@example.go.id', 'camat@example.go.id'),
        mail('2', verify('Kecamatan Karawaci'), 'sekcam@example.go.id', 'orang.lain@example.com'),
        mail('3', '[Pengingat] Laporan Kinerja Triwulan I 2026 — Kecamatan Lain', 'sekcam@example.go.id'),
      ],
      UNITS,
    );
    expect(r.problems.map((p) => [p.mail.id, p.unit])).toEqual([
      ['1', 'dinas-arsip'],
      ['2', 'karawaci'],
      ['3', undefined],
    ]);
    expect(r.problems[0]?.message).toBe(
      `mail "${verify('Dinas Arsip dan Perpustakaan')}" about dinas-arsip went to camat@example.go.id (of karawaci), not one of dinas-arsip's people`,
    );
    expect(r.problems[1]?.message).toContain('went to orang.lain@example.com, not one of');
    expect(r.problems[2]?.message).toContain("names no configured unit's report");
  });
});
