import type { Rule } from './types';

/** The file is not valid YAML: reported at the parser's error position. */
export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: {
    en: 'The file is not valid YAML.',
    zh: '文件不是合法的 YAML。',
  },
  run({ document, report }) {
    const error = document.yaml.error;
    if (!error) return;
    report({
      target: { offsets: { start: error.start, end: error.end } },
      message: { en: `YAML syntax error: ${error.message}`, zh: `YAML 语法错误：${error.message}` },
    });
  },
};
