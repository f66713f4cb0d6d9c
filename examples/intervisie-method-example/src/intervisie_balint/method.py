"""The Balint group as data.

After Michael Balint's groups for general practitioners (London, 1950s). What makes it this
method: the presenter tells the case from memory, without notes; after a few factual
questions the presenter sits back, silent, while the group associates freely on feelings,
fantasies and the relationship (never on solutions); the presenter then says what struck
them, and the leaders close with the themes. The leader keeps the talk on the relationship
and away from advice and theory.
"""

from __future__ import annotations

from intervisie.core import (
    CaseKind,
    GroupSize,
    Instructions,
    Level,
    Method,
    OwnerPosition,
    Phase,
    PhaseKind,
    Safety,
    Text,
)


def t(nl: str, en: str) -> Text:
    return Text.of(nl=nl, en=en)


def roles(facilitator: Text, case_owner: Text, participants: Text) -> Instructions:
    return Instructions(facilitator=facilitator, case_owner=case_owner, participants=participants)


TELL = Phase(
    id="tell",
    name=t("Vertellen uit het hoofd", "Tell it from memory"),
    goal=t(
        "De inbrenger vertelt de casus zoals die in het geheugen zit.",
        "The presenter tells the case as memory holds it.",
    ),
    kind=PhaseKind.PRESENTATION,
    owner=OwnerPosition.PRESENTING,
    minutes=10,
    min_minutes=7,
    rules=(
        t("Vertel uit het hoofd, zonder aantekeningen.", "Tell it from memory, without notes."),
        t(
            "Wat je vergeet of weglaat, hoort er ook bij.",
            "What you forget or leave out is part of it too.",
        ),
        t("De groep luistert en onderbreekt niet.", "The group listens and does not interrupt."),
    ),
    instructions=roles(
        t(
            "Vraag de inbrenger de casus uit het hoofd te vertellen, zonder aantekeningen. "
            "Onderbreek niet en bewaak de tijd.",
            "Ask the presenter to tell the case from memory, without notes. Do not interrupt, "
            "and keep the time.",
        ),
        t(
            "Vertel over een cliënt of patiënt die je bezighoudt: wat er gebeurde en hoe het "
            "contact verloopt. Vertel wat je je herinnert, niet wat in het dossier staat.",
            "Tell about a client or patient who is on your mind: what happened and how the "
            "contact goes. Tell what you remember, not what the file says.",
        ),
        t(
            "Luister naar het verhaal en naar wat het bij jou oproept. Noteer beelden en "
            "gevoelens, niet alleen feiten.",
            "Listen to the story and to what it stirs in you. Note images and feelings, not "
            "only facts.",
        ),
    ),
    prompts=(
        t("Deze cliënt houdt me bezig sinds ...", "This client has been on my mind since ..."),
        t("Wat ik me vooral herinner, is ...", "What I remember most is ..."),
    ),
)

QUESTIONS = Phase(
    id="questions",
    name=t("Feitelijke vragen", "Factual questions"),
    goal=t(
        "Het beeld aanvullen met korte feitelijke vragen.",
        "Complete the picture with short factual questions.",
    ),
    kind=PhaseKind.QUESTIONS,
    owner=OwnerPosition.ANSWERING,
    minutes=8,
    min_minutes=5,
    rules=(
        t("Alleen korte, feitelijke vragen.", "Short, factual questions only."),
        t("Nog geen interpretaties en geen advies.", "No interpretations and no advice yet."),
    ),
    instructions=roles(
        t(
            "Laat alleen korte feitelijke vragen toe die het beeld aanvullen. Buig "
            "interpretaties en advies vriendelijk om.",
            "Allow only short factual questions that complete the picture. Kindly turn "
            "interpretations and advice aside.",
        ),
        t(
            "Beantwoord de vragen kort. Je hoeft niet alles te weten; 'dat weet ik niet' is "
            "ook een antwoord.",
            "Answer the questions briefly. You need not know everything; 'I don't know' is an "
            "answer too.",
        ),
        t(
            "Vraag alleen wat je nodig hebt om je de situatie voor te stellen: wie, wat, "
            "waar, wanneer.",
            "Ask only what you need to picture the situation: who, what, where, when.",
        ),
    ),
    prompts=(
        t("Hoe lang ken je deze cliënt al?", "How long have you known this client?"),
        t("Waar vond het gesprek plaats?", "Where did the conversation take place?"),
        t("Wie was er verder bij?", "Who else was there?"),
    ),
)

