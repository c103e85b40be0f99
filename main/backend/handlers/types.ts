import type { MethodName, Methods, Out, ParsedIn } from '../../../core/api/contract';
import type { Ctx, UserCtx } from '../context';

type CtxFor<M extends MethodName> = Methods[M]['access'] extends 'public' ? Ctx : UserCtx;

export type Handler<M extends MethodName> = (ctx: CtxFor<M>, input: ParsedIn<M>) => Out<M> | Promise<Out<M>>;

/** A group of handlers for some of the methods; index.ts checks that all are covered. */
export type HandlerGroup<K extends MethodName> = { [M in K]: Handler<M> };
