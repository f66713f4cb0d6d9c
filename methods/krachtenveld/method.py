"""Force field analysis (krachtenveldanalyse, after Lewin) as data.

What makes it this method: a goal in the middle, restraining forces on one side and driving
forces on the other (`SIDES`), each force rated for intensity, the strongest kept, and actions
that weaken restraining forces or strengthen driving ones.

Options: `scale` `1-5` (default) or `1-10`, the rating scale (a patch of the rating phase's
criteria); `influence` `off` (default) or `on`, which adds an `influence` criterion to the
rating: how far the owner can influence each force.

The rating step comes in two versions, `rate` (intensity) and `rate_influence` (intensity,
then influence), chosen by the `influence` option through `when`; the `scale` option patches
both. A single phase patched by both options would not work: an option's patch replaces the
whole `criteria` list, so one option would undo the other. Intensity stays the first
criterion in both, which is what the force-field diagram draws.
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
    Side,
    Text,
)


def t(nl: str, en: str) -> Text:
    return Text.of(nl=nl, en=en)


def roles(facilitator: Text, case_owner: Text, participants: Text) -> Instructions:
    return Instructions(facilitator=facilitator, case_owner=case_owner, participants=participants)


RESTRAINING = Side("restraining", t("Remmend", "Restraining"))
DRIVING = Side("driving", t("Stuwend", "Driving"))
SIDES: tuple[Side, ...] = (RESTRAINING, DRIVING)
"""The two sides of the field; the diagram draws restraining left and driving right."""

INTENSITY = Criterion("intensity", t("Sterkte", "Intensity"), 1, 5)
INFLUENCE = Criterion("influence", t("Invloed van de inbrenger", "Owner's influence"), 1, 5)


def _criterion(criterion: Criterion, top: int) -> dict[str, object]:
    """`criterion` on a 1-`top` scale, as a document value for an option's patch."""
    return {"id": criterion.id, "name": dict(criterion.name.values), "min": 1, "max": top}


EVERYONE_RATES = t(
    "Iedereen scoort elke kracht, ook de inbrenger.", "Everyone rates every force, the owner too."
)

CASE = Phase(
    id="case",
    name=t("Casus en doel", "Case and goal"),
    goal=t(
        "De inbrenger beschrijft de huidige en de gewenste situatie. De groep helpt het doel "
        "scherp te krijgen.",
        "The owner describes the present and the desired situation. The group helps sharpen "
        "the goal.",
    ),
    kind=PhaseKind.PRESENTATION,
    owner=OwnerPosition.PRESENTING,
    minutes=10,
    min_minutes=5,
    rules=(
        t(
            "Eerst hoe het nu is, dan hoe het moet worden.",
            "First how things are now, then how they should become.",
        ),
        t(
            "Het doel is concreet: wie doet wat, en wanneer?",
            "The goal is concrete: who does what, and when?",
        ),
        t("Nog geen krachten en geen oplossingen.", "No forces and no solutions yet."),
    ),
    instructions=roles(
        t(
            "Schrijf het doel in het midden van het bord. Help het concreet te maken: hoe zie "
            "je dat het bereikt is?",
            "Write the goal in the middle of the board. Help make it concrete: how will you "
            "see it has been reached?",
        ),
        t(
            "Vertel hoe het nu gaat en wat je anders wilt. Zeg wat je al probeerde. Vat het doel "
            "samen in één zin.",
            "Tell how things go now and what you want to change. Say what you have tried. Put "
            "the goal in one sentence.",
        ),
        t(
            "Luister, en help het doel concreet te maken. Vraag: hoe zie je dat het gelukt is?",
            "Listen, and help make the goal concrete. Ask: how will you see it has worked?",
        ),
    ),
    prompts=(
        t("Nu is het zo dat ...", "At present ..."),
        t("Over drie maanden wil ik dat ...", "In three months I want ..."),
        t("Ik zie dat het gelukt is als ...", "I will know it has worked when ..."),
    ),
)

