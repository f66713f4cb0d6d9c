"""Six thinking hats (de Bono 1985) as an intervision method, as data.

The six hats are `Lens` values with their colour, symbol and guiding question (`HATS`). The
default order is the common intervision order: the case and questions, then blue, white, red,
black, yellow, green and blue again, then the evaluation. The order is the group's to change:
the engine takes a phase order (`Method.phases_for(options, order)`).

Option `hat_mode`: `parallel` (default; de Bono's parallel thinking, everyone wears the same
hat at once) or `assigned` (each participant wears one hat; in a hat's phase only its wearers
take turns, `turns = "lens"`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from intervisie.core import (
    CaseKind,
    Choice,
    Criterion,
    GroupSize,
    Instructions,
    Lens,
    Level,
    Method,
    Option,
    OwnerPosition,
    Phase,
    PhaseKind,
    Safety,
    Text,
    TurnMode,
)


def t(nl: str, en: str) -> Text:
    return Text.of(nl=nl, en=en)


def roles(facilitator: Text, case_owner: Text, participants: Text) -> Instructions:
    return Instructions(facilitator=facilitator, case_owner=case_owner, participants=participants)


BLUE = Lens(
    id="blue",
    name=t("Blauwe hoed", "Blue hat"),
    colour="#1f6fd1",
    question=t(
        "Waar denken we over na, hoe pakken we het aan, en wat is de conclusie?",
        "What are we thinking about, how do we go about it, and what do we conclude?",
    ),
    symbol="≡",
)
WHITE = Lens(
    id="white",
    name=t("Witte hoed", "White hat"),
    colour="#f5f5f5",
    question=t(
        "Welke feiten kennen we, en welke informatie ontbreekt?",
        "What facts do we know, and what information is missing?",
    ),
    symbol="□",
)
RED = Lens(
    id="red",
    name=t("Rode hoed", "Red hat"),
    colour="#d32f2f",
    question=t(
        "Wat voel je erbij, zonder uitleg?",
        "What do you feel about it, without explaining why?",
    ),
    symbol="♥",
)
BLACK = Lens(
    id="black",
    name=t("Zwarte hoed", "Black hat"),
    colour="#212121",
    question=t(
        "Wat kan er misgaan? Welke risico's en bezwaren zie je?",
        "What could go wrong? Which risks and objections do you see?",
    ),
    symbol="▼",
)
YELLOW = Lens(
    id="yellow",
    name=t("Gele hoed", "Yellow hat"),
    colour="#fbc02d",
    question=t(
        "Wat levert het op, en waarom zou het kunnen werken?",
        "What are the benefits, and why could it work?",
    ),
    symbol="☀",
)
GREEN = Lens(
    id="green",
    name=t("Groene hoed", "Green hat"),
    colour="#388e3c",
    question=t(
        "Welke andere mogelijkheden en nieuwe ideeën zijn er?",
        "What alternatives and new ideas are there?",
    ),
    symbol="✿",
)

HATS: tuple[Lens, ...] = (BLUE, WHITE, RED, BLACK, YELLOW, GREEN)
"""The six hats, blue first: the lenses a method author can reuse."""

OWNER_LISTENS = t("De inbrenger luistert en noteert.", "The owner listens and takes notes.")

INTRO = Phase(
    id="intro",
    name=t("Casus en vraag", "Case and question"),
    goal=t(
        "De inbrenger schetst de casus en de keuze of verandering waar het om gaat.",
        "The owner outlines the case and the choice or change at stake.",
    ),
    kind=PhaseKind.PRESENTATION,
    owner=OwnerPosition.PRESENTING,
    minutes=10,
    min_minutes=5,
    rules=(
        t("De inbrenger vertelt; de anderen luisteren.", "The owner tells; the others listen."),
        t(
            "Sluit af met een vraag die de groep kan onderzoeken.",
            "End with a question the group can examine.",
        ),
    ),
    instructions=roles(
        t(
            "Help de inbrenger de vraag zo te stellen dat de groep er vanuit elke hoed naar kan "
            "kijken, bijvoorbeeld: 'Zal ik ...?' of 'Hoe kan ik ...?'",
            "Help the owner put the question so the group can look at it from every hat, for "
            "example: 'Shall I ...?' or 'How can I ...?'",
        ),
        t(
            "Vertel wat er speelt, welke keuze of verandering vastzit en wat ervan afhangt. "
            "Sluit af met je vraag.",
            "Tell what is going on, which choice or change is stuck and what depends on it. "
            "End with your question.",
        ),
        t(
            "Luister en noteer wat je opvalt. Bewaar je mening voor de hoeden.",
            "Listen and note what strikes you. Save your opinion for the hats.",
        ),
    ),
    prompts=(
        t("Ik sta voor de keuze ...", "I face the choice ..."),
        t("Het zit vast, omdat ...", "It is stuck because ..."),
        t("Mijn vraag is: ...", "My question is: ..."),
    ),
)

QUESTIONS = Phase(
    id="questions",
    name=t("Verhelderende vragen", "Clarifying questions"),
    goal=t(
        "De casus begrijpen voordat de hoeden opgaan.",
        "Understand the case before the hats go on.",
    ),
    kind=PhaseKind.QUESTIONS,
    owner=OwnerPosition.ANSWERING,
    minutes=10,
    min_minutes=5,
    rules=(
        t("Alleen open vragen, om te begrijpen.", "Open questions only, to understand."),
        t(
            "Nog geen meningen, risico's of ideeën; die komen bij de hoeden.",
            "No opinions, risks or ideas yet; they come with the hats.",
        ),
    ),
    instructions=roles(
        t(
            "Laat iedereen vragen stellen en bewaak dat het vragen blijven. Parkeer een mening "
            "voor de hoed waar hij thuishoort.",
            "Let everyone ask questions and keep them questions. Park an opinion for the hat "
            "where it belongs.",
        ),
        t("Beantwoord de vragen kort en feitelijk.", "Answer the questions briefly and factually."),
        t(
            "Stel open vragen over de situatie, de betrokkenen en wat er op het spel staat.",
            "Ask open questions about the situation, the people involved and what is at stake.",
        ),
    ),
    prompts=(
        t("Wie beslist er mee over ...?", "Who else has a say in ...?"),
        t("Wat gebeurt er als je niets doet?", "What happens if you do nothing?"),
        t("Wanneer moet de knoop doorgehakt zijn?", "By when must the decision be made?"),
    ),
)

BLUE_OPEN = Phase(
    id="blue_open",
    name=t("Blauwe hoed: vraag en volgorde", "Blue hat: question and order"),
    goal=t(
        "Vaststellen waar we over nadenken en in welke volgorde de hoeden komen.",
        "Agree what we are thinking about and in what order the hats come.",
    ),
    kind=PhaseKind.ROUND,
    owner=OwnerPosition.PARTICIPATING,
    lens=BLUE,
    minutes=5,
    min_minutes=3,
    turns=TurnMode.EACH,
    turns_include_owner=True,
    rules=(
        t(
            "Alleen over het proces: de vraag, de volgorde, de tijd.",
            "Process only: the question, the order, the time.",
        ),
        t("Nog geen inhoud.", "No content yet."),
    ),
    instructions=roles(
        t(
            "Lees de vraag van de inbrenger voor en laat de groep die zo nodig aanscherpen. "
            "Stel de volgorde van de hoeden vast en zeg hoeveel minuten elke hoed krijgt.",
            "Read out the owner's question and let the group sharpen it if needed. Settle the "
            "order of the hats and say how many minutes each hat gets.",
        ),
        t(
            "Bevestig de vraag of scherp hem aan. Zeg waar je het meest behoefte aan hebt.",
            "Confirm the question or sharpen it. Say what you need most.",
        ),
        t(
            "Denk mee over de vraag en de aanpak, niet over de inhoud.",
            "Think along about the question and the approach, not about the content.",
        ),
    ),
    prompts=(
        t(
            "De vraag waar we vandaag over nadenken, is ...",
            "The question we are thinking about today is ...",
        ),
        t(
            "Ik stel voor dat we met ... beginnen, omdat ...",
            "I suggest we start with ..., because ...",
        ),
    ),
)

WHITE_PHASE = Phase(
    id="white",
    name=t("Witte hoed: feiten", "White hat: facts"),
    goal=t(
        "Alle bekende feiten op een rij, en wat we nog niet weten.",
        "List the known facts, and what we do not know yet.",
    ),
    kind=PhaseKind.ROUND,
    owner=OwnerPosition.ANSWERING,
    lens=WHITE,
    minutes=8,
    min_minutes=4,
    turns=TurnMode.EACH,
    rules=(
        t(
            "Alleen feiten en cijfers, zonder oordeel of uitleg.",
            "Facts and figures only, without judgement or interpretation.",
        ),
        t("Benoem ontbrekende informatie als vraag.", "Name missing information as a question."),
        t(
            "De inbrenger vult feiten aan en verbetert ze, meer niet.",
            "The owner adds and corrects facts, nothing more.",
        ),
    ),
    instructions=roles(
        t(
            "Noteer de feiten in twee lijsten: wat we weten en wat we missen. Stuur een mening "
            "vriendelijk door naar een latere hoed.",
            "Note the facts in two lists: what we know and what we miss. Kindly steer an "
            "opinion on to a later hat.",
        ),
        t(
            "Vul feiten aan en verbeter wat niet klopt. Geef geen mening.",
            "Add facts and correct what is wrong. Give no opinion.",
        ),
        t(
            "Noem wat we zeker weten, en welke informatie ontbreekt.",
            "Name what we know for sure, and what information is missing.",
        ),
    ),
    prompts=(
        t("Wat we weten: ...", "What we know: ..."),
        t("Wat we niet weten: ...", "What we do not know: ..."),
        t("Hoe vaak is ... al eerder gebeurd?", "How often has ... happened before?"),
    ),
)

RED_PHASE = Phase(
    id="red",
    name=t("Rode hoed: gevoel", "Red hat: feelings"),
    goal=t(
        "Gevoel en intuïtie laten horen, zonder ze te hoeven verantwoorden.",
        "Let feelings and intuition be heard, without having to justify them.",
    ),
    kind=PhaseKind.ROUND,
    owner=OwnerPosition.PARTICIPATING,
    lens=RED,
    minutes=6,
    min_minutes=3,
    turns=TurnMode.EACH,
    turns_include_owner=True,
    rules=(
        t("Zeg wat je voelt, in een paar woorden.", "Say what you feel, in a few words."),
        t(
            "Geen uitleg en geen discussie: een gevoel is geen argument.",
            "No explanation and no discussion: a feeling is not an argument.",
        ),
        t("De inbrenger is als laatste aan de beurt.", "The owner goes last."),
    ),
    instructions=roles(
        t(
            "Ga vlot de kring rond; een paar woorden per persoon is genoeg. Onderbreek wie gaat "
            "uitleggen.",
            "Go round the circle briskly; a few words each is enough. Interrupt anyone who "
            "starts explaining.",
        ),
        t(
            "Zeg als laatste wat jij voelt bij je vraag, zonder uitleg.",
            "Go last and say what you feel about your question, without explaining.",
        ),
        t(
            "Zeg in een paar woorden wat je voelt bij deze casus. Vertrouw op je eerste ingeving.",
            "Say in a few words what you feel about this case. Trust your first impulse.",
        ),
    ),
    prompts=(
        t("Ik voel ...", "I feel ..."),
        t("Mijn buikgevoel zegt ...", "My gut says ..."),
        t("Wat me onrustig maakt, is ...", "What makes me uneasy is ..."),
    ),
)

BLACK_PHASE = Phase(
    id="black",
    name=t("Zwarte hoed: risico's", "Black hat: risks"),
    goal=t(
        "Zien wat er mis kan gaan, zodat de inbrenger zich kan voorbereiden.",
        "See what could go wrong, so the owner can prepare for it.",
    ),
    kind=PhaseKind.ROUND,
    owner=OwnerPosition.LISTENING,
    lens=BLACK,
    minutes=8,
    min_minutes=4,
    turns=TurnMode.EACH,
    rules=(
        t(
            "Alleen risico's, bezwaren en zwakke plekken, elk met een reden.",
            "Risks, objections and weak spots only, each with a reason.",
        ),
        t(
            "Geen oplossingen: die komen bij de groene hoed.",
            "No solutions: they come with the green hat.",
        ),
        OWNER_LISTENS,
    ),
    instructions=roles(
        t(
            "Houd het zakelijk: risico's van een plan, geen kritiek op de inbrenger. Stop de "
            "zwarte hoed op tijd; hij is nuttig, maar zwaar.",
            "Keep it businesslike: risks of a plan, not criticism of the owner. Stop the black "
            "hat on time; it is useful, but heavy.",
        ),
        t(
            "Luister en noteer. Verdedig je niet: elk risico is bruikbare informatie.",
            "Listen and take notes. Do not defend yourself: every risk is useful information.",
        ),
        t(
            "Noem wat er mis kan gaan en waarom. Wees kritisch op de zaak, niet op de persoon.",
            "Name what could go wrong and why. Be critical of the matter, not of the person.",
        ),
    ),
    prompts=(
        t("Het risico is dat ...", "The risk is that ..."),
        t("Dit werkt niet als ...", "This fails if ..."),
        t("Wat als ... niet meewerkt?", "What if ... does not cooperate?"),
    ),
)

YELLOW_PHASE = Phase(
    id="yellow",
    name=t("Gele hoed: kansen", "Yellow hat: benefits"),
    goal=t(
        "Zien wat het oplevert en waarom het kan werken.",
        "See what it brings and why it can work.",
    ),
    kind=PhaseKind.ROUND,
    owner=OwnerPosition.LISTENING,
    lens=YELLOW,
    minutes=8,
    min_minutes=4,
    turns=TurnMode.EACH,
    rules=(
        t(
            "Alleen voordelen, waarde en kansen, elk met een reden.",
            "Benefits, value and chances only, each with a reason.",
        ),
        t("Geen 'ja, maar'.", "No 'yes, but'."),
        OWNER_LISTENS,
    ),
    instructions=roles(
        t(
            "Moedig de groep aan ook voordelen te zoeken die niet voor de hand liggen. Stuur "
            "'ja, maar' terug naar de zwarte hoed.",
            "Encourage the group to look for benefits that are not obvious, too. Send 'yes, "
            "but' back to the black hat.",
        ),
        t(
            "Luister en noteer welke kansen je nog niet zag.",
            "Listen and note the chances you had not seen.",
        ),
        t(
            "Noem wat er goed kan gaan en wat het oplevert, voor de inbrenger en voor anderen.",
            "Name what could go well and what it yields, for the owner and for others.",
        ),
    ),
    prompts=(
        t("Het levert op dat ...", "It brings ..."),
        t("Dit kan werken, omdat ...", "This can work because ..."),
        t("Een kans die ik zie, is ...", "A chance I see is ..."),
    ),
)

GREEN_PHASE = Phase(
    id="green",
    name=t("Groene hoed: nieuwe ideeën", "Green hat: new ideas"),
    goal=t(
        "Alternatieven en nieuwe mogelijkheden bedenken.",
        "Come up with alternatives and new possibilities.",
    ),
    kind=PhaseKind.ROUND,
    owner=OwnerPosition.LISTENING,
    lens=GREEN,
    minutes=10,
    min_minutes=5,
    turns=TurnMode.EACH,
    rules=(
        t(
            "Elk idee mag, ook een vreemd of onhaalbaar idee.",
            "Any idea is welcome, even an odd or unworkable one.",
        ),
        t(
            "Niet beoordelen: geen kritiek, ook geen lof.",
            "Do not judge: no criticism, and no praise either.",
        ),
        OWNER_LISTENS,
    ),
    instructions=roles(
        t(
            "Houd het tempo hoog en noteer elk idee. Vraag door met 'en wat nog meer?'. Helpt "
            "het, geef dan een uitdaging: 'Stel dat ...'",
            "Keep the pace up and note every idea. Keep asking 'and what else?'. If it helps, "
            "offer a provocation: 'Suppose that ...'",
        ),
        t(
            "Luister en noteer de ideeën die je aanspreken, ook de vreemde.",
            "Listen and note the ideas that appeal to you, odd ones included.",
        ),
        t(
            "Bedenk andere wegen, ook voorbij de voor de hand liggende. Bouw voort op elkaars "
            "ideeën.",
            "Think of other routes, beyond the obvious ones too. Build on each other's ideas.",
        ),
    ),
    prompts=(
        t("Wat als ...?", "What if ...?"),
        t("Een heel andere aanpak zou zijn ...", "A completely different approach would be ..."),
        t("Stel dat er geen ... was, dan ...", "Suppose there were no ..., then ..."),
    ),
)

BLUE_CLOSE = Phase(
    id="blue_close",
    name=t("Blauwe hoed: conclusie", "Blue hat: conclusion"),
    goal=t(
        "Samenvatten wat de hoeden opleverden; de inbrenger kiest de volgende stap.",
        "Sum up what the hats yielded; the owner chooses the next step.",
    ),
    kind=PhaseKind.ROUND,
    owner=OwnerPosition.PARTICIPATING,
    lens=BLUE,
    minutes=10,
    min_minutes=5,
    turns=TurnMode.EACH,
    turns_include_owner=True,
    rules=(
        t("Samenvatten, niet opnieuw beginnen.", "Sum up; do not start again."),
        t(
            "De inbrenger trekt de conclusie en kiest de volgende stap.",
            "The owner draws the conclusion and chooses the next step.",
        ),
    ),
    instructions=roles(
        t(
            "Vat per hoed in één zin samen wat er naar boven kwam. Vraag de inbrenger daarna: "
            "wat is je conclusie, en wat is je volgende stap?",
            "Sum up in one sentence per hat what came up. Then ask the owner: what is your "
            "conclusion, and what is your next step?",
        ),
        t(
            "Zeg wat je van elke hoed meeneemt, wat je besluit en wat je als eerste doet.",
            "Say what you take from each hat, what you decide and what you will do first.",
        ),
        t(
            "Zeg in één zin wat jij het belangrijkste vond. Laat de conclusie aan de inbrenger.",
            "Say in one sentence what you found most important. Leave the conclusion to the owner.",
        ),
    ),
    prompts=(
        t("Wat ik het belangrijkst vond, is ...", "What I found most important is ..."),
        t("Mijn conclusie is ...", "My conclusion is ..."),
        t("Als eerste ga ik ...", "First I will ..."),
    ),
)

EVALUATION = Phase(
    id="evaluation",
    name=t("Evaluatie", "Evaluation"),
    goal=t(
        "Terugkijken op het proces en op wat de hoeden opleverden.",
        "Look back on the process and on what the hats yielded.",
    ),
    kind=PhaseKind.EVALUATION,
    owner=OwnerPosition.PARTICIPATING,
    minutes=5,
    min_minutes=3,
    rules=(t("Kort: één of twee zinnen per persoon.", "Briefly: one or two sentences each."),),
    instructions=roles(
        t(
            "Vraag iedereen een cijfer voor proces en opbrengst, en welke hoed het lastigst "
            "was. Spreek af dat de groep volgende keer hoort hoe het verder ging.",
            "Ask everyone for a score for process and result, and which hat was hardest to "
            "wear. Agree that the group hears next time how things went on.",
        ),
        t(
            "Zeg welke hoed je het meest hielp en wat je meeneemt.",
            "Say which hat helped you most and what you take away.",
        ),
        t(
            "Geef een cijfer voor proces en opbrengst. Welke hoed viel je zwaar?",
            "Score process and result. Which hat did you find hard to wear?",
        ),
    ),
    prompts=(
        t("Welke hoed hielp het meest?", "Which hat helped most?"),
        t(
            "Bleven we in de hoed die aan de beurt was?",
            "Did we stay in the hat whose turn it was?",
        ),
        t("Wat neem ik mee?", "What do I take away?"),
    ),
    criteria=(
        Criterion("process", t("Proces", "Process"), 1, 5),
        Criterion("result", t("Opbrengst", "Result"), 1, 5),
    ),
)

HAT_PHASES: tuple[Phase, ...] = (
    BLUE_OPEN,
    WHITE_PHASE,
    RED_PHASE,
    BLACK_PHASE,
    YELLOW_PHASE,
    GREEN_PHASE,
    BLUE_CLOSE,
)

# In assigned mode one rule is added to each hat phase: who speaks.
ASSIGNED_RULES: dict[str, Text] = {
    "blue_open": t(
        "Wie de blauwe hoed draagt, leidt deze stap.", "Whoever wears the blue hat leads this step."
    ),
    "red": t(
        "Alleen wie de rode hoed draagt, spreekt, en als laatste de inbrenger.",
        "Only those wearing the red hat speak, and the owner last.",
    ),
    "blue_close": t(
        "Wie de blauwe hoed draagt, vat samen; de inbrenger trekt de conclusie.",
        "Whoever wears the blue hat sums up; the owner draws the conclusion.",
    ),
}
for _phase in HAT_PHASES:
    if _phase.id not in ASSIGNED_RULES and _phase.lens is not None:
        _nl = _phase.lens.name.get("nl").lower()
        _en = _phase.lens.name.get("en").lower()
        ASSIGNED_RULES[_phase.id] = t(
            f"Alleen wie de {_nl} draagt, spreekt; de anderen luisteren.",
            f"Only those wearing the {_en} speak; the others listen.",
        )


def _docs(texts: Iterable[Text]) -> list[dict[str, str]]:
    return [dict(text.values) for text in texts]


def _assigned_patches() -> dict[str, dict[str, Any]]:
    return {
        phase.id: {"turns": "lens", "rules": _docs((*phase.rules, ASSIGNED_RULES[phase.id]))}
        for phase in HAT_PHASES
    }


HAT_MODE = Option(
    id="hat_mode",
    name=t("Hoeden dragen", "Wearing the hats"),
    description=t(
        "Dragen alle deelnemers tegelijk dezelfde hoed, of krijgt ieder één vaste hoed?",
        "Do all participants wear the same hat at once, or does each get a hat of their own?",
    ),
    default="parallel",
    choices=(
        Choice(
            id="parallel",
            name=t("Samen dezelfde hoed", "Same hat together"),
            description=t(
                "Parallel denken, zoals de Bono het bedoelde: iedereen denkt tegelijk vanuit "
                "dezelfde hoed.",
                "Parallel thinking, as de Bono meant it: everyone thinks from the same hat at "
                "the same time.",
            ),
        ),
        Choice(
            id="assigned",
            name=t("Ieder een eigen hoed", "One hat each"),
            description=t(
                "Ieder krijgt één hoed en spreekt alleen in de fase van die hoed. Zijn er meer "
                "deelnemers dan hoeden, dan delen sommigen een hoed; zijn er minder, dan "
                "dragen sommigen er twee.",
                "Each participant gets one hat and speaks only in that hat's phase. With more "
                "participants than hats some share a hat; with fewer, some wear two.",
            ),
            phases=_assigned_patches(),
        ),
    ),
)

METHOD = Method(
    id="denkhoeden",
    version="1.0",
    name=t("Zes denkhoeden", "Six thinking hats"),
    summary=t(
        "De groep bekijkt de casus vanuit zes hoeden, één tegelijk: feiten, gevoel, risico's, "
        "kansen, nieuwe ideeën, en de blauwe hoed voor het overzicht. Zo denkt iedereen "
        "dezelfde kant op, in plaats van tegen elkaar in.",
        "The group looks at the case through six hats, one at a time: facts, feelings, risks, "
        "benefits, new ideas, and the blue hat for the overview. So everyone thinks in the "
        "same direction instead of against each other.",
    ),
    when_to_use=t(
        "Voor een beslissing of verandering die vastzit, of een dilemma met veel emotie. Ook "
        "als een groep steeds in 'ja, maar' belandt.",
        "For a decision or change that is stuck, or a dilemma loaded with emotion. Also when "
        "a group keeps ending up in 'yes, but'.",
    ),
    when_not_to_use=t(
        "Niet voor een kort voorval dat snel besproken moet worden. Ook niet als de inbrenger "
        "vooral de eigen rol wil onderzoeken; kies dan de incidentmethode of de roddelmethode.",
        "Not for a short incident to be dealt with quickly. Nor when the owner mainly wants to "
        "explore their own part; choose the incident method or the gossip method instead.",
    ),
    asks_of_group=t(
        "Discipline: denk alleen vanuit de hoed die aan de beurt is, ook als je iets anders op "
        "de lippen hebt. Schrijf dat op voor later.",
        "Discipline: think only from the hat whose turn it is, even with something else on "
        "your lips. Write that down for later.",
    ),
    asks_of_facilitator=t(
        "Kondig elke hoed aan met zijn vraag en houd de groep erbij. Stuur terug wie bij de "
        "rode hoed gaat uitleggen of bij de gele hoed bezwaren noemt. Bewaak de tijd per hoed.",
        "Announce each hat with its question and keep the group to it. Steer back anyone who "
        "explains under the red hat or raises objections under the yellow one. Keep time per "
        "hat.",
    ),
    level=Level.BEGINNING,
    group_size=GroupSize(min=4, ideal=8, max=10),
    sources=("de Bono 1985, Six Thinking Hats",),
    suits=(CaseKind.DECISION, CaseKind.STUCK_CHANGE, CaseKind.DILEMMA),
    safety_needed=Safety.MEDIUM,
    options=(HAT_MODE,),
    phases=(INTRO, QUESTIONS, *HAT_PHASES, EVALUATION),
)
