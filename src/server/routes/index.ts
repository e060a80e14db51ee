import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/services.js';
import { attachmentRoutes } from './attachments.js';
import { catalogueRoutes } from './catalogues.js';
import { emailAccountRoutes } from './email-accounts.js';
import { emailTemplateRoutes } from './email-templates.js';
import { webhookRoutes } from './webhooks.js';
import { slaRoutingRoutes } from './sla-routing.js';
import { kbRoutes } from './kb.js';
import { staffRoutes } from './staff.js';
import { ticketRoutes } from './tickets.js';

/** The resource routes under /v1 (tickets, attachments, catalogues, staff tools). */
export async function registerTicketRoutes(app: FastifyInstance, services: Services): Promise<void> {
  ticketRoutes(app, services);
  staffRoutes(app, services);
  catalogueRoutes(app, services);
  slaRoutingRoutes(app, services);
  kbRoutes(app, services); // issue 13
  await attachmentRoutes(app, services);
  // i10: email channel
  emailAccountRoutes(app, services);
  emailTemplateRoutes(app, services);
  await webhookRoutes(app, services);
}
