// The wire's public interface: the routes for subscribers and for the newsroom, the subscribers'
// commands, and the ninjs presentation (for feeds of other domains that want the same item).

import type { FastifyInstance } from 'fastify';
import type { NewsroomDeps } from '../../newsroom/index.ts';
import { registerSubscriberRoutes } from './subscriber-routes.ts';
import { registerWireRoutes } from './wire-routes.ts';

export { createSubscriber, updateSubscriber, rotateSubscriberKey, revokeSubscriber, listSubscribers, findSubscriber, listWebhookSubscribers, type Subscriber } from './subscribers.ts';
export { presentNinjsItem, itemUri, pubStatusOf, NINJS_SCHEMA_URI, type NinjsItem } from './ninjs-item.ts';
export { mediaTopicOf } from './media-topics.ts';
export { renderNewsmlItem } from './newsml-item.ts';
export { subscribeWireWebhooks } from './webhook-listener.ts';
export { wireJobHandlers, sendWebhookDelivery, type WebhookOptions } from './webhook-sender.ts';
export { enqueueWebhookDeliveries, listWebhookDeliveries, WIRE_WEBHOOK_JOB, type WebhookDelivery } from './webhook-deliveries.ts';
export { signWebhook } from './webhook-signature.ts';

/** The wire's routes: `/api/wire/...` for subscribers, `/api/newsroom/subscribers...` for chief editors. */
export function registerWire(app: FastifyInstance, deps: NewsroomDeps): void {
  registerSubscriberRoutes(app, deps);
  registerWireRoutes(app, {
    database: deps.database,
    clock: deps.clock,
    publicUrl: deps.config.publicUrl,
    languages: deps.config.languages.map((l) => l.code),
  });
}
