/**
 * The SMTP transport (nodemailer), behind a two-method interface so that the delivery code does not
 * depend on nodemailer and tests can hand it a transport to a real SMTP server of their own.
 */
import nodemailer from "nodemailer";

export type OutgoingEmail = { to: string; subject: string; text: string };

export interface MailTransport {
  send(message: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * `url`: `smtp://user:pass@host:port` or `smtps://…` (config SMTP_URL). Short timeouts: the worker
 * retries later rather than holding a claimed message for minutes.
 */
export function createSmtpTransport({ url, from }: { url: string; from: string }): MailTransport {
  const transporter = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }, { from });
  return {
    async send(message) {
      const info = await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
      return { messageId: String(info.messageId ?? "") };
    },
    close() {
      transporter.close();
    },
  };
}