QUESTIONS = Phase(
    id="questions",
    name=t("Verhelderende vragen", "Clarifying questions"),
    goal=t(
        "De situatie rond de verandering begrijpen.",
        "Understand the situation around the change.",
    ),
    kind=PhaseKind.QUESTIONS,
    owner=OwnerPosition.ANSWERING,
    minutes=10,
    min_minutes=5,
    rules=(
        t("Alleen open vragen, om te begrijpen.", "Open questions only, to understand."),
        t("Nog geen krachten benoemen en geen advies.", "Name no forces yet, and give no advice."),
    ),
    instructions=roles(
        t(
            "Laat iedereen vragen stellen. Noteer voor jezelf de krachten die in de antwoorden "
            "opduiken; ze komen straks van pas.",
            "Let everyone ask questions. Note for yourself the forces that come up in the "
            "answers; they will be useful soon.",
        ),
        t(
            "Antwoord kort en eerlijk, ook over je eigen twijfels.",
            "Answer briefly and honestly, your own doubts included.",
        ),
        t(
            "Vraag naar de mensen, regels, gewoonten en gevoelens rond de verandering.",
            "Ask about the people, rules, habits and feelings around the change.",
        ),
    ),
    prompts=(
        t("Wie merkt er iets van als het lukt?", "Who will notice if it works?"),
        t(
            "Wat gebeurde er de vorige keer dat je het probeerde?",
            "What happened the last time you tried?",
        ),
        t("Wie wil dit ook, en wie niet?", "Who wants this too, and who does not?"),
    ),
)

RESTRAINING_FORCES = Phase(
    id="restraining",
    name=t("Remmende krachten", "Restraining forces"),
    goal=t(
        "Alles benoemen wat de verandering tegenhoudt.",
        "Name everything that holds the change back.",
    ),
    kind=PhaseKind.FORCES,
    owner=OwnerPosition.PARTICIPATING,
    minutes=10,
    min_minutes=5,
    sides=(RESTRAINING,),
    rules=(
        t(
            "Eén kracht per bijdrage, kort en concreet.",
            "One force per contribution, short and concrete.",
        ),
        t(
            "Denk aan mensen, regels, gewoonten, middelen en gevoelens, ook die van de inbrenger.",
            "Think of people, rules, habits, resources and feelings, the owner's own included.",
        ),
        t("Nog niet wegen en nog geen oplossingen.", "No weighing and no solutions yet."),
    ),
    instructions=roles(
        t(
            "Verzamel de remmende krachten aan één kant van het doel. Vraag door tot ook de "
            "eigen remmingen van de inbrenger op het bord staan.",
            "Collect the restraining forces on one side of the goal. Keep asking until the "
            "owner's own restraints are on the board too.",
        ),
        t(
            "Doe mee: jij kent de situatie het best. Noem ook wat in jezelf remt.",
            "Join in: you know the situation best. Name what holds you back inside, too.",
        ),
        t(
            "Noem wat de verandering tegenhoudt. Houd het kort: één kracht per bijdrage.",
            "Name what holds the change back. Keep it short: one force per contribution.",
        ),
    ),
    prompts=(
        t("Tijdsdruk: ...", "Time pressure: ..."),
        t("Angst voor ...", "Fear of ..."),
        t("De regel dat ...", "The rule that ..."),
        t("De gewoonte om ...", "The habit of ..."),
    ),
)

DRIVING_FORCES = Phase(
    id="driving",
    name=t("Stuwende krachten", "Driving forces"),
    goal=t(
        "Alles benoemen wat de verandering vooruit helpt.",
        "Name everything that pushes the change forward.",
    ),
    kind=PhaseKind.FORCES,
    owner=OwnerPosition.PARTICIPATING,
    minutes=10,
    min_minutes=5,
    sides=(DRIVING,),
    rules=(
        t(
            "Eén kracht per bijdrage, kort en concreet.",
            "One force per contribution, short and concrete.",
        ),
        t(
            "Denk aan steun, belangen, middelen en motivatie, ook die van de inbrenger.",
            "Think of support, interests, resources and motivation, the owner's own included.",
        ),
        t("Nog niet wegen.", "No weighing yet."),
    ),
    instructions=roles(
        t(
            "Verzamel de stuwende krachten aan de andere kant van het doel. Vraag ook naar "
            "krachten die nu nog slapen.",
            "Collect the driving forces on the other side of the goal. Ask about forces that "
            "are still asleep, too.",
        ),
        t(
            "Noem wat jou drijft, en wie of wat je kan helpen.",
            "Name what drives you, and who or what can help you.",
        ),
        t(
            "Noem wat de verandering vooruit helpt, of zou kunnen helpen.",
            "Name what pushes the change forward, or could.",
        ),
    ),
    prompts=(
        t("Steun van ...", "Support from ..."),
        t("Mijn eigen motivatie: ...", "My own motivation: ..."),
        t("Het voordeel voor ... is ...", "The benefit for ... is ..."),
    ),
)

