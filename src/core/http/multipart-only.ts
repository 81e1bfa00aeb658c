import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

type FastifyPluginLike<O> = (instance: never, opts: O, done: never) => unknown;
type Hook = (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) => unknown;

/** True when the request says it carries a multipart body (the only requests @fastify/multipart has work for). */
const isMultipartRequest = (request: FastifyRequest) => {
  const type = request.headers['content-type'];
  return typeof type === 'string' && type.length >= 10 && type.slice(0, 10).toLowerCase() === 'multipart/';
};

/**
 * Registers @fastify/multipart with its request hooks (a 'close' listener on every response, a preValidation
 * and an onResponse clean-up, each an async function) run only for requests that carry a multipart body: for
 * any other request they have nothing to do, yet cost three promises and a listener each. The parser, the
 * decorators and the behaviour on multipart requests are the plugin's own.
 */
export async function registerMultipartOnly<O>(app: FastifyInstance, plugin: FastifyPluginLike<O>, opts: O) {
  const addHook = app.addHook;
  const guarded = function (this: FastifyInstance, name: string, fn: Hook) {
    if (name !== 'onRequest' && name !== 'preValidation' && name !== 'onResponse')
      return (addHook as (...a: unknown[]) => FastifyInstance).call(this, name, fn);
    const hook = function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) {
      if (!isMultipartRequest(request)) return done();
      Promise.resolve(fn.call(this, request, reply)).then(() => done(), done);
    };
    return (addHook as (...a: unknown[]) => FastifyInstance).call(this, name, hook);
  };
  app.addHook = guarded as unknown as FastifyInstance['addHook'];
  try {
    await app.register(plugin as never, opts as never);
  } finally {
    app.addHook = addHook;
  }
}
