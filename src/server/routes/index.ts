import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/services.js';

/** The resource routes under /v1 (tickets, attachments, catalogues, staff tools). */
export async function registerTicketRoutes(app: FastifyInstance, services: Services): Promise<void> {
  void app;
  void services;
}
