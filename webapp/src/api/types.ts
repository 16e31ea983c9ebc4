// Names for the generated OpenAPI types the app uses most; the shapes come from src/api/schema.d.ts.
import type { components, paths } from './schema';

export type { paths };
export type Schemas = components['schemas'];

export type Me = Schemas['Me'];
export type LoginRequest = Schemas['LoginRequest'];
export type SessionTokens = Schemas['AccessToken'];
/**
 * A problem as the app holds it: the server's RFC 9457 body (whose type-specific members, such as
 * `retryAfterSeconds`, are additional properties), or one the app makes itself for a network failure.
 */
export type Problem = Partial<Schemas['Problem']> & { status: number };
export type TaskView = Schemas['TaskView'];
export type TaskComment = Schemas['CommentView'];
export type ApprovalView = Schemas['ApprovalView'];
export type PipelineView = Schemas['PipelineView'];
export type UserView = Schemas['UserView'];

/**
 * A record as the record endpoints answer it (`/api/v1/leads/{id}`, …), for code that works on any type; code
 * about one type uses that type's schema (`Schemas['Deal']`, …).
 */
export type RecordBody = Partial<Schemas['Lead']> &
  Partial<Schemas['Contact']> &
  Partial<Schemas['Account']> &
  Partial<Schemas['Deal']> &
  Pick<Schemas['Lead'], 'id'> & { [field: string]: unknown };
