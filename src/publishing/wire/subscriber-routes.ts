// The newsroom API of wire subscribers, for chief editors: list, create (the answer carries the API
// key, once), change, rotate the key, revoke; the webhook delivery log and sending a failed one again.

import type { FastifyInstance } from 'fastify';
import { readId, readObjectBody, requireActor, type NewsroomDeps } from '../../newsroom/index.ts';
import { readSubscriberFields } from './subscriber-input.ts';
import { listWebhookDeliveries, retryWebhookDelivery } from './webhook-deliveries.ts';
import { createSubscriber, findSubscriber, listSubscribers, presentSubscriber, revokeSubscriber, rotateSubscriberKey, updateSubscriber } from './subscribers.ts';

export function registerSubscriberRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const db = () => deps.database.db;
  const languages = deps.config.languages.map((l) => l.code);
  const onlyChief = { preHandler: requireActor('subscriber.manage') };

  app.get('/api/newsroom/subscribers', onlyChief, async () => ({ subscribers: (await listSubscribers(db())).map(presentSubscriber) }));

  app.post('/api/newsroom/subscribers', onlyChief, async (request, reply) => {
    const fields = await readSubscriberFields(db(), readObjectBody(request.body), languages, 'create');
    const created = await createSubscriber({ db: db(), fields, now: deps.clock() });
    return reply.code(201).send({ subscriber: presentSubscriber(created.subscriber), apiKey: created.apiKey, ...(created.webhookSecret ? { webhookSecret: created.webhookSecret } : {}) });
  });

  app.patch<{ Params: { id: string } }>('/api/newsroom/subscribers/:id', onlyChief, async (request) => {
    const subscriberId = readId(request.params.id);
    const fields = await readSubscriberFields(db(), readObjectBody(request.body), languages, 'update');
    const updated = await updateSubscriber({ db: db(), subscriberId, fields, now: deps.clock() });
    return { subscriber: presentSubscriber(updated.subscriber), ...(updated.webhookSecret ? { webhookSecret: updated.webhookSecret } : {}) };
  });

  app.post<{ Params: { id: string } }>('/api/newsroom/subscribers/:id/rotate-key', onlyChief, async (request) => {
    const rotated = await rotateSubscriberKey({ db: db(), subscriberId: readId(request.params.id), now: deps.clock() });
    return { subscriber: presentSubscriber(rotated.subscriber), apiKey: rotated.apiKey };
  });

  // The delivery log: the newest deliveries first, each with its attempts and last answer.
  app.get<{ Params: { id: string } }>('/api/newsroom/subscribers/:id/deliveries', onlyChief, async (request) => {
    const subscriberId = readId(request.params.id);
    await findSubscriber(db(), subscriberId);
    return { deliveries: await listWebhookDeliveries(deps.database, { subscriberId, limit: 100 }) };
  });

  app.post<{ Params: { id: string; deliveryId: string } }>('/api/newsroom/subscribers/:id/deliveries/:deliveryId/retry', onlyChief, async (request) => {
    const subscriberId = readId(request.params.id);
    await findSubscriber(db(), subscriberId);
    return { delivery: await retryWebhookDelivery(deps.database, { subscriberId, deliveryId: request.params.deliveryId, now: deps.clock() }) };
  });

  app.post<{ Params: { id: string } }>('/api/newsroom/subscribers/:id/revoke', onlyChief, async (request) => {
    return { subscriber: presentSubscriber(await revokeSubscriber({ db: db(), subscriberId: readId(request.params.id), now: deps.clock() })) };
  });
}
