"""Demo meetings: a believable group, cases and contributions, played through the real engine.

Trainers use `play_demo` to produce a worked example of a method; tests and benchmarks use it
for realistic data. Every command goes through the engine on a fake clock, so a demo meeting
is a real meeting (it replays, reports and certifies like one, flagged `demo`). The same
method, seed and language give the same events.

Works for any method, plugins and house methods included: texts are picked by what a phase
captures (its kind, its lens, where the owner sits), with the built-in methods' own cases.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import Clock, FakeClock
from intervisie.core.meeting.commands import EGT_CRITERIA
from intervisie.core.meeting.engine import DomainError, Engine
from intervisie.core.meeting.events import Event
from intervisie.core.meeting.model import (
    FACILITATOR,
    Case,
    Contribution,
    Group,
    Member,
    PhaseRun,
    Round,
)
from intervisie.core.method.model import (
    ContributionKind,
    MeetingStep,
    Method,
    OwnerPosition,
    PhaseKind,
    TurnMode,
)

DEMO_START = datetime(2026, 1, 15, 13, 0, tzinfo=UTC)
"""A Thursday afternoon, 14:00 in Amsterdam."""

MEMBERS: tuple[Member, ...] = (
    Member("anna", "Anna de Vries"),
    Member("bram", "Bram Jansen"),
    Member("carla", "Carla Bakker"),
    Member("daan", "Daan Visser"),
    Member("eva", "Eva Smit"),
    Member("femke", "Femke Mulder"),
    Member("gijs", "Gijs de Boer"),
    Member("hanna", "Hanna Meijer"),
)

_T = Mapping[str, Sequence[str]]
"""Sample texts per language; `{owner}` is the case owner's first name."""


def _l(nl: Sequence[str], en: Sequence[str]) -> _T:
    return {"nl": tuple(nl), "en": tuple(en)}


GROUP_NAME = {"nl": "Intervisiegroep advocatuur Utrecht", "en": "Utrecht lawyers' peer group"}
PLACE = {"nl": "Utrecht, kantoor Jansen & Bakker", "en": "Utrecht, Jansen & Bakker's office"}

