// A small example of the import file, offered for download on the import page. It is built here
// rather than served, and uses the demo data's codes: semicolons and decimal commas, as Norwegian
// Excel saves a CSV file.

export const exampleFileName = "tertial-eksempel-maaledata.csv";

export const exampleCsv = [
  "indikator;enhet;måned;teller;nevner",
  "EPIKRISE;UNN-TRO;2024-03;1412;1938",
  "EPIKRISE;UNN-HAR;2024-03;388;540",
  "SYKEFRAV;UNN-TRO;2024-01;5120,5;58311",
  "INNLEIE;UNN-TRO;2024-03;7,3;",
  "",
].join("\n");
