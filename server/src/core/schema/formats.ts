/**
 * The schema's custom formats. The rules read amounts and rates with these readers, so the schema rule
 * asks them too: a value is valid exactly when the rules can use it. The schema's `pattern` is only
 * the same rule written for other editors (yaml-language-server ignores unknown formats).
 */
import { parseMoney } from '../normalise/money';
import { parseRate } from '../normalise/rates';

export type FormatCheck = (value: string | number) => boolean;

export const POLICY_FORMATS: Readonly<Record<string, FormatCheck>> = {
  'policy-money': (value) => parseMoney(value) !== undefined,
  'policy-rate': (value) => parseRate(value) !== undefined,
};
