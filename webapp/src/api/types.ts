// Names for the generated OpenAPI types the app uses most; the shapes come from src/api/schema.d.ts.
import type { components, paths } from './schema';

export type { paths };
export type Schemas = components['schemas'];

export type Me = Schemas['Me'];
export type LoginRequest = Schemas['LoginRequest'];
export type SessionTokens = Schemas['SessionTokens'];
export type Problem = Schemas['Problem'];
export type TaskView = Schemas['TaskView'];
export type TaskComment = Schemas['CommentView'];
export type ApprovalView = Schemas['ApprovalView'];
export type PipelineView = Schemas['PipelineView'];
export type UserView = Schemas['UserView'];

/** A record as the record endpoints answer it (`/api/v1/leads/{id}`, …). */
export type RecordBody = paths['/api/v1/leads/{id}']['get']['responses']['200']['content']['*/*'];
