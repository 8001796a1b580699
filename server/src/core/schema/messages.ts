/** The schema rule's messages, in English and Chinese. `path` is where the value sits (`chapters[0].clauses[2].text`). */
import type { Message } from '../rules/types';
import { editDistance } from '../departments/registry';

const TYPE_NAMES: Readonly<Record<string, Message>> = {
  object: { en: 'a mapping', zh: '映射（键: 值）' },
  array: { en: 'a list', zh: '列表' },
  string: { en: 'text', zh: '文本' },
  integer: { en: 'a whole number', zh: '整数' },
  number: { en: 'a number', zh: '数字' },
  boolean: { en: 'true or false', zh: '布尔值' },
  null: { en: 'nothing', zh: '空值' },
};

/** What a value that fails a pattern or format should look like, by the key it sits under. */
const EXPECTED_VALUE: Readonly<Record<string, Message>> = {
  effective: { en: 'a date written YYYY-MM-DD', zh: 'YYYY-MM-DD 格式的日期' },
  expires: { en: 'a date written YYYY-MM-DD', zh: 'YYYY-MM-DD 格式的日期' },
  max: { en: 'an amount such as 100万元, 1亿元, 2000元, 100万 or a bare number', zh: '金额，如 100万元、1亿元、2000元、100万 或数字' },
  caps: { en: 'an amount such as 100万元, or a mapping with `max`', zh: '金额（如 100万元），或含 max 的映射' },
  rate: { en: 'a rate such as 20% or 10%~30%', zh: '比例，如 20% 或 10%~30%' },
  precedents: { en: 'a precedent id CITY/DOCUMENT#CLAUSE', zh: '先例编号 城市/文件#条款' },
};

function typeName(type: string): Message {
  return TYPE_NAMES[type] ?? { en: type, zh: type };
}

export function where(path: string): Message {
  return path ? { en: `'${path}'`, zh: `“${path}”` } : { en: 'The document', zh: '文件' };
}

/** The key a path ends in: `caps` for `clauses[0].caps[1]`. */
function lastKey(path: string): string {
  return path.replace(/(\[\d+\])+$/, '').split('.').pop() ?? path;
}

/** Schema descriptions are "English. 中文。": the last sentence is the Chinese one. */
export function splitDescription(description: string): Message {
  const match = /^(.*?)\s*([^.\s][^.]*。)$/s.exec(description.trim());
  if (!match || match[1] === '') return { en: description, zh: description };
  return { en: match[1].replace(/\.$/, ''), zh: match[2].replace(/。$/, '') };
}

export function typeMessage(path: string, expected: readonly string[], actual: string, isScalar: boolean): Message {
  const names = expected.map(typeName);
  const en = names.map((n) => n.en).join(' or ');
  const zh = names.map((n) => n.zh).join('或');
  if (actual === 'null') return { en: `${where(path).en} has no value; expected ${en}.`, zh: `${where(path).zh}没有值，应为${zh}。` };
  const quote = expected.includes('string') && isScalar;
  return {
    en: `${where(path).en} should be ${en}, not ${typeName(actual).en}.${quote ? ' Quote it if it is meant as text.' : ''}`,
    zh: `${where(path).zh}应为${zh}，而不是${typeName(actual).zh}。${quote ? '如为文本请加引号。' : ''}`,
  };
}

export function enumMessage(path: string, allowed: readonly unknown[], value: string | undefined): Message {
  const list = allowed.map(String);
  return {
    en: `${where(path).en} must be one of ${list.join(', ')}${value !== undefined ? `, not '${value}'` : ''}.`,
    zh: `${where(path).zh}应为 ${list.join('、')} 之一${value !== undefined ? `，而不是“${value}”` : ''}。`,
  };
}

export function emptyMessage(path: string): Message {
  return { en: `${where(path).en} is empty.`, zh: `${where(path).zh}为空。` };
}

export function tooFewItemsMessage(path: string, min: number): Message {
  return { en: `${where(path).en} needs at least ${min} item(s).`, zh: `${where(path).zh}至少需要 ${min} 项。` };
}

export function valueMessage(path: string, value: string): Message {
  const expected = EXPECTED_VALUE[lastKey(path)] ?? { en: 'a valid value', zh: '合法的值' };
  return { en: `${where(path).en} should be ${expected.en}, not '${value}'.`, zh: `${where(path).zh}应为${expected.zh}，而不是“${value}”。` };
}

export function ambiguousMessage(path: string): Message {
  return { en: `${where(path).en} fits more than one of its allowed forms.`, zh: `${where(path).zh}同时符合多种写法，无法确定含义。` };
}

export function unknownKeyMessage(key: string, allowed: readonly string[], path: string): Message {
  const lower = key.toLowerCase();
  const near = allowed
    .map((name) => ({ name, distance: editDistance(lower, name.toLowerCase()) }))
    .filter((c) => c.distance <= Math.max(2, Math.floor(c.name.length / 3)))
    .sort((a, b) => a.distance - b.distance)[0];
  const scope = path ? { en: ` in '${path}'`, zh: `（${path}）` } : { en: '', zh: '' };
  return {
    en: `Unknown key '${key}'${scope.en}.${near ? ` Did you mean '${near.name}'?` : ''} Allowed: ${allowed.join(', ')}.`,
    zh: `未知的键“${key}”${scope.zh}。${near ? `是否为“${near.name}”？` : ''}可用的键：${allowed.join('、')}。`,
  };
}

export function missingKeyMessage(path: string, key: string, description: string | undefined): Message {
  const about = description === undefined ? undefined : splitDescription(description);
  return {
    en: `${where(path).en} is missing the required key \`${key}\`${about ? ` (${about.en})` : ''}.`,
    zh: `${where(path).zh}缺少必填键 ${key}${about ? `（${about.zh}）` : ''}。`,
  };
}

export function needsOneOfMessage(path: string, keys: readonly string[]): Message {
  return { en: `${where(path).en} needs ${keys.map((k) => `\`${k}\``).join(' or ')}.`, zh: `${where(path).zh}须包含 ${keys.join(' 或 ')}。` };
}

export function duplicateKeyMessage(key: string): Message {
  return { en: `Duplicate key '${key}': only the first one counts.`, zh: `键“${key}”重复，只有第一个生效。` };
}

export function keyKindMessage(): Message {
  return { en: 'Keys must be plain text (no aliases, lists or mappings as keys).', zh: '键必须是普通文本（不能是别名、列表或映射）。' };
}

/** Aliases are never expanded (alias bombs); only an alias of a scalar is accepted. */
export function aliasMessage(path: string, name: string, known: boolean): Message {
  return known
    ? { en: `${where(path).en}: aliases (*${name}) of mappings or lists are not supported in policy documents; write the value out.`, zh: `${where(path).zh}：政策文件不支持引用映射或列表的别名（*${name}），请直接写出内容。` }
    : { en: `${where(path).en}: the alias *${name} refers to no anchor &${name} above it.`, zh: `${where(path).zh}：别名 *${name} 没有对应的锚点 &${name}。` };
}

export function extraDocumentMessage(): Message {
  return { en: 'A policy file holds one document: remove the second `---` document.', zh: '一个政策文件只能包含一个 YAML 文档，请删除第二个“---”文档。' };
}

export function emptyFileMessage(): Message {
  return { en: 'The file is empty: a policy needs at least `policy`, `city` and `chapters` or `clauses`.', zh: '文件为空：至少需要 policy、city 以及 chapters 或 clauses。' };
}