# Cases: (title, description) per language, per built-in method, plus a general pool.
CASES: Mapping[str, Mapping[str, Sequence[tuple[str, str]]]] = {
    "incident": {
        "nl": (
            (
                "Cliënt begon te schreeuwen aan de balie",
                "Vorige week stond een cliënt onaangekondigd aan de balie en begon te schreeuwen "
                "toen ik zei dat ik geen tijd had. De secretaresse keek naar mij.",
            ),
            (
                "Wederpartij belde mij rechtstreeks",
                "De advocaat van de wederpartij was op vakantie; zijn cliënt belde mij zelf op om "
                "een schikking voor te stellen.",
            ),
            (
                "Rechter onderbrak mijn pleitnota",
                "Na twee minuten zei de rechter dat ze de stukken had gelezen en vroeg me het kort "
                "te houden. Ik moest ter plekke kiezen wat ik wegliet.",
            ),
        ),
        "en": (
            (
                "Client started shouting at reception",
                "Last week a client turned up unannounced and started shouting when I said I had "
                "no time. The secretary looked at me.",
            ),
            (
                "The other party called me directly",
                "The other side's lawyer was on holiday; his client phoned me himself to propose "
                "a settlement.",
            ),
            (
                "The judge cut my pleading short",
                "After two minutes the judge said she had read the papers and asked me to be "
                "brief. I had to choose on the spot what to leave out.",
            ),
        ),
    },
    "roddel": {
        "nl": (
            (
                "Ik zeg te snel ja tegen de partner",
                "Elke keer als de partner vrijdagmiddag een spoedzaak brengt, zeg ik ja. "
                "Thuis is de rek eruit, maar nee zeggen lukt me niet.",
            ),
        ),
        "en": (
            (
                "I say yes to the partner too easily",
                "Whenever the partner brings an urgent file on Friday afternoon, I say yes. "
                "At home they have had enough, but I cannot say no.",
            ),
        ),
    },
    "denkhoeden": {
        "nl": (
            (
                "Overstappen naar een kleiner kantoor?",
                "Een kleiner kantoor biedt mij een plek als partner. Ik twijfel: meer vrijheid, "
                "maar ook meer risico en minder grote zaken.",
            ),
        ),
        "en": (
            (
                "Move to a smaller firm?",
                "A smaller firm offers me a partnership. I hesitate: more freedom, but more "
                "risk and fewer big cases.",
            ),
        ),
    },
    "krachtenveld": {
        "nl": (
            (
                "Minder declarabele uren, meer tijd voor opleiding",
                "Ik wil per week vier uur vrijmaken om stagiairs op te leiden, maar het komt er "
                "al een jaar niet van.",
            ),
        ),
        "en": (
            (
                "Fewer billable hours, more time for training",
                "I want to free four hours a week to train our trainees, but for a year now it "
                "has not happened.",
            ),
        ),
    },
    "": {
        "nl": (
            (
                "Vertrouwelijke informatie van een oud-cliënt",
                "In een nieuwe zaak weet ik iets van een oud-cliënt dat mijn huidige cliënt zou "
                "helpen. Ik mag het niet gebruiken, maar het zit in mijn hoofd.",
            ),
            (
                "Declaratie die de cliënt niet kan betalen",
                "Een cliënt in de schuldsanering vraagt of ik de uren 'wat rustiger' kan "
                "schrijven.",
            ),
            (
                "Collega die steeds deadlines mist",
                "Een kantoorgenoot mist termijnen; ik vang het op, maar durf het niet aan te "
                "kaarten.",
            ),
        ),
        "en": (
            (
                "Confidential information from a former client",
                "In a new case I know something about a former client that would help my "
                "present client. I may not use it, but it is on my mind.",
            ),
            (
                "A bill the client cannot pay",
                "A client in debt restructuring asks whether I could write the hours down "
                "'a bit more gently'.",
            ),
            (
                "A colleague who keeps missing deadlines",
                "A colleague at the firm misses time limits; I cover for him but dare not "
                "raise it.",
            ),
        ),
    },
}

PREVIOUS_CASE = {
    "nl": (
        "Cliënt die niet wilde betalen",
        "Hij heeft na een goed gesprek alsnog betaald; "
        "ik heb nu vooraf een voorschot gevraagd bij nieuwe zaken.",
    ),
    "en": (
        "Client who would not pay",
        "After a good talk he paid after all; I now ask for an advance on new cases.",
    ),
}

QUESTIONS = _l(
    (
        "Wat gebeurde er vlak voordat het escaleerde?",
        "Wie was er nog meer bij, {owner}?",
        "Hoe reageerde je op dat moment?",
        "Wat wilde je op dat moment het liefst bereiken?",
        "Welke afspraken waren er vooraf gemaakt?",
        "Hoe vaak heb je dit eerder meegemaakt?",
        "Wat merkte je bij jezelf toen het gebeurde?",
    ),
    (
        "What happened just before it escalated?",
        "Who else was there, {owner}?",
        "How did you respond at that moment?",
        "What did you most want to achieve at that moment?",
        "What had been agreed beforehand?",
        "How often has this happened before?",
        "What did you notice in yourself when it happened?",
    ),
)

