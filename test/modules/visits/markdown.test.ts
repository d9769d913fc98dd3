import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { renderMarkdown } from '../../../src/http/markdown.js';

describe('renderMarkdown', () => {
  test('renderMarkdown – ordinary Markdown – headings demoted, emphasis, lists and http links kept', () => {
    const html = renderMarkdown('# Hasil\n\n**Padang Panjang Sepekan** pekan ke-68\n\n- siaran\n- podcast\n\n[berita](https://sumbar.example/a)');
    assert.match(html, /<h3>Hasil<\/h3>/);
    assert.match(html, /<strong>Padang Panjang Sepekan<\/strong>/);
    assert.match(html, /<li>siaran<\/li>/);
    assert.match(html, /<a href="https:\/\/sumbar.example\/a" rel="nofollow noopener noreferrer">berita<\/a>/);
  });

  test('renderMarkdown – script, event handlers, javascript: and data: URLs – removed', () => {
    const html = renderMarkdown([
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(2)">',
      '[klik](javascript:alert(3))',
      '<a href="JaVaScRiPt:alert(4)">a</a>',
      '<a href="data:text/html;base64,PHNjcmlwdD4=">b</a>',
      '<p onclick="alert(5)">teks</p>',
      '<iframe src="https://evil.example"></iframe><style>body{display:none}</style>',
    ].join('\n\n'));
    assert.doesNotMatch(html, /<script|alert\(1\)/);
    assert.doesNotMatch(html, /<img|onerror|onclick/i);
    assert.doesNotMatch(html, /javascript:|data:/i);
    assert.doesNotMatch(html, /<iframe|<style/i);
    assert.match(html, /teks/);
  });

  test('renderMarkdown – empty text – empty string', () => {
    assert.equal(renderMarkdown('   '), '');
  });
});
