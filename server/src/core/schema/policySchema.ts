/** The dialect's JSON Schema (schema/policy.schema.json), the single source of truth for its shape. */
import policySchema from '../../../../schema/policy.schema.json';
import type { JsonSchema } from './validateNode';

export const POLICY_SCHEMA = policySchema as unknown as JsonSchema;
