import type { Transporter } from 'nodemailer';
import { TransientError } from '../core/errors.ts';
import type { Mailer, MailMessage } from '../ports/mailer.ts';

/** nodemailer over any transport: SES (v2 SDK) on AWS, SMTP into MailDev locally. */
export class NodemailerMailer implements Mailer {
  constructor(
    private readonly transport: Transporter,
    private readonly from: string,
  ) {}

  async send(message: MailMessage) {
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: message.to,
        cc: message.cc,
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments: message.attachments?.map((a) => ({
          filename: a.filename,
          content: Buffer.from(a.content),
          contentType: a.contentType,
        })),
      });
      return { messageId: String(info.messageId ?? '') };
    } catch (err) {
      // Every mail failure is worth a retry by the workflow; a permanent one ends in the failure path after retries.
      throw new TransientError(`mail could not be sent: ${(err as Error).message}`);
    }
  }

  close() {
    this.transport.close();
  }
}