APPROACHES = _l(
    (
        "Ik zou de cliënt eerst laten uitpraten en dan een afspraak voorstellen.",
        "Ik zou rustig zeggen dat ik hem zo niet kan helpen en een collega erbij halen.",
        "Ik zou meteen de partner inlichten en het daarna schriftelijk bevestigen.",
        "Ik zou benoemen wat ik zie: u bent boos, dat begrijp ik, laten we gaan zitten.",
        "Ik zou het gesprek afbreken en later terugbellen, als het rustiger is.",
        "Ik zou mijn grens aangeven en de secretaresse vragen erbij te blijven.",
    ),
    (
        "I would let the client finish and then propose an appointment.",
        "I would calmly say I cannot help him like this and ask a colleague to join.",
        "I would tell the partner at once and confirm it in writing afterwards.",
        "I would name what I see: you are angry, I understand, let us sit down.",
        "I would end the conversation and call back later, when things are calmer.",
        "I would state my limit and ask the secretary to stay.",
    ),
)

CORE = _l(
    (
        "De kern: hoe houd je regie als een cliënt je overvalt?",
        "Volgens mij gaat het om het verschil tussen behulpzaam zijn en je laten opjagen.",
        "Ik denk dat de kern is dat {owner} geen ruimte had om na te denken.",
        "Het gaat om grenzen stellen zonder de relatie kwijt te raken.",
    ),
    (
        "The core: how do you keep control when a client takes you by surprise?",
        "To me it is about the difference between being helpful and being rushed.",
        "I think the core is that {owner} had no room to think.",
        "It is about setting limits without losing the relationship.",
    ),
)

GOSSIP = _l(
    (
        "Ik heb het idee dat {owner} vooral bang is om de partner teleur te stellen.",
        "Wat mij opvalt: {owner} zegt 'ik moet' en nooit 'ik wil'.",
        "Als ik {owner} was, zou ik me afvragen wat er gebeurt als ik een keer nee zeg.",
        "Misschien haalt {owner} er ook iets uit: het gevoel onmisbaar te zijn.",
        "Ik hoor veel loyaliteit, maar weinig aandacht voor zichzelf.",
        "Ik vermoed dat de partner niet eens weet hoe zwaar dit voor {owner} is.",
    ),
    (
        "I have the feeling {owner} is mostly afraid of disappointing the partner.",
        "What strikes me: {owner} says 'I must' and never 'I want'.",
        "If I were {owner}, I would wonder what happens if I say no just once.",
        "Maybe {owner} gets something out of it too: feeling indispensable.",
        "I hear a lot of loyalty, and little attention for {owner} themself.",
        "I suspect the partner does not even know how heavy this is for {owner}.",
    ),
)

HATS: Mapping[str, _T] = {
    "blue": _l(
        (
            "De vraag is: ga ik wel of niet in op het aanbod? Eerst feiten, dan gevoel.",
            "Samenvattend: het gevoel zegt ja, de risico's zijn te overzien met een goed plan.",
            "Volgende stap: {owner} vraagt de cijfers op en spreekt twee partners daar.",
        ),
        (
            "The question is: do I take the offer or not? Facts first, then feelings.",
            "In short: the feeling says yes, the risks are manageable with a good plan.",
            "Next step: {owner} asks for the figures and talks to two partners there.",
        ),
    ),
    "white": _l(
        (
            "Het kantoor heeft zes advocaten en twee vaste grote cliënten.",
            "We weten niet hoe de winstverdeling is geregeld.",
            "{owner} heeft nu een vast salaris en een leaseauto.",
        ),
        (
            "The firm has six lawyers and two large regular clients.",
            "We do not know how the profit sharing is arranged.",
            "{owner} now has a fixed salary and a company car.",
        ),
    ),
    "red": _l(
        (
            "Ik krijg er energie van als ik {owner} erover hoor praten.",
            "Mijn buikgevoel: spannend, maar het past bij {owner}.",
            "Ik voel ook onrust: is dit een vlucht?",
        ),
        (
            "I get energy from hearing {owner} talk about it.",
            "My gut feeling: exciting, but it suits {owner}.",
            "I also feel unease: is this running away?",
        ),
    ),
    "black": _l(
        (
            "Als een van de twee grote cliënten wegvalt, komt het kantoor in de problemen.",
            "Partner worden betekent ook aansprakelijk zijn.",
            "Minder grote zaken kan betekenen dat {owner} minder leert.",
        ),
        (
            "If one of the two large clients leaves, the firm is in trouble.",
            "Becoming a partner also means being liable.",
            "Fewer big cases may mean {owner} learns less.",
        ),
    ),
    "yellow": _l(
        (
            "Meer zeggenschap over welke zaken {owner} aanneemt.",
            "Een kleiner team betekent korte lijnen.",
            "Ondernemerschap past bij wat {owner} eerder vertelde.",
        ),
        (
            "More say in which cases {owner} takes on.",
            "A smaller team means short lines.",
            "Being an entrepreneur fits what {owner} told us before.",
        ),
    ),
    "green": _l(
        (
            "Wat als {owner} eerst een jaar als 'of counsel' instapt?",
            "Of: de huidige werkgever vragen om een partnerpad.",
            "Een proefperiode van zes maanden afspreken met een terugkeeroptie.",
        ),
        (
            "What if {owner} joins as 'of counsel' for a year first?",
            "Or: ask the present employer for a path to partnership.",
            "Agree a six-month trial with an option to return.",
        ),
    ),
}

