"""The reference of every problem code, in Dutch, for the data stewards' guide.

The skeleton (codes, titles, severities) comes from `CATALOGUE`, so the page lists exactly
the codes the validator can emit. What each code means and what to do about it is written
here, in `EXPLANATIONS`, for people who fill in spreadsheets rather than read code. The
committed page is regenerated with

    python -m generator.validate.docs > site_src/gegevenslevering/foutcodes.md

and `tests/test_docs.py` fails when it is out of date or when a code lacks an explanation.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass

from generator import contract
from generator.validate.cells import MAX_PER_COLUMN
from generator.validate.checks import _load_check_modules
from generator.validate.checks._personal_data import BIRTH_YEARS
from generator.validate.checks.arbeid import MAX_HOURS_PER_WEEK
from generator.validate.files import MAX_FILE_BYTES
from generator.problems import CATALOGUE, Code

COMMAND = "python -m generator.validate.docs > site_src/gegevenslevering/foutcodes.md"
SEVERITY_LABELS = {"error": "fout", "warning": "waarschuwing"}


def _max_length(resource: str, field: str) -> int:
    return contract.field(resource, field)["constraints"]["maxLength"]


def _enumerate(parts: list[str]) -> str:
    """a, b en c."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def _names(names: tuple[str, ...]) -> str:
    return _enumerate([f"`{name}`" for name in names])


_FREE_TEXT = _enumerate([f"{_names(fields)} in `{resource}.csv`"
                         for resource, fields in contract.FREE_TEXT_FIELDS.items()])


@dataclass(frozen=True)
class Stage:
    """A group of codes on the page, in the order the validator meets them."""

    title: str
    intro: str
    codes: tuple[str, ...]


STAGES: tuple[Stage, ...] = (
    Stage(
        "De map van uw regio",
        "Eerst kijkt de controle welke bestanden er in `data/` en in de map van uw regio "
        "staan.",
        ("missing-data-folder", "missing-file", "unknown-file", "not-a-regular-file"),
    ),
    Stage(
        "Het bestand datapackage.json",
        "`datapackage.json` beschrijft welke tabellen er in de levering zitten en welke "
        "kolommen ze hebben. U hoeft het nooit aan te passen. Bijna elke melding in dit "
        "deel lost u op door de versie uit de hoofdtak (`main`) op GitHub terug te zetten.",
        ("missing-datapackage", "invalid-json", "invalid-datapackage", "unsafe-resource-path",
         "unexpected-resource-path", "unknown-resource", "duplicate-resource",
         "missing-resource", "schema-changed", "dialect-changed"),
    ),
    Stage(
        "Het CSV-bestand zelf",
        "Daarna leest de controle elk CSV-bestand als tekst. Gaat hier iets mis, dan "
        "controleert hij de inhoud van dat bestand nog niet. Na het herstellen kunnen er "
        "dus nieuwe meldingen over de inhoud bijkomen.",
        ("file-unreadable", "file-too-large", "empty-file", "excel-file", "binary-file",
         "utf16-file", "utf8-bom", "not-utf8", "wrong-delimiter", "malformed-csv",
         "unreadable-table"),
    ),
    Stage(
        "Kolommen en cellen",
        "Dan kijkt de controle naar de kopregel, naar elke rij en naar elke cel: staan de "
        "goede kolommen erin, is elk getal een getal, is elke code een toegestane code?",
        ("missing-header", "missing-column", "extra-column", "duplicate-column",
         "column-order", "extra-cell", "missing-cell", "blank-row", "required-value",
         "type-error", "decimal-comma", "thousands-separator", "ambiguous-thousands",
         "value-not-allowed", "invalid-format", "date-instead-of-quarter",
         "quarter-notation", "below-minimum", "too-long", "duplicate-row", "more-problems"),
    ),
    Stage(
        "Regels binnen een tabel",
        "Deze regels vergelijken cellen in dezelfde rij, of rijen in dezelfde tabel, met "
        "elkaar.",
        ("quarter-after-current", "traject-available-from-in-development",
         "traject-available-from-missing", "active-6-exceeds-outflow",
         "active-12-exceeds-active-6", "active-12-without-active-6", "score-outside-scale",
         "duplicate-transition", "required-dimension-missing",
         "cohort-dimension-total-mismatch", "hours-exceed-maximum",
         "benefits-exceed-measured", "percentage-above-100"),
    ),
    Stage(
        "Regels tussen tabellen",
        "Deze regels leggen tabellen naast elkaar: de trajecten, de instroom, de uitstroom, "
        "de metingen en het register van regio's moeten met elkaar kloppen.",
        ("unknown-traject", "traject-in-development-used", "traject-not-yet-available",
         "outflow-exceeds-inflow", "cohort-exceeds-instroom", "measured-exceeds-followups",
         "arbeid-cohort-without-metingen", "quarter-before-pilot-start"),
    ),
    Stage(
        "Privacy: persoonsgegevens in vrije tekst",
        f"In kolommen met vrije tekst ({_FREE_TEXT}) zoekt de controle naar gegevens die "
        "naar een persoon kunnen leiden. Dat is altijd een fout. De melding herhaalt de "
        "gevonden waarde bewust niet, omdat de melding op GitHub zichtbaar is.",
        ("personal-data-bsn", "personal-data-email", "personal-data-phone",
         "personal-data-iban", "personal-data-postcode", "personal-data-birth-date"),
    ),
    Stage(
        "Het register van regio's",
        "`data/regios.csv` is de lijst van alle regio's. Het team van de monitor houdt "
        "deze lijst bij; pas hem alleen in overleg aan.",
        ("missing-register", "unregistered-region", "region-without-folder",
         "pilot-start-in-future"),
    ),
    Stage(
        "Indicatoren en het economisch model (voor onderzoekers)",
        "Deze meldingen gaan niet over de levering van een regio, maar over de map "
        "`indicators/`: de definities van de indicatoren en de parameters van het "
        "economisch model. Die map beheren de onderzoekers van de monitor. De vorm van een "
        "definitie staat in `indicators/README.md`.",
        ("indicator-yaml-unreadable", "indicator-definition-invalid", "indicator-id-mismatch",
         "indicator-unknown-resource", "indicator-sources-mismatch",
         "indicator-unknown-column", "indicator-column-type", "indicator-unknown-value",
         "indicator-breakdown-invalid", "indicator-target-overlap",
         "model-parameters-unreadable", "model-parameters-invalid"),
    ),
)
"""Every code in exactly one stage; `tests/test_docs.py` checks that nothing is left out."""

