"""The gossip method (roddelmethode) as data.

What makes it this method: after the case and the questions, the owner sits outside the
circle or turns their back, silent, taking notes, while the group talks about the owner and
the case in the third person. Then the owner returns and says what struck them. The
evaluation asks how it felt to be gossiped about.

Options: `gossip_rounds` `1` (default) or `2` (a second, deeper gossip round); `advice`
`on` (default) or `off` (leave out the phase in which group and owner look for next steps).
"""

from __future__ import annotations

from intervisie.core import (
    CaseKind,
    Choice,
    Criterion,
    GroupSize,
    Instructions,
    Level,
    Method,
    Option,
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


THIRD_PERSON = t(
    "Praat óver de inbrenger, in de derde persoon: 'Ik denk dat hij ...', 'Ik vraag me af of "
    "zij ...'",
    "Talk about the owner in the third person: 'I think he ...', 'I wonder whether she ...'",
)
OWNER_AWAY = t(
    "De inbrenger zit buiten de kring of met de rug naar de groep, zwijgt en schrijft mee.",
    "The owner sits outside the circle or with their back to the group, silent, taking notes.",
)
NO_LOOKING = t(
    "Niemand kijkt naar de inbrenger of spreekt hem of haar aan.",
    "Nobody looks at the owner or speaks to them.",
)

CASE = Phase(
    id="case",
    name=t("Casus en vraag", "Case and question"),
    goal=t(
        "De inbrenger schetst de casus en stelt een heldere vraag aan de groep.",
        "The owner outlines the case and puts a clear question to the group.",
    ),
    kind=PhaseKind.PRESENTATION,
    owner=OwnerPosition.PRESENTING,
    minutes=10,
    min_minutes=5,
    rules=(
        t(
            "De inbrenger vertelt; de anderen luisteren en onderbreken niet.",
            "The owner tells; the others listen and do not interrupt.",
        ),
        t("Sluit af met één vraag aan de groep.", "End with one question to the group."),
    ),
    instructions=roles(
        t(
            "Help de inbrenger de vraag scherp te krijgen. Vraag: wat wil je aan het eind van "
            "deze ronde weten of kunnen?",
            "Help the owner sharpen the question. Ask: what do you want to know or be able to "
            "do by the end of this round?",
        ),
        t(
            "Vertel wat er speelt, wie erbij betrokken zijn en wat jouw rol is. Zeg ook wat het "
            "met je doet. Sluit af met je vraag.",
            "Tell what is going on, who is involved and what your part is. Say what it does to "
            "you, too. End with your question.",
        ),
        t(
            "Luister naar de feiten, en ook naar hoe de inbrenger vertelt. Noteer wat je opvalt.",
            "Listen to the facts, and also to how the owner tells them. Note what strikes you.",
        ),
    ),
    prompts=(
        t("Wat er speelt, is ...", "What is going on is ..."),
        t("Mijn rol daarin is ...", "My part in it is ..."),
        t("Mijn vraag aan jullie is: ...", "My question to you is: ..."),
    ),
)

QUESTIONS = Phase(
    id="questions",
    name=t("Vragen", "Questions"),
    goal=t(
        "De casus begrijpen, ook de kant van de inbrenger zelf.",
        "Understand the case, including the owner's own side of it.",
    ),
    kind=PhaseKind.QUESTIONS,
    owner=OwnerPosition.ANSWERING,
    minutes=12,
    min_minutes=6,
    rules=(
        t(
            "Alleen open vragen, ongeveer drie per deelnemer.",
            "Open questions only, about three per participant.",
        ),
        t("Geen advies en geen suggestieve vragen.", "No advice and no leading questions."),
        t("Vermoedens bewaar je voor de roddelronde.", "Keep hunches for the gossip round."),
    ),
    instructions=roles(
        t(
            "Let erop dat iedereen aan bod komt en dat de vragen open blijven. Buig een "
            "verkapt advies om tot een vraag.",
            "Make sure everyone gets a turn and the questions stay open. Turn disguised advice "
            "into a question.",
        ),
        t(
            "Antwoord eerlijk en kort. Je hoeft niet alles uit te leggen: straks luister je "
            "alleen.",
            "Answer honestly and briefly. You need not explain everything: soon you will only "
            "listen.",
        ),
        t(
            "Stel open vragen over de situatie, over wat de inbrenger voelt en over zijn of haar "
            "eigen aandeel.",
            "Ask open questions about the situation, about what the owner feels and about "
            "their own part in it.",
        ),
    ),
    prompts=(
        t("Wat voelde je toen ...?", "What did you feel when ...?"),
        t("Wat heb je zelf al geprobeerd?", "What have you tried yourself?"),
        t("Wat zou je het liefst zien gebeuren?", "What would you most like to see happen?"),
        t("Hoe reageert de ander als jij ...?", "How does the other person respond when you ...?"),
    ),
)

GOSSIP = Phase(
    id="gossip",
    name=t("Roddelen", "Gossip"),
    goal=t(
        "De groep deelt vermoedens, beelden en gevoelens over de inbrenger en de casus. De "
        "inbrenger luistert alleen.",
        "The group shares hunches, images and feelings about the owner and the case. The owner "
        "only listens.",
    ),
    kind=PhaseKind.ROUND,
    owner=OwnerPosition.TURNED_AWAY,
    minutes_per_turn=2,
    min_minutes=1,
    rules=(
        THIRD_PERSON,
        OWNER_AWAY,
        t(
            "Vermoedens, geen oordelen: zeg wat je denkt en waarom.",
            "Hunches, not verdicts: say what you think and why.",
        ),
        NO_LOOKING,
    ),
    instructions=roles(
        t(
            "Vraag de inbrenger buiten de kring te gaan zitten of zich om te draaien. Laat ieder "
            "om de beurt een vermoeden delen; daarna mag het gesprek vrij lopen. Grijp in bij "
            "elke 'jij' en elk oordeel.",
            "Ask the owner to sit outside the circle or turn their back. Let each share a hunch "
            "in turn; then let the talk flow freely. Step in at every 'you' and every verdict.",
        ),
        t(
            "Draai je om of ga buiten de kring zitten. Zwijg, luister en schrijf op wat je "
            "raakt, wat je herkent en wat niet.",
            "Turn your back or sit outside the circle. Stay silent, listen and write down what "
            "touches you, what you recognise and what you do not.",
        ),
        t(
            "Praat met elkaar over de inbrenger alsof hij of zij er niet is. Deel vermoedens, "
            "beelden en gevoelens, en wat jij zou doen.",
            "Talk with each other about the owner as if they were not there. Share hunches, "
            "images and feelings, and what you would do.",
        ),
    ),
    prompts=(
        t(
            "Wat me opvalt aan hoe hij erover vertelt, is ...",
            "What strikes me in how he talks about it is ...",
        ),
        t("Ik vermoed dat zij eigenlijk ...", "I suspect that she actually ..."),
        t("Als ik in haar schoenen stond, zou ik ...", "In her shoes I would ..."),
        t("Wat hij volgens mij nog niet ziet, is ...", "What I think he does not see yet is ..."),
    ),
)

GOSSIP_AGAIN = Phase(
    id="gossip2",
    name=t("Tweede roddelronde", "Second gossip round"),
    goal=t(
        "Dieper ingaan op de vermoedens die het meest raakten.",
        "Go deeper into the hunches that struck home most.",
    ),
    kind=PhaseKind.ROUND,
    owner=OwnerPosition.TURNED_AWAY,
    minutes_per_turn=1.5,
    min_minutes=1,
    when={"gossip_rounds": ("2",)},
    rules=(
        THIRD_PERSON,
        OWNER_AWAY,
        t(
            "Bouw voort op de eerste ronde; herhaal niet.",
            "Build on the first round; do not repeat it.",
        ),
        NO_LOOKING,
    ),
    instructions=roles(
        t(
            "Vat de eerste ronde in twee zinnen samen. Vraag dan: welk vermoeden verdient meer "
            "aandacht, en wat houdt de inbrenger misschien zelf in stand?",
            "Sum up the first round in two sentences. Then ask: which hunch deserves more "
            "attention, and what might the owner be keeping in place themselves?",
        ),
        t(
            "Blijf omgedraaid en blijf zwijgen. Noteer wat je het meest raakt.",
            "Keep your back turned and stay silent. Note what touches you most.",
        ),
        t(
            "Kies het vermoeden dat jou het meest bezighoudt en werk het uit. Zeg ook wat de "
            "inbrenger zou kunnen doen.",
            "Pick the hunch that occupies you most and work it out. Say what the owner could "
            "do, too.",
        ),
    ),
    prompts=(
        t(
            "Als ik verder denk over wat ... zei, dan ...",
            "Thinking further about what ... said, I ...",
        ),
        t(
            "Wat zij misschien wint bij hoe het nu gaat, is ...",
            "What she may gain from things as they are is ...",
        ),
        t("Hij zou kunnen beginnen met ...", "He could start by ..."),
    ),
)

REACTION = Phase(
    id="reaction",
    name=t("Reactie van de inbrenger", "The owner responds"),
    goal=t(
        "De inbrenger komt terug en zegt wat raakte, wat herkenbaar was en wat niet.",
        "The owner returns and says what struck them, what they recognised and what not.",
    ),
    kind=PhaseKind.PRESENTATION,
    owner=OwnerPosition.PRESENTING,
    minutes=10,
    min_minutes=5,
    rules=(
        t("De inbrenger spreekt; de groep luistert.", "The owner speaks; the group listens."),
        t(
            "Niemand legt uit wat hij of zij bedoelde, tenzij de inbrenger erom vraagt.",
            "Nobody explains what they meant unless the owner asks.",
        ),
    ),
    instructions=roles(
        t(
            "Haal de inbrenger terug in de kring. Vraag: wat raakte je, wat herken je, en wat "
            "niet? Laat stiltes bestaan.",
            "Bring the owner back into the circle. Ask: what struck you, what do you recognise, "
            "and what not? Let silences be.",
        ),
        t(
            "Kom terug in de kring. Vertel wat je raakte, wat je herkent en wat niet klopt. Je "
            "hoeft niets te verdedigen.",
            "Come back into the circle. Say what struck you, what you recognise and what does "
            "not fit. You need not defend anything.",
        ),
        t(
            "Luister. Leg niet uit wat je bedoelde en ga niet in discussie.",
            "Listen. Do not explain what you meant and do not argue.",
        ),
    ),
    prompts=(
        t("Wat me het meest raakte, was ...", "What struck me most was ..."),
        t("Ik herken ...", "I recognise ..."),
        t("Wat voor mij niet klopt, is ...", "What does not fit for me is ..."),
    ),
)

ADVICE = Phase(
    id="advice",
    name=t("Volgende stappen", "Next steps"),
    goal=t(
        "Samen met de inbrenger zoeken naar wat hij of zij nu kan doen.",
        "Look, with the owner, for what they can do now.",
    ),
    kind=PhaseKind.DISCUSSION,
    owner=OwnerPosition.PARTICIPATING,
    minutes=10,
    min_minutes=5,
    when={"advice": ("on",)},
    rules=(
        t(
            "De inbrenger doet weer mee; spreek hem of haar rechtstreeks aan.",
            "The owner joins in again; speak to them directly.",
        ),
        t(
            "Een advies is een aanbod; de inbrenger kiest.",
            "Advice is an offer; the owner chooses.",
        ),
    ),
    instructions=roles(
        t(
            "Vraag met welk inzicht de inbrenger verder wil. Zoek daarna samen naar een eerste "
            "stap. Sluit af met wat de inbrenger gaat doen.",
            "Ask which insight the owner wants to take further. Then look together for a first "
            "step. Close with what the owner will do.",
        ),
        t(
            "Zeg met welk inzicht je verder wilt en wat je nodig hebt. Kies aan het eind een "
            "eerste stap.",
            "Say which insight you want to take further and what you need. At the end, choose "
            "a first step.",
        ),
        t(
            "Denk mee over concrete stappen die passen bij wat de inbrenger herkende.",
            "Help find concrete steps that fit what the owner recognised.",
        ),
    ),
    prompts=(
        t("Wat zou een kleine eerste stap kunnen zijn?", "What could a small first step be?"),
        t("Wat heb je nodig om dat te doen?", "What do you need to do that?"),
        t("Mijn eerste stap wordt ...", "My first step will be ..."),
    ),
)

EVALUATION = Phase(
    id="evaluation",
    name=t("Evaluatie", "Evaluation"),
    goal=t(
        "Terugkijken op proces en opbrengst, en op hoe het was om over je te horen praten.",
        "Look back on process and result, and on how it felt to be talked about.",
    ),
    kind=PhaseKind.EVALUATION,
    owner=OwnerPosition.PARTICIPATING,
    minutes=5,
    min_minutes=3,
    rules=(
        t(
            "De inbrenger begint: hoe was het om over je te horen roddelen?",
            "The owner goes first: how did it feel to be gossiped about?",
        ),
        t("Kort: één of twee zinnen per persoon.", "Briefly: one or two sentences each."),
    ),
    instructions=roles(
        t(
            "Vraag eerst de inbrenger hoe het was om over zich te horen roddelen. Vraag daarna "
            "iedereen een cijfer voor proces, opbrengst en veiligheid. Spreek af dat de groep "
            "volgende keer hoort hoe het verder ging.",
            "First ask the owner how it felt to be gossiped about. Then ask everyone for a "
            "score for process, result and safety. Agree that the group hears next time how "
            "things went on.",
        ),
        t(
            "Zeg eerlijk hoe het was om buiten de kring te zitten en over je te horen praten. "
            "Wat neem je mee?",
            "Say honestly how it felt to sit outside the circle and hear yourself talked about. "
            "What do you take away?",
        ),
        t(
            "Zeg hoe het was om over iemand te praten die meeluisterde. Geef een cijfer voor "
            "proces, opbrengst en veiligheid.",
            "Say how it felt to talk about someone who was listening. Score process, result "
            "and safety.",
        ),
    ),
    prompts=(
        t("Hoe was het om over je te horen roddelen?", "How did it feel to be gossiped about?"),
        t(
            "Was het veilig genoeg om te zeggen wat je dacht?",
            "Was it safe enough to say what you thought?",
        ),
        t("Wat neem ik mee?", "What do I take away?"),
    ),
    criteria=(
        Criterion("process", t("Proces", "Process"), 1, 5),
        Criterion("result", t("Opbrengst", "Result"), 1, 5),
        Criterion("safety", t("Veiligheid", "Safety"), 1, 5),
    ),
)

GOSSIP_ROUNDS = Option(
    id="gossip_rounds",
    name=t("Roddelrondes", "Gossip rounds"),
    description=t(
        "Eén roddelronde, of een tweede ronde die dieper gaat op wat in de eerste raakte.",
        "One gossip round, or a second round that goes deeper into what struck home in the first.",
    ),
    default="1",
    choices=(
        Choice(
            id="1",
            name=t("Eén ronde", "One round"),
            description=t(
                "De gewone vorm, voor de meeste casussen genoeg.",
                "The usual form, enough for most cases.",
            ),
        ),
        Choice(
            id="2",
            name=t("Twee rondes", "Two rounds"),
            description=t(
                "Na een korte samenvatting een tweede ronde, met de inbrenger nog steeds "
                "omgedraaid. Kost ruim tien minuten extra.",
                "After a short summary, a second round, with the owner still turned away. "
                "Takes some ten minutes more.",
            ),
            phases={
                "gossip": {"name": {"nl": "Eerste roddelronde", "en": "First gossip round"}},
            },
        ),
    ),
)

ADVICE_OPTION = Option(
    id="advice",
    name=t("Volgende stappen", "Next steps"),
    description=t(
        "Zoeken groep en inbrenger na de reactie nog samen naar volgende stappen?",
        "After the owner's response, do group and owner look for next steps together?",
    ),
    default="on",
    choices=(
        Choice(
            id="on",
            name=t("Met volgende stappen", "With next steps"),
            description=t(
                "De inbrenger gaat naar huis met een eerste stap.",
                "The owner goes home with a first step.",
            ),
        ),
        Choice(
            id="off",
            name=t("Zonder volgende stappen", "Without next steps"),
            description=t(
                "De ronde eindigt bij de reactie van de inbrenger. Kies dit als het inzicht "
                "genoeg is, of als de tijd op is.",
                "The round ends with the owner's response. Choose this when the insight is "
                "enough, or when time is short.",
            ),
        ),
    ),
)

METHOD = Method(
    id="roddel",
    version="1.0",
    name=t("Roddelmethode", "Gossip method"),
    summary=t(
        "De inbrenger zit buiten de kring en luistert, terwijl de groep in de derde persoon "
        "over hem of haar en de casus praat. Zo hoort de inbrenger vermoedens en blinde "
        "vlekken die recht in het gezicht lastig te zeggen zijn.",
        "The owner sits outside the circle and listens while the group talks about them and "
        "the case in the third person. So the owner hears hunches and blind spots that are "
        "hard to say face to face.",
    ),
    when_to_use=t(
        "Als de eigen rol, gevoelens of blinde vlekken van de inbrenger ertoe doen: een "
        "relatie die knelt, een dilemma, een probleem dat steeds terugkomt.",
        "When the owner's own part, feelings or blind spots matter: a strained relationship, a "
        "dilemma, a problem that keeps coming back.",
    ),
    when_not_to_use=t(
        "Niet in een nieuwe groep of als het vertrouwen wankel is. Niet voor een snelle, "
        "praktische vraag, en niet als de inbrenger net iets heftigs heeft meegemaakt.",
        "Not in a new group or where trust is shaky. Not for a quick practical question, nor "
        "when the owner has just been through something upsetting.",
    ),
    asks_of_group=t(
        "Een veilige, ervaren groep. Durf te zeggen wat je vermoedt, met respect voor de "
        "inbrenger. Wat in de kring gezegd wordt, blijft in de kring.",
        "A safe, experienced group. Dare to say what you suspect, with respect for the owner. "
        "What is said in the circle stays in the circle.",
    ),
    asks_of_facilitator=t(
        "Een vaste hand. Houd de groep in de derde persoon en bij vermoedens in plaats van "
        "oordelen. Zorg dat de inbrenger echt zwijgt, en vraag na afloop hoe het was.",
        "A firm hand. Keep the group in the third person and on hunches rather than verdicts. "
        "Make sure the owner truly stays silent, and ask afterwards how it felt.",
    ),
    level=Level.EXPERIENCED,
    group_size=GroupSize(min=4, ideal=8, max=10),
    sources=(
        "Dutch intervision practice (roddelmethode)",
        "Andersen 1987 (the reflecting team, a related form)",
    ),
    suits=(CaseKind.RELATIONSHIP, CaseKind.DILEMMA, CaseKind.RECURRING_PROBLEM),
    safety_needed=Safety.HIGH,
    options=(GOSSIP_ROUNDS, ADVICE_OPTION),
    phases=(CASE, QUESTIONS, GOSSIP, GOSSIP_AGAIN, REACTION, ADVICE, EVALUATION),
)
