// Two trusts' "Topp 5": the five highest risks each trust names on its own initiative (seed 003
// footnote 1). The seed does not print the trusts' lists; these are written for the demo, in the
// areas and the 1-4 year perspective the seed describes.

import type { RiskArea, RiskHorizon } from "../../domain/riskMeasures.ts";

type DemoRisk = {
  fields: {
    area: RiskArea;
    title: string;
    likelyEvents: string;
    consequences: string;
    ownerName: string;
    horizon: RiskHorizon;
  };
  t1: "green" | "yellow" | "red";
  t2: "green" | "yellow" | "red";
};

export const unitRiskRegister: Record<string, DemoRisk[]> = {
  UNN: [
    {
      fields: {
        area: "personnel",
        title: "Mangel på spesialsykepleiere",
        likelyEvents: "Ledige stillinger i intensiv, operasjon og anestesi blir ikke besatt.",
        consequences: "Færre operasjoner, lengre ventetid og økt innleie.",
        ownerName: "HR-direktør",
        horizon: "one_to_four_years",
      },
      t1: "red",
      t2: "red",
    },
    {
      fields: {
        area: "finances",
        title: "Økonomisk resultat under krav",
        likelyEvents: "Kostnadene til lønn og innleie vokser raskere enn inntektene.",
        consequences: "Mindre rom for investeringer i bygg og utstyr.",
        ownerName: "Økonomidirektør",
        horizon: "this_year",
      },
      t1: "red",
      t2: "yellow",
    },
    {
      fields: {
        area: "quality_capacity",
        title: "Fristbrudd i psykisk helsevern",
        likelyEvents: "Henvisninger øker mens behandlerkapasiteten står stille.",
        consequences: "Pasienter venter ut over fristen; svekket tillit.",
        ownerName: "Fagdirektør",
        horizon: "this_year",
      },
      t1: "yellow",
      t2: "yellow",
    },
    {
      fields: {
        area: "security_preparedness",
        title: "Utfall av kritiske IKT-systemer",
        likelyEvents: "Løsepengevirus eller feil i driftsmiljøet stanser elektronisk pasientjournal.",
        consequences: "Reserverutiner i flere døgn; risiko for feilbehandling.",
        ownerName: "Sikkerhets- og beredskapssjef",
        horizon: "one_to_four_years",
      },
      t1: "yellow",
      t2: "yellow",
    },
    {
      fields: {
        area: "hse",
        title: "Høyt sykefravær i akuttmottaket",
        likelyEvents: "Langvarig høy belastning og vakante vakter.",
        consequences: "Mer overtid, økt turnover og svekket pasientsikkerhet.",
        ownerName: "Klinikksjef akutt",
        horizon: "this_year",
      },
      t1: "yellow",
      t2: "green",
    },
  ],
  NLSH: [
    {
      fields: {
        area: "personnel",
        title: "Rekruttering av legespesialister i Lofoten og Vesterålen",
        likelyEvents: "Stillinger står ledige, og vakter dekkes av vikarer.",
        consequences: "Ustabile fagmiljøer og høy innleiekostnad.",
        ownerName: "HR-direktør",
        horizon: "one_to_four_years",
      },
      t1: "red",
      t2: "red",
    },
    {
      fields: {
        area: "finances",
        title: "Gjennomføring av omstillingsplanen",
        likelyEvents: "Tiltakene i omstillingsplanen gir mindre effekt enn forutsatt.",
        consequences: "Underskudd og behov for nye innsparinger.",
        ownerName: "Økonomidirektør",
        horizon: "this_year",
      },
      t1: "red",
      t2: "red",
    },
    {
      fields: {
        area: "quality_capacity",
        title: "Kapasitet i prehospitale tjenester",
        likelyEvents: "Ambulanser bindes opp i lange transporter.",
        consequences: "Lengre responstid i distriktene.",
        ownerName: "Klinikksjef prehospital",
        horizon: "this_year",
      },
      t1: "yellow",
      t2: "green",
    },
    {
      fields: {
        area: "research_innovation",
        title: "Lav deltakelse i kliniske studier",
        likelyEvents: "Få studier tilbys pasientene i foretaket.",
        consequences: "Pasientene får ikke tilgang til ny behandling; svakere fagmiljø.",
        ownerName: "Forskningssjef",
        horizon: "one_to_four_years",
      },
      t1: "yellow",
      t2: "yellow",
    },
    {
      fields: {
        area: "hse",
        title: "Vold og trusler i psykisk helsevern",
        likelyEvents: "Alvorlige hendelser mot ansatte ved akuttpost.",
        consequences: "Skader, sykefravær og vanskelig rekruttering.",
        ownerName: "Klinikksjef psykisk helse og rus",
        horizon: "this_year",
      },
      t1: "green",
      t2: "yellow",
    },
  ],
};