RATE = Phase(
    id="rate",
    name=t("Krachten wegen", "Rate the forces"),
    goal=t(
        "Elke kracht een sterkte geven, zodat zichtbaar wordt waar het zwaartepunt ligt.",
        "Give each force a strength, so it shows where the weight lies.",
    ),
    kind=PhaseKind.RATING,
    owner=OwnerPosition.PARTICIPATING,
    minutes=10,
    min_minutes=5,
    criteria=(INTENSITY,),
    when={"influence": ("off",)},
    rules=(
        EVERYONE_RATES,
        t(
            "Scoor eerst alleen; bespreek daarna de grootste verschillen.",
            "Rate alone first; then discuss the biggest differences.",
        ),
        t(
            "Hoe hoger de score, hoe sterker de kracht.",
            "The higher the score, the stronger the force.",
        ),
    ),
    instructions=roles(
        t(
            "Laat iedereen elke kracht scoren. Bespreek kort de krachten waarover de scores het "
            "meest uiteenlopen.",
            "Let everyone rate every force. Briefly discuss the forces on which the scores "
            "differ most.",
        ),
        t(
            "Scoor mee. Zeg het als je een kracht heel anders ervaart dan de groep.",
            "Rate too. Say so if you feel a force very differently from the group.",
        ),
        t(
            "Geef elke kracht een score voor hoe sterk die is. Ga op je eerste indruk af.",
            "Rate how strong each force is. Go by your first impression.",
        ),
    ),
    prompts=(
        t("Deze kracht is sterk, omdat ...", "This force is strong because ..."),
        t("Ik scoor dit lager, omdat ...", "I rate this lower because ..."),
    ),
)

RATE_INFLUENCE = Phase(
    id="rate_influence",
    name=t("Krachten en invloed wegen", "Rate forces and influence"),
    goal=t(
        "Elke kracht een sterkte geven, en een score voor hoeveel invloed de inbrenger erop heeft.",
        "Give each force a strength, and a score for how much influence the owner has on it.",
    ),
    kind=PhaseKind.RATING,
    owner=OwnerPosition.PARTICIPATING,
    minutes=15,
    min_minutes=8,
    criteria=(INTENSITY, INFLUENCE),
    when={"influence": ("on",)},
    rules=(
        EVERYONE_RATES,
        t(
            "Twee scores per kracht: eerst de sterkte, dan de invloed.",
            "Two scores per force: first the strength, then the influence.",
        ),
        t(
            "Hoe hoger de score, hoe sterker de kracht of hoe groter de invloed.",
            "The higher the score, the stronger the force or the greater the influence.",
        ),
    ),
    instructions=roles(
        t(
            "Laat iedereen elke kracht twee scores geven. Vraag bij de invloed: hoeveel kan de "
            "inbrenger hier zelf aan doen? Wijs op krachten die sterk zijn én te beïnvloeden: "
            "daar liggen de beste acties.",
            "Let everyone give each force two scores. For influence ask: how much can the owner "
            "do about it? Point out forces that are strong and open to influence: that is where "
            "the best actions lie.",
        ),
        t(
            "Scoor mee en zeg eerlijk waar je invloed hebt, ook als dat ongemakkelijk is.",
            "Rate too, and say honestly where you have influence, even when that is uncomfortable.",
        ),
        t(
            "Geef elke kracht een score voor hoe sterk die is, en voor hoeveel de inbrenger eraan "
            "kan veranderen.",
            "Rate how strong each force is, and how much the owner can change about it.",
        ),
    ),
    prompts=(
        t("Deze kracht is sterk, omdat ...", "This force is strong because ..."),
        t("Hier heb je invloed op via ...", "You can influence this through ..."),
        t("Dit ligt buiten je macht, omdat ...", "This is beyond your control because ..."),
    ),
)

