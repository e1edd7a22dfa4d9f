/** Who the signing certificate names: the deployment, not a person (it is not a certified personal signature). */
export interface CertificateSubject {
  commonName: string;
  organization?: string;
}

/** The deployment as its certificate names it: lapkin of the city (or the first unit's government). */
export function signerSubject(config: {
  city?: { name: string };
  units: { organization: { parent: string } }[];
}): CertificateSubject {
  return {
    commonName: 'lapkin - Pelaporan Kinerja',
    organization: config.city?.name ?? config.units[0]?.organization.parent,
  };
}

/** "lapkin - Pelaporan Kinerja (Pemerintah Kota Tangerang)": the subject as the documents' label names it. */
export function subjectLine(subject: CertificateSubject): string {
  return subject.organization ? `${subject.commonName} (${subject.organization})` : subject.commonName;
}
