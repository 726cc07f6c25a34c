import { describe, expect, it } from 'vitest';
import { inCallOrder } from './http-transport';

/** A call whose answers the test gives by hand, in any order, recording when each was sent. */
function manualCall() {
  const sent: string[] = [];
  const answers = new Map<string, (value: string) => void>();
  const call = (name: string) => {
    sent.push(name);
    return new Promise<string>((resolve) => answers.set(name, resolve));
  };
  return { sent, answer: (name: string) => answers.get(name)!(name), call };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('inCallOrder', () => {
  it('sends each call only once the one before it is answered', async () => {
    const order = inCallOrder();
    const { sent, answer, call } = manualCall();
    const send = order(call);
    const note = send('note');
    const status = send('status');
    await settle();
    expect(sent).toEqual(['note']);
    answer('note');
    expect(await note).toBe('note');
    await settle();
    expect(sent).toEqual(['note', 'status']);
    answer('status');
    expect(await status).toBe('status');
  });

  it('goes on after a call that failed', async () => {
    const order = inCallOrder();
    const failing = order(() => Promise.reject(new Error('lost contact')));
    const { sent, answer, call } = manualCall();
    await expect(failing()).rejects.toThrow('lost contact');
    const next = order(call)('next');
    await settle();
    expect(sent).toEqual(['next']);
    answer('next');
    await expect(next).resolves.toBe('next');
  });

  it('sends everything waiting, and all later calls, at once when hurried', async () => {
    const order = inCallOrder();
    const { sent, call } = manualCall();
    const send = order(call);
    void send('a');
    void send('b');
    await settle();
    expect(sent).toEqual(['a']);
    order.hurry();
    await settle();
    expect(sent).toEqual(['a', 'b']);
    void send('c');
    expect(sent).toEqual(['a', 'b', 'c']);
    order.calm();
    void send('d');
    await settle();
    expect(sent).toEqual(['a', 'b', 'c']);
  });
});
