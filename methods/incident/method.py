"""The incident method as data.

Ten steps after Hendriksen's Dutch form of Pigors & Pigors' incident process. What makes it
this method: the group collects fresh incidents and votes (steps 1-2, no case owner yet), the
owner stops the story at the critical moment, every participant commits to an approach of
their own, and only after the round of approaches does the owner tell what they really did.

Option `approaches`: `written` (default; approaches are written first and stay hidden until
the round) or `spoken` (no writing step; the round gets more time per turn).
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
    TurnMode,
)


def t(nl: str, en: str) -> Text:
    return Text.of(nl=nl, en=en)


def doc(nl: str, en: str) -> dict[str, str]:
    """A text as a document value, for option patches."""
    return {"nl": nl, "en": en}


def roles(facilitator: Text, case_owner: Text, participants: Text) -> Instructions:
    return Instructions(facilitator=facilitator, case_owner=case_owner, participants=participants)


COLLECT = Phase(
    id="collect",
    name=t("Incidenten verzamelen", "Collect incidents"),
    goal=t(
        "Iedereen noemt een recent voorval, zodat de groep kan kiezen.",
        "Everyone names a recent incident, so the group can choose one.",
    ),
    kind=PhaseKind.INTAKE,
    owner=OwnerPosition.NONE,
    minutes=5,
    min_minutes=3,
    turns=TurnMode.EACH,
    rules=(
        t(
            "Eén of twee zinnen per voorval; nog geen details.",
            "One or two sentences per incident; no details yet.",
        ),
        t("Nog geen vragen of reacties.", "No questions or comments yet."),
    ),
    instructions=roles(
        t(
            "Laat iedereen om de beurt een voorval noemen en noteer elk in een paar woorden. "
            "Vraag alleen door als niet duidelijk is wat er gebeurde.",
            "Let everyone name an incident in turn and note each in a few words. "
            "Ask a question only if it is unclear what happened.",
        ),
        t(
            "Er is nog geen inbrenger. Noem, net als de anderen, een voorval uit je eigen werk.",
            "There is no case owner yet. Like everyone else, name an incident from your own work.",
        ),
        t(
            "Noem een voorval van de laatste weken waarin je snel moest handelen. Wat gebeurde "
            "er, en waar zat het lastige moment?",
            "Name an incident from recent weeks in which you had to act quickly. What "
            "happened, and where was the difficult moment?",
        ),
    ),
    prompts=(
        t(
            "Vorige week belde een cliënt vlak voor de zitting en ...",
            "Last week a client called just before the hearing and ...",
        ),
        t(
            "Midden in een overleg zei een collega ineens ...",
            "In the middle of a meeting a colleague suddenly said ...",
        ),
        t("Ik had één minuut om te kiezen tussen ...", "I had one minute to choose between ..."),
    ),
)

CHOOSE = Phase(
    id="choose",
    name=t("Voorval kiezen", "Choose an incident"),
    goal=t(
        "De groep kiest het voorval waar ze het meest van kan leren.",
        "The group picks the incident it can learn most from.",
    ),
    kind=PhaseKind.CHOICE,
    owner=OwnerPosition.NONE,
    minutes=5,
    min_minutes=2,
    rules=(
        t(
            "Iedereen stemt. Bij gelijke stand overlegt de groep kort en beslist de "
            "gespreksleider.",
            "Everyone votes. On a tie the group talks briefly and the facilitator decides.",
        ),
        t(
            "Kies een voorval over eigen handelen, niet over vakinhoud.",
            "Choose an incident about someone's own actions, not about subject matter.",
        ),
    ),
    instructions=roles(
        t(
            "Laat iedereen stemmen. Toets het gekozen voorval: is het recent, concreet en kort, "
            "en moest de inbrenger snel handelen? Bevestig hardop wie de inbrenger is.",
            "Let everyone vote. Check the chosen incident: is it recent, concrete and short, "
            "and did the owner have to act quickly? Say out loud who the case owner is.",
        ),
        t(
            "Er is nog geen inbrenger. Stem mee. Wordt jouw voorval gekozen, dan ben jij de "
            "inbrenger.",
            "There is no case owner yet. Vote too. If your incident is chosen, you are the "
            "case owner.",
        ),
        t(
            "Stem op het voorval waar jij het meest van denkt te leren. Je mag op je eigen "
            "voorval stemmen.",
            "Vote for the incident you expect to learn most from. You may vote for your own.",
        ),
    ),
    prompts=(
        t(
            "Welk voorval herken je uit je eigen werk?",
            "Which incident do you recognise from your own work?",
        ),
        t(
            "Bij welk voorval wil je weten wat jij zelf gedaan zou hebben?",
            "For which incident do you want to find out what you would have done?",
        ),
    ),
)

SKETCH = Phase(
    id="sketch",
    name=t("Schetsen", "Sketch the incident"),
    goal=t(
        "De inbrenger vertelt het voorval tot aan het kritieke moment.",
        "The owner tells the incident up to the critical moment.",
    ),
    kind=PhaseKind.PRESENTATION,
    owner=OwnerPosition.PRESENTING,
    minutes=5,
    min_minutes=3,
    rules=(
        t(
            "Vertel tot het moment waarop je moest handelen, en stop daar.",
            "Tell it up to the moment you had to act, and stop there.",
        ),
        t("Vertel niet wat je deed.", "Do not tell what you did."),
        t("De anderen luisteren en onderbreken niet.", "The others listen and do not interrupt."),
    ),
    instructions=roles(
        t(
            "Geef de inbrenger de tijd. Stop het verhaal zodra het voorbij het kritieke moment "
            "gaat.",
            "Give the owner time. Stop the story as soon as it goes past the critical moment.",
        ),
        t(
            "Vertel wat er gebeurde, wie erbij waren en wat er op het spel stond. Stop op het "
            "moment dat je moest kiezen wat je ging doen.",
            "Tell what happened, who was there and what was at stake. Stop at the moment you "
            "had to choose what to do.",
        ),
        t(
            "Luister en noteer wat je opvalt. Bewaar je vragen voor de volgende stap.",
            "Listen and note what strikes you. Keep your questions for the next step.",
        ),
    ),
    prompts=(
        t("Het speelde zich af op ...", "It happened at ..."),
        t("Erbij waren ...", "Present were ..."),
        t("Ik moest handelen op het moment dat ...", "I had to act at the moment when ..."),
    ),
)

QUESTIONS = Phase(
    id="questions",
    name=t("Informatieve vragen", "Informative questions"),
    goal=t(
        "Het beeld compleet maken met feiten, zonder te oordelen.",
        "Complete the picture with facts, without judging.",
    ),
    kind=PhaseKind.QUESTIONS,
    owner=OwnerPosition.ANSWERING,
    minutes=10,
    min_minutes=5,
    rules=(
        t(
            "Alleen open, informatieve vragen: wie, wat, waar, wanneer, hoe.",
            "Open, informative questions only: who, what, where, when, how.",
        ),
        t(
            "Geen advies, geen suggestieve vragen en geen waarom-vragen.",
            "No advice, no leading questions and no why-questions.",
        ),
        t(
            "De inbrenger beantwoordt alleen de vraag en vertelt nog niet wat hij of zij deed.",
            "The owner answers the question only, and still does not tell what they did.",
        ),
    ),
    instructions=roles(
        t(
            "Laat de deelnemers om de beurt één vraag stellen. Buig gesloten of suggestieve "
            "vragen om tot een open vraag. Let op dat geen antwoord verklapt wat de inbrenger "
            "deed.",
            "Let participants ask one question each, in turn. Turn closed or leading questions "
            "into open ones. Make sure no answer gives away what the owner did.",
        ),
        t(
            "Antwoord kort en feitelijk. Vertel niet wat je deed. Gaat een vraag die kant op, "
            "zeg dan: 'Dat komt straks.'",
            "Answer briefly and factually. Do not tell what you did. If a question heads that "
            "way, say: 'That comes later.'",
        ),
        t(
            "Vraag naar de feiten die je nodig hebt om zelf te kunnen kiezen hoe je zou "
            "handelen. Schrijf je vragen gerust eerst op.",
            "Ask for the facts you need to decide how you would act. Feel free to write your "
            "questions down first.",
        ),
    ),
    prompts=(
        t("Wie was er aanwezig toen ...?", "Who was present when ...?"),
        t("Wat zei de cliënt precies?", "What exactly did the client say?"),
        t("Hoeveel tijd had je om te beslissen?", "How much time did you have to decide?"),
        t(
            "Wat wist je op dat moment, en wat niet?",
            "What did you know at that moment, and what not?",
        ),
    ),
)

CORE = Phase(
    id="core",
    name=t("Kernprobleem", "Core problem"),
    goal=t(
        "Vaststellen waar het in dit voorval echt om draait.",
        "Establish what this incident is really about.",
    ),
    kind=PhaseKind.ROUND,
    owner=OwnerPosition.LISTENING,
    minutes=10,
    min_minutes=5,
    turns=TurnMode.EACH,
    rules=(
        t(
            "Ieder noemt het kernprobleem in één zin.",
            "Each names the core problem in one sentence.",
        ),
        t(
            "Daarna kiest de groep samen één formulering.",
            "Then the group agrees on one formulation.",
        ),
        t("Nog geen oplossingen.", "No solutions yet."),
        t(
            "De inbrenger luistert en reageert nog niet.",
            "The owner listens and does not react yet.",
        ),
    ),
    instructions=roles(
        t(
            "Ga de kring rond en noteer elke formulering. Zoek daarna met de groep één zin die "
            "de kern vangt, en zet die zichtbaar neer.",
            "Go round the circle and note each formulation. Then help the group find one "
            "sentence that captures the core, and put it where everyone can see it.",
        ),
        t(
            "Luister hoe de anderen jouw voorval zien. Noteer wat je raakt of verrast.",
            "Listen to how the others see your incident. Note what touches or surprises you.",
        ),
        t(
            "Zeg in één zin wat volgens jou het kernprobleem is. Vertrek vanuit het moment "
            "waarop de inbrenger moest handelen.",
            "Say in one sentence what you think the core problem is. Start from the moment the "
            "owner had to act.",
        ),
    ),
    prompts=(
        t("Het kernprobleem is volgens mij: hoe ...?", "To me the core problem is: how to ...?"),
        t(
            "De inbrenger moest kiezen tussen ... en ...",
            "The owner had to choose between ... and ...",
        ),
    ),
)

WRITE = Phase(
    id="write",
    name=t("Eigen aanpak opschrijven", "Write your own approach"),
    goal=t(
        "De deelnemers leggen hun eigen aanpak vast, onbeïnvloed door elkaar.",
        "Participants commit to their own approach, unswayed by each other.",
    ),
    kind=PhaseKind.WRITING,
    owner=OwnerPosition.LISTENING,
    minutes=5,
    min_minutes=3,
    hidden_until_reveal=True,
    when={"approaches": ("written",)},
    rules=(
        t("Iedereen schrijft voor zich, in stilte.", "Everyone writes alone, in silence."),
        t(
            "Schrijf wat jij zou doen en zeggen, niet wat de inbrenger had moeten doen.",
            "Write what you would do and say, not what the owner should have done.",
        ),
        t("De teksten blijven verborgen tot de ronde.", "The texts stay hidden until the round."),
    ),
    instructions=roles(
        t(
            "Zorg voor stilte en kondig de laatste minuut aan. De teksten blijven verborgen "
            "tot je ze in de ronde onthult.",
            "Keep the room quiet and announce the last minute. The texts stay hidden until "
            "you reveal them in the round.",
        ),
        t(
            "Wacht rustig. Laat niets merken van wat je zelf deed.",
            "Wait quietly. Give no hint of what you did.",
        ),
        t(
            "Schrijf in een paar zinnen op hoe jij op het kritieke moment zou handelen: wat je "
            "doet en wat je zegt.",
            "Write in a few sentences how you would act at the critical moment: what you do "
            "and what you say.",
        ),
    ),
    prompts=(
        t("Eerst zou ik ...", "First I would ..."),
        t("Tegen de cliënt zou ik zeggen: '...'", "I would tell the client: '...'"),
        t("Daarna zou ik ...", "Then I would ..."),
    ),
)

APPROACHES = Phase(
    id="approaches",
    name=t("Ronde van aanpakken", "Round of approaches"),
    goal=t(
        "Alle aanpakken horen, naast elkaar, zonder discussie.",
        "Hear every approach side by side, without discussion.",
    ),
    kind=PhaseKind.ROUND,
    owner=OwnerPosition.LISTENING,
    minutes_per_turn=1.5,
    min_minutes=1,
    rules=(
        t("Eén aanpak per beurt, kort.", "One approach per turn, briefly."),
        t(
            "Geen discussie en geen commentaar op elkaars aanpak.",
            "No discussion and no comments on each other's approach.",
        ),
        t(
            "De inbrenger luistert, noteert en reageert niet.",
            "The owner listens, takes notes and does not react.",
        ),
    ),
    instructions=roles(
        t(
            "Onthul de opgeschreven aanpakken en laat iedereen om de beurt voorlezen. Kap "
            "discussie vriendelijk af; daar is straks tijd voor.",
            "Reveal the written approaches and let everyone read theirs in turn. Cut "
            "discussion off kindly; there is time for it later.",
        ),
        t(
            "Luister en noteer wat je opvalt: wat lijkt op wat jij deed, en wat niet? Reageer "
            "nog niet.",
            "Listen and note what strikes you: what resembles what you did, and what does not? "
            "Do not react yet.",
        ),
        t(
            "Lees je aanpak voor zoals je hem opschreef. Pas hem niet aan na wat anderen zeiden.",
            "Read your approach as you wrote it. Do not adjust it to what others said.",
        ),
    ),
    prompts=(
        t("Ik zou ...", "I would ..."),
        t("Het eerste wat ik zou zeggen, is ...", "The first thing I would say is ..."),
    ),
)

DID = Phase(
    id="did",
    name=t("Wat ik deed", "What I did"),
    goal=t(
        "De inbrenger vertelt wat er echt gebeurde en legt dat naast de aanpakken.",
        "The owner tells what they actually did and sets it beside the approaches.",
    ),
    kind=PhaseKind.PRESENTATION,
    owner=OwnerPosition.PRESENTING,
    minutes=10,
    min_minutes=5,
    rules=(
        t(
            "Nu pas vertelt de inbrenger wat hij of zij echt deed.",
            "Only now does the owner tell what they actually did.",
        ),
        t(
            "De deelnemers verdedigen hun eigen aanpak niet.",
            "Participants do not defend their own approach.",
        ),
    ),
    instructions=roles(
        t(
            "Geef de inbrenger eerst ruimte om te vertellen. Vraag daarna: welke aanpak spreekt "
            "je aan, en waarom?",
            "First give the owner room to tell. Then ask: which approach appeals to you, and why?",
        ),
        t(
            "Vertel wat je deed en hoe het afliep. Zeg welke aanpakken je aanspreken, welke je "
            "verrassen en welke je niet zou kiezen.",
            "Tell what you did and how it turned out. Say which approaches appeal to you, "
            "which surprise you and which you would not choose.",
        ),
        t(
            "Luister. Stel hooguit een verhelderende vraag; ga niet in discussie.",
            "Listen. Ask a clarifying question at most; do not argue.",
        ),
    ),
    prompts=(
        t("Wat ik echt deed, was ...", "What I actually did was ..."),
        t("Het liep zo af: ...", "It turned out like this: ..."),
        t(
            "Wat me aanspreekt in jullie aanpakken, is ...",
            "What appeals to me in your approaches is ...",
        ),
    ),
)

PRINCIPLES = Phase(
    id="principles",
    name=t("Lessen en principes", "Lessons and principles"),
    goal=t(
        "Van dit ene voorval naar lessen die ook elders gelden.",
        "Move from this one incident to lessons that hold elsewhere.",
    ),
    kind=PhaseKind.DISCUSSION,
    owner=OwnerPosition.PARTICIPATING,
    minutes=10,
    min_minutes=5,
    rules=(
        t(
            "Formuleer lessen algemeen, los van dit ene voorval.",
            "Phrase lessons in general terms, beyond this one incident.",
        ),
        t("Iedereen doet mee, de inbrenger ook.", "Everyone takes part, the owner too."),
    ),
    instructions=roles(
        t(
            "Vraag welke lessen de groep trekt voor vergelijkbare situaties. Noteer ze als "
            "korte, algemene zinnen. Sluit af met wat de inbrenger meeneemt.",
            "Ask which lessons the group draws for similar situations. Note them as short, "
            "general sentences. Close with what the owner takes away.",
        ),
        t(
            "Denk mee als deelnemer. Zeg aan het eind wat je meeneemt en wat je een volgende "
            "keer anders doet.",
            "Think along as a participant. At the end, say what you take away and what you "
            "will do differently next time.",
        ),
        t(
            "Zeg wat dit voorval je leert voor je eigen werk. Maak het algemeen: 'Als ..., "
            "dan ...'",
            "Say what this incident teaches you for your own work. Make it general: 'When ..., "
            "then ...'",
        ),
    ),
    prompts=(
        t(
            "Als een cliënt onder tijdsdruk ..., dan ...",
            "When a client under time pressure ..., then ...",
        ),
        t("Wat ik hieruit meeneem, is ...", "What I take from this is ..."),
        t("Een volgende keer zou ik eerst ...", "Next time I would first ..."),
    ),
)

EVALUATION = Phase(
    id="evaluation",
    name=t("Evaluatie", "Evaluation"),
    goal=t(
        "Terugkijken op het proces en op wat het opleverde.",
        "Look back on the process and on what it yielded.",
    ),
    kind=PhaseKind.EVALUATION,
    owner=OwnerPosition.PARTICIPATING,
    minutes=5,
    min_minutes=3,
    rules=(t("Kort: één of twee zinnen per persoon.", "Briefly: one or two sentences each."),),
    instructions=roles(
        t(
            "Vraag iedereen een cijfer voor proces en opbrengst, en één opmerking. Vraag de "
            "inbrenger als laatste. Spreek af dat de groep volgende keer hoort hoe het verder "
            "ging.",
            "Ask everyone for a score for process and result, and one remark. Ask the owner "
            "last. Agree that the group hears next time how things went on.",
        ),
        t(
            "Zeg wat deze ronde je opleverde en wat je ermee gaat doen.",
            "Say what this round gave you and what you will do with it.",
        ),
        t(
            "Geef een cijfer voor proces en opbrengst. Wat leerde je, en wat kan de volgende "
            "keer beter?",
            "Score process and result. What did you learn, and what could go better next time?",
        ),
    ),
    prompts=(
        t("Wat hielp ons vandaag?", "What helped us today?"),
        t("Hielden we ons aan de volgorde?", "Did we keep to the order?"),
        t("Wat neem ik mee naar mijn eigen werk?", "What do I take back to my own work?"),
    ),
    criteria=(
        Criterion("process", t("Proces", "Process"), 1, 5),
        Criterion("result", t("Opbrengst", "Result"), 1, 5),
    ),
)

APPROACHES_OPTION = Option(
    id="approaches",
    name=t("Aanpakken", "Approaches"),
    description=t(
        "Schrijven de deelnemers hun aanpak eerst op, of vertellen ze hem meteen?",
        "Do participants write their approach down first, or say it straight away?",
    ),
    default="written",
    choices=(
        Choice(
            id="written",
            name=t("Eerst opschrijven", "Written first"),
            description=t(
                "Iedereen schrijft eerst in stilte; de teksten blijven verborgen tot de ronde. "
                "Zo laat niemand zich meenemen door wie het eerst spreekt.",
                "Everyone first writes in silence; the texts stay hidden until the round. So "
                "nobody is swayed by whoever speaks first.",
            ),
        ),
        Choice(
            id="spoken",
            name=t("Meteen uitspreken", "Spoken directly"),
            description=t(
                "Geen schrijfstap: de deelnemers vertellen in de ronde meteen hoe zij zouden "
                "handelen. Sneller; de ronde krijgt meer tijd per beurt.",
                "No writing step: participants say in the round how they would act. Quicker; "
                "the round gets more time per turn.",
            ),
            phases={
                "approaches": {
                    "minutes_per_turn": 2,
                    "instructions": {
                        "facilitator": doc(
                            "Laat de deelnemers om de beurt hun aanpak vertellen. Wie nog "
                            "twijfelt, mag als laatste. Kap discussie vriendelijk af; daar is "
                            "straks tijd voor.",
                            "Let participants tell their approach in turn. Whoever still "
                            "hesitates may go last. Cut discussion off kindly; there is time "
                            "for it later.",
                        ),
                        "participants": doc(
                            "Vertel in een paar zinnen hoe jij op het kritieke moment zou "
                            "handelen: wat je doet en wat je zegt.",
                            "Say in a few sentences how you would act at the critical moment: "
                            "what you do and what you say.",
                        ),
                    },
                },
            },
        ),
    ),
)

METHOD = Method(
    id="incident",
    version="1.0",
    name=t("Incidentmethode", "Incident method"),
    summary=t(
        "Een recent voorval waarin de inbrenger snel moest handelen. De deelnemers bedenken "
        "eerst hoe zij zelf zouden handelen; pas daarna vertelt de inbrenger wat er echt "
        "gebeurde.",
        "A recent incident in which the owner had to act quickly. Participants first work out "
        "how they would have acted; only then does the owner tell what they actually did.",
    ),
    when_to_use=t(
        "Voor een concreet, kort en recent voorval waarin je ter plekke moest beslissen of "
        "handelen. Geschikt voor beginnende groepen: de stappen zijn strak en de vragen "
        "feitelijk.",
        "For a concrete, short and recent incident in which someone had to decide or act on "
        "the spot. Suits beginning groups: the steps are tight and the questions factual.",
    ),
    when_not_to_use=t(
        "Niet voor een probleem dat al lang speelt, een relatie die knelt of een vraag over je "
        "eigen gevoelens. Kies dan de roddelmethode of een krachtenveldanalyse.",
        "Not for a problem that has dragged on for a long time, a strained relationship or a "
        "question about your own feelings. Choose the gossip method or a force field analysis "
        "instead.",
    ),
    asks_of_group=t(
        "Iedereen brengt een recent voorval mee en durft een eigen aanpak te kiezen voordat "
        "hij of zij hoort wat de inbrenger deed.",
        "Everyone brings a recent incident and dares to commit to an approach before hearing "
        "what the owner did.",
    ),
    asks_of_facilitator=t(
        "Bewaak de volgorde streng: geen advies en geen waarom-vragen in de vragenronde, en de "
        "inbrenger vertelt pas na de ronde van aanpakken wat hij of zij deed. Houd die ronde "
        "kort en zonder discussie.",
        "Guard the order strictly: no advice and no why-questions while questioning, and the "
        "owner tells what they did only after the round of approaches. Keep that round short "
        "and free of discussion.",
    ),
    level=Level.BEGINNING,
    group_size=GroupSize(min=3, ideal=8, max=10),
    sources=("Pigors & Pigors 1961, The Incident Process", "Hendriksen"),
    suits=(CaseKind.INCIDENT,),
    safety_needed=Safety.LOW,
    options=(APPROACHES_OPTION,),
    phases=(
        COLLECT,
        CHOOSE,
        SKETCH,
        QUESTIONS,
        CORE,
        WRITE,
        APPROACHES,
        DID,
        PRINCIPLES,
        EVALUATION,
    ),
)
