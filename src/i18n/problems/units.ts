// The organisation's units: reading, creating, changing, moving and deactivating them.

const nb = {
  unit_structure_sign_in: "Logg inn for å se organisasjonen.",
  unit_not_found: "Fant ikke enheten. Den kan være slettet, eller adressen kan være feil.",
  unit_parent_not_found: "Den overordnede enheten finnes ikke. Velg en annen enhet.",
  unit_code_taken: "Koden {code} brukes allerede av en annen enhet. Velg en annen kode.",
  unit_ends_before_start:
    "En enhet kan ikke slutte å gjelde før den starter. Velg en sluttdato som er {validFrom} eller senere.",
  unit_create_needs_admin: "Du må være administrator for «{parent}» for å legge til enheter under den.",
  unit_create_top_level: "Bare en systemadministrator kan legge til en enhet på øverste nivå.",
  unit_parent_inactive: "«{parent}» er deaktivert, så det kan ikke legges til enheter under den.",
  unit_edit_needs_admin: "Du må være administrator for «{unit}» for å endre den.",
  unit_move_needs_admin: "Du må være administrator både der enheten står nå, og der den skal flyttes.",
  unit_move_into_itself: "En enhet kan ikke plasseres under seg selv.",
  unit_move_into_descendant:
    "En enhet kan ikke plasseres under en av sine egne underenheter; da ville treet gått i ring.",
  unit_move_parent_inactive: "Den nye overordnede enheten er deaktivert, så enheter kan ikke flyttes dit.",
  unit_deactivate_needs_admin: "Du må være administrator for «{unit}» for å deaktivere den.",
  unit_has_active_children:
    "«{unit}» har fortsatt {count, plural, one {# aktiv underenhet} other {# aktive underenheter}}. Deaktiver eller flytt dem først.",
} as const;

const en: Record<keyof typeof nb, string> = {
  unit_structure_sign_in: "Sign in to see the organisation.",
  unit_not_found: "The unit was not found. It may have been deleted, or the address may be wrong.",
  unit_parent_not_found: "The parent unit does not exist. Choose another unit.",
  unit_code_taken: "The code {code} is already used by another unit. Choose another code.",
  unit_ends_before_start:
    "A unit cannot stop being valid before it starts. Choose an end date of {validFrom} or later.",
  unit_create_needs_admin: "You need the administrator role on “{parent}” to add units under it.",
  unit_create_top_level: "Only a system administrator can add a top-level unit.",
  unit_parent_inactive: "“{parent}” is deactivated, so units cannot be added under it.",
  unit_edit_needs_admin: "You need the administrator role on “{unit}” to change it.",
  unit_move_needs_admin: "You need the administrator role both where the unit is now and where it goes.",
  unit_move_into_itself: "A unit cannot be placed under itself.",
  unit_move_into_descendant:
    "A unit cannot be placed under one of its own sub-units; that would make a cycle.",
  unit_move_parent_inactive: "The new parent unit is deactivated, so units cannot be moved there.",
  unit_deactivate_needs_admin: "You need the administrator role on “{unit}” to deactivate it.",
  unit_has_active_children:
    "“{unit}” still has {count, plural, one {# active sub-unit} other {# active sub-units}}. Deactivate or move them first.",
};

export const unitReasons = { nb, en };

const fieldNb = {
  code_format:
    "må ha 1 til 32 bokstaver, sifre, «-», «_» eller «.», og begynne med en bokstav eller et siffer",
  into_itself: "kan ikke være enheten selv",
  into_descendant: "kan ikke være en av enhetens egne underenheter",
} as const;

const fieldEn: Record<keyof typeof fieldNb, string> = {
  code_format: "must be 1 to 32 letters, digits, '-', '_' or '.', starting with a letter or digit",
  into_itself: "cannot be the unit itself",
  into_descendant: "cannot be one of the unit's own sub-units",
};

export const unitFieldProblems = { nb: fieldNb, en: fieldEn };
