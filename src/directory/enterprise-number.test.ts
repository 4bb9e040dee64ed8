import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  completeEnterpriseNumber,
  enterpriseNumberCheckDigits,
  formatEnterpriseNumber,
  isValidEnterpriseNumber,
  parseEnterpriseNumber,
} from "./enterprise-number";

describe("parseEnterpriseNumber", () => {
  it.each([
    ["0202.239.951", "0202239951"],
    ["BE0202239951", "0202239951"],
    ["be 0202 239 951", "0202239951"],
    ["BE 0202.239.951", "0202239951"],
    ["202239951", "0202239951"], // 9 digits, issued before the leading 0
    ["202.239.951", "0202239951"],
    ["  0403.199.702 ", "0403199702"],
    ["0447-792-283", "0447792283"],
    ["0412487946", "0412487946"],
    ["0750.943.217", "0750943217"],
    ["1002.345.639", "1002345639"], // numbers starting with 1 are issued since 2023
  ])("accepts %j as %s", (input, expected) => {
    expect(parseEnterpriseNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["", "format"],
    ["BE", "format"],
    ["0202.239.9", "format"], // 8 digits
    ["0202.239.95", "checksum"], // 9 digits: read as 0020.223.995
    ["0202.239.9511", "format"], // 11 digits
    ["0202.239.95a", "format"],
    ["NL0202239951", "format"],
    ["2202.239.951", "firstDigit"],
    ["9447.792.283", "firstDigit"],
    ["0202.239.952", "checksum"], // last digit off by one
    ["0202.293.951", "checksum"], // two digits swapped
    ["1002.345.693", "checksum"],
    ["0000.000.000", "checksum"], // 0 mod 97 needs check digits 97, never 00
  ])("rejects %j (%s)", (input, problem) => {
    expect(parseEnterpriseNumber(input)).toEqual({ ok: false, problem });
  });
});

describe("formatting and check digits", () => {
  it("formats as the KBO shows numbers", () => {
    expect(formatEnterpriseNumber("BE202239951")).toBe("0202.239.951");
    expect(formatEnterpriseNumber("1002345639")).toBe("1002.345.639");
    expect(() => formatEnterpriseNumber("0202.239.952")).toThrow();
  });

  it("uses 97 when the first eight digits are a multiple of 97", () => {
    expect(enterpriseNumberCheckDigits("00000097")).toBe("97");
    expect(isValidEnterpriseNumber("0000.000.097")).toBe(true);
    expect(isValidEnterpriseNumber("0000.009.797")).toBe(true);
    expect(isValidEnterpriseNumber("0000.009.700")).toBe(false);
  });

  it("pads small check digits to two", () => {
    expect(enterpriseNumberCheckDigits("04031997")).toBe("02");
  });
});

const firstEight = fc
  .tuple(
    fc.constantFrom("0", "1"),
    fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 7, maxLength: 7 }),
  )
  .map(([first, rest]) => first + rest);

describe("properties", () => {
  it("any 8 digits starting 0/1 plus computed check digits are valid, in every notation", () => {
    fc.assert(
      fc.property(firstEight, (eight) => {
        const number = completeEnterpriseNumber(eight);
        const formatted = formatEnterpriseNumber(number);
        expect(parseEnterpriseNumber(number)).toEqual({ ok: true, value: number });
        expect(parseEnterpriseNumber(`BE${formatted}`)).toEqual({ ok: true, value: number });
        expect(formatted).toMatch(/^[01]\d{3}\.\d{3}\.\d{3}$/);
      }),
    );
  });

  it("changing any one digit makes a valid number invalid", () => {
    fc.assert(
      fc.property(
        firstEight,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (eight, position, delta) => {
          const number = completeEnterpriseNumber(eight);
          const digit = (Number(number[position]) + delta) % 10;
          const changed = number.slice(0, position) + digit + number.slice(position + 1);
          expect(isValidEnterpriseNumber(changed)).toBe(false);
        },
      ),
    );
  });
});
