// Importing measurements: files, headers and rows.

const nb = {
  bad_file_name: "Filnavnet kan ikke lagres. Gi filen et nytt navn og importer den på nytt.",
} as const;

const en: Record<keyof typeof nb, string> = {
  bad_file_name: "The file name cannot be stored. Rename the file and import it again.",
};

export const measurementReasons = { nb, en };
