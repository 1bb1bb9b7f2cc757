// The change bus's public interface: messages that tell every Dispatch process what changed.

export { createChangeBus, createLocalChangeBus, RESYNC_KIND, type ChangeBus, type ChangeListener, type ChangeMessage, type MessageOrigin, type Relay } from './change-bus.ts';
export { clusterWorkerRelay, forwardAmongWorkers } from './cluster-relay.ts';
export { postgresRelay, changeChannel } from './postgres-relay.ts';
export { openChangeBus } from './open-change-bus.ts';
