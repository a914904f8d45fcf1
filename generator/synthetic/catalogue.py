"""The invented material regions draw from: training trajectories, coded factors, texts.

All names are generic Dutch descriptions. None names a real provider or person, and none
contains digits that a privacy check could mistake for personal data.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TrajectTemplate:
    slug: str
    """Becomes `traject_id`; unique within a region."""
    naam: str
    vorm: str
    sector: str
    aanbieder: str
    civiel_effect: str
    bewijs: str
    """The `bewijzen.soort` a completer obtains."""
    duration: tuple[int, int]
    """Shortest and longest stay in quarters for someone who completes."""
    popularity: float


CORE_TEMPLATE = "taal-werk"
"""Basic skills are the programme's core, so every region offers this one from the start."""

TEMPLATES: tuple[TrajectTemplate, ...] = (
    TrajectTemplate("taal-werk", "Taal voor het werk", "basisvaardigheden", "overig",
                    "taalaanbieder", "taalcertificaat", "taalcertificaat", (1, 2), 1.3),
    TrajectTemplate("digitaal-rekenen", "Digitale vaardigheden en rekenen voor elke dag",
                    "basisvaardigheden", "overig", "taalaanbieder", "geen",
                    "deelcertificaat_zonder_civiel_effect", (1, 2), 0.9),
    TrajectTemplate("orientatie-werk", "Oriëntatie op werk en leren", "basisvaardigheden",
                    "overig", "gemeente", "geen", "deelcertificaat_zonder_civiel_effect",
                    (1, 1), 0.7),
    TrajectTemplate("helpende-zorg", "Helpende Zorg en Welzijn met taalondersteuning",
                    "combinatie", "zorg_welzijn", "roc", "mbo_diploma",
                    "mbo_diploma_startkwalificatie", (3, 5), 1.0),
    TrajectTemplate("zorghulp-wijk", "Zorghulp in de wijk, leren en werken", "combinatie",
                    "zorg_welzijn", "werkgever", "branchecertificaat", "branchecertificaat",
                    (2, 3), 1.0),
    TrajectTemplate("facilitair-zorg", "Facilitair medewerker in de zorg", "beroepsopleiding",
                    "zorg_welzijn", "roc", "mbo_certificaat", "mbo_certificaat", (2, 3), 0.8),
    TrajectTemplate("taal-zorg", "Nederlands voor de zorg", "basisvaardigheden",
                    "zorg_welzijn", "taalaanbieder", "taalcertificaat", "taalcertificaat",
                    (1, 2), 0.8),
    TrajectTemplate("welzijn-buurt", "Begeleider activiteiten in welzijn en buurtwerk",
                    "combinatie", "zorg_welzijn", "gemeente", "mbo_certificaat",
                    "mbo_certificaat", (2, 3), 0.6),
    TrajectTemplate("entree-techniek", "Entree techniek met Nederlands op de werkvloer",
                    "combinatie", "techniek", "roc", "mbo_diploma", "mbo_diploma",
                    (3, 4), 1.0),
    TrajectTemplate("installatietechniek-bbl", "Monteur installatietechniek, leren en werken",
                    "combinatie", "techniek", "roc", "mbo_diploma",
                    "mbo_diploma_startkwalificatie", (4, 6), 0.7),
    TrajectTemplate("montage-productie", "Basisveiligheid en montage in de productie",
                    "beroepsopleiding", "techniek", "werkgever", "branchecertificaat",
                    "branchecertificaat", (1, 2), 1.0),
    TrajectTemplate("operator-productie", "Productiemedewerker en operator", "combinatie",
                    "techniek", "werkgever", "mbo_certificaat", "mbo_certificaat", (2, 4), 0.8),
    TrajectTemplate("heftruck-orderpicken", "Heftruck en orderpicken met taal op de werkvloer",
                    "combinatie", "logistiek", "werkgever", "branchecertificaat",
                    "branchecertificaat", (1, 3), 1.0),
    TrajectTemplate("logistiek-medewerker", "Logistiek medewerker met mbo-certificaat",
                    "beroepsopleiding", "logistiek", "roc", "mbo_certificaat",
                    "mbo_certificaat", (2, 3), 0.9),
    TrajectTemplate("chauffeur-koerier", "Bestelbuschauffeur en koerier", "beroepsopleiding",
                    "logistiek", "overig", "branchecertificaat", "branchecertificaat",
                    (1, 2), 0.6),
    TrajectTemplate("schoonmaak-vakkracht", "Schoonmaakvakkracht met taalondersteuning",
                    "combinatie", "schoonmaak", "werkgever", "branchecertificaat",
                    "branchecertificaat", (1, 2), 0.7),
    TrajectTemplate("horeca-keuken", "Medewerker horeca en keuken", "combinatie", "horeca",
                    "roc", "mbo_certificaat", "mbo_certificaat", (2, 3), 0.7),
    TrajectTemplate("groen-praktijk", "Groenvoorziening in de praktijk", "combinatie", "groen",
                    "gemeente", "branchecertificaat", "branchecertificaat", (2, 3), 0.6),
    TrajectTemplate("verkoop-winkel", "Verkoop en kassa in de winkel", "beroepsopleiding",
                    "detailhandel", "werkgever", "mbo_certificaat", "mbo_certificaat",
                    (1, 2), 0.6),
    TrajectTemplate("openbare-ruimte", "Medewerker openbare ruimte bij de gemeente",
                    "combinatie", "overheid", "gemeente", "mbo_certificaat", "mbo_certificaat",
                    (2, 3), 0.5),
)

