import { createHash, randomBytes } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer as SignpdfSigner, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { type CertificateSubject, subjectLine } from '../core/signer-subject.ts';
import type { Signer } from '../ports/signer.ts';

/**
 * PAdES signatures of finished PDFs, shared by every Signer adapter: the adapters differ only in where the RSA key
 * is (a file, KMS) — this module adds the signature dictionary (an incremental update: the rendered bytes stay as
 * they are), builds the detached CMS SignedData (CAdES) around the key's signature and embeds it.
 */

/** An RSA key that signs with RSASSA-PKCS1-v1_5 / SHA-256 and the X.509 certificate issued for it. */
export interface RsaSigningKey {
  /** The key hashes `data` itself (SHA-256) and returns the PKCS#1 v1.5 signature. */
  signSha256(data: Uint8Array): Promise<Uint8Array>;
  /** DER X.509 certificate of the key. */
  certificate(): Promise<Uint8Array>;
}

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  country: '2.5.4.6',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
};

/**
 * Room for the CMS in the placeholder, in bytes (the PDF holds it as hex, twice as long). One 2048-bit
 * self-issued certificate, a 256-byte signature and the attributes take ≈1.5 KB (measured 1 523 B); a chain up to a CA root (a
 * certified signature) would need a larger value.
 */
export const SIGNATURE_BYTES = 4096;

const sha256 = (data: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(data).digest());
const buffer = (data: Uint8Array): ArrayBuffer => data.slice().buffer as ArrayBuffer;
const algorithm = (id: string) =>
  new pkijs.AlgorithmIdentifier({ algorithmId: id, algorithmParams: new asn1js.Null() });

/** DER of a SET OF: the elements sorted by their encoding, as DER requires. */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return a.length - b.length;
}

/** The detached CMS SignedData (CAdES) over `content`: what goes into the signature dictionary's /Contents. */
export async function cadesDetached(content: Uint8Array, key: RsaSigningKey, at: Date): Promise<Uint8Array> {
  const certDer = await key.certificate();
  const cert = pkijs.Certificate.fromBER(buffer(certDer));
  // ESS signing-certificate-v2 (RFC 5035): binds the certificate to the signature, which PAdES requires.
  // ESSCertIDv2 with the default hash algorithm (SHA-256) left out, as DER requires.
  const signingCertificate = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: buffer(sha256(certDer)) })] })],
      }),
    ],
  });
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    // signing-time: pdfsig and PDF readers show it. PAdES baseline B-B (ETSI EN 319 142-1) would leave it out and
    // take the time from the dictionary's /M (which carries the same instant): a known, harmless deviation.
    new pkijs.Attribute({
      type: OID.signingTime,
      // RFC 5652: UTCTime through 2049, GeneralizedTime from 2050.
      values: [
        at.getUTCFullYear() < 2050
          ? new asn1js.UTCTime({ valueDate: at })
          : new asn1js.GeneralizedTime({ valueDate: at }),
      ],
    }),
    new pkijs.Attribute({
      type: OID.messageDigest,
      values: [new asn1js.OctetString({ valueHex: buffer(sha256(content)) })],
    }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificate] }),
  ]
    .map((a) => ({ a, der: new Uint8Array(a.toSchema().toBER()) }))
    .sort((x, y) => compareBytes(x.der, y.der))
    .map((x) => x.a);
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
  // The signature covers the attributes' DER as a SET (tag 0x31), not the [0] IMPLICIT tag they carry in the CMS.
  const toSign = new Uint8Array(signedAttrs.toSchema().toBER());
  toSign[0] = 0x31;
  const signature = await key.signSha256(toSign);

  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [algorithm(OID.sha256)],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [cert],
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        digestAlgorithm: algorithm(OID.sha256),
        signedAttrs,
        signatureAlgorithm: algorithm(OID.rsaEncryption),
        signature: new asn1js.OctetString({ valueHex: buffer(signature) }),
      }),
    ],
  });
  const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER());
}

class CadesSigner extends SignpdfSigner {
  constructor(private readonly key: RsaSigningKey) {
    super();
  }
  override async sign(content: Buffer, signingTime?: Date): Promise<Buffer> {
    return Buffer.from(await cadesDetached(content, this.key, signingTime ?? new Date()));
  }
}