SELECT = Phase(
    id="select",
    name=t("Selecteren", "Select"),
    goal=t(
        "De sterkste krachten aan beide kanten kiezen en de balans bekijken.",
        "Choose the strongest forces on each side and look at the balance.",
    ),
    kind=PhaseKind.DISCUSSION,
    owner=OwnerPosition.PARTICIPATING,
    minutes=5,
    min_minutes=3,
    rules=(
        t("Kies per kant hooguit drie krachten.", "Choose at most three forces per side."),
        t("De inbrenger heeft het laatste woord.", "The owner has the last word."),
    ),
    instructions=roles(
        t(
            "Laat het krachtenveld zien: het doel in het midden, de krachten als balken. Vraag "
            "welke krachten het zwaarst wegen, en of de balans klopt met wat de inbrenger "
            "ervaart.",
            "Show the force field: the goal in the middle, the forces as bars. Ask which forces "
            "weigh most, and whether the balance matches what the owner experiences.",
        ),
        t(
            "Kies de krachten waar je mee verder wilt. Zeg of het beeld klopt.",
            "Choose the forces you want to work on. Say whether the picture is right.",
        ),
        t(
            "Kijk naar het geheel. Wat valt op aan de balans?",
            "Look at the whole picture. What strikes you about the balance?",
        ),
    ),
    prompts=(
        t("De zwaarste remmende kracht is ...", "The heaviest restraining force is ..."),
        t("Wat opvalt aan de balans, is ...", "What strikes me about the balance is ..."),
    ),
)

ACTIONS = Phase(
    id="actions",
    name=t("Acties", "Actions"),
    goal=t(
        "Manieren vinden om remmende krachten te verzwakken en stuwende te versterken. De "
        "inbrenger kiest.",
        "Find ways to weaken restraining forces and strengthen driving ones. The owner chooses.",
    ),
    kind=PhaseKind.DISCUSSION,
    owner=OwnerPosition.PARTICIPATING,
    minutes=15,
    min_minutes=8,
    rules=(
        t("Werk vanuit de gekozen krachten.", "Work from the chosen forces."),
        t(
            "Een remmende kracht verzwakken helpt vaak meer dan harder duwen.",
            "Weakening a restraining force often helps more than pushing harder.",
        ),
        t("De inbrenger kiest de acties.", "The owner chooses the actions."),
    ),
    instructions=roles(
        t(
            "Neem de gekozen krachten één voor één. Verzamel eerst ideeën en laat de inbrenger "
            "daarna kiezen. Sluit af met een eerste stap: met wie, en wanneer?",
            "Take the chosen forces one by one. Collect ideas first, then let the owner choose. "
            "Close with a first step: with whom, and when?",
        ),
        t(
            "Luister naar de ideeën en kies wat bij je past. Zeg wat je als eerste doet, en "
            "wanneer.",
            "Listen to the ideas and choose what suits you. Say what you will do first, and when.",
        ),
        t(
            "Bedenk acties die een remmende kracht kleiner of een stuwende kracht groter maken.",
            "Think of actions that make a restraining force smaller or a driving force bigger.",
        ),
    ),
    prompts=(
        t("Je kunt ... verzwakken door ...", "You could weaken ... by ..."),
        t("Je kunt ... versterken door ...", "You could strengthen ... by ..."),
        t("Mijn eerste stap is ..., op ...", "My first step is ..., on ..."),
    ),
)

EVALUATION = Phase(
    id="evaluation",
    name=t("Evaluatie", "Evaluation"),
    goal=t(
        "Terugkijken op het proces en op wat het krachtenveld opleverde.",
        "Look back on the process and on what the force field yielded.",
    ),
    kind=PhaseKind.EVALUATION,
    owner=OwnerPosition.PARTICIPATING,
    minutes=5,
    min_minutes=3,
    rules=(t("Kort: één of twee zinnen per persoon.", "Briefly: one or two sentences each."),),
    instructions=roles(
        t(
            "Vraag iedereen een cijfer voor proces en opbrengst, en één opmerking. Spreek af dat "
            "de groep volgende keer hoort hoe de eerste stap ging.",
            "Ask everyone for a score for process and result, and one remark. Agree that the "
            "group hears next time how the first step went.",
        ),
        t(
            "Zeg wat het krachtenveld je liet zien en wat je gaat doen.",
            "Say what the force field showed you and what you will do.",
        ),
        t(
            "Geef een cijfer voor proces en opbrengst. Wat leerde je voor je eigen werk?",
            "Score process and result. What did you learn for your own work?",
        ),
    ),
    prompts=(
        t("Wat maakte het krachtenveld zichtbaar?", "What did the force field make visible?"),
        t(
            "Hielden we verzamelen, wegen en oplossen uit elkaar?",
            "Did we keep collecting, weighing and solving apart?",
        ),
        t("Wat neem ik mee?", "What do I take away?"),
    ),
    criteria=(
        Criterion("process", t("Proces", "Process"), 1, 5),
        Criterion("result", t("Opbrengst", "Result"), 1, 5),
    ),
)