VOCATIONAL_SECTORS: tuple[str, ...] = (
    "zorg_welzijn", "techniek", "logistiek", "horeca", "schoonmaak", "groen",
    "detailhandel", "overheid",
)


@dataclass(frozen=True)
class Factor:
    thema: str
    richting: str
    factor: str


FACTORS: tuple[Factor, ...] = (
    Factor("werving", "succes", "Vaste contactpersoon bij UWV maakt aanmelden eenvoudig"),
    Factor("werving", "succes",
           "Taalhuis en bibliotheek bereiken laaggeletterden die elders buiten beeld blijven"),
    Factor("werving", "belemmering", "Schaamte over laaggeletterdheid houdt mensen weg"),
    Factor("werving", "belemmering",
           "Doelgroep is buiten de uitkeringsbestanden moeilijk te vinden"),
    Factor("samenwerking", "succes",
           "Korte lijnen tussen gemeente, UWV en ROC in één regionaal kernteam"),
    Factor("samenwerking", "succes",
           "Gezamenlijke intake van gemeente en opleider voorkomt dubbel werk"),
    Factor("samenwerking", "belemmering",
           "Gegevens delen tussen partners kost veel tijd door vragen over privacy"),
    Factor("samenwerking", "belemmering",
           "Wisselende contactpersonen bij partners vertragen afspraken"),
    Factor("aanbod", "succes", "Taal en vak in één traject houden deelnemers gemotiveerd"),
    Factor("aanbod", "succes",
           "Lessen op de werkvloer sluiten aan bij wat deelnemers nodig hebben"),
    Factor("aanbod", "belemmering",
           "Vaste instroommomenten van het ROC passen slecht bij doorlopende werving"),
    Factor("aanbod", "belemmering", "Te weinig docenten met ervaring in tweede-taalonderwijs"),
    Factor("begeleiding", "succes", "Een vaste jobcoach tijdens en na het traject voorkomt uitval"),
    Factor("begeleiding", "succes", "Aandacht voor schulden en zorgen thuis naast de opleiding"),
    Factor("begeleiding", "belemmering",
           "Begeleiding stopt te abrupt na het behalen van het certificaat"),
    Factor("werkgevers", "succes",
           "Werkgevers met personeelstekort bieden leerbanen met baangarantie"),
    Factor("werkgevers", "succes",
           "Praktijkopleiders in bedrijven leren werken met eenvoudige taal"),
    Factor("werkgevers", "belemmering",
           "Kleine werkgevers kunnen weinig tijd vrijmaken voor begeleiding op de werkvloer"),
    Factor("werkgevers", "belemmering", "Vraag van werkgevers schommelt met de conjunctuur"),
    Factor("financiering", "succes",
           "Groeifondsmiddelen maken maatwerk mogelijk dat regulier niet wordt bekostigd"),
    Factor("financiering", "belemmering",
           "Onzeker hoe het aanbod na de pilot structureel wordt bekostigd"),
    Factor("financiering", "belemmering",
           "Stapeling van regelingen maakt de bekostiging per deelnemer ingewikkeld"),
    Factor("deelnemers", "succes",
           "Deelnemers waarderen het leren met mensen in dezelfde situatie"),
    Factor("deelnemers", "succes", "Zicht op een baan of diploma motiveert om door te zetten"),
    Factor("deelnemers", "belemmering", "Kinderopvang en reistijd maken deelname lastig"),
    Factor("deelnemers", "belemmering", "Angst om de uitkering kwijt te raken bij betaald werk"),
    Factor("deelnemers", "belemmering", "Gezondheidsklachten leiden tot tijdelijke uitval"),
    Factor("overig", "succes",
           "Landelijke kennisdeling tussen de regio's versnelt de ontwikkeling"),
    Factor("overig", "belemmering", "Registratie van de voortgang vraagt veel van uitvoerders"),
    Factor("overig", "belemmering", "Krapte op de woningmarkt beperkt verhuizen voor werk"),
)