FORCES: Mapping[str, _T] = {
    "restraining": _l(
        (
            "De urennorm van het kantoor",
            "Angst om achter te raken bij collega's",
            "Cliënten verwachten dat ik altijd bereikbaar ben",
            "Geen vaste tijd in de agenda",
        ),
        (
            "The firm's billable-hours target",
            "Fear of falling behind colleagues",
            "Clients expect me to be reachable at all times",
            "No fixed time in the diary",
        ),
    ),
    "driving": _l(
        (
            "Stagiairs vragen er zelf om",
            "De partner steunt het idee",
            "Ik krijg er zelf energie van",
            "Opleiden telt mee voor de beoordeling",
        ),
        (
            "The trainees ask for it themselves",
            "The partner supports the idea",
            "It gives me energy",
            "Training counts in the appraisal",
        ),
    ),
}

PRINCIPLES = _l(
    (
        "Onder druk eerst tijd kopen: 'ik kom erop terug' is ook een antwoord.",
        "Een grens stellen kan vriendelijk en duidelijk tegelijk.",
        "Achteraf vastleggen wat er gebeurde beschermt jezelf en het kantoor.",
    ),
    (
        "Under pressure, buy time first: 'I will get back to you' is an answer too.",
        "A limit can be friendly and clear at the same time.",
        "Recording afterwards what happened protects you and the firm.",
    ),
)

ADVICE = _l(
    (
        "Spreek met de partner af dat spoedzaken vóór donderdag binnenkomen.",
        "Probeer één keer nee te zeggen en kijk wat er gebeurt.",
        "Zoek een collega met wie je spoedzaken kunt ruilen.",
        "Zet vaste opleidingsuren in de agenda, net als een zitting.",
    ),
    (
        "Agree with the partner that urgent files come in before Thursday.",
        "Try saying no once and see what happens.",
        "Find a colleague to swap urgent files with.",
        "Put fixed training hours in the diary, just like a hearing.",
    ),
)

NOTES = _l(
    (
        "{owner} schetst de situatie; de spanning liep in een paar minuten op.",
        "{owner} herkent het beeld van de loyale medewerker, maar niet dat het om angst gaat.",
        "{owner} vertelt wat er echt gebeurde en welke aanpak het meest aansprak.",
        "Afspraak: volgende bijeenkomst vertelt {owner} hoe het ging.",
    ),
    (
        "{owner} sketches the situation; the tension rose within a few minutes.",
        "{owner} recognises the picture of the loyal employee, but not that it is about fear.",
        "{owner} tells what really happened and which approach appealed most.",
        "Agreed: at the next meeting {owner} tells how it went.",
    ),
)