SCALE = Option(
    id="scale",
    name=t("Schaal", "Scale"),
    description=t(
        "Hoe fijn scoort de groep de sterkte van een kracht?",
        "How finely does the group rate the strength of a force?",
    ),
    default="1-5",
    choices=(
        Choice(
            id="1-5",
            name=t("1 tot 5", "1 to 5"),
            description=t(
                "Snel en grof; genoeg om de zwaarste krachten te zien.",
                "Quick and coarse; enough to see the heaviest forces.",
            ),
        ),
        Choice(
            id="1-10",
            name=t("1 tot 10", "1 to 10"),
            description=t(
                "Fijner; handig als veel krachten dicht bij elkaar liggen.",
                "Finer; useful when many forces are close together.",
            ),
            phases={
                "rate": {"criteria": [_criterion(INTENSITY, 10)]},
                "rate_influence": {
                    "criteria": [_criterion(INTENSITY, 10), _criterion(INFLUENCE, 10)]
                },
            },
        ),
    ),
)

INFLUENCE_OPTION = Option(
    id="influence",
    name=t("Invloed", "Influence"),
    description=t(
        "Scoort de groep ook hoeveel invloed de inbrenger op elke kracht heeft?",
        "Does the group also rate how much influence the owner has on each force?",
    ),
    default="off",
    choices=(
        Choice(
            id="off",
            name=t("Zonder invloed", "Without influence"),
            description=t("Alleen de sterkte van elke kracht.", "Only the strength of each force."),
        ),
        Choice(
            id="on",
            name=t("Met invloed", "With influence"),
            description=t(
                "Elke kracht krijgt naast een sterkte ook een score voor invloed, op dezelfde "
                "schaal. De acties richten zich dan op sterke krachten waar de inbrenger iets "
                "aan kan doen. Het wegen duurt vijf minuten langer.",
                "Each force gets an influence score besides its strength, on the same scale. "
                "The actions then aim at strong forces the owner can do something about. "
                "Rating takes five minutes longer.",
            ),
        ),
    ),
)

METHOD = Method(
    id="krachtenveld",
    version="1.0",
    name=t("Krachtenveldanalyse", "Force field analysis"),
    summary=t(
        "Voor een verandering die de inbrenger wil, maar die niet van de grond komt. De groep "
        "brengt de remmende en stuwende krachten in kaart, weegt ze en zoekt acties die de "
        "balans doen kantelen.",
        "For a change the owner wants but that does not happen. The group maps the "
        "restraining and driving forces, rates them and looks for actions that tip the "
        "balance.",
    ),
    when_to_use=t(
        "Als een gewenste verandering steeds blijft hangen, of een probleem telkens terugkomt. "
        "Ook als de inbrenger het overzicht kwijt is.",
        "When a wanted change keeps stalling, or a problem keeps coming back. Also when the "
        "owner has lost the overview.",
    ),
    when_not_to_use=t(
        "Niet voor een eenmalig voorval of een vraag over gevoelens in een relatie. Ook niet "
        "als het doel nog helemaal onduidelijk is.",
        "Not for a one-off incident or a question about feelings in a relationship. Nor when "
        "the goal is still entirely unclear.",
    ),
    asks_of_group=t(
        "Geduld om eerst breed te verzamelen, en pas daarna te wegen en op te lossen. Iedereen "
        "scoort mee.",
        "Patience to collect widely first, and only then weigh and solve. Everyone rates.",
    ),
    asks_of_facilitator=t(
        "Houd de stappen uit elkaar: eerst krachten, dan wegen, dan acties. Maak het "
        "krachtenveld zichtbaar voor iedereen, met het doel in het midden.",
        "Keep the steps apart: forces first, then weighing, then actions. Make the force field "
        "visible to everyone, with the goal in the middle.",
    ),
    level=Level.BEGINNING,
    group_size=GroupSize(min=3, ideal=8, max=10),
    sources=("Lewin 1951, Field Theory in Social Science",),
    suits=(CaseKind.STUCK_CHANGE, CaseKind.RECURRING_PROBLEM),
    safety_needed=Safety.LOW,
    options=(SCALE, INFLUENCE_OPTION),
    phases=(
        CASE,
        QUESTIONS,
        RESTRAINING_FORCES,
        DRIVING_FORCES,
        RATE,
        RATE_INFLUENCE,
        SELECT,
        ACTIONS,
        EVALUATION,
    ),
)
