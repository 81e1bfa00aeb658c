/**
 * A strict-enough XML well-formedness check for the SVG tests (no XML parser is installed): balanced tags,
 * quoted attributes without raw `<` or `&`, no stray `<` or `&` in text, one root element. Returns the
 * problems found, empty when the document is well-formed.
 */
const NAME = '[A-Za-z_][\\w.:-]*';
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const ATTRS = new RegExp(`^(?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*\\s*$`);

export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const checkText = (text: string, where: number) => {
    if (text.replace(ENTITY, '').includes('&')) problems.push(`raw & in text at ${where}`);
    if (stack.length === 0 && text.trim()) problems.push(`text outside the root at ${where}`);
  };
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      checkText(xml.slice(i), i);
      break;
    }
    checkText(xml.slice(i, lt), i);
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) {
        problems.push('unclosed comment');
        break;
      }
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) {
        problems.push('unclosed declaration');
        break;
      }
      i = end + 2;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) {
      problems.push(`unclosed tag at ${lt}`);
      break;
    }
    const tag = xml.slice(lt + 1, gt);
    const close = new RegExp(`^/(${NAME})\\s*$`).exec(tag);
    const open = new RegExp(`^(${NAME})([\\s\\S]*?)(/?)$`).exec(tag);
    if (close) {
      const top = stack.pop();
      if (top !== close[1]) problems.push(`</${close[1]}> closes <${top ?? 'nothing'}> at ${lt}`);
    } else if (open) {
      const [, name, attrs, selfClosing] = open;
      if (!ATTRS.test(attrs!)) problems.push(`bad attributes in <${name}> at ${lt}`);
      else if (attrs!.replace(ENTITY, '').includes('&')) problems.push(`raw & in an attribute of <${name}> at ${lt}`);
      const names = [...attrs!.matchAll(new RegExp(`\\s(${NAME})\\s*=`, 'g'))].map((m) => m[1]);
      if (new Set(names).size !== names.length) problems.push(`repeated attribute in <${name}> at ${lt}`);
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name!);
    } else {
      problems.push(`not a tag: <${tag.slice(0, 30)}> at ${lt}`);
    }
    i = gt + 1;
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