TAKEAWAYS = _l(
    (
        "Ik ga de partner vragen om spoedzaken eerder in de week te brengen.",
        "Ik neem mij voor om eerst tijd te vragen voordat ik reageer.",
        "Ik plan elke dinsdagmiddag twee uur voor de stagiairs.",
    ),
    (
        "I will ask the partner to bring urgent files earlier in the week.",
        "I resolve to ask for time before I react.",
        "I will plan two hours every Tuesday afternoon for the trainees.",
    ),
)

EVALUATIONS = _l(
    (
        "Goed gesprek; de vragenronde had korter gekund.",
        "Veilig en scherp. Het roddelen voelde eerst ongemakkelijk, daarna waardevol.",
        "De methode hielp om niet meteen in oplossingen te schieten.",
        "Ik neem veel mee voor mijn eigen praktijk.",
    ),
    (
        "Good conversation; the questions could have been shorter.",
        "Safe and sharp. The gossip felt awkward at first, valuable after.",
        "The method helped us not to jump to solutions.",
        "I take a lot away for my own practice.",
    ),
)

REVISIT_NOTE = {
    "nl": "Het gesprek hielp: de cliënt heeft betaald en ik vraag nu standaard een voorschot.",
    "en": "The talk helped: the client paid and I now ask for an advance as standard.",
}


