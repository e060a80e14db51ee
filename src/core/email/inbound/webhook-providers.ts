export const WEBHOOK_PROVIDERS = ['sendgrid', 'mailgun', 'postmark', 'raw'] as const;
export type WebhookProvider = (typeof WEBHOOK_PROVIDERS)[number];