ASSOCIATE = Phase(
    id="associate",
    name=t("Vrij associëren", "Free association"),
    goal=t(
        "De groep verkent de gevoelens, fantasieën en de relatie achter de casus.",
        "The group explores the feelings, fantasies and relationship behind the case.",
    ),
    kind=PhaseKind.DISCUSSION,
    owner=OwnerPosition.TURNED_AWAY,
    minutes=25,
    min_minutes=15,
    rules=(
        t(
            "De inbrenger schuift achteruit, buiten de kring, en zwijgt.",
            "The presenter sits back, outside the circle, and stays silent.",
        ),
        t(
            "Praat over gevoelens, fantasieën en de relatie, niet over oplossingen.",
            "Talk about feelings, fantasies and the relationship, not about solutions.",
        ),
        t("Geen advies, geen theorie, geen diagnose.", "No advice, no theory, no diagnosis."),
    ),
    instructions=roles(
        t(
            "Nodig de groep uit vrij te associëren. Houd het gesprek bij de relatie tussen "
            "inbrenger en cliënt. Buig advies en theorie om en laat stiltes bestaan.",
            "Invite the group to associate freely. Keep the talk on the relationship between "
            "presenter and client. Turn advice and theory aside and let silences be.",
        ),
        t(
            "Schuif je stoel achteruit, buiten de kring. Luister zonder te reageren en noteer "
            "wat je raakt.",
            "Push your chair back, outside the circle. Listen without reacting and note what "
            "touches you.",
        ),
        t(
            "Zeg wat de casus bij je oproept: gevoelens, beelden, fantasieën. Verplaats je in "
            "de cliënt en in de inbrenger. Het hoeft niet waar of af te zijn.",
            "Say what the case stirs in you: feelings, images, fantasies. Put yourself in the "
            "client's place and the presenter's. It need not be true or finished.",
        ),
    ),
    prompts=(
        t(
            "Als ik die cliënt was, zou ik me ... voelen.",
            "If I were that client, I would feel ...",
        ),
        t(
            "Wat ik voel als ik dit verhaal hoor, is ...",
            "What I feel when I hear this story is ...",
        ),
        t("Wat gebeurt er tussen die twee?", "What is going on between those two?"),
        t("Ik krijg een beeld van ...", "I get a picture of ..."),
    ),
)

REACTION = Phase(
    id="reaction",
    name=t("Wat me trof", "What struck me"),
    goal=t(
        "De inbrenger zegt wat het gesprek van de groep heeft losgemaakt.",
        "The presenter says what the group's talk brought up.",
    ),
    kind=PhaseKind.PRESENTATION,
    owner=OwnerPosition.PRESENTING,
    minutes=10,
    min_minutes=5,
    rules=(
        t("De inbrenger komt terug in de kring.", "The presenter returns to the circle."),
        t(
            "Zeg wat je trof; je hoeft niets te verdedigen of recht te zetten.",
            "Say what struck you; you need not defend or correct anything.",
        ),
    ),
    instructions=roles(
        t(
            "Nodig de inbrenger terug in de kring en vraag wat hem of haar trof. Laat geen "
            "nieuwe discussie ontstaan.",
            "Invite the presenter back into the circle and ask what struck them. Do not let "
            "a new discussion start.",
        ),
        t(
            "Vertel wat je trof, wat je herkende en wat niet. Je hoeft niets uit te leggen.",
            "Tell what struck you, what you recognised and what you did not. You need not "
            "explain anything.",
        ),
        t(
            "Luister. Reageer niet en verdedig je eigen beelden niet.",
            "Listen. Do not respond, and do not defend your own images.",
        ),
    ),
    prompts=(
        t("Wat me raakte, was ...", "What touched me was ..."),
        t("Ik herkende ...", "I recognised ..."),
    ),
)

