// A team answering `rules suggest`: the eval (scripts/eval-classify.mjs) takes the starter rules file the product
// drafts for a dataset, answers each question from the truth (as the team that owns the workload would), and
// labels again with the answered file. That measures what the issue asks of `rules suggest` (a team settles the
// rest in minutes): how much of the spend is right once its questions are answered, and at what cost in mistakes.
// The file is edited the way the file's own instructions tell a person to: uncomment one label line per rule.

export type Answer = 'blocking' | 'non_blocking';

/** The commented label lines renderSuggestions writes under each rule (src/classify/suggest.ts). */
const labelLine = /^(\s*)# label: (blocking|non_blocking)\b.*$/;
/** A rule's match line, whose value is the workload the question is about (a YAML double-quoted scalar, JSON's escapes). */
const matchLine = /^\s*match: \{ workload: ("(?:[^"\\]|\\.)*") \}\s*$/;

/**
 * The starter file with the answer to each question uncommented: for each rule whose workload has an answer,
 * `label: blocking` or `label: non_blocking`; rules without an answer stay as written (they change no label).
 * Throws when the file does not have the shape renderSuggestions writes, so a change there cannot make the eval
 * silently answer nothing.
 */
export function answerSuggestions(yaml: string, answers: ReadonlyMap<string, Answer>): { readonly yaml: string; readonly answered: number } {
  let workload: string | undefined;
  let answered = 0;
  let rules = 0;
  const lines = yaml.split('\n').map((line) => {
    const match = matchLine.exec(line);
    if (match?.[1] !== undefined) {
      // The match value is the workload's name as a glob that matches it alone (globLiteral, src/classify/suggest.ts).
      workload = (JSON.parse(match[1]) as string).replace(/\[([*?[])\]/g, '$1');
      rules += 1;
      return line;
    }
    const label = labelLine.exec(line);
    if (label === null || workload === undefined) return line;
    const answer = answers.get(workload);
    if (answer !== label[2]) return line;
    answered += 1;
    workload = undefined; // one label per rule
    return `${label[1]}label: ${answer}`;
  });
  const asked = [...answers.keys()].length;
  if (rules < asked) throw new Error(`answerSuggestions: ${asked} answers but ${rules} rules in the file`);
  if (answered !== asked) throw new Error(`answerSuggestions: answered ${answered} of ${asked} questions (a label line not found)`);
  return { yaml: lines.join('\n'), answered };
}