OTHER_STAGE = Stage("Overige meldingen", "Meldingen die nog bij geen onderdeel zijn ingedeeld.",
                    ())

EXPLANATIONS: dict[str, str] = {
    # --- de map van uw regio ----------------------------------------------------------
    "missing-data-folder": (
        "De controle vindt geen map `data/` met daarin `regios.csv`. Dat gebeurt als u de "
        "opdracht start in een map die niet bij de repository hoort."
        "\n\n"
        "Ga in het opdrachtvenster naar de map van de repository (de map met `README.md` "
        "en `data/`), of naar een map daarbinnen, en start de controle opnieuw."
    ),
    "missing-file": (
        "Een van de CSV-bestanden van de levering staat niet in de map van uw regio. "
        "Elk bestand moet er zijn, ook als u er dit kwartaal niets in te melden heeft."
        "\n\n"
        "Zet het bestand terug onder precies de naam uit de melding (kleine letters, "
        "eindigend op `.csv`). Heeft u niets te melden, lever dan een bestand met alleen "
        "de kopregel. De kopregels staan in de handleiding bij elke tabel."
    ),
    "unknown-file": (
        "Er staat een bestand in de map dat niet bij de levering hoort. In de map van een "
        "regio horen alleen `datapackage.json`, eventueel `README.md`, en de "
        "CSV-bestanden van de tabellen. Direct in `data/` horen alleen `regios.csv`, "
        "`README.md` en de mappen van de regio's. Vaak gaat het om een Excel-werkmap, "
        "een kopie zoals `instroom (2).csv`, een hulpbestand van de computer "
        "(`.DS_Store` op een Mac) of een slotbestand dat LibreOffice maakt zolang een "
        "bestand open staat (`.~lock.instroom.csv#`)."
        "\n\n"
        "Haal het bestand uit de map. Is het een slotbestand, sluit dan eerst het bestand "
        "in LibreOffice; dan verdwijnt het vanzelf. Stonden er gegevens over personen in "
        "het bestand en is het al naar GitHub gestuurd, meld dat dan direct bij het team "
        "van de monitor: "
        "verwijderen in een nieuwe versie is dan niet genoeg, want de oude versie blijft "
        "in de geschiedenis bewaard."
    ),
    "not-a-regular-file": (
        "Onder de naam van een CSV-bestand staat geen gewoon bestand, maar bijvoorbeeld een "
        "map of een snelkoppeling (symbolische link). De controle opent zoiets niet."
        "\n\n"
        "Vervang het door een gewoon CSV-bestand met dezelfde naam."
    ),
    # --- datapackage.json -------------------------------------------------------------
    "missing-datapackage": (
        "Het bestand `datapackage.json` ontbreekt in de map van uw regio. Het beschrijft "
        "de tabellen van de levering en hoort er altijd bij."
        "\n\n"
        "Zet het bestand terug zoals het in de hoofdtak (`main`) op GitHub staat. Wie met "
        "Git werkt: `git checkout origin/main -- data/<regio>/datapackage.json`."
    ),
    "invalid-json": (
        "`datapackage.json` is aangepast en is nu geen geldige JSON meer, bijvoorbeeld "
        "door een weggevallen komma of aanhalingsteken. De melding noemt de regel en het "
        "teken waar het misgaat."
        "\n\n"
        "Zet de versie uit de hoofdtak (`main`) terug. Voor een gewone levering hoeft u "
        "dit bestand nooit te wijzigen."
    ),
    "invalid-datapackage": (
        "`datapackage.json` is wel te lezen, maar heeft niet de vorm die de controle "
        "verwacht: de lijst met tabellen ontbreekt, een tabel heeft geen naam, of het "
        "bestand is geen UTF-8-tekst, veel te groot of een snelkoppeling."
        "\n\n"
        "Zet de versie uit de hoofdtak (`main`) terug."
    ),
    "unsafe-resource-path": (
        "Een tabel in `datapackage.json` verwijst naar een bestand buiten de map van uw "
        "regio: een volledig pad, een pad met `..` of een internetadres. Om veiligheids"
        "redenen leest de controle zo'n bestand niet."
        "\n\n"
        "Zet de versie uit de hoofdtak (`main`) terug. Elke tabel staat in een bestand met "
        "de naam van de tabel, in dezelfde map, bijvoorbeeld `instroom.csv`."
    ),
    "unexpected-resource-path": (
        "Een tabel in `datapackage.json` verwijst naar een andere bestandsnaam dan "
        "afgesproken, bijvoorbeeld `Instroom.csv` of `instroom-2026.csv` in plaats van "
        "`instroom.csv`."
        "\n\n"
        "Zet de versie uit de hoofdtak (`main`) terug en geef uw bestand precies de "
        "afgesproken naam, in kleine letters."
    ),
    "unknown-resource": (
        "`datapackage.json` noemt een tabel die niet in de afspraken (het contract) staat. "
        "Alle regio's leveren dezelfde tabellen."
        "\n\n"
        "Haal de tabel weg door de versie uit de hoofdtak (`main`) terug te zetten. Wilt u "
        "andere gegevens aanleveren, overleg dan eerst met het team van de monitor."
    ),
    "duplicate-resource": (
        "Dezelfde tabel staat twee keer in `datapackage.json`."
        "\n\n"
        "Zet de versie uit de hoofdtak (`main`) terug."
    ),
    "missing-resource": (
        "Een van de tabellen ontbreekt in `datapackage.json`. Elke tabel moet erin "
        "staan, ook als het bestand alleen een kopregel heeft."
        "\n\n"
        "Zet de versie uit de hoofdtak (`main`) terug."
    ),
    "schema-changed": (
        "De beschrijving van de kolommen van een tabel in `datapackage.json` wijkt af van "
        "de afspraken: er is een kolom bijgekomen, weggehaald, hernoemd of verplaatst, of "
        "een kolom heeft een ander type of andere regels. Alleen de titels en "
        "beschrijvingen mogen anders zijn. De controle gebruikt altijd de afgesproken "
        "kolommen; een aangepaste beschrijving verandert daar niets aan."
        "\n\n"
        "Zet de versie uit de hoofdtak (`main`) terug."
    ),
    "dialect-changed": (
        "`datapackage.json` geeft voor een tabel een eigen tekenset, bestandssoort of "
        "scheidingsteken op, bijvoorbeeld een puntkomma. Alle leveringen gebruiken "
        "hetzelfde formaat: UTF-8 met komma's."
        "\n\n"
        "Zet de versie uit de hoofdtak (`main`) terug en sla het CSV-bestand op als UTF-8 "
        "met komma's (zie *CSV goed opslaan* in de handleiding)."
    ),
    # --- het CSV-bestand zelf -----------------------------------------------------------
    "file-unreadable": (
        "De computer kan het bestand niet openen, bijvoorbeeld omdat u er geen rechten op "
        "heeft of omdat een ander programma het vasthoudt. De reden tussen haakjes komt "
        "van het besturingssysteem en kan in het Engels zijn."
        "\n\n"
        "Sluit het bestand in andere programma's, controleer of u het zelf kunt openen, en "
        "start de controle opnieuw."
    ),
    "file-too-large": (
        f"Het bestand is groter dan {MAX_FILE_BYTES // 1024 // 1024} MB. Een levering "
        "bevat alleen totalen per kwartaal en is meestal maar een paar kilobyte. "
        "Waarschijnlijk is dit het verkeerde bestand, bijvoorbeeld een uitdraai met een "
        "rij per deelnemer."
        "\n\n"
        "Controleer welk bestand u heeft opgeslagen. Lever nooit bestanden met een rij per "
        "persoon."
    ),
    "empty-file": (
        "Het bestand is helemaal leeg: zelfs de kopregel met kolomnamen ontbreekt."
        "\n\n"
        "Heeft u niets te melden, zet dan alleen de kopregel in het bestand. De melding "
        "noemt de kolommen; u vindt ze ook bij elke tabel in de handleiding."
    ),
    "excel-file": (
        "Dit is een werkmap van Excel (`.xlsx` of `.xls`) of LibreOffice (`.ods`) die alleen "
        "een andere naam heeft gekregen. Een nieuwe naam maakt er geen CSV-bestand van."
        "\n\n"
        "Open de werkmap in Excel of LibreOffice en sla hem op via *Opslaan als* met "
        "bestandstype CSV, zoals beschreven in *CSV goed opslaan* in de handleiding."
    ),
    "binary-file": (
        "Het bestand bevat geen tekst. Meestal is een ander soort bestand onder een "
        "`.csv`-naam opgeslagen."
        "\n\n"
        "Sla de gegevens opnieuw op als CSV, zoals beschreven in *CSV goed opslaan* in de "
        "handleiding."
    ),
    "utf16-file": (
        "Het bestand is opgeslagen als UTF-16. Excel doet dat bij het bestandstype "
        "*Unicode-tekst*. De controle vraagt UTF-8."
        "\n\n"
        "Sla het bestand opnieuw op als *CSV UTF-8*, of met LibreOffice als *Tekst CSV* "
        "met tekenset *Unicode (UTF-8)*."
    ),
    "utf8-bom": (
        "Het bestand begint met een onzichtbaar teken, de BOM. Excel zet dat teken vooraan "
        "als u opslaat als *CSV UTF-8*. De controle leest het bestand goed en de levering "
        "wordt geaccepteerd. Sommige andere programma's zien het teken wel als deel van de "
        "eerste kolomnaam; daarom krijgt u een waarschuwing."
        "\n\n"
        "U hoeft niets te doen. Wilt u de waarschuwing kwijt, sla het bestand dan op met "
        "LibreOffice (dat zet geen BOM), of open het in Kladblok en kies bij *Opslaan als* "
        "de codering *UTF-8* (niet *UTF-8 met BOM*)."
    ),
    "not-utf8": (
        "Het bestand is opgeslagen in een oudere tekenset, meestal Windows-1252 (ANSI). "
        "Excel doet dat bij het gewone bestandstype *CSV (gescheiden door "
        "lijstscheidingsteken)*. Letters als é, ë en het teken € komen dan verkeerd over. "
        "De melding wijst de rij aan met het eerste teken dat niet klopt."
        "\n\n"
        "Sla het bestand opnieuw op in UTF-8: in Excel als *CSV UTF-8 (door komma's "
        "gescheiden)*, in LibreOffice als *Tekst CSV* met tekenset *Unicode (UTF-8)*."
    ),
    "wrong-delimiter": (
        "De cellen zijn gescheiden door een puntkomma (`;`) of een tab in plaats van een "
        "komma. Nederlandse Excel schrijft standaard puntkomma's. De controle leest de "
        "inhoud van het bestand pas als dit is opgelost."
        "\n\n"
        "Sla het bestand opnieuw op met komma's. Dat gaat het makkelijkst met LibreOffice; "
        "voor Excel staat in *CSV goed opslaan* in de handleiding wat u moet instellen."
    ),
    "malformed-csv": (
        "Vanaf de genoemde rij is het bestand geen geldige CSV meer. Bijna altijd staat er "
        "een los aanhalingsteken (`\"`) in een cel. Alles daarna wordt dan gelezen als één "
        "heel lange cel."
        "\n\n"
        "Zoek in of vlak voor de genoemde rij naar een aanhalingsteken. Haal het weg, of "
        "zet de hele tekst tussen twee aanhalingstekens. Sla daarna opnieuw op als CSV."
    ),
    "unreadable-table": (
        "Het bestand kon om een andere reden niet als tabel worden gelezen. Dit komt "
        "zelden voor. De uitleg tussen haakjes komt van de onderdelen die het bestand "
        "lezen en kan in het Engels zijn."
        "\n\n"
        "Sla het bestand opnieuw op als CSV UTF-8 met komma's. Blijft de melding, stuur "
        "haar dan door naar het team van de monitor."
    ),
    # --- kolommen en cellen -----------------------------------------------------------
    "missing-header": (
        "Op rij 1 staan geen kolomnamen, maar al gegevens. De kopregel ontbreekt dus, of "
        "staat niet bovenaan."
        "\n\n"
        "Zet op rij 1 de kolomnamen van de tabel, in de volgorde uit de melding. Haal "
        "eventuele titelregels of lege regels boven de kopregel weg."
    ),
    "missing-column": (
        "Een afgesproken kolom staat niet in de kopregel. Soms is de kolom er wel, maar "
        "anders geschreven, met een hoofdletter of een spatie."
        "\n\n"
        "Zet de kolom erbij, met precies de naam uit de melding. Ook een kolom waarvan de "
        "cellen leeg mogen zijn, levert u altijd mee."
    ),
    "extra-column": (
        "Er staat een kolom in het bestand die niet in de afspraken staat. Dat is een "
        "fout, omdat een extra kolom gegevens over personen kan bevatten. Vaak gaat het om "
        "een hulpkolom, een kolom met opmerkingen, een verkeerd gespelde kolomnaam of een "
        "lege kolom zonder naam aan het eind."
        "\n\n"
        "Verwijder de kolom. Is het een verkeerd gespelde naam, verbeter dan de naam; de "
        "melding zegt welke naam waarschijnlijk bedoeld is. Een kolom zonder naam haalt u "
        "weg door in de spreadsheet de lege kolommen rechts van de tabel te selecteren en "
        "te verwijderen."
    ),
    "duplicate-column": (
        "Dezelfde kolomnaam staat meer dan eens in de kopregel."
        "\n\n"
        "Houd één kolom met die naam over. Kijk goed welke kolom de juiste waarden heeft "
        "voordat u de andere verwijdert."
    ),
    "column-order": (
        "Alle kolommen zijn er, maar in een andere volgorde dan afgesproken."
        "\n\n"
        "Zet de kolommen in de volgorde uit de melding. In de spreadsheet kunt u een kolom "
        "knippen en op de juiste plek invoegen."
    ),
    "extra-cell": (
        "Deze rij heeft meer cellen dan de kopregel kolommen heeft. Meestal staat er een "
        "komma in een tekst, of een getal met een komma (zoals `12,5`), zonder "
        "aanhalingstekens eromheen. De komma telt dan als scheiding tussen twee cellen."
        "\n\n"
        "Zet tekst met een komma tussen dubbele aanhalingstekens (`\"Zorg, welzijn\"`); "
        "een spreadsheet doet dat zelf bij het opslaan als CSV. Schrijf getallen met een "
        "punt: `12.5`."
    ),
    "missing-cell": (
        "Deze rij heeft minder cellen dan de kopregel kolommen heeft. Er ontbreken "
        "komma's aan het eind, of de rij is afgebroken."
        "\n\n"
        "Vul de rij aan tot alle kolommen er zijn. Een lege cel schrijft u als niets "
        "tussen twee komma's, bijvoorbeeld `2026-Q2,taal-werk,geen,3,,`."
    ),
    "blank-row": (
        "Deze rij is leeg, of bevat alleen komma's. Excel en LibreOffice schrijven zulke "
        "rijen soms als er ooit iets in heeft gestaan."
        "\n\n"
        "Verwijder de lege rijen. Selecteer in de spreadsheet de rijen onder de tabel en "
        "kies *Rijen verwijderen*."
    ),
    "required-value": (
        "Een cel die altijd gevuld moet zijn, is leeg. Leeg mogen alleen: "
        "`beschikbaar_vanaf` (zolang een traject in ontwikkeling is), `score_t1` (zolang "
        "er geen 1-meting is), `actief_na_6_maanden` en `actief_na_12_maanden` (zolang "
        "dat nog niet bekend is) en `toelichting`."
        "\n\n"
        "Vul de cel. Is een aantal nul, schrijf dan `0`; laat de cel niet leeg."
    ),
    "type-error": (
        "In een kolom voor getallen staat iets dat geen getal is, zoals `n.v.t.`, `-`, "
        "`?` of een tekst. Of in een kolom voor hele getallen (aantallen) staat een getal "
        "met decimalen, zoals `2.5`."
        "\n\n"
        "Vul een getal in. Aantallen zijn altijd hele getallen. Bij bedragen en uren "
        "schrijft u decimalen met een punt (`1234.50`), zonder euroteken en zonder punt "
        "of spatie tussen de duizendtallen."
    ),
    "decimal-comma": (
        "Een getal is geschreven met een komma als decimaalteken, zoals `12,5`. De "
        "afspraak is een punt: `12.5`. Nederlandse spreadsheets schrijven standaard een "
        "komma."
        "\n\n"
        "Verbeter het getal, of stel de spreadsheet zo in dat hij punten schrijft (zie "
        "*CSV goed opslaan* in de handleiding) en sla opnieuw op. Staat de komma in een "
        "kolom met aantallen, dan hoort daar een heel getal: controleer dan ook het "
        "getal zelf."
    ),
    "thousands-separator": (
        "Een getal bevat een scheiding tussen de duizendtallen, zoals `1.234`, `1,234` of "
        "`1 234`. Die scheiding hoort niet in de levering: een computer leest zo'n punt "
        "of komma als decimaalteken, of kan het getal helemaal niet lezen."
        "\n\n"
        "Schrijf getallen zonder scheiding tussen de duizendtallen: `1234`. Geef in de "
        "spreadsheet de kolom de celopmaak *Standaard* in plaats van een getalnotatie met "
        "duizendtallen, en sla opnieuw op."
    ),
    "ambiguous-thousands": (
        "Een getal als `1.234` in een kolom waarin decimalen mogen staan (de uren in "
        "`arbeid.csv` of `waarde` in `context.csv`). De controle leest de punt als "
        "decimaalteken, dus als een getal net boven de 1. Bedoelde u twaalfhonderd"
        "vierendertig, dan klopt dat niet."
        "\n\n"
        "Bedoelde u `1234`, haal dan de punt weg. Bedoelde u echt `1.234`, dan is het "
        "goed en hoeft u niets te doen: het is een waarschuwing, geen fout."
    ),
    "value-not-allowed": (
        "Deze kolom kent een vaste lijst met codes en de waarde staat niet op die lijst. "
        "Vaak is het bijna goed: een hoofdletter, een spatie, een streepje in plaats van "
        "een liggend streepje (`_`), of een trema (`beëindigd` in plaats van `beeindigd`)."
        "\n\n"
        "Kies een code uit de lijst in de melding. De lijsten staan ook bij elke tabel in "
        "de handleiding. Schrijf codes altijd in kleine letters, zonder spaties."
    ),
    "invalid-format": (
        "De waarde heeft niet de afgesproken vorm. Dat gaat om kwartalen (`2026-Q2`), "
        "codes van trajecten en regio's (kleine letters, cijfers en streepjes, zonder "
        "spaties) en de code van een arbeidsmarktregio (`AM` en twee cijfers)."
        "\n\n"
        "Schrijf de waarde in de vorm uit de melding. Een kwartaal is altijd het jaar, een "
        "streepje, een hoofdletter Q en het nummer van het kwartaal."
    ),
    "date-instead-of-quarter": (
        "In een kolom voor een kwartaal staat een datum. Meestal heeft de spreadsheet het "
        "kwartaal zelf omgezet in een datum, of is de kolom opgemaakt als datum."
        "\n\n"
        "Schrijf het kwartaal dat de melding voorstelt. Geef de kolom in de spreadsheet de "
        "celopmaak *Tekst* en typ de kwartalen opnieuw, zodat ze niet weer veranderen."
    ),
    "quarter-notation": (
        "Het kwartaal is anders geschreven dan afgesproken, bijvoorbeeld `2026 Q2`, "
        "`Q2-2026`, `2026-K2` of `2026-q2`."
        "\n\n"
        "Schrijf het kwartaal als jaar, streepje, hoofdletter Q en het nummer van het "
        "kwartaal, zonder spaties: `2026-Q2`."
    ),
    "below-minimum": (
        "Het getal is kleiner dan toegestaan. Aantallen en bedragen zijn nooit negatief. "
        "In `metingen.csv` (kolom `aantal`) en `factoren.csv` (kolom `vermeldingen`) is "
        "het kleinste getal 1."
        "\n\n"
        "Verbeter het getal. Een rij in `metingen.csv` of `factoren.csv` met 0 laat u "
        "helemaal weg."
    ),
    "too-long": (
        "De tekst is langer dan toegestaan. De grenzen zijn: "
        f"`naam` {_max_length('trajecten', 'naam')} tekens, "
        f"`factor` {_max_length('factoren', 'factor')} tekens, "
        f"`bron` {_max_length('context', 'bron')} tekens en "
        f"`toelichting` {_max_length('borging', 'toelichting')} tekens."
        "\n\n"
        "Maak de tekst korter."
    ),
    "duplicate-row": (
        "Deze rij heeft dezelfde waarden in de sleutelkolommen als een eerdere rij in het "
        "bestand. Per tabel staat in de handleiding welke kolommen samen de sleutel "
        "vormen; die combinatie mag maar één keer voorkomen."
        "\n\n"
        "Gaat het om aantallen of bedragen (`instroom`, `uitstroom`, `bewijzen`, "
        "`matches`, `kosten`, `factoren`), tel ze dan op in één rij en verwijder de "
        "andere. In `trajecten`, `borging`, `context`, `arbeid` en `regios` is er per "
        "sleutel maar één juiste rij: houd die over. Twee verschillende trajecten krijgen "
        "elk een eigen `traject_id`."
    ),
    "more-problems": (
        f"Hetzelfde probleem komt in één kolom meer dan {MAX_PER_COLUMN} keer voor. Om de "
        f"lijst leesbaar te houden staan alleen de eerste {MAX_PER_COLUMN} in het rapport; "
        "deze melding telt de rest. De code tussen aanhalingstekens is de code van dat probleem."
        "\n\n"
        "Meestal hebben al die meldingen één oorzaak, bijvoorbeeld een kolom die met "
        "komma's is opgeslagen. Los de oorzaak op en start de controle opnieuw."
    ),
    # --- regels binnen een tabel --------------------------------------------------------
    "quarter-after-current": (
        "Het kwartaal ligt na het huidige kwartaal. U kunt alleen leveren over kwartalen "
        "die al begonnen zijn."
        "\n\n"
        "Verbeter het kwartaal, of haal de rij weg tot dat kwartaal begonnen is."
    ),
    "traject-available-from-in-development": (
        "Het traject heeft de status `in_ontwikkeling`, maar er staat wel een kwartaal in "
        "`beschikbaar_vanaf`. Dat past niet bij elkaar."
        "\n\n"
        "Is het traject nog in ontwikkeling, maak `beschikbaar_vanaf` dan leeg. Loopt het "
        "al, zet de status dan op `beschikbaar`."
    ),
    "traject-available-from-missing": (
        "Het traject heeft de status `beschikbaar` of `beeindigd`, maar `beschikbaar_vanaf` "
        "is leeg, of bevat geen goed geschreven kwartaal."
        "\n\n"
        "Vul het kwartaal in waarin het traject beschikbaar kwam, bijvoorbeeld `2024-Q3`. "
        "Staat er al iets in de cel, los dan eerst de melding over dat kwartaal op; deze "
        "melding verdwijnt dan ook."
    ),
    "active-6-exceeds-outflow": (
        "`actief_na_6_maanden` is groter dan `aantal` in dezelfde rij. Er kunnen niet meer "
        "mensen actief zijn dan er zijn uitgestroomd."
        "\n\n"
        "Verbeter een van beide getallen."
    ),
    "active-12-exceeds-active-6": (
        "`actief_na_12_maanden` is groter dan `actief_na_6_maanden`. Na 12 maanden telt u "
        "alleen mensen die na 6 maanden ook actief waren, dus het getal kan niet groter "
        "worden."
        "\n\n"
        "Verbeter een van beide getallen."
    ),
    "active-12-without-active-6": (
        "`actief_na_12_maanden` is ingevuld, maar `actief_na_6_maanden` is leeg."
        "\n\n"
        "Vul eerst `actief_na_6_maanden` in, of maak `actief_na_12_maanden` leeg."
    ),
    "score-outside-scale": (
        "Een score in `metingen.csv` valt buiten de schaal van de dimensie. Zo loopt "
        "`arbeidsmarktpositie` van 1 tot en met 6 en `taal` van 0 tot en met 3."
        "\n\n"
        "Verbeter de score. De schalen staan bij `metingen.csv` in de handleiding."
    ),
    "duplicate-transition": (
        "Dezelfde combinatie van `cohort`, `dimensie`, `score_t0` en `score_t1` staat twee "
        "keer in `metingen.csv`. Twee rijen met een lege `score_t1` tellen ook als "
        "dezelfde combinatie."
        "\n\n"
        "Tel de aantallen op in één rij en haal de andere rij weg."
    ),
    "required-dimension-missing": (
        "Een cohort heeft rijen in `metingen.csv`, maar geen enkele rij voor een van de "
        f"verplichte dimensies: {_names(contract.REQUIRED_DIMENSIONS)}."
        "\n\n"
        "Voeg de rijen voor de genoemde dimensie toe. Is er op die dimensie niet gemeten, "
        "overleg dan met het team van de monitor."
    ),
    "cohort-dimension-total-mismatch": (
        "Binnen een cohort tellen de dimensies niet op tot hetzelfde aantal deelnemers. "
        "Elke dimensie gaat over dezelfde groep mensen, dus de som van `aantal` moet per "
        "dimensie gelijk zijn. De controle vergelijkt met `arbeidsmarktpositie`, of, als "
        "die ontbreekt, met het aantal dat de meeste dimensies hebben."
        "\n\n"
        "Zoek bij de genoemde dimensie welke rij mist of een verkeerd aantal heeft. "
        "Deelnemers zonder 1-meting telt u mee in een rij met een lege `score_t1`."
    ),
    "hours-exceed-maximum": (
        f"De som van de uren per week in `arbeid.csv` is hoger dan {MAX_HOURS_PER_WEEK} uur "
        "per gemeten "
        "deelnemer. Waarschijnlijk staan er uren per maand of per jaar, of iets anders "
        "dan uren."
        "\n\n"
        "Vul de som in van de betaalde uren per week van alle gemeten deelnemers samen. "
        "Bijvoorbeeld: drie deelnemers die 0, 20 en 32 uur werken, geven samen 52."
    ),
    "benefits-exceed-measured": (
        "Het aantal deelnemers met een uitkering is groter dan `aantal_gemeten` in "
        "dezelfde rij. Dat kan niet: u telt alleen de gemeten deelnemers."
        "\n\n"
        "Verbeter een van beide getallen."
    ),
    "percentage-above-100": (
        "In `context.csv` staat een percentage boven 100. Alleen "
        "`vacatures_per_100_werklozen` mag boven 100 komen; de andere indicatoren zijn "
        "percentages."
        "\n\n"
        "Vul het percentage in als getal tussen 0 en 100, met een punt: `4.5` voor 4,5%. "
        "Schrijf geen breuk (`0.045`) en geen procentteken."
    ),
    # --- regels tussen tabellen -------------------------------------------------------
    "unknown-traject": (
        "De `traject_id` in deze rij staat niet in `trajecten.csv`. Vaak is het een "
        "tikfout, of is een nieuw traject nog niet aan `trajecten.csv` toegevoegd."
        "\n\n"
        "Verbeter de code, of voeg het traject toe aan `trajecten.csv`."
    ),
    "traject-in-development-used": (
        "De rij verwijst naar een traject dat in `trajecten.csv` nog de status "
        "`in_ontwikkeling` heeft. Een traject in ontwikkeling heeft nog geen deelnemers, "
        "uitstroom of behaalde bewijzen."
        "\n\n"
        "Verbeter de `traject_id`. Of, als het traject al loopt: zet in `trajecten.csv` de "
        "status op `beschikbaar` en vul `beschikbaar_vanaf` in."
    ),
    "traject-not-yet-available": (
        "De rij gaat over een kwartaal vóór het kwartaal waarin het traject beschikbaar "
        "kwam (`beschikbaar_vanaf` in `trajecten.csv`)."
        "\n\n"
        "Verbeter de `periode` in deze rij, of `beschikbaar_vanaf` in `trajecten.csv` als "
        "het traject eerder begon."
    ),
    "outflow-exceeds-inflow": (
        "Bij dit traject zijn tot en met het genoemde kwartaal meer mensen uitgestroomd "
        "dan er zijn ingestroomd. De controle telt alle kwartalen vanaf het begin bij "
        "elkaar op, per traject. Iemand kan pas uitstromen als hij eerder, of in hetzelfde "
        "kwartaal, is ingestroomd."
        "\n\n"
        "Vergelijk de aantallen van dit traject in `uitstroom.csv` en `instroom.csv`. "
        "Vaak ontbreekt er instroom van een eerder kwartaal, of staat uitstroom bij het "
        "verkeerde traject."
    ),
    "cohort-exceeds-instroom": (
        "Een cohort in `metingen.csv` telt meer deelnemers dan er in dat kwartaal zijn "
        "ingestroomd volgens `instroom.csv`. Een cohort bestaat uit de mensen die in dat "
        "kwartaal met een traject begonnen, dus het kan niet groter zijn."
        "\n\n"
        "Controleer het `cohort` in `metingen.csv` (is het het kwartaal van de start?) en "
        "de aantallen in `instroom.csv` van dat kwartaal."
    ),
    "measured-exceeds-followups": (
        "`aantal_gemeten` in `arbeid.csv` is groter dan het aantal deelnemers van dat "
        "cohort met een 1-meting op `arbeidsmarktpositie` in `metingen.csv` (de rijen met "
        "een ingevulde `score_t1`)."
        "\n\n"
        "Tel in `arbeid.csv` alleen deelnemers met zowel een 0- als een 1-meting. "
        "Verbeter `aantal_gemeten`, of vul in `metingen.csv` de 1-metingen aan."
    ),
    "arbeid-cohort-without-metingen": (
        "Een cohort staat in `arbeid.csv`, maar heeft geen enkele rij in `metingen.csv`."
        "\n\n"
        "Lever eerst de metingen van dit cohort, of haal de rij uit `arbeid.csv` weg."
    ),
    "quarter-before-pilot-start": (
        "Het kwartaal ligt vóór de start van uw regio, zoals die in `pilot_start` in "
        "`data/regios.csv` staat."
        "\n\n"
        "Verbeter het kwartaal. Klopt de start van de regio niet, neem dan contact op met "
        "het team van de monitor."
    ),
    # --- privacy ----------------------------------------------------------------------
    "personal-data-bsn": (
        "In een vrije tekst staat een getal van acht of negen cijfers dat de elfproef "
        "haalt. Het kan dus een burgerservicenummer zijn."
        "\n\n"
        "Haal het getal weg. Een levering bevat nooit gegevens over één persoon. Is het "
        "al naar GitHub gestuurd, meld het dan direct bij het team van de monitor: de oude "
        "versie blijft anders in de geschiedenis bewaard."
    ),
    "personal-data-email": (
        "In een vrije tekst staat iets dat lijkt op een e-mailadres."
        "\n\n"
        "Haal het adres weg. Noem zo nodig een functie of organisatie (\"de "
        "taalcoördinator van de gemeente\") in plaats van een persoon. Is het al naar "
        "GitHub gestuurd, meld het dan bij het team van de monitor."
    ),
    "personal-data-phone": (
        "In een vrije tekst staat iets dat lijkt op een Nederlands telefoonnummer."
        "\n\n"
        "Haal het nummer weg. Is het al naar GitHub gestuurd, meld het dan bij het team van "
        "de monitor."
    ),
    "personal-data-iban": (
        "In een vrije tekst staat een geldig bankrekeningnummer (IBAN)."
        "\n\n"
        "Haal het nummer weg. Is het al naar GitHub gestuurd, meld het dan bij het team van "
        "de monitor."
    ),
    "personal-data-postcode": (
        "In een vrije tekst staat een postcode met letters, zoals `1234 AB`. Samen met "
        "andere gegevens kan die naar een adres of persoon leiden."
        "\n\n"
        "Haal de postcode weg. Noem zo nodig de plaats of de wijk. Een postcode met alleen "
        "cijfers mag wel."
    ),
    "personal-data-birth-date": (
        "In een vrije tekst staat een datum die een geboortedatum kan zijn (een bestaande "
        f"datum in een jaar van {BIRTH_YEARS.start} tot en met {BIRTH_YEARS.stop - 1})."
        "\n\n"
        "Haal de datum weg. Wilt u een moment noemen, gebruik dan een kwartaal (`2024-Q3`) "
        "of een maand en jaar."
    ),
    # --- het register van regio's ------------------------------------------------------
    "missing-register": (
        "Het bestand `data/regios.csv` ontbreekt. Zonder dit register kan de controle de "
        "leveringen niet aan een regio koppelen."
        "\n\n"
        "Zet het bestand terug zoals het in de hoofdtak (`main`) staat."
    ),
    "unregistered-region": (
        "Er is een map in `data/` waarvan de naam niet als `regio_id` in `data/regios.csv` "
        "staat. Misschien is de map anders genoemd dan afgesproken, of is de regio nog "
        "niet in het register opgenomen."
        "\n\n"
        "Geef de map precies de naam van uw regio uit `data/regios.csv`. Is uw regio nieuw, "
        "vraag dan het team van de monitor om de regio in het register op te nemen."
    ),
    "region-without-folder": (
        "Een regio staat in het register, maar heeft nog geen map in `data/`. Dat is "
        "normaal voor een regio die net is aangesloten en nog niet heeft geleverd."
        "\n\n"
        "U hoeft niets te doen; de melding verdwijnt na de eerste levering van die regio."
    ),
    "pilot-start-in-future": (
        "In `data/regios.csv` ligt `pilot_start` van een regio na het huidige kwartaal."
        "\n\n"
        "Vul als `pilot_start` het eerste kwartaal in waarover de regio levert. Neem "
        "hiervoor contact op met het team van de monitor."
    ),
    # --- indicatoren en het economisch model --------------------------------------------
    "indicator-yaml-unreadable": (
        "Een bestand `indicators/<id>.yml` is geen leesbare YAML, of geen UTF-8-tekst. Vaak "
        "klopt de inspringing niet, ontbreekt een dubbele punt, of staat er een tab in "
        "plaats van spaties. De melding noemt de regel waar het lezen stopte."
        "\n\n"
        "Herstel het bestand op of vlak voor die regel. Spring in met spaties en zet tekst "
        "met een dubbele punt erin tussen aanhalingstekens."
    ),
    "indicator-definition-invalid": (
        "De definitie is wel leesbare YAML, maar volgt de afgesproken vorm niet: een "
        "verplicht veld ontbreekt, een veld is onbekend, of een waarde heeft het verkeerde "
        "type of valt buiten de toegestane lijst. De melding noemt het veld."
        "\n\n"
        "Verbeter het genoemde veld. De vorm van een definitie staat in "
        "`indicators/README.md`."
    ),
    "indicator-id-mismatch": (
        "Het veld `id` in de definitie is niet gelijk aan de bestandsnaam zonder `.yml`."
        "\n\n"
        "Maak ze gelijk. Verander het `id` van een bestaande indicator liever niet: de "
        "site en eerdere rapporten verwijzen ernaar."
    ),
    "indicator-unknown-resource": (
        "De regel van de indicator leest een bron die niet in het gegevensleveringscontract "
        "staat, bijvoorbeeld door een tikfout."
        "\n\n"
        "Kies een van de bronnen uit de melding; dat zijn de tabellen van de levering."
    ),
    "indicator-sources-mismatch": (
        "Het veld `bronnen` noemt niet precies de tabellen die de regel leest: er ontbreekt "
        "er een, of er staat er een te veel. De site gebruikt dit veld om te laten zien "
        "waar een cijfer vandaan komt."
        "\n\n"
        "Zet in `bronnen` precies de tabellen uit de melding."
    ),
    "indicator-unknown-column": (
        "De regel noemt een kolom die de bron niet heeft, in `kolom`, `tijdkolom`, "
        "`sleutel` of een filter."
        "\n\n"
        "Kies een kolom uit de lijst in de melding; dat zijn de kolommen van die tabel in "
        "het contract."
    ),
    "indicator-column-type": (
        "De regel rekent met een kolom van het verkeerde soort: `som` telt een tekstkolom "
        "op, of een filter vergelijkt tekst met groter of kleiner dan."
        "\n\n"
        "Tel een kolom met getallen op, of gebruik `aantal_rijen` of `som_van_scores`, "
        "zoals de melding aangeeft."
    ),
    "indicator-unknown-value": (
        "Een filter of een score noemt een waarde die in die kolom niet kan voorkomen, "
        "bijvoorbeeld een tikfout in een code. Zo'n filter zou stil niets tellen."
        "\n\n"
        "Kies een waarde uit de lijst in de melding; dat zijn de toegestane codes van die "
        "kolom in het contract."
    ),
    "indicator-breakdown-invalid": (
        "Een uitsplitsing in `uitsplitsingen` kan niet: de kolom staat in geen enkele bron "
        "van de regel, het is een kolom met getallen in plaats van categorieën, of `fase` "
        "is gecombineerd met een kolom."
        "\n\n"
        "Splits uit naar een kolom met codes uit een van de bronnen, of alleen naar `fase`."
    ),
    "indicator-target-overlap": (
        "Twee doelen in `doelen` gelden voor dezelfde regio's (en dezelfde fase). Dan is "
        "niet duidelijk welk doel geldt."
        "\n\n"
        "Geef elk doel een eigen bereik of een eigen fase, of haal een van beide weg."
    ),
    "model-parameters-unreadable": (
        "Het parameterbestand van het economisch model (`indicators/economie/"
        "parameters.yml`) is geen leesbare YAML. De melding noemt waar het lezen stopte."
        "\n\n"
        "Herstel de inspringing en de dubbele punten op of vlak voor die plek."
    ),
    "model-parameters-invalid": (
        "Het parameterbestand is leesbaar, maar een veld ontbreekt, is onbekend of heeft "
        "een waarde die het model niet kan gebruiken. De melding zegt welk veld en wat er "
        "mis is."
        "\n\n"
        "Verbeter het genoemde veld. De betekenis van elke parameter staat op de pagina "
        "over de methode van het economisch effect."
    ),
}
"""Per code: what it means, a blank line, then what the data steward does about it."""