THEMES = Phase(
    id="themes",
    name=t("Thema's en afsluiting", "Themes and close"),
    goal=t(
        "De begeleiders sluiten af met de thema's die naar boven kwamen.",
        "The leaders close with the themes that came up.",
    ),
    kind=PhaseKind.DISCUSSION,
    owner=OwnerPosition.PARTICIPATING,
    minutes=7,
    min_minutes=5,
    rules=(
        t(
            "De begeleiders vatten de thema's samen, vooral over de relatie.",
            "The leaders sum up the themes, above all about the relationship.",
        ),
        t(
            "Geen oordeel over de inbrenger en geen advies.",
            "No judgement of the presenter and no advice.",
        ),
    ),
    instructions=roles(
        t(
            "Benoem de thema's die naar boven kwamen, vooral over de relatie tussen inbrenger "
            "en cliënt. Sluit af zonder conclusie of advies.",
            "Name the themes that came up, above all about the relationship between presenter "
            "and client. Close without a conclusion or advice.",
        ),
        t(
            "Luister naar de thema's. Zeg als je wilt wat je meeneemt.",
            "Listen to the themes. Say, if you like, what you take with you.",
        ),
        t(
            "Vul kort aan als een thema ontbreekt.",
            "Add briefly if a theme is missing.",
        ),
    ),
    prompts=(
        t("Een thema dat steeds terugkwam, was ...", "A theme that kept coming back was ..."),
        t("In de relatie viel op dat ...", "In the relationship, what stood out was ..."),
    ),
)

METHOD = Method(
    id="balint",
    version="1.0.0",
    name=t("Balintgroep", "Balint group"),
    summary=t(
        "Een casus over de relatie met een cliënt of patiënt. De inbrenger vertelt uit het "
        "hoofd en luistert daarna in stilte, terwijl de groep vrij associeert op gevoelens en "
        "de relatie.",
        "A case about the relationship with a client or patient. The presenter tells it from "
        "memory, then listens in silence while the group associates freely on feelings and "
        "the relationship.",
    ),
    level=Level.EXPERIENCED,
    group_size=GroupSize(min=6, ideal=8, max=12),
    phases=(TELL, QUESTIONS, ASSOCIATE, REACTION, THEMES),
    when_to_use=t(
        "Voor een casus waarin de relatie met een cliënt, patiënt of klant je bezighoudt: "
        "irritatie, onmacht of juist te veel betrokkenheid. Oorspronkelijk voor huisartsen.",
        "For a case in which the relationship with a client, patient or customer is on your "
        "mind: irritation, helplessness or too much involvement. First made for GPs.",
    ),
    when_not_to_use=t(
        "Niet voor een vakinhoudelijke vraag of een snel besluit: de groep geeft geen advies. "
        "Niet in een nieuwe of onveilige groep.",
        "Not for a subject-matter question or a quick decision: the group gives no advice. "
        "Not in a new or unsafe group.",
    ),
    asks_of_group=t(
        "Uitspreken wat de casus bij je oproept, ook als het onaf of ongemakkelijk is. Geen "
        "advies en geen theorie.",
        "Saying what the case stirs in you, even when it is unfinished or uncomfortable. No "
        "advice and no theory.",
    ),
    asks_of_facilitator=t(
        "Houd het gesprek bij de relatie en weg van advies en theorie. Bescherm de inbrenger. "
        "Vaak leiden twee begeleiders de groep samen.",
        "Keep the talk on the relationship and away from advice and theory. Protect the "
        "presenter. Often two leaders lead the group together.",
    ),
    sources=(
        "Michael Balint, groups for general practitioners, London, 1950s",
        "Michael Balint, The Doctor, His Patient and the Illness (1957)",
    ),
    suits=(CaseKind.RELATIONSHIP,),
    safety_needed=Safety.HIGH,
)