SOURCE_THEMES: dict[str, tuple[str, ...]] = {
    "groepsgesprek_regio": ("werving", "samenwerking", "aanbod", "begeleiding", "werkgevers",
                            "financiering", "deelnemers", "overig"),
    "interview_landelijk": ("werving", "samenwerking", "werkgevers", "financiering", "overig"),
    "deelnemersgesprek": ("aanbod", "begeleiding", "deelnemers"),
}
"""Which themes each kind of conversation plausibly yields."""

BORGING_TEXTS: dict[str, dict[str, str]] = {
    "structurele_financiering": {
        "niet_gestart": "Nog geen gesprekken over bekostiging na afloop van de pilot.",
        "in_voorbereiding": "Verkenning met gemeenten en UWV naar structurele bekostiging loopt.",
        "deels_geregeld":
            "Gemeenten dragen een deel van de kosten structureel; de rest is nog open.",
        "geregeld": "Structurele bekostiging is vastgelegd in de regionale begroting.",
    },
    "samenwerkingsafspraken": {
        "niet_gestart": "Partners werken samen op basis van de pilotaanvraag.",
        "in_voorbereiding": "Een concept-samenwerkingsovereenkomst ligt bij de partners.",
        "deels_geregeld": "Gemeenten en ROC hebben getekend; werkgevers en UWV volgen.",
        "geregeld":
            "Alle partners hebben de samenwerkingsovereenkomst getekend, ook voor na de pilot.",
    },
    "aanbod_in_regulier_onderwijs": {
        "niet_gestart": "De trajecten draaien nog volledig als pilotaanbod.",
        "in_voorbereiding": "Het ROC onderzoekt opname van de trajecten in het reguliere aanbod.",
        "deels_geregeld": "Een deel van de trajecten is opgenomen in het reguliere aanbod.",
        "geregeld": "Alle beroepsgerichte trajecten horen bij het reguliere aanbod.",
    },
    "werkgeversbetrokkenheid": {
        "niet_gestart": "Nog geen vaste afspraken met werkgevers.",
        "in_voorbereiding": "De eerste werkgevers tonen belangstelling voor leerbanen.",
        "deels_geregeld": "Een kern van werkgevers biedt structureel werkplekken aan.",
        "geregeld": "Een werkgeversnetwerk heeft vaste afspraken over leerbanen en plaatsing.",
    },
    "wervingsnetwerk": {
        "niet_gestart": "Werving loopt nog via losse contacten.",
        "in_voorbereiding": "Een wervingsnetwerk met UWV, gemeenten en taalhuizen is in opbouw.",
        "deels_geregeld":
            "Vaste verwijsroutes met UWV en gemeenten; welzijnsorganisaties nog niet.",
        "geregeld": "Het wervingsnetwerk werkt met vaste verwijsroutes van alle partners.",
    },
}

BORGING_PACE: dict[str, tuple[int, int]] = {
    "samenwerkingsafspraken": (2, 3),
    "wervingsnetwerk": (2, 4),
    "werkgeversbetrokkenheid": (3, 5),
    "aanbod_in_regulier_onderwijs": (4, 6),
    "structurele_financiering": (5, 8),
}
"""Quarters a region takes per step up, per aspect: agreements come fast, money last."""

BORGING_STANDS: tuple[str, ...] = ("niet_gestart", "in_voorbereiding", "deels_geregeld", "geregeld")
