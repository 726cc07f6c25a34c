import { describe, expect, it } from 'vitest';
import { asciiNumber, isRtlWord, RTL_QUALIFIERS, rtlKey, withClitics } from './figures-rtl';

describe('figures-rtl', () => {
  it('turns Arabic-Indic and Persian digits into ASCII, keeping the length', () => {
    expect(asciiNumber('٣٫٥')).toBe('3.5');
    expect(asciiNumber('١٬٢٠٠')).toBe('1,200');
    expect(asciiNumber('۱۲۰')).toBe('120');
    expect(asciiNumber('42')).toBe('42');
  });

  it('compares Arabic words without vowel marks, tatweel or hamza forms', () => {
    expect(rtlKey('أكثرَ')).toBe(rtlKey('اكثر'));
    expect(rtlKey('كيلومتراً')).toBe('كيلومترا');
    expect(rtlKey('حوالي')).toBe(rtlKey('حوالى'));
    expect(rtlKey('مـلـيـون')).toBe('مليون');
    expect(rtlKey('קילומטר')).toBe('קילומטר');
    expect(rtlKey('km')).toBe('km');
  });

  it('lists each Arabic phrase with the clitics its first word may carry', () => {
    const phrases = withClitics([
      ['نحو', 'about'],
      ['over', 'over'],
    ]).map(([p]) => p);
    expect(phrases).toEqual(['نحو', 'ونحو', 'بنحو', 'وبنحو', 'لنحو', 'فنحو', 'over']);
    expect(RTL_QUALIFIERS.map(([p]) => p)).toContain(rtlKey('بأكثر من'));
  });

  it('tells words of right-to-left scripts', () => {
    expect(['مليون', 'میلیارد', 'מיליון'].map(isRtlWord)).toEqual([true, true, true]);
    expect(['million', '25', ''].map(isRtlWord)).toEqual([false, false, false]);
  });
});