def catalogue() -> dict[str, Code]:
    """Every declared code. Modules declare theirs when first imported, and some are
    imported only when a check runs, so import them all here."""
    _load_check_modules()
    importlib.import_module("generator.indicators.check")
    return CATALOGUE


def explanation(code: Code) -> str:
    """The written explanation of a code, or its message template while there is none."""
    return EXPLANATIONS.get(code.code, code.template)


def error_reference_markdown() -> str:
    """`site_src/gegevenslevering/foutcodes.md`: every code, grouped by validation stage."""
    codes = catalogue()
    stages = [Stage(s.title, s.intro, tuple(c for c in s.codes if c in codes)) for s in STAGES]
    placed = {code for stage in STAGES for code in stage.codes}
    unplaced = tuple(code for code in codes if code not in placed)
    if unplaced:
        stages.append(Stage(OTHER_STAGE.title, OTHER_STAGE.intro, unplaced))
    lines = [*_head(len(codes)), *_overview(stages, codes)]
    for stage in stages:
        lines += [f"## {stage.title}", "", stage.intro, ""]
        for name in stage.codes:
            lines += _entry(codes[name])
    return "\n".join(lines).rstrip("\n") + "\n"


def _head(count: int) -> list[str]:
    return [
        f"<!-- Gemaakt met `{COMMAND}`. Pas dit bestand niet met de hand aan: wijzig de "
        "teksten in generator/validate/docs.py. -->",
        "",
        "# Foutcodes van de controle",
        "",
        "Elke melding van `impactmonitor validate` en van de controle op GitHub heeft een "
        "code tussen vierkante haken, zoals `[wrong-delimiter]`. Op deze pagina zoekt u die "
        "code op: wat de melding betekent en wat u eraan doet. De melding zelf noemt het "
        "bestand, en waar het kan de rij en de kolom. Rij 1 is de kopregel, net als in een "
        "spreadsheet.",
        "",
        "- Een **fout** moet u oplossen. Zolang er een fout is, wordt de levering niet "
        "geaccepteerd.",
        "- Een **waarschuwing** hoeft u niet op te lossen. De levering wordt geaccepteerd, "
        "maar kijk wel of de waarde klopt.",
        "",
        f"De controle kent {count} codes. Hij werkt in stappen, in de volgorde van deze "
        "pagina. Kan hij een bestand in een vroege stap niet lezen, dan slaat hij de "
        "latere stappen voor dat bestand over. Na het oplossen kunnen er dus nieuwe "
        "meldingen bijkomen. Start de controle daarom na elke verbetering opnieuw.",
        "",
        "Terug naar de [handleiding voor de gegevenslevering](index.md).",
        "",
    ]


def _overview(stages: list[Stage], codes: dict[str, Code]) -> list[str]:
    lines = ["## Overzicht", "", "| code | titel | soort | onderdeel |", "|---|---|---|---|"]
    for stage in stages:
        for name in stage.codes:
            code = codes[name]
            cells = [f"[`{code.code}`](#{code.code})", code.title,
                     SEVERITY_LABELS[code.severity], stage.title]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return lines + [""]


def _entry(code: Code) -> list[str]:
    meaning, _, remedy = explanation(code).partition("\n\n")
    severity = ("**Soort:** fout — los dit op; anders wordt de levering niet geaccepteerd."
                if code.severity == "error" else
                "**Soort:** waarschuwing — de levering wordt geaccepteerd.")
    lines = [f'<a id="{code.code}"></a>', "", f"### `{code.code}` — {code.title}", "",
             severity, "", f"**Wat betekent het?** {meaning}", ""]
    if remedy:
        lines += [f"**Wat doet u?** {remedy}", ""]
    return lines


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def main() -> None:
    # Bytes, so that the page is UTF-8 whatever the console's encoding is.
    sys.stdout.buffer.write(error_reference_markdown().encode("utf-8"))


if __name__ == "__main__":
    main()