class _Player:
    """Drives one demo meeting through the engine, step by step."""

    def __init__(self, method: Method, seed: int, lang: str, clock: Clock):
        self.method = method
        self.rng = random.Random(f"{method.id}:{seed}:{lang}")
        self.lang = lang if lang in ("nl", "en") else "en"
        self.clock = clock
        self.engine = Engine(clock)
        self._used: dict[int, set[int]] = {}

    # -- helpers ------------------------------------------------------------------------

    def playing(self) -> Round:
        """The round being played (the player only asks while one is open)."""
        rnd = self.engine.state.round
        assert rnd is not None, "no round is open"
        return rnd

    def wait(self, minutes: float) -> None:
        if isinstance(self.clock, FakeClock):
            self.clock.advance(minutes=round(minutes * 60) / 60)

    def first_name(self, member_id: str | None) -> str:
        if member_id is None:
            return ""
        for m in MEMBERS:
            if m.id == member_id:
                return m.name.split()[0]
        return member_id

    def text(self, pool: _T) -> str:
        """A text from `pool` not used yet in this meeting (pools restart when used up)."""
        texts = pool.get(self.lang) or pool["en"]
        used = self._used.setdefault(id(pool), set())
        if len(used) >= len(texts):
            used.clear()
        index = self.rng.choice([i for i in range(len(texts)) if i not in used])
        used.add(index)
        rnd = self.engine.state.round
        owner = rnd.owner if rnd is not None else None
        return texts[index].format(owner=self.first_name(owner) or "de inbrenger")

    def participants(self) -> tuple[str, ...]:
        rnd = self.engine.state.round
        people = rnd.participants if rnd is not None else self.engine.state.participants
        owner = rnd.owner if rnd is not None else None
        return tuple(p for p in people if p != owner)

    def some(self, people: Sequence[str], low: int, high: int) -> list[str]:
        count = min(len(people), self.rng.randint(low, high))
        return self.rng.sample(list(people), count)

    # -- the meeting --------------------------------------------------------------------

    def open(self, rule_profile: str, minutes: float) -> None:
        rng = self.rng
        present = [m.id for m in MEMBERS]
        absent = rng.sample(present, rng.randint(1, 2))
        present = [m for m in present if m not in absent]
        facilitator = rng.choice(present)
        others = [m for m in present if m != facilitator]
        previous_owner = rng.choice(others)
        title, _ = PREVIOUS_CASE[self.lang]
        self.engine.execute(
            cmd.OpenMeeting(
                group=Group("demo", GROUP_NAME[self.lang], MEMBERS),
                present=tuple(present),
                facilitator=facilitator,
                timekeeper=rng.choice(others),
                note_taker=rng.choice(others),
                confidentiality=tuple(present),
                minutes_available=minutes,
                place=PLACE[self.lang],
                rule_profile=rule_profile,
                demo=True,
                revisit=(Case("previous-1", previous_owner, title),),
            )
        )
        self.wait(2)
        self.engine.execute(
            cmd.RevisitNote(
                case_id="previous-1", text=REVISIT_NOTE[self.lang], author=previous_owner
            )
        )
        self.wait(6)

    def cases(self) -> list[tuple[str, str]]:
        own = CASES.get(self.method.id, {}).get(self.lang, ())
        return [*own, *CASES[""][self.lang]]

    def intake_and_choice(self) -> str:
        """The meeting's own intake and choice: three cases, the method's own one chosen."""
        people = list(self.participants())
        owners = self.rng.sample(people, min(3, len(people)))
        cases = self.cases()
        featured = self.rng.randrange(len(owners))
        for i, owner in enumerate(owners):
            title, description = cases[0] if i == featured else cases[i + 1 - (i > featured)]
            self.engine.execute(cmd.AddCase(owner=owner, title=title, description=description))
            self.wait(1.5)
        ids = [c.id for c in self.engine.state.cases]
        winner = ids[featured]
        if self.rng.random() < 0.5:
            for voter in self.participants():
                choice = winner if self.rng.random() < 0.7 else self.rng.choice(ids)
                self.engine.execute(cmd.Vote(voter=voter, case_id=choice))
        else:
            for scorer in self.some(self.participants(), 3, 5):
                for cid in ids:
                    top = cid == winner
                    self.engine.execute(
                        cmd.Score(
                            scorer=scorer,
                            case_id=cid,
                            ratings={
                                name: self.rng.randint(3, 5) if top else self.rng.randint(1, 3)
                                for name in EGT_CRITERIA
                            },
                        )
                    )
        self.wait(3)
        try:
            self.engine.execute(cmd.ChooseCase())
        except DomainError:
            self.engine.execute(cmd.ChooseCase(case_id=winner))
        chosen = self.engine.state.chosen
        if chosen is None or chosen.case_id != winner:  # the facilitator settles it
            self.engine.execute(cmd.ChooseCase(case_id=winner))
        self.wait(1)
        return winner

    def round(self, options: Mapping[str, str] | None) -> None:
        phases = self.method.phases_for(options)
        chooses = any(p.kind is PhaseKind.CHOICE for p in phases)
        case_id = None if chooses else self.intake_and_choice()
        self.engine.execute(cmd.StartRound(method=self.method, case_id=case_id, options=options))
        rnd = self.playing()
        pause_at = self.rng.randrange(1, max(len(rnd.phases) - 1, 2))
        extend_at = self.rng.randrange(len(rnd.phases))
        for index in range(len(rnd.phases)):
            if index:
                self.engine.execute(cmd.NextPhase())
                self.reveal_previous(index - 1)
            run = self.playing().phase
            if index == extend_at:
                self.engine.execute(cmd.Extend(minutes=2))
            self.play_phase(run)
            if index == pause_at:
                self.engine.execute(cmd.Pause())
                self.wait(10)
                self.engine.execute(cmd.Resume())
        self.engine.execute(cmd.FinishRound())

    def reveal_previous(self, index: int) -> None:
        run = self.playing().phases[index]
        if run.phase.hidden_until_reveal and not run.revealed:
            self.engine.execute(cmd.Reveal(phase_id=run.id))

    def closing(self) -> None:
        self.engine.execute(cmd.StartStep(step=MeetingStep.CLOSING))
        for who in self.some(self.engine.state.participants, 2, 4):
            self.engine.execute(
                cmd.AddContribution(
                    author=who,
                    kind=ContributionKind.EVALUATION,
                    text=self.text(EVALUATIONS),
                    ratings={"mood": self.rng.randint(6, 9)},
                )
            )
        self.wait(8)
        self.engine.execute(cmd.FinishMeeting())

    # -- phases -------------------------------------------------------------------------

    def play_phase(self, run: PhaseRun) -> None:
        kind = run.phase.kind
        minutes = run.planned_minutes * self.rng.uniform(0.85, 1.1)
        if run.turns and run.phase.turn_mode is not TurnMode.NONE:
            self.play_turns(run, minutes)
            return
        handler = {
            PhaseKind.INTAKE: self.phase_intake,
            PhaseKind.CHOICE: self.phase_choice,
            PhaseKind.PRESENTATION: self.phase_presentation,
            PhaseKind.QUESTIONS: self.phase_questions,
            PhaseKind.WRITING: self.phase_writing,
            PhaseKind.ROUND: self.phase_round,
            PhaseKind.DISCUSSION: self.phase_discussion,
            PhaseKind.FORCES: self.phase_forces,
            PhaseKind.RATING: self.phase_rating,
            PhaseKind.EVALUATION: self.phase_evaluation,
        }[kind]
        handler(run)
        self.wait(minutes)

    def play_turns(self, run: PhaseRun, minutes: float) -> None:
        per_turn = minutes / max(len(run.turns), 1)
        for i, speaker in enumerate(run.turns):
            if run.phase.kind is PhaseKind.INTAKE:
                self.add_incident(speaker)
            else:
                self.say(run, speaker)
            self.wait(per_turn)
            if i < len(run.turns) - 1:
                self.engine.execute(cmd.NextTurn())
        self.engine.execute(cmd.NextTurn())

    def pool_for(self, run: PhaseRun) -> _T:
        phase = run.phase
        if phase.lens is not None and phase.lens.id in HATS:
            return HATS[phase.lens.id]
        if phase.owner is OwnerPosition.TURNED_AWAY:
            return GOSSIP
        if phase.kind is PhaseKind.WRITING or phase.id.startswith("approach"):
            return APPROACHES
        if phase.id.startswith("core"):
            return CORE
        if phase.id.startswith("principle"):
            return PRINCIPLES
        return ADVICE

    def say(self, run: PhaseRun, speaker: str) -> None:
        kinds = run.phase.accepts()
        kind = (
            ContributionKind.REMARK
            if ContributionKind.REMARK in kinds
            else ContributionKind.WRITING
            if ContributionKind.WRITING in kinds
            else ContributionKind.NOTE
        )
        self.engine.execute(
            cmd.AddContribution(author=speaker, kind=kind, text=self.text(self.pool_for(run)))
        )

    def add_incident(self, owner: str) -> None:
        pool = self.cases()
        index = len(self.engine.state.cases) % len(pool)
        title, description = pool[index]
        self.engine.execute(cmd.AddCase(owner=owner, title=title, description=description))

    def phase_intake(self, run: PhaseRun) -> None:
        for owner in self.some(self.participants(), 2, 3):
            self.add_incident(owner)

    def phase_choice(self, run: PhaseRun) -> None:
        cases = [c.id for c in self.engine.state.eligible_cases()]
        if not cases:
            self.add_incident(self.participants()[0])
            cases = [self.engine.state.cases[-1].id]
        favourite = self.rng.choice(cases)
        for voter in self.participants():
            self.engine.execute(
                cmd.Vote(
                    voter=voter,
                    case_id=favourite if self.rng.random() < 0.7 else self.rng.choice(cases),
                )
            )

    def note(self) -> None:
        state = self.engine.state
        author = state.note_taker or FACILITATOR
        self.engine.execute(
            cmd.AddContribution(author=author, kind=ContributionKind.NOTE, text=self.text(NOTES))
        )

    def phase_presentation(self, run: PhaseRun) -> None:
        self.note()

    def phase_questions(self, run: PhaseRun) -> None:
        for who in self.some(self.participants(), 3, 5):
            self.engine.execute(
                cmd.AddContribution(
                    author=who, kind=ContributionKind.QUESTION, text=self.text(QUESTIONS)
                )
            )
        self.note()

    def phase_writing(self, run: PhaseRun) -> None:
        for who in self.participants():
            self.engine.execute(
                cmd.AddContribution(
                    author=who, kind=ContributionKind.WRITING, text=self.text(self.pool_for(run))
                )
            )

    def phase_round(self, run: PhaseRun) -> None:
        for who in self.participants():
            self.say(run, who)

    def phase_discussion(self, run: PhaseRun) -> None:
        pool = PRINCIPLES if run.id.startswith("principle") else ADVICE
        for who in self.some(self.participants(), 2, 4):
            self.engine.execute(
                cmd.AddContribution(author=who, kind=ContributionKind.REMARK, text=self.text(pool))
            )
        owner = self.playing().owner
        # A silent owner (listening, turned away) only notes for themselves.
        silent = run.phase.owner in (OwnerPosition.LISTENING, OwnerPosition.TURNED_AWAY)
        kind = ContributionKind.NOTE if silent else ContributionKind.TAKEAWAY
        if owner is not None and kind in run.phase.accepts():
            self.engine.execute(
                cmd.AddContribution(author=owner, kind=kind, text=self.text(TAKEAWAYS))
            )

    def phase_forces(self, run: PhaseRun) -> None:
        for side in run.phase.sides:
            pool = FORCES.get(side.id) or FORCES["restraining"]
            for who in self.some(self.participants(), 2, 3):
                self.engine.execute(
                    cmd.AddContribution(
                        author=who, kind=ContributionKind.FORCE, text=self.text(pool), side=side.id
                    )
                )

    def phase_rating(self, run: PhaseRun) -> None:
        rnd = self.playing()
        forces = [
            c
            for c in self.engine.state.contributions_in(rnd.id)
            if c.kind is ContributionKind.FORCE
        ]
        raters = self.some(self.participants(), 2, 3)
        targets: list[Contribution | None] = [*forces] or [None]
        for force in targets:
            for who in raters:
                ratings = {c.id: self.rng.randint(c.min, c.max) for c in run.phase.criteria}
                self.engine.execute(
                    cmd.AddContribution(
                        author=who,
                        kind=ContributionKind.RATING,
                        ratings=ratings,
                        target=force.id if force else None,
                    )
                )

    def phase_evaluation(self, run: PhaseRun) -> None:
        criteria = run.phase.criteria
        for who in self.participants():
            ratings = {c.id: self.rng.randint(max(c.min, c.max - 2), c.max) for c in criteria}
            text = self.text(EVALUATIONS) if self.rng.random() < 0.6 or not ratings else ""
            self.engine.execute(
                cmd.AddContribution(
                    author=who, kind=ContributionKind.EVALUATION, text=text, ratings=ratings
                )
            )
        owner = self.playing().owner
        if owner is not None:
            self.engine.execute(
                cmd.AddContribution(
                    author=owner, kind=ContributionKind.TAKEAWAY, text=self.text(TAKEAWAYS)
                )
            )


def play_demo(
    method: Method,
    seed: int = 0,
    lang: str = "nl",
    clock: Clock | None = None,
    *,
    options: Mapping[str, str] | None = None,
    rule_profile: str = "",
    minutes_available: float | None = None,
) -> list[Event]:
    """The events of a whole demo meeting of `method`: open, revisit, intake, choice (the
    meeting's or the method's own), every phase with sample contributions, a pause and an
    extension, the closing. Deterministic for `method`, `seed`, `lang` and the clock's start.
    """
    player = _Player(method, seed, lang, clock or FakeClock(DEMO_START))
    people = len(MEMBERS) - 1
    planned = method.total_minutes(people, options)
    player.open(rule_profile, minutes_available or max(120.0, round(planned / 30 + 1.5) * 30))
    player.round(options)
    player.closing()
    return list(player.engine.events)
