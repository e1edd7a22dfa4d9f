import { describe, expect, it } from 'vitest';
import { renderLkjipPdf } from '../../functions/documents/lkjip/index.ts';
import { indicatorNumber } from '../../functions/documents/report-pdf/numbers.ts';
import { lkjipSample } from '../fakes/lkjip-sample.ts';
import { pdfTextOf } from '../fakes/pdf-text.ts';

describe('an indicator figure prints the same in every table', () => {
  it('rounds fractions half up to 2 decimals, as capaian is; integers stay integers', () => {
    // Means to date: (80 + 83,45) / 2 = 81,725; 17,7 / 4 = 4,425; 333,45 / 4 = 83,3625.
    expect(indicatorNumber(81.725, 'id')).toBe('81,73');
    expect(indicatorNumber(4.425, 'id')).toBe('4,43');
    expect(indicatorNumber(83.3625, 'id')).toBe('83,36');
    expect(indicatorNumber(96.8, 'id')).toBe('96,80');
    expect(indicatorNumber(4.999, 'id')).toBe('5');
    expect(indicatorNumber(1234, 'id')).toBe('1.234');
    expect(indicatorNumber(undefined, 'id')).toBe('-');
    expect(indicatorNumber(81.725, 'en')).toBe('81.73');
  });

  it('the LKjIP titles its signature block as its Daftar Isi does, without the quarterly report’s number', async () => {
    const text = pdfTextOf(await renderLkjipPdf(lkjipSample(), [], 'id'));
    expect(text).toContain('PARAF DAN PENGESAHAN');
    expect(text).not.toContain('VI. PARAF DAN PENGESAHAN');
  });
});
