import { describe, expect, it } from 'vitest';
import { renderMarkdown, safeHref } from './markdown.js';

describe('the Markdown subset', () => {
  it('renders paragraphs, headings under the page, lists, quotes, code, emphasis and links', () => {
    const out = renderMarkdown('# 결과\n\n첫 줄\n둘째 **굵게** *기울임*\n\n- 하나\n- 둘\n\n1. 첫째\n\n> 인용\n\n```\nselect 1 < 2\n```\n\n[데이터](https://data.seoul.go.kr/a?b=1&c=2) `a<b>`');
    expect(out).toContain('<h3>결과</h3>');
    expect(out).toContain('<p>첫 줄<br>둘째 <strong>굵게</strong> <em>기울임</em></p>');
    expect(out).toContain('<ul><li>하나</li><li>둘</li></ul>');
    expect(out).toContain('<ol><li>첫째</li></ol>');
    expect(out).toContain('<blockquote><p>인용</p></blockquote>');
    expect(out).toContain('<pre><code>select 1 &lt; 2</code></pre>');
    expect(out).toContain('<a href="https://data.seoul.go.kr/a?b=1&amp;c=2" rel="nofollow ugc noopener">데이터</a>');
    expect(out).toContain('<code>a&lt;b&gt;</code>');
  });

  it('drops raw HTML, scripts, event handlers and unsafe links', () => {
    const out = renderMarkdown('안녕 <script>alert(1)</script> <img src=x onerror="alert(2)"> <b onclick=x>굵게</b>\n\n[클릭](javascript:alert(3)) [data](data:text/html,x) <a href="javascript:alert(4)">a</a> <iframe src="//evil"></iframe>');
    expect(out).not.toMatch(/<script|alert\(1\)|onerror|onclick|<img|<iframe|javascript:|data:text/i);
    expect(out).toContain('안녕');
    expect(out).toContain('굵게');
    expect(out).toContain('클릭');
  });

  it('only links http(s), mailto and site addresses', () => {
    expect(safeHref('https://example.org')).toBe('https://example.org/');
    expect(safeHref('/data/datasets/x')).toBe('/data/datasets/x');
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref(' JavaScript:alert(1)')).toBeNull();
  });
});
