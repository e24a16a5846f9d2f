import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../../test/support/fixture-server.js';
import { createOpenAiSummarizer } from './openai-summarizer.js';
import { createExtractiveSummarizer, createSummarizer } from './summarizer.js';

const article = readFileSync(new URL('../../../test/fixtures/quality/full-article.txt', import.meta.url), 'utf8');
const input = { title: 'Harbor Robotics raises €140 million', text: article, language: 'en' };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

const completion = (content: unknown): string => JSON.stringify({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content } }] });

describe('createOpenAiSummarizer against a local fake server', () => {
  let server: FixtureServer;
  const seen: Array<{ auth: string | undefined; body: Record<string, unknown> }> = [];

  beforeAll(async () => {
    server = await startFixtureServer({
      '/ok/v1/chat/completions': async (req, res) => {
        seen.push({ auth: req.headers.authorization, body: JSON.parse(await readBody(req)) });
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          completion('Summary: Harbor Robotics raised €140m from Nordvik Capital. It will build a second factory near Eindhoven.'),
        );
      },
      '/down/v1/chat/completions': { status: 503, body: 'overloaded' },
      '/garbled/v1/chat/completions': { status: 200, headers: { 'content-type': 'application/json' }, body: '{"choices": [' },
      '/empty/v1/chat/completions': { status: 200, headers: { 'content-type': 'application/json' }, body: completion('   ') },
      '/wrong/v1/chat/completions': { status: 200, headers: { 'content-type': 'application/json' }, body: '{"choices": []}' },
      '/slow/v1/chat/completions': { status: 200, body: completion('late'), delayMs: 1_500 },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  const client = (path: string, timeoutMs = 5_000) =>
    createOpenAiSummarizer({ baseUrl: server.url(`${path}/v1/`), apiKey: 'sk-test', model: 'tiny-model', timeoutMs, fetch: globalThis.fetch });

  it('sends a chat-completions request and returns the cleaned answer as method llm', async () => {
    const r = await client('/ok').summarize(input, { sentences: 2 });
    expect(r.method).toBe('llm');
    expect(r.summary).toBe('Harbor Robotics raised €140m from Nordvik Capital. It will build a second factory near Eindhoven.');
    expect(r.sentences).toHaveLength(2);
    const last = seen.at(-1)!;
    expect(last.auth).toBe('Bearer sk-test');
    expect(last.body.model).toBe('tiny-model');
    const messages = last.body.messages as Array<{ role: string; content: string }>;
    expect(messages[0]!.content).toMatch(/in 2 plain sentences/);
    expect(messages[1]!.content).toMatch(/^Title: Harbor Robotics raises €140 million\n\nHarbor Robotics, a warehouse/);
  });

  it('caps the text it sends', async () => {
    await createOpenAiSummarizer({ baseUrl: server.url('/ok/v1'), model: 'm', maxInputChars: 500 }).summarize({ text: article.repeat(20) });
    const last = seen.at(-1)!;
    expect(last.auth).toBeUndefined();
    expect((last.body.messages as Array<{ content: string }>)[1]!.content.length).toBeLessThanOrEqual(500);
  });

  it.each([
    ['/down', /HTTP 503/],
    ['/garbled', /not JSON/],
    ['/empty', /empty answer/],
    ['/wrong', /unexpected reply: no choices/],
    ['/missing', /HTTP 404/],
  ])('falls back to the extractive summary when %s', async (path, why) => {
    const r = await client(path).summarize(input);
    expect(r.method).toBe('textrank');
    expect(r.sentences).toHaveLength(3);
    expect(r.reason).toMatch(why);
    expect(r.reason).not.toContain('sk-test');
  });

  it('falls back on timeout', async () => {
    const r = await client('/slow', 200).summarize(input);
    expect(r.method).toBe('textrank');
    expect(r.reason).toMatch(/timed out after 200 ms/);
  });

  it('falls back when the connection is refused', async () => {
    const r = await createOpenAiSummarizer({ baseUrl: 'http://127.0.0.1:1/v1', model: 'm', timeoutMs: 2_000 }).summarize(input);
    expect(r.method).toBe('textrank');
    expect(r.reason).toMatch(/request failed/);
  });

  it('does not call the model for empty text', async () => {
    const before = server.requests.length;
    const r = await client('/ok').summarize({ title: 'Only a title', text: '' });
    expect(r.method).toBe('none');
    expect(server.requests.length).toBe(before);
  });

  it('uses the injected fetch', async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (url) => {
      calls.push(url instanceof Request ? url.url : url.toString());
      return new Response(completion('One. Two.'), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const r = await createOpenAiSummarizer({ baseUrl: 'http://llm.invalid/v1', model: 'm', fetch: fakeFetch }).summarize(input);
    expect(calls).toEqual(['http://llm.invalid/v1/chat/completions']);
    expect(r).toMatchObject({ method: 'llm', summary: 'One. Two.' });
  });
});

describe('createSummarizer', () => {
  it('is extractive by default (the LLM is off)', async () => {
    const r = await createSummarizer().summarize(input);
    expect(r.method).toBe('textrank');
    expect(await createExtractiveSummarizer().summarize(input)).toEqual(r);
  });

  it('uses the LLM client when configured', async () => {
    const fakeFetch: typeof fetch = async () => new Response(completion('A short summary.'), { status: 200 });
    const r = await createSummarizer({ llm: { baseUrl: 'http://llm.invalid/v1', model: 'm', fetch: fakeFetch } }).summarize(input);
    expect(r.method).toBe('llm');
  });
});
