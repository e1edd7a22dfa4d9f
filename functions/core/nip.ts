/**
 * NIP (Nomor Induk Pegawai) of a civil servant: 18 digits — birth date YYYYMMDD, TMT CPNS (start of service)
 * YYYYMM, gender 1 (male) or 2 (female), sequence of 3. Written in groups on letters and ID cards
 * ("19880101 201001 1 002"), which is read as the same number.
 */
export function normalizeNip(raw: string): string {
  return raw.replace(/[\s.-]+/g, '');
}

/** What makes an 18-digit string impossible as a NIP (Bahasa Indonesia, for the person who typed it), if anything. */
export function nipProblem(nip: string): string | undefined {
  if (!/^\d{18}$/.test(nip)) return undefined; // the 18-digit rule has its own message
  const year = Number(nip.slice(0, 4));
  const month = Number(nip.slice(4, 6));
  const day = Number(nip.slice(6, 8));
  const born = new Date(Date.UTC(year, month - 1, day));
  if (year < 1940 || born.getUTCMonth() !== month - 1 || born.getUTCDate() !== day)
    return 'NIP tidak sah: 8 digit pertama harus tanggal lahir (TTTTBBHH)';
  const tmtYear = Number(nip.slice(8, 12));
  const tmtMonth = Number(nip.slice(12, 14));
  if (tmtYear < year + 15 || tmtMonth < 1 || tmtMonth > 12)
    return 'NIP tidak sah: digit 9–14 harus TMT CPNS (TTTTBB) setelah usia 15 tahun';
  if (!['1', '2'].includes(nip.charAt(14))) return 'NIP tidak sah: digit ke-15 harus 1 atau 2 (jenis kelamin)';
  return undefined;
}
