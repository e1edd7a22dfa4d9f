export interface MailMessage {
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: Uint8Array; contentType: string }[];
}

/** Outgoing mail: SES through nodemailer on AWS, SMTP into MailDev locally. */
export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
  /** Lets go of open connections (the local stack's pooled SMTP), so a process can stop. */
  close?(): void;
}
