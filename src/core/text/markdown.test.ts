import { describe, expect, it } from 'vitest';
import { renderMarkdown, safeHref } from './markdown.js';

const flat = (html: string) => html.replace(/\n/g, '');

describe('renderMarkdown (markdown-it, raw HTML off)', () => {
  it('renders paragraphs, headings under the page, lists, quotes, code, emphasis and links', () => {
    const out = flat(
      renderMarkdown(
        '# 결과\n\n첫 줄\n둘째 **굵게** *기울임*\n\n- 하나\n- 둘\n\n1. 첫째\n\n> 인용\n\n```\nselect 1 < 2\n```\n\n[데이터](https://data.seoul.go.kr/a?b=1&c=2) `a<b>`',
      ),
    );
    expect(out).toContain('<h3>결과</h3>');
    expect(out).toContain('<p>첫 줄<br>둘째 <strong>굵게</strong> <em>기울임</em></p>');
    expect(out).toContain('<ul><li>하나</li><li>둘</li></ul>');
    expect(out).toContain('<ol><li>첫째</li></ol>');
    expect(out).toContain('<blockquote><p>인용</p></blockquote>');
    expect(out).toContain('<pre><code>select 1 &lt; 2</code></pre>');
    expect(out).toContain('<a href="https://data.seoul.go.kr/a?b=1&amp;c=2" rel="nofollow ugc noopener">데이터</a>');
    expect(out).toContain('<code>a&lt;b&gt;</code>');
  });

  it('drops typed HTML (its text stays); unsafe links keep only their text; images are links, not loaded', () => {
    const out = renderMarkdown(
      '안녕 <script>alert(1)</script> <img src=x onerror="alert(2)"> <b onclick=x>굵게</b>\n\n[클릭](javascript:alert(3)) [data](data:text/html,x) <a href="javascript:alert(4)">a</a> <iframe src="//evil"></iframe> ![지도](https://evil.example/x.png)',
    );
    expect(out).not.toMatch(/<(script|img|iframe|b)\b/i);
    expect(out.match(/<a\b[^>]*>/g)).toEqual(['<a href="https://evil.example/x.png" rel="nofollow ugc noopener">']); // an image becomes a link to it, never loaded
    expect(out).not.toMatch(/href="(javascript|data):/i);
    expect(out).not.toMatch(/onerror|onclick|javascript:|data:text/i);
    expect(out).toContain('굵게');
    expect(out).toContain('클릭');
    expect(out).toContain('지도');
  });

  it('a paragraph that starts with a tag keeps its text and links, without the tag', () => {
    const out = renderMarkdown('<script>alert("x")</script> 안녕 [자료](https://data.seoul.go.kr) [눌러](javascript:alert(2))');
    expect(out).not.toMatch(/<script|javascript:/i);
    expect(out).toContain('안녕');
    expect(out).toContain('<a href="https://data.seoul.go.kr" rel="nofollow ugc noopener">자료</a>');
    expect(out).toContain('눌러');
  });

  it('shifts headings from the base and stops at h6', () => {
    expect(renderMarkdown('# 하나\n\n### 셋', 2)).toBe('<h2>하나</h2>\n<h4>셋</h4>');
    expect(renderMarkdown('###### 여섯', 3)).toBe('<h6>여섯</h6>');
  });

  it('only links http(s), mailto and site addresses', () => {
    expect(safeHref('https://example.org')).toBe('https://example.org/');
    expect(safeHref('/data/datasets/x')).toBe('/data/datasets/x');
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref(' JavaScript:alert(1)')).toBeNull();
  });
});
