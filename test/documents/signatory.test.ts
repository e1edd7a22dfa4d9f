/** The head's line above the signature and the place before the date, as each kind of office writes them. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_TITLES } from '../../functions/core/config.ts';
import {
  actingPrefix,
  cityName,
  headSignatureLine,
  signatoryOf,
  signaturePlace,
} from '../../functions/documents/signatory.ts';

const opd = (CAMAT: string) => ({ kind: 'OPD' as const, roleTitles: { ...DEFAULT_ROLE_TITLES.OPD, CAMAT } });
const kec = signatoryOf({});

describe('headSignatureLine', () => {
  it('a kecamatan: the title and the place name', () => {
    expect(headSignatureLine({ name: 'Kecamatan Karawaci' }, kec, 'id')).toBe('CAMAT KARAWACI');
    expect(headSignatureLine({ name: 'Kecamatan Karawaci' }, kec, 'en')).toBe('HEAD OF KARAWACI SUB-DISTRICT');
  });

  it('an OPD: the title’s first word and the unit’s full name, never the kind word twice', () => {
    const name = { name: 'Dinas Arsip dan Perpustakaan' };
    expect(headSignatureLine(name, opd('Kepala Dinas'), 'id')).toBe('KEPALA DINAS ARSIP DAN PERPUSTAKAAN');
    // The SOP's own "Kepala OPD" (the default title of an OPD) stands for the unit's name.
    expect(headSignatureLine(name, opd('Kepala OPD'), 'id')).toBe('KEPALA DINAS ARSIP DAN PERPUSTAKAAN');
    expect(headSignatureLine({ name: 'Badan Kepegawaian dan Pengembangan SDM' }, opd('Kepala Badan'), 'id')).toBe(
      'KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SDM',
    );
    expect(headSignatureLine({ name: 'RSUD Kota Tangerang' }, opd('Direktur'), 'id')).toBe(
      'DIREKTUR RSUD KOTA TANGERANG',
    );
    // A title that already names the unit is written as it is.
    expect(headSignatureLine(name, opd('Kepala Dinas Arsip dan Perpustakaan'), 'id')).toBe(
      'KEPALA DINAS ARSIP DAN PERPUSTAKAAN',
    );
    expect(headSignatureLine(name, opd('Kepala Dinas'), 'en')).toBe('HEAD OF DINAS ARSIP DAN PERPUSTAKAAN');
  });
});

describe('signaturePlace', () => {
  it('the kecamatan itself, or the city of an OPD', () => {
    expect(signaturePlace({ name: 'Kecamatan Karawaci', parent: 'Pemerintah Kota Tangerang' }, 'KECAMATAN')).toBe(
      'Karawaci',
    );
    expect(signaturePlace({ name: 'Dinas Arsip', parent: 'Pemerintah Kota Tangerang' }, 'OPD')).toBe('Tangerang');
    expect(cityName('Pemerintah Kabupaten Tangerang')).toBe('Tangerang');
    expect(cityName('Kota Tangerang Selatan')).toBe('Tangerang Selatan');
  });
});

describe('actingPrefix', () => {
  it('Plh. / Plt. when the recorded title of who signed says so, nothing otherwise', () => {
    expect(actingPrefix('Plh. Camat Karawaci')).toBe('Plh.');
    expect(actingPrefix('PLT. Kepala Dinas Arsip dan Perpustakaan')).toBe('Plt.');
    expect(actingPrefix('Camat')).toBeUndefined();
    expect(actingPrefix('Plhx Camat')).toBeUndefined();
    expect(actingPrefix(undefined)).toBeUndefined();
  });
});
