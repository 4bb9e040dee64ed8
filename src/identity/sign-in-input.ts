import { z } from "zod";

export const signInInput = z.object({
  email: z
    .string({ error: "error.required" })
    .trim()
    .min(1, "error.required")
    .max(254, "error.tooLong")
    .pipe(z.email("error.invalidEmail")),
  password: z
    .string({ error: "error.required" })
    .min(1, "error.required")
    .max(128, "error.tooLong"),
});

export const forgotPasswordInput = signInInput.pick({ email: true });

export const resetPasswordInput = z.object({
  token: z.string().min(1, "auth.resetInvalid").max(512),
  password: z
    .string({ error: "error.required" })
    .min(10, "error.passwordTooShort")
    .max(128, "error.tooLong"),
});
