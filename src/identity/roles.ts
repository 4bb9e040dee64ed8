// Roles a person holds in an organisation (membership). Dutch names live in the catalogues.
export const roles = [
  "programmeManager", // programmabeheerder (Departement)
  "schoolCoordinator", // schoolcoördinator
  "schoolDirector", // directeur
  "teacher", // leraar
  "partnerContact", // contactpersoon partner
  "guidanceCounsellor", // pedagogisch begeleider
  "reviewer", // beoordelaar (jury)
  "policyViewer", // beleidsmedewerker (ministerie, Vlor)
  "platformAdmin", // platformbeheerder
] as const;
export type Role = (typeof roles)[number];