/**
 * The Signer port over an RSA key: a signature field (invisible widget on the first page; the visible label is
 * drawn by the renderers) with SubFilter ETSI.CAdES.detached, /M and the CMS signing time the same instant.
 */
export function padesSigner(key: RsaSigningKey, subject: CertificateSubject): Signer {
  const signer = new CadesSigner(key);
  return {
    subject: subjectLine(subject),
    async sign(pdf, at) {
      const withPlaceholder = plainAddPlaceholder({
        pdfBuffer: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength),
        reason: 'Dokumentasi laporan kinerja yang telah disahkan',
        contactInfo: '',
        name: subjectLine(subject),
        location: '',
        signingTime: at,
        signatureLength: SIGNATURE_BYTES,
        subFilter: SUBFILTER_ETSI_CADES_DETACHED,
        appName: 'lapkin',
      });
      return new Uint8Array(await new SignPdf().sign(withPlaceholder, signer, at));
    },
  };
}

/**
 * A self-issued X.509 certificate for an RSA public key (SubjectPublicKeyInfo DER), signed by the same key
 * through `signSha256` — with a key file, or with KMS where the private key never leaves the service.
 * CA:FALSE, key usage digitalSignature + nonRepudiation; the serial is random.
 */
export async function issueSelfCertificate(input: {
  publicKey: Uint8Array;
  subject: CertificateSubject;
  notBefore: Date;
  years: number;
  signSha256: (data: Uint8Array) => Promise<Uint8Array>;
}): Promise<Uint8Array> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f; // positive INTEGER
  cert.serialNumber = new asn1js.Integer({ valueHex: buffer(serial) });
  // One attribute per RDN (C, O, CN), as names are usually written; pkijs would put them all into one RDN.
  const rdns = [
    new pkijs.AttributeTypeAndValue({ type: OID.country, value: new asn1js.PrintableString({ value: 'ID' }) }),
    ...(input.subject.organization
      ? [
          new pkijs.AttributeTypeAndValue({
            type: OID.organization,
            value: new asn1js.Utf8String({ value: input.subject.organization }),
          }),
        ]
      : []),
    new pkijs.AttributeTypeAndValue({
      type: OID.commonName,
      value: new asn1js.Utf8String({ value: input.subject.commonName }),
    }),
  ];
  const name = new asn1js.Sequence({ value: rdns.map((a) => new asn1js.Set({ value: [a.toSchema()] })) }).toBER(false);
  cert.subject = pkijs.RelativeDistinguishedNames.fromBER(name);
  cert.issuer = pkijs.RelativeDistinguishedNames.fromBER(name);
  cert.notBefore.value = input.notBefore;
  const notAfter = new Date(input.notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + input.years);
  cert.notAfter.value = notAfter;
  cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(buffer(input.publicKey));
  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0xc0]).buffer, unusedBits: 6 }); // dS + nR
  cert.extensions = [
    new pkijs.Extension({
      extnID: OID.basicConstraints,
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false),
    }),
    new pkijs.Extension({ extnID: OID.keyUsage, critical: true, extnValue: keyUsage.toBER(false) }),
    new pkijs.Extension({
      extnID: OID.subjectKeyIdentifier,
      extnValue: new asn1js.OctetString({
        valueHex: buffer(
          sha256(new Uint8Array(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)).slice(0, 20),
        ),
      }).toBER(false),
    }),
  ];
  cert.signature = algorithm(OID.sha256WithRsa);
  cert.signatureAlgorithm = algorithm(OID.sha256WithRsa);
  const tbs = new Uint8Array(cert.encodeTBS().toBER(false));
  cert.tbsView = tbs;
  cert.signatureValue = new asn1js.BitString({ valueHex: buffer(await input.signSha256(tbs)) });
  return new Uint8Array(cert.toSchema(true).toBER(false));
}

export function certificatePem(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${b64.match(/.{1,64}/g)?.join('\n')}\n-----END CERTIFICATE-----\n`;
}

export function certificateDer(pem: string): Uint8Array {
  const b64 = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  if (!b64) throw new Error('no certificate in the PEM text');
  return new Uint8Array(Buffer.from(b64, 'base64'));
}
